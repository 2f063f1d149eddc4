// Pure: what a Chinese personal name looks like (surname, length, words that end organisations instead).

/** The commonest Chinese surnames (about 90% of people); bare names with no label must start with one. */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
  ),
);
const COMPOUND_SURNAMES =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|宇文|长孙|端木|西门|南宫|独孤)/u;
/** Words that end organisations, places and credits rather than names. */
export const NOT_A_NAME =
  /(?:报道|记者|编辑|来源|图片|摄影|通讯员|实习生|新闻|中心|网|报|社|台|部|局|厅|委|院|办|室|处|所|站|馆|团|集团|公司|政府|大学|学院|频道|专栏|综合|整理|整合|编译|供图|发自|文章|作品|简介|更多|主页|首页|登录|注册|评论|阅读|点击|转载|原创|本站|网络|省|市|县|区|版|分类)$/u;

export function isHanWord(value: string): boolean {
  return /^[\p{Script=Han}·]+$/u.test(value);
}

/** `张三`, `欧阳修`: two to four Han characters starting with a common surname. */
export function isLikelyHanName(value: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(value) || NOT_A_NAME.test(value)) return false;
  return SURNAMES.has(value[0] ?? '') || (value.length >= 3 && COMPOUND_SURNAMES.test(value));
}

/**
 * `张三`, `王建国`, `欧阳建国`: a name of the usual length, two or three characters, four only under a compound
 * surname. Where nothing labels a name (`（查看價格）` closing an ad), a four-character word is rarely one.
 */
export function isUsualHanName(value: string): boolean {
  return isLikelyHanName(value) && (value.length <= 3 || COMPOUND_SURNAMES.test(value));
}

/**
 * Names in a list, with a two-character name that the layout padded to three (`王乐文 方 敏`, `赵 培`) put back
 * together: two single characters side by side are one name when they read as one.
 */
export function joinSplitHanNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    const after = tokens[i + 2] ?? '';
    // A run of exactly two: `王 李 张` is three one-character words, not a name and a half.
    const isPair = t.length === 1 && next.length === 1 && after.length !== 1 && out.at(-1)?.length !== 1;
    if (isPair && isHanWord(t + next) && (tokens.length === 2 || isLikelyHanName(t + next))) {
      out.push(t + next);
      i += 1;
    } else out.push(t);
  }
  return out;
}

/** Chinese names in a row: `王建宏 张文攀` → `王建宏, 张文攀`; `赵 培` (spaced for the layout) → `赵培`. */
export function formatHanNames(value: string): string {
  const tokens = value.split(/[\s、，,]+/u).filter(Boolean);
  if (tokens.length < 2 || !tokens.every((t) => isHanWord(t) && t.length <= 4)) return value;
  return joinSplitHanNames(tokens).join(', ');
}
