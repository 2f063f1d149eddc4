// Pure: whether a page shows a metadata author as its writer. State-media CMSs fill `<meta name="author">` with the
// editor's account (`张倩`, `青网新闻杨逸凡`), which the page shows nowhere or only after an editor's label.
import { isLikelyHanName } from './han-names';
import { isChineseSiteLike } from './site-title';

/** The labels of the roles that handle a story after it is written: editors, proof-readers, the one who picked it. */
const EDITOR_BEFORE =
  /(?:编辑|編輯|责编|責編|选稿|選稿|审核|審核|审校|審校|校对|校對|监制|監製|签发|簽發)\s*[：:／/]?\s*[[【(（]?\s*$/u;
/** How far before a name its label may start. */
const LABEL_REACH = 12;

/** Whether one of `lines` holds `name` other than right after an editor's label (`责编：张倩`). */
export function isShownAsWriter(lines: readonly string[], name: string): boolean {
  if (!name) return false;
  for (const line of lines) {
    for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + name.length)) {
      if (!EDITOR_BEFORE.test(line.slice(Math.max(0, at - LABEL_REACH), at))) return true;
    }
  }
  return false;
}

/**
 * The person a CMS account names: `张倩`, or `杨逸凡` in `青网新闻杨逸凡` (the site's name glued before it). Null for
 * anything else: a pen name (`月落长安`), an outlet, a Latin name.
 */
export function readAccountPerson(value: string): string | null {
  if (isLikelyHanName(value)) return value;
  for (const n of [3, 2]) {
    const name = value.slice(-n);
    if (value.length > n && isLikelyHanName(name) && isChineseSiteLike(value.slice(0, -n))) return name;
  }
  return null;
}
