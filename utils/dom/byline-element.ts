// DOM: the page's author elements. Readability takes the whole text of an `author`-classed box for the byline
// (`经济日报2024-05-13 06:16发布于北京经济日报官方账号+关注`): the box's own name element says which part is the name.
// An author element holding a name alone (`<span id="author_baidu">王帆</span>`) is a credit the page shows.
import { isControlLabel } from './byline-controls';
import { LAYOUT_TAGS } from './html-blocks';
import { isInChrome } from './page-chrome';
import { textFitsIn } from './text-length';
import { isAsciiHandle } from '../pure/byline-text';
import { findCredit, RANK_LABELLED, readNameLine } from '../pure/credits';
import { clean, compact } from '../pure/page-text';

/** Elements Readability may take a byline from (its `byline|author` test on class and id), as a selector. */
const AUTHOR_SELECTOR =
  '[class*="author"], [id*="author"], [class*="Author"], [id*="Author"], [class*="byline"], [id*="byline"]';
/** Inside an author box: elements that may be marked as the name; `isNameElement` checks the word. */
const NAME_SELECTOR = '[class*="name"], [id*="name"], [class*="Name"], [itemprop="name"]';
/** A class or id that ends in the word `name`: `author-info__name`, `media-name`, `authorName`, not `field-name-x`. */
const NAME_WORD = /(?:^|[-_])name$|[a-z]Name$/u;
const MAX_AUTHOR_ELEMENTS = 60;
/** An author element longer than this holds more than a credit (a bio, a list of stories). */
const MAX_CREDIT_CHARS = 30;

function isNameElement(el: Element): boolean {
  if (el.getAttribute('itemprop') === 'name') return true;
  const words = [...(el.getAttribute('class') ?? '').split(/\s+/u), el.id];
  return words.some((w) => NAME_WORD.test(w));
}

/** The class word that marks `el` as a name: `byline__name` in `byline__name byline__name--last`. */
function markOf(el: Element): string {
  return (el.getAttribute('class') ?? '').split(/\s+/u).find((w) => NAME_WORD.test(w)) ?? '';
}

/** `@janedoe`, `jd`: a login shown beside the name, not the name. */
function isHandleText(text: string): boolean {
  return text.startsWith('@') || isAsciiHandle(text);
}

/**
 * Whether a Latin name goes on after its element: a bare word (`<a class="author-name">Jane</a> Doe`) or a part
 * marked otherwise (`first-name`, then `last-name`). `and` joins the next co-author; a Chinese name is written whole.
 */
function continuesAfter(el: Element): boolean {
  let next = el.nextSibling;
  while (next && next.nodeType === 3 && !(next.textContent ?? '').trim()) next = next.nextSibling;
  if (!next || /\p{Script=Han}$/u.test(clean(el.textContent))) return false;
  if (next.nodeType === 3) {
    const text = next.textContent ?? '';
    return /^\s*(?!\p{Script=Han})\p{L}/u.test(text) && !/^\s*(?:and|und|y|et|e)\b/iu.test(text);
  }
  return next.nodeType === 1 && isNameElement(next as Element) && markOf(next as Element) !== markOf(el);
}

/** The box's text without the handles shown in it; null when it holds no handle or nothing else names anyone. */
function textWithoutHandles(box: Element, handles: Element[]): string | null {
  if (!handles.length) return null;
  const copy = box.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(NAME_SELECTOR)))
    if (isNameElement(el) && isHandleText(clean(el.textContent))) el.remove();
  const text = clean(copy.textContent);
  return /\p{L}/u.test(text) ? text : null;
}

function authorElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(AUTHOR_SELECTOR))
    .filter((el) => !LAYOUT_TAGS.has(el.tagName.toUpperCase()))
    .slice(0, MAX_AUTHOR_ELEMENTS);
}

/**
 * The name in the author box whose whole text is `byline`: the texts of its name elements. Null when no box has
 * that text or it marks no name apart.
 */
export function findBylineBoxName(doc: Document, byline: string): string | null {
  const target = compact(byline);
  if (!target) return null;
  for (const box of authorElements(doc)) {
    if (!textFitsIn(box, byline.length * 2 + 20) || compact(box.textContent ?? '') !== target) continue;
    const marked = Array.from(box.querySelectorAll(NAME_SELECTOR)).filter(isNameElement);
    const handles = marked.filter((el) => isHandleText(clean(el.textContent)));
    const named = marked.filter((el) => !handles.includes(el));
    // Several names are marked alike (`span.author-name` each); a differently marked one is something else.
    const mark = named[0] ? markOf(named[0]) : '';
    const kept = named.filter((el) => markOf(el) === mark);
    // The element holds part of the name: the whole byline is the name.
    if (kept.some(continuesAfter)) return null;
    const names = kept.map((el) => clean(el.textContent)).filter((t) => t && compact(t) !== target);
    return names.length ? names.join(', ') : textWithoutHandles(box, handles);
  }
  return null;
}

/**
 * The names an author element shows alone or with its label: `<span id="author_baidu">王帆</span>`,
 * `<span class="author">作者：陈海峰</span>`. The first such element in the page; [] when none.
 */
export function findAuthorElementNames(doc: Document): string[] {
  for (const el of authorElements(doc)) {
    // A commenter's or another story's author (`comment-author`, a sidebar's column list) is not this article's.
    if (!textFitsIn(el, MAX_CREDIT_CHARS) || isInChrome(el)) continue;
    const text = clean(el.textContent);
    if (!text) continue;
    // `关注` on a follow button inside the box is no name.
    const names = (findCredit([text], RANK_LABELLED)?.names ?? readNameLine(text)).filter(
      (n) => !isControlLabel(doc, n),
    );
    if (names.length) return names;
  }
  return [];
}
