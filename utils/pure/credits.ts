// Pure: credit lines near a headline or closing an article, Chinese and English: `作者：张三`, `本报记者 李四`,
// `文／张三`, `By Jane Doe`, forum posters, `（记者 王五）`, the issuing office, the editor, `来源：` lines.
import { readAndLine, readByLine } from './byline-lines';
import { NEXT_LABEL, cleanByline, isDateLike } from './byline-text';
import { NOT_A_NAME, isHanWord, isLikelyHanName, isUsualHanName, joinSplitHanNames } from './han-names';
import { countHan, isUrlLike } from './page-text';
import { isChineseSiteLike } from './site-title';

/** Lines longer than this near the headline are running text, not credits. */
export const MAX_TOP_LINE_CHARS = 200;

export const LABEL_STOP =
  /\s*(?:[|｜丨]|\s{2,}|(?:作者|作\s+者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|来源|來源|时间|時間|发布时间|發佈時間|发布|日期|浏览|点击|阅读|字号|Author|By|Date|Published|Updated)\s*[：:]|(?:19|20)\d{2}\s*[-年/.]|\d{4}-\d{2}-\d{2}).*$/iu;

/** `来源：中国市场监管报 作者：…` → `中国市场监管报`; `Source: Reuters` → `Reuters`. */
export function findSourceLine(lines: string[]): string | null {
  for (const line of lines) {
    const m = /(?:^|[\s|｜丨])(?:来源|來源|稿源|出处|出處|Source)\s*[：:]\s*(.+)$/iu.exec(line);
    if (!m?.[1]) continue;
    let value = m[1].replace(LABEL_STOP, '').trim();
    // A Chinese source name ends at the first space; a Latin one may have several words.
    if (countHan(value) > 0) value = value.split(' ')[0] ?? '';
    value = value.replace(/[\s,，;；。.、:：\-–—]+$/u, '').trim();
    if (value && value.length <= 60 && !isUrlLike(value)) return value;
  }
  return null;
}

/** How sure a credit is; lower is surer. */
export const RANK_LABELLED = 1; // 作者：张三, 本报记者 张三, 文／张三, By Jane Doe
export const RANK_POSTER = 2; // forums and blogs: 张三 发表于 2005-…, 本帖由张三于…, … by duscha
export const RANK_CLOSING = 3; // （张三 李四） closing a news paragraph
export const RANK_NAME_LINE = 4; // a line holding only names under the headline
export const RANK_ISSUER = 5; // 发文机关：吉林省人民政府 on government notices
export const RANK_EDITOR = 6; // 编辑：张三: papers credit the editor when no writer is named
export const RANK_SOURCE_PERSON = 7; // 来源：张三, a person where a paper's name usually stands

export interface Credit {
  names: string[];
  rank: number;
}

/** Role words before or between names: `本报记者`, `特约记者`, `通讯员`, `实习生`, `总台记者`. */
const ROLE_AT_START =
  /^(?:本报|本刊|本台|本网|本站|总台)?(?:特约|实习|首席|见习|驻\S{1,6})?(?:记者|記者|通讯员|通訊員|实习生|實習生)\s*[：:]?\s*/u;
const ROLE_ANYWHERE = /(?:特约|实习|首席|见习)?(?:记者|記者|通讯员|通訊員|实习生|實習生)/gu;
/** A name and what may follow it: space, `、`, a closing bracket, `/文`, `发自`, `报道`, or the end. */
const NAME_THEN_STOP =
  /^(\p{Script=Han}(?:·?\p{Script=Han}){1,5}?)(?=$|[\s、／/|｜丨)）】\]]|发自|報道|报道|摄)/u;
/** `方 敏`: a two-character name padded with a space to line up with three-character ones (not `王 李 张`). */
const SPLIT_NAME_THEN_STOP =
  /^(\p{Script=Han})\s(\p{Script=Han})(?=$|[、／/|｜丨)）】\]]|\s(?!\p{Script=Han}(?:$|[\s、])))/u;

