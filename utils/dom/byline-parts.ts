// DOM: the text of the byline element Readability took, read with the separations its elements give. Readability
// keeps `textContent`, which glues `<a>Kelly Sheridan</a><br><span>News</span>` into `Kelly SheridanNews` and keeps
// the `Twitter` link beside a name; here a block, a `<br>` or an inline element glued to a word starts a new part
// (` | `), and share links and buttons are no part at all.
import { stripLeadingLabel } from '../pure/byline-label';
import { countHan, normalizeSpace } from '../pure/page-text';
import { BLOCK_TAGS, UNSEEN_TAGS } from './html-blocks';
import { isControl } from './byline-controls';
import { textFitsIn } from './text-length';

/** Where Readability looks for a byline: `rel=author`, `itemprop` author (or its `name`), byline-like class or id. */
const BYLINE_SELECTOR = [
  '[rel="author"]',
  '[itemprop*="author" i]',
  '[itemprop*="name" i]',
  ...['byline', 'author', 'dateline', 'writtenby'].flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`]),
].join(', ');
const MAX_CANDIDATES = 300;
/** A share box's class: its links and counts are no part of the byline. */
const SHARE_CLASS = /(?:^|[\s_-])(?:social|share)(?:$|[\s_-])/iu;
/** One name as a Latin byline writes it: one to five capitalised words, with the particles names carry. */
export const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|del|la|le|di|du|dos|das|y)\s+)*\p{Lu}[\p{L}'’.-]*){0,4}$/u;
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

/** Whether an element is a control (byline-controls.ts's one rule) or a share box: its text is no part of the byline. */
function isBylineControl(el: Element): boolean {
  return isControl(el) || SHARE_CLASS.test(el.getAttribute('class') ?? '');
}

/**
 * The texts of the links and list items under `root` that are each a name of two words or more: co-authors in
 * separate elements (`<li><a>Jane Doe</a></li><li><a>John Roe</a></li>`), to be joined as one list.
 */
function namedItems(root: Element): Set<string> {
  const names = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('a, li'))) {
    const text = normalizeSpace(el.textContent ?? '').trim();
    if (NAME.test(text) && text.split(/\s+/u).length >= 2) names.add(text);
  }
  return names;
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
      if (isBylineControl(el)) {
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
  const items = parts.length > 1 ? namedItems(root) : new Set<string>();
  let lastItem = false;
  for (const part of parts) {
    const last = joined.at(-1);
    const lone =
      last !== undefined && (stripLeadingLabel(`${last} Xx Yy`) === 'Xx Yy' || BY_AT_END.test(last));
    const item = items.has(part);
    if (last !== undefined && lone) joined[joined.length - 1] = `${last} ${part}`;
    // Neighbouring links or list items that are each a name are co-authors: one list, as a byline writes it.
    else if (last !== undefined && item && lastItem) joined[joined.length - 1] = `${last}, ${part}`;
    else joined.push(part);
    lastItem = item;
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
  let seen = 0;
  // A loop that stops at the first match: the page's candidates are not listed whole.
  for (const el of doc.querySelectorAll(BYLINE_SELECTOR)) {
    if (++seen > MAX_CANDIDATES) break;
    if (!textFitsIn(el, wanted.length) || (el.textContent ?? '').trim() !== target) continue;
    return readBylineParts(el) || byline;
  }
  return byline;
}
