// Pure: the holder a copyright notice names: `© 2026 Harbour Post`, `Copyright © 2014~2019 网易`,
// `版权所有 江城新闻网`, `网易版权所有`, licence numbers and legal forms dropped.
import { NOT_A_NAME } from './han-names';
import { clean, countHan } from './page-text';
import { isChineseSiteLike } from './site-title';

/**
 * `©` or `(c)`, or the word `Copyright` before one of them or with a year on its line (`Copyright Axios Media,
 * 2020`; not a `Copyright Policy` link), then years, then the
 * holder on the same line up to a stop: `© 2017` closing a line has no holder (the next line is a footer link).
 */
const COPYRIGHT =
  /(?:©|\(c\)|copyright(?=[^\S\n]*(?:©|\(c\)|(?:19|20)\d{2})|[^\n©]{2,60}?(?:19|20)\d{2}))[^\S\n]*(?:©[^\S\n]*)?(?:(?:19|20)\d{2}(?:[^\S\n]*[-–—~～][^\S\n]*(?:19|20)\d{2})?[^\S\n]*[,.]?[^\S\n]*)?([^©|｜.。,，;；\n]{2,60}?)(?=\s*(?:all rights reserved|版权所有|版權所有|保留所有权利|[|｜.。,，;；\n]|\s{2}|$))/iu;
/** Company suffixes are the publisher's legal form, not the name readers know. */
const LEGAL_FORM = /\s+(?:Media\s+)?(?:Ltd|Limited|Inc|LLC|GmbH|AG|S\.?A|Verlag(?:\s+GmbH)?|Co\.?)\.?$/iu;
const MAX_NAME_CHARS = 40;

/** `版权所有 湖南省某某医院 Copyright © 2018 All rights reserved`: the holder after the Chinese words. */
const HOLDER_AFTER =
  /(?:版权所有|版權所有)\s*[：:©]?\s*([\p{Script=Han}A-Za-z0-9·（）()]{2,40})(?![\p{L}：:])/u;
/**
 * Where a holder's name ends on Chinese pages: the site's licence numbers (`京ICP备16058363号`, `京ICP证…`,
 * `京公网安备…`), after a province's one-character name. Only the licence's own shape: `ICPSR` and `中国网安协会` are names.
 */
const LICENCE =
  /\s*[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]?(?:ICP\s*[备证]|公网安备).*$/u;
/** The rights words alone are no holder (`Copyright © 2018 All rights reserved`). */
const RIGHTS_ONLY = /^(?:all\s+rights\s+reserved|版权所有|版權所有|保留所有权利)\.?$/iu;

function cleanHolder(raw: string | null | undefined): string | null {
  const name = clean(raw)
    .replace(LICENCE, '')
    .replace(LEGAL_FORM, '')
    .replace(/^\d{4}\s*/, '')
    .trim();
  if (!name || RIGHTS_ONLY.test(name)) return null;
  // One name in one script: `Baidu 使用百度前必读 意见反馈` runs on into the footer's links, `今日头条 www` into its address.
  const tokens = name.split(' ').filter((t) => !/^www$/i.test(t));
  const isHan = (t: string): boolean => countHan(t) > 0;
  const first = tokens[0] ?? '';
  const end = tokens.findIndex((t) => isHan(t) !== isHan(first));
  const holder = (end < 0 ? tokens : tokens.slice(0, end)).join(' ');
  if (holder !== name) return cleanHolder(holder);
  return name.length <= MAX_NAME_CHARS && /\p{L}{2}/u.test(name) ? name : null;
}

/** `网易公司版权所有` in a meta tag: the holder before the words. */
const HOLDER_BEFORE = /^\s*([\p{Script=Han}A-Za-z0-9·]{2,40}?)\s*(?:版权所有|版權所有)/u;

/**
 * The holder a copyright notice names in `text` (a page's last lines, a `copyright` meta tag), or null. After the
 * Chinese words only an organisation's name: `版权所有 未经授权禁止复制` is a notice. With `ownerFirst` (a meta
 * tag, which is the notice alone) the name before the words too: `星河版权所有`.
 */
export function copyrightHolder(text: string, ownerFirst = false): string | null {
  const marked = cleanHolder(COPYRIGHT.exec(text)?.[1]);
  if (marked) return marked;
  const after = cleanHolder(HOLDER_AFTER.exec(text)?.[1]);
  if (after && (NOT_A_NAME.test(after) || isChineseSiteLike(after))) return after;
  return ownerFirst ? cleanHolder(HOLDER_BEFORE.exec(text)?.[1]) : null;
}