/** `张三 李四 通讯员 王五 山东冠县报道` → 张三, 李四, 王五. Stops at the first word that is not a name. */
function readNameList(text: string): string[] {
  const names: string[] = [];
  let rest = text;
  for (let i = 0; i < 12 && rest; i += 1) {
    rest = rest.replace(/^[\s、]+/u, '');
    const role = ROLE_AT_START.exec(rest);
    if (role?.[0]) {
      rest = rest.slice(role[0].length);
      continue;
    }
    const split = SPLIT_NAME_THEN_STOP.exec(rest);
    const joined = split ? `${split[1] ?? ''}${split[2] ?? ''}` : '';
    const m = NAME_THEN_STOP.exec(rest);
    const name = isLikelyHanName(joined) ? joined : m?.[1];
    // A Chinese name has at most four characters unless a `·` joins its parts: `盛赞湾区活力` is a phrase.
    if (!name || (name.length > 4 && !name.includes('·'))) break;
    rest = rest.slice(name === joined ? (split?.[0].length ?? 0) : name.length);
    // `山东冠县报道` names the place; `罗科苏盈发自北京` and `马俊峰/文` end the list after the name.
    if (/^(?:报道|報道)/u.test(rest) || NOT_A_NAME.test(name)) break;
    if (!names.includes(name)) names.push(name);
    if (/^(?:发自|摄|\s*[／/]\s*[文摄图])/u.test(rest)) break;
  }
  return names;
}

/** Whether `name` in `line` is followed by `摄` / `攝` (took the photo) or `/图`. */
function isPhotoCredit(line: string, name: string): boolean {
  const at = line.indexOf(name);
  return at >= 0 && /^\s*(?:[摄攝](?!影报道|影報道)|[／/]\s*[图圖摄攝])/u.test(line.slice(at + name.length));
}

/**
 * Reporter credits: `本报记者 张三`, `光明日报记者 王建宏 张文攀`, `（记者 胡晓蓉）`, `□本报记者 倪泰 通讯员 王建武`.
 * The words before the role must be short and unpunctuated, so `6月30日，本报记者在广汽…` is running text.
 */
