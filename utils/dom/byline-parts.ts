// DOM: the text of the byline element Readability took, read with the separations its elements give. Readability
// keeps `textContent`, which glues `<a>Kelly Sheridan</a><br><span>News</span>` into `Kelly SheridanNews` and keeps
// the `Twitter` link beside a name; here a block, a `<br>` or an inline element glued to a word starts a new part
// (` | `), and share links and buttons are no part at all.
import { stripLeadingLabel } from '../pure/byline-label';
import { countHan, normalizeSpace } from '../pure/page-text';
import { BLOCK_TAGS, UNSEEN_TAGS } from './html-blocks';
import { textFitsIn } from './text-length';

/** Where Readability looks for a byline: `rel=author`, `itemprop` author (or its `name`), byline-like class or id. */
const BYLINE_SELECTOR = [
  '[rel="author"]',
  '[itemprop*="author" i]',
  '[itemprop*="name" i]',
  ...['byline', 'author', 'dateline', 'writtenby'].flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`]),
].join(', ');
const MAX_CANDIDATES = 300;
/** Links to where a person can be followed or mailed: a handle beside the name, not a name. */
const SOCIAL_HREF =
  /^(?:mailto:|https?:\/\/(?:www\.)?(?:twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|threads\.net|bsky\.app|mastodon\.\w+)(?:[/?#]|$))/iu;
/** A class naming a share or follow control or a social handle. */
const CONTROL_CLASS = /(?:^|[\s_-])(?:social|share|follow|subscribe|btn|button)(?:$|[\s_-])/iu;
/**
 * Where two inline elements glue two words: a capital or a digit after a word (`SheridanNews`, `TUCKERAssociated`,
 * `Arnold15`), or a letter after a digit. `Woo<span>d</span>` and a drop cap `<span>M</span>olly` are one word.
 */
function gluesWords(before: string, after: string): boolean {
  return (
    (/[\p{L}\p{N}]$/u.test(before) &&
      /^(?:\p{Lu}\p{Ll}|\p{N})/u.test(after) &&
      !/(?:^|\s)\p{Lu}$/u.test(before)) ||
    (/\p{Ll}$/u.test(before) && /^\p{Lu}/u.test(after)) ||
    (/\p{N}$/u.test(before) && /^\p{L}/u.test(after))
  );
}
/** The word that ends a part waiting for its names: `Veröffentlicht von`, `Show all articles of`. */
const BY_AT_END = /(?:^|\s)(?:by|of|von|por|par|di|da|door|av|af|przez)$/iu;

/** Whether an element is a control or a social link: its text is no part of the byline. */
function isControl(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button') return true;
  if (tag === 'A' && SOCIAL_HREF.test(el.getAttribute('href') ?? '')) return true;
  return CONTROL_CLASS.test(el.getAttribute('class') ?? '');
}

/** The element's text in parts: ` | ` between blocks, `<br>`s and inline elements glued to a word. */
export function readBylineParts(root: Element): string {
  let out = '';
  let pendingBreak = false;
  let boundary = false;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (!text) continue;
        if (pendingBreak && /\S/u.test(text) && out.trim()) {
          out += ' | ';
          pendingBreak = false;
        } else if (boundary && gluesWords(out, text)) out += ' | ';
        out += text;
        if (/\S/u.test(text)) {
          boundary = false;
          pendingBreak = false;
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (UNSEEN_TAGS.has(tag)) continue;
      const block = BLOCK_TAGS.has(tag) || tag === 'BR';
      if (isControl(el)) {
        pendingBreak = true;
        continue;
      }
      if (block) pendingBreak = true;
      boundary = true;
      visit(el);
      boundary = true;
      if (block) pendingBreak = true;
    }
  };
  visit(root);
  // A label alone in its part (`<div>By</div><div>Jane Doe</div>`) or a part ending in `by` belongs to the next part.
  const parts = normalizeSpace(out)
    .split(' | ')
    .map((p) => p.trim())
    .filter(Boolean);
  const joined: string[] = [];
  for (const part of parts) {
    const last = joined.at(-1);
    const lone =
      last !== undefined && (stripLeadingLabel(`${last} Xx Yy`) === 'Xx Yy' || BY_AT_END.test(last));
    if (last !== undefined && lone) joined[joined.length - 1] = `${last} ${part}`;
    else joined.push(part);
  }
  return joined.join(' | ');
}

/**
 * The byline Readability found (`byline`), re-read from its element with separated parts; `byline` itself when no
 * element on the page has that text (it came from metadata), or for Chinese text.
 */
export function rereadByline(doc: Document, byline: string | null | undefined): string | null {
  // Chinese text runs without spaces: `<div>江眼</div><div>企鹅号</div>` is one account name, read whole.
  if (!byline || countHan(byline) > 0) return byline ?? null;
  const target = byline.trim();
  const wanted = normalizeSpace(target);
  for (const el of Array.from(doc.querySelectorAll(BYLINE_SELECTOR)).slice(0, MAX_CANDIDATES)) {
    if (!textFitsIn(el, wanted.length) || (el.textContent ?? '').trim() !== target) continue;
    return readBylineParts(el) || byline;
  }
  return byline;
}
