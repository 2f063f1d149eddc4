// DOM: the page's author elements. Readability takes the whole text of an `author`-classed box for the byline
// (`经济日报2024-05-13 06:16发布于北京经济日报官方账号+关注`): the box's own name element says which part is the name.
// An author element holding a name alone (`<span id="author_baidu">王帆</span>`) is a credit the page shows.
import { isControlLabel } from './byline-controls';
import { LAYOUT_TAGS } from './html-blocks';
import { textFitsIn } from './text-length';
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
    const named = Array.from(box.querySelectorAll(NAME_SELECTOR)).filter(isNameElement);
    // Several names are marked alike (`span.author-name` each); a differently marked one is something else.
    const mark = named[0]?.getAttribute('class') ?? '';
    const names = named
      .filter((el) => (el.getAttribute('class') ?? '') === mark)
      .map((el) => clean(el.textContent))
      .filter((t) => t && compact(t) !== target);
    return names.length ? names.join(', ') : null;
  }
  return null;
}

/**
 * The names an author element shows alone or with its label: `<span id="author_baidu">王帆</span>`,
 * `<span class="author">作者：陈海峰</span>`. The first such element in the page; [] when none.
 */
export function findAuthorElementNames(doc: Document): string[] {
  for (const el of authorElements(doc)) {
    if (!textFitsIn(el, MAX_CREDIT_CHARS)) continue;
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