export function readReporters(line: string): string[] {
  for (const m of line.matchAll(ROLE_ANYWHERE)) {
    const before = line.slice(0, m.index);
    // A dateline's fields are spaced apart (`昨天 21:05 来源：江城晚报 记者 马骁`): the role's field starts after
    // the last space, unless what comes before is running text.
    const isDateline =
      /来源|來源|稿源|时间|時間|日期|发布|\d{1,2}[:：]\d{2}/u.test(before) &&
      !/[，。；！？｜|>]/u.test(before);
    const space = isDateline ? before.search(/\s\S*$/u) : -1;
    const lead = before.slice(
      Math.max(before.lastIndexOf('（'), before.lastIndexOf('('), before.lastIndexOf('【'), space) + 1,
    );
    if (lead.length > 16 || /[，。；！？“”"：:]/u.test(lead)) continue;
    const after = line.slice(m.index + m[0].length);
    if (after && !/^[\s：:\p{Script=Han}]/u.test(after)) continue;
    const names = readNameList(line.slice(m.index));
    // A photo credit (`图片记者黎旭阳、李妍摄`, `记者 张三 摄`) names who took the pictures, not who wrote.
    const last = names[names.length - 1];
    if (last && (/(?:图片|圖片|摄影|攝影|摄像|攝像)$/u.test(lead) || isPhotoCredit(line, last))) continue;
    if (names.length) return names;
  }
  return [];
}

/**
 * `新华社北京5月19日电（刘艺、杨吉）`: an agency dateline opening the story names its reporters in brackets, with no
 * role word (with one, `（记者 张三）` is read as a reporter credit).
 */
const DATELINE_CREDIT = /^[^\s，。：:]{0,20}?\d{1,2}日[电電]\s*[（(]([\p{Script=Han}\s、]{2,30})[)）]/u;

function readDatelineCredit(line: string): string[] {
  const tokens = (DATELINE_CREDIT.exec(line)?.[1] ?? '').split(/[\s、]+/u).filter(Boolean);
  const names = joinSplitHanNames(tokens);
  // Two or three characters each: `（国际观察）`, `（新华视点）` name the column.
  return names.length && names.every(isUsualHanName) ? names : [];
}

const AUTHOR_LABEL =
  /(?:^|[\s|｜丨【[〓(（■□●·•])(?:(?:作者|作\s+者|原作者|撰文|撰稿|执笔人?|執筆人?|采写|採寫)\s*[：:／/|｜]|(?:文字|文)\s*[：:])\s*(.+)$/u;
/** `来源：证券时报网作者：李在山`: a label glued to the value before it (not `合作者`, `工作者`). */
const GLUED_AUTHOR_LABEL = /(?<=\p{Script=Han})(?<![合工著原])作者\s*[：:]\s*(.+)$/u;
/** `| 作者魏星`, `《棱镜》作者 周纯`: no colon, so only personal names may follow, up to the line's end. */
const BARE_AUTHOR_LABEL =
  /(?:^|[\s|｜丨》」】)）])作者\s*(\p{Script=Han}{2,4}(?:[\s、]+\p{Script=Han}{2,4}){0,3})\s*$/u;
/** The words that label an editor's credit, not a writer's. */
const EDITOR_WORDS = '(?:责任编辑|責任編輯|值班编辑|责编|編輯|编辑)';
const EDITOR_LABEL = new RegExp(`(?:^|[\\s|｜丨【[〓(（■□●·•])${EDITOR_WORDS}\\s*[：:／/|｜]\\s*(.+)$`, 'u');
/** `[责任编辑：韩保林 PK155]`, `责编：张三`: a text that is an editor's credit from its start. */
const EDITOR_CREDIT = new RegExp(`^[[【(（]?\\s*${EDITOR_WORDS}\\s*[：:／/]`, 'u');

/** Whether `text` opens with an editor's label: Readability's byline is then an editor's credit. */
export function isEditorCredit(text: string): boolean {
  return EDITOR_CREDIT.test(text);
}
const ISSUER_LABEL = /(?:^|\s)(?:发文机关|發文機關|发布机关|发文单位|发布机构)\s*[：:]?\s*(\S.{1,30})$/u;
/** Where a labelled value ends: another label, a date, a counter (`阅读(1660)`) or a closing bracket. */
const VALUE_STOP =
  /\s*(?:〓|\s(?:阅读|閱讀|评论|評論|浏览|点击|出自|发表于|發表於|发布于|人气|字数)|\s\p{Script=Han}{2,6}\s*[：:]|[(（]\d).*$/u;

/** Cuts at a closing bracket that closes something outside the value: `（责任编辑：魏喆 ）`. */
function cutUnmatchedClose(value: string): string {
  const i = value.search(/[)）】\]]/u);
  if (i < 0 || /[(（【[]/u.test(value.slice(0, i))) return value;
  return value.slice(0, i);
}

/** A description before the names: `观察者网专栏作者 王文`, `特约评论员 张三`. */
const DESCRIPTOR = /^\S{0,12}(?:作者|撰稿人|评论员|評論員|主笔|主筆|专栏作家|專欄作家)\s+(?=\p{Script=Han})/u;

function readLabelledValue(value: string): string[] {
  const raw = cutUnmatchedClose(value.replace(LABEL_STOP, '').replace(VALUE_STOP, ''))
    .trim()
    .replace(DESCRIPTOR, '');
  // `作者： 转载请注明：…`: the field was left empty and the next label follows.
  if (!raw || /[=<>"{}]/.test(raw) || NEXT_LABEL.test(raw)) return [];
  // `采写：南都记者 余毅菁 向雪妮`: the value is itself a reporter credit.
  const reporters = readReporters(raw);
  if (reporters.length) return reporters;
  const tokens = raw.split(/[\s、,，;；&＆]+/u).filter(Boolean);
  // Several Chinese names in a row; otherwise the value as written (`周思博 (Joel Spolsky)`).
  if (tokens.length > 1 && tokens.every((t) => isHanWord(t) && t.length <= 4))
    return joinSplitHanNames(tokens);
  // `林晓 江城生活圈`: a Chinese name, then something else on the line (the account, the outlet).
  const first = tokens[0] ?? '';
  if (tokens.length > 1 && isHanWord(first) && first.length <= 4 && tokens.every(isHanWord)) {
    const names = [first];
    for (const t of tokens.slice(1)) {
      if (!isLikelyHanName(t)) break;
      names.push(t);
    }
    return names;
  }
  const cleaned = cleanByline(raw);
  return cleaned ? [cleaned] : [];
}

/** A line that is only names: `胡平`, `赵延东、风笑天`. */
export function readNameLine(line: string): string[] {
  const tokens = line.split(/[\s、，,]+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 4) return [];
  const isListed = tokens.length > 1 && line.includes('、');
  const ok = isListed
    ? tokens.every((t) => /^\p{Script=Han}{2,4}$/u.test(t) && !NOT_A_NAME.test(t)) &&
      tokens.some(isLikelyHanName)
    : tokens.every((t) => isLikelyHanName(t) && (tokens.length > 1 || t.length <= 3));
  return ok ? tokens : [];
}

/** `（袁源）`, `（常书香 马丹阳 ）`, `（姚峰 上海报道）` at the end of a paragraph. */
function readClosingCredit(line: string): string[] {
  // `（文/图 刘玺东 易赛楠）`: the writer's label may open the brackets.
  const m = /[（(]\s*(?:文\s*[／/]\s*(?:图\s+)?)?([\p{Script=Han}\s、]{2,40}?)\s*[)）]\s*$/u.exec(line);
  if (!m?.[1]) return [];
  const before = line.slice(0, m.index).trim();
  if (before && !/[。！？!?”」』]$/u.test(before)) return [];
  const tokens = m[1].split(/[\s、]+/u).filter(Boolean);
  if (tokens.length > 1 && /(?:报道|電|电)$/u.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  // `（刘通摄）` credits a photo; a name the sentence itself holds (`…蓝焰控股，后市如何？(蓝焰控股)`) is its topic.
  if (/[摄攝]$/u.test(m[1]) || tokens.some((t) => before.includes(t))) return [];
  return tokens.length <= 5 && tokens.every(isUsualHanName) ? tokens : [];
}

/** An office or a credit word where a name should be (`作者：医技药剂党支部`, `作者：网络整理`): no person. */
function isPersonValue(name: string): boolean {
  return !isHanWord(name) || isLikelyHanName(name) || !(NOT_A_NAME.test(name) || isChineseSiteLike(name));
}

/** The surest credit one line holds. Bare name lines are read apart, only where they can stand (under the headline). */
function readCredit(line: string): Credit | null {
  const labelled = (AUTHOR_LABEL.exec(line) ?? GLUED_AUTHOR_LABEL.exec(line))?.[1];
  if (labelled) {
    const names = readLabelledValue(labelled).filter(isPersonValue);
    if (names.length) return { names, rank: RANK_LABELLED };
  }
  const bare = BARE_AUTHOR_LABEL.exec(line)?.[1]?.split(/[\s、]+/u);
  if (bare?.every(isLikelyHanName)) return { names: bare, rank: RANK_LABELLED };
  const reporters = readReporters(line);
  if (reporters.length) return { names: reporters, rank: RANK_LABELLED };
  const dateline = readDatelineCredit(line);
  if (dateline.length) return { names: dateline, rank: RANK_LABELLED };
  const slashed =
    /^[【[（(]?\s*文\s*[／/丨|｜]\s*(.+)$/u.exec(line)?.[1] ??
    /^(\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4}){0,4})\s*[／/]\s*文(?:\s|$)/u.exec(line)?.[1];
  if (slashed) {
    const names = readLabelledValue(slashed);
    if (names.length) return { names, rank: RANK_LABELLED };
  }
  // `石佳/中国青年报`: the writer, then the paper they write for.
  const forOutlet = /^(\p{Script=Han}{2,4}(?:[\s、]+\p{Script=Han}{2,4}){0,3})\s*[／/]\s*(\S{2,16})$/u.exec(
    line,
  );
  const writers = forOutlet?.[1]?.split(/[\s、]+/u) ?? [];
  if (writers.length && writers.every(isLikelyHanName) && isChineseSiteLike(forOutlet?.[2] ?? ''))
    return { names: writers, rank: RANK_LABELLED };
  const byNames = readByLine(line);
  if (byNames.length) return { names: byNames, rank: RANK_LABELLED };
  const by =
    line.length <= 120
      ? /^(?:(?:written|words|story|text|reporting)\s+)?by\s+(\p{Lu}.*)$/iu.exec(line)
      : null;
  const byName = by?.[1] ? cleanByline(by[1].replace(LABEL_STOP, '')) : null;
  if (byName) return { names: [byName], rank: RANK_LABELLED };

  const poster =
    /^([^\s：:]{2,20})\s+(?:发表于|發表於)\s*[：:]?\s*(?:19|20)\d{2}/u.exec(line)?.[1] ??
    /本[贴帖帖]由\s*([^\s：:]{1,20}?)\s*于\s*(?:19|20)\d{2}/u.exec(line)?.[1] ??
    /(?:^|\s)(?:楼主|樓主|发帖人|發帖人|发布者|發佈者|发表人|博主)\s*[：:]\s*([^\s：:]{2,30})/u.exec(
      line,
    )?.[1] ??
    /\[\s*([^\s[\]]{2,12})\s*\][^\p{L}\p{N}]{0,4}(?:来源|來源)/u.exec(line)?.[1] ??
    (/(?:19|20)\d{2}[-/年.]\d/u.test(line)
      ? /\sby\s+([^\s〓|｜\]]{2,30})\s*[〓|｜\]]?\s*$/iu.exec(line)?.[1]
      : undefined);
  const posterName =
    poster && /\p{L}/u.test(poster) && !/[[\]【】()（）]/u.test(poster) ? cleanByline(poster) : null;
  if (posterName && !isDateLike(posterName)) return { names: [posterName], rank: RANK_POSTER };

  const closing = readClosingCredit(line);
  if (closing.length) return { names: closing, rank: RANK_CLOSING };
  const issuer = ISSUER_LABEL.exec(line)?.[1];
  if (issuer) {
    const name = issuer.split(/\s+/u)[0] ?? '';
    if (/^\p{Script=Han}{2,20}$/u.test(name)) return { names: [name], rank: RANK_ISSUER };
  }
  const editor = EDITOR_LABEL.exec(line)?.[1];
  if (editor) {
    // Only real names (`张三`, `Demi Xia`): `[责任编辑：alonliu]` is a CMS login, not a credit a reader would recognise.
    const names = readLabelledValue(editor).filter(
      (n) => /^\p{Script=Han}{2,4}$/u.test(n) || /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,2}$/u.test(n),
    );
    if (names.length) return { names, rank: RANK_EDITOR };
  }
  const source = /(?:^|[\s|｜丨])(?:来源|來源)\s*[：:]\s*(\p{Script=Han}{2,3})\s*$/u.exec(line)?.[1];
  if (source && isLikelyHanName(source) && !isChineseSiteLike(source))
    return { names: [source], rank: RANK_SOURCE_PERSON };
  return null;
}

/**
 * Whether a line could be the value of an author label: names (`张三 李四`, `Jane Doe`), a reporter credit, not a
 * sentence, a heading or a date.
 */
function isNameShaped(line: string): boolean {
  const tokens = line.split(/[\s、,，]+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  if (readReporters(line).length) return true;
  return tokens.every((t) => (isHanWord(t) ? t.length <= 4 || t.includes('·') : !/[\d：:。，]/u.test(t)));
}

/**
 * A label alone on its line (`发文机关：` in one table cell, the value in the next) joined to the next line. An
 * author label left empty (`<li>作者：</li>`) stays empty: the next line is joined only when it reads as names.
 */
function joinDanglingLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    const isDangling = /(?:^|\s)[\p{Script=Han}\s]{1,6}[：:]$/u.test(line);
    const isEmptyAuthor = isDangling && AUTHOR_LABEL.test(`${line} x`) && !isNameShaped(next ?? '');
    if (next !== undefined && isDangling && !isEmptyAuthor && next.length <= 40) {
      out.push(`${line} ${next}`);
      i += 1;
    } else out.push(line);
  }
  return out;
}

/** The surest credit in `lines` at or below `maxRank`; earlier lines win ties. Adjacent reporter lines add up. */
export function findCredit(lines: string[], maxRank: number): Credit | null {
  const joined = joinDanglingLabels(lines);
  let best: Credit | null = null;
  for (let i = 0; i < joined.length; i += 1) {
    const line = joined[i] ?? '';
    if (line.length > MAX_TOP_LINE_CHARS * 2) continue;
    const credit = readCredit(line);
    if (!credit || credit.rank > maxRank || (best && best.rank <= credit.rank)) continue;
    // `本报实习生 刘国栋 周炜` over `本报记者 王燕平 方云凤`: one credit on two lines.
    const names = [...credit.names];
    for (let j = i + 1; credit.rank === RANK_LABELLED && j < joined.length && j <= i + 2; j += 1) {
      const next = joined[j] ?? '';
      const more = readReporters(next).length ? readReporters(next) : readAndLine(next);
      if (!more.length || (joined[j] ?? '').length > 40) break;
      for (const n of more) if (!names.includes(n)) names.push(n);
    }
    best = { names, rank: credit.rank };
    if (best.rank === RANK_LABELLED) break;
  }
  return best;
}

export function formatCredit(credit: Credit | null): string | null {
  if (!credit) return null;
  return cleanByline(credit.names.join(', '));
}

/** `作者：张三`, `记者 李四 王五`, `文／张三`, `By Jane Doe`, `张三 发表于 …` lines near the top. */
export function findBylineLine(lines: string[]): string | null {
  return formatCredit(findCredit(lines, RANK_SOURCE_PERSON));
}
