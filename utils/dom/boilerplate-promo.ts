// DOM: promotion inside the story. A box that is a heading over a list of links ("What to know about …"); a short
// label standing alone before a gallery or as a lone link (`图集`); an image link to the next page of the story.
import {
  dropBlock,
  hasAncestorTag,
  holdsRunningText,
  isGone,
  isLayout,
  isSentence,
  linkDensity,
  tagOf,
  textOf,
  weighsMoreThan,
} from './boilerplate-measure';
import { isProse, nearestText } from './boilerplate-read-more';
import { listBodyElements } from './boilerplate-elements';
import { hasTextOutside, textFitsIn } from './text-length';
import { measureText } from '../pure/text-weight';

const HEADING = 'h2, h3, h4, h5, h6';
const LIST_TAGS: ReadonlySet<string> = new Set(['UL', 'OL']);
/** Where a widget label is looked for. */
const LABEL_TAGS: ReadonlySet<string> = new Set(['DIV', 'SPAN', 'EM', 'I', 'B', 'STRONG', 'A']);
const A_TAG: ReadonlySet<string> = new Set(['A']);
/** A promo box is a heading and a few links: no more text than this. */
const MAX_PROMO_CHARS = 700;
/** Share of a promo list's text inside links. */
const MIN_LIST_LINK_DENSITY = 0.8;
/** Besides its heading and list, a promo box holds at most a line of text this long. */
const MAX_PROMO_EXTRA_CHARS = 80;
/** A widget label: two Latin words or four CJK characters, by measureText weight. */
const MAX_LABEL_WEIGHT = 12;
/** Credits and captions carry these; labels do not. */
const CREDIT_MARK = /[:：/／©|]/u;
const MEDIA = 'img, picture, video, figure';
/** Where a short line is a caption, cell, item, heading or paragraph text, never a widget label. */
const NOT_LABEL_PLACES = new Set('FIGURE FIGCAPTION LI TD TH H1 H2 H3 H4 H5 H6 P NAV'.split(' '));

/** `<aside><h2>What to know</h2><ul><li><a>…</a></li>…</ul></aside>` inside the story. */
export function removePromoBoxes(body: Element, elements = listBodyElements(body)): void {
  // The h1s' ancestors found once, not an h1 search of each list's parent: this pass only marks, never removes.
  for (const list of elements.withTags(LIST_TAGS)) {
    const box = list.parentElement;
    if (!box || isGone(box, body) || elements.isLayout(box) || box === body) continue;
    // The box's size first, read only up to the bound: a list inside the story's wrapper answers after a few lines,
    // and the list's own measures below then read no more than that.
    if (weighsMoreThan(box, MAX_PROMO_CHARS)) continue;
    const links = list.querySelectorAll('a[href]');
    if (links.length < 2 || linkDensity(list) < MIN_LIST_LINK_DENSITY) continue;
    // Links within the page (`#themes`) make the story's own table of contents, not a promotion.
    if (Array.from(links).every((a) => (a.getAttribute('href') ?? '').startsWith('#'))) continue;
    const heading = box.querySelector(HEADING);
    if (!heading || heading.parentElement !== box || holdsRunningText(box)) continue;
    const extra =
      measureText(box.textContent ?? '') -
      measureText(list.textContent ?? '') -
      measureText(heading.textContent ?? '');
    // Only the heading and its list: a section of the article that cites links has text around them.
    if (extra > MAX_PROMO_EXTRA_CHARS || box.querySelectorAll('ul, ol').length > 1) continue;
    // Inside the story: running text right before or after it (a menu or a product grid has none). A widget
    // often sits in wrappers of its own (`div.widget > div.content > h3 + ul`): look beside the outermost.
    const outer = outermostWrapper(box, body, elements.isLayout);
    const beside = [nearestText(outer, false, body), nearestText(outer, true, body)];
    if (!beside.some((el) => el !== null && isProse(el))) continue;
    dropBlock(outer);
  }
}

/** The outermost ancestor that holds nothing but `box` (no other element, no text of its own), below layout. */
function outermostWrapper(box: Element, body: Element, isLayout: (el: Element) => boolean): Element {
  let outer = box;
  for (let up = box.parentElement; up && up !== body && !isLayout(up); up = up.parentElement) {
    if (up.childElementCount !== 1 || hasOwnText(up)) break;
    outer = up;
  }
  return outer;
}

function hasOwnText(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') return true;
  return false;
}

function isLabel(el: Element): boolean {
  const text = textOf(el);
  return (
    text !== '' &&
    measureText(text) <= MAX_LABEL_WEIGHT &&
    !isSentence(text) &&
    !CREDIT_MARK.test(text) &&
    !/\d/.test(text) &&
    el.querySelector(MEDIA) === null
  );
}

/**
 * Short labels on their own line that are not headings or paragraphs: a lone link to another page, or a tag
 * standing before a gallery. A label after an image is its credit and stays.
 */
export function removeWidgetLabels(body: Element, elements = listBodyElements(body)): void {
  for (const el of elements.withTags(LABEL_TAGS)) {
    // A label is short (isLabel): anything heavier is passed over without reading its whole text.
    if (weighsMoreThan(el, MAX_LABEL_WEIGHT) || el.firstElementChild?.nextElementSibling) continue;
    // The place first: it stops at a list item or a cell, where the walk for a marked block goes to the top.
    if (hasAncestorTag(el, NOT_LABEL_PLACES) || isGone(el, body)) continue;
    const parent = el.parentElement;
    if (!parent || !isLabel(el)) continue;
    // Alone on its line: no text beside it in its parent (read up to the first character beside it).
    const isAlone = !hasTextOutside(parent, el);
    if (!isAlone && !['DIV', 'SECTION'].includes(tagOf(el))) continue;
    const link = tagOf(el) === 'A' ? el : el.querySelector('a');
    const isLinkOnly =
      link !== null && textOf(link) === textOf(el) && /^(?!#)\S/.test(link.getAttribute('href') ?? '');
    const next = el.nextElementSibling;
    const beforeGallery = next !== null && next.querySelectorAll('img').length >= 2;
    if (!isLinkOnly && !beforeGallery) continue;
    // Inside the story: paragraphs of running text beside it.
    const siblings = Array.from(parent.parentElement?.children ?? []);
    if (!siblings.some((s) => s !== parent && holdsRunningText(s)) && !holdsRunningText(parent)) continue;
    const isParentOnlyLabel = isAlone && !isLayout(parent) && parent.children.length === 1;
    dropBlock(isParentOnlyLabel ? parent : el);
  }
}

/** A page of the same story: the path plus `?page=2`, `_2.html`, `-2`, `/2`, or a link marked `rel=next`. */
function isNextPageOf(href: string, page: URL): boolean {
  let target: URL;
  try {
    target = new URL(href, page);
  } catch {
    return false;
  }
  if (target.origin !== page.origin || target.href.split('#')[0] === page.href.split('#')[0]) return false;
  if (target.pathname === page.pathname) return target.search !== page.search;
  const stem = page.pathname.replace(/(?:[_-]\d{1,3})?(?:\.\w{2,5})?\/?$/, '');
  const rest = target.pathname.slice(stem.length);
  return (
    stem.length > 1 && target.pathname.startsWith(stem) && /^(?:[_-]|\/)\d{1,3}(?:\.\w{2,5})?\/?$/.test(rest)
  );
}

/** Image-only links to the next page of the story, with the line that holds only them. */
export function removePagerImageLinks(body: Element, url: string, elements = listBodyElements(body)): void {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return;
  }
  for (const link of elements.withTags(A_TAG)) {
    if (
      !link.hasAttribute('href') ||
      isGone(link, body) ||
      !textFitsIn(link, 0) ||
      !link.querySelector('img')
    )
      continue;
    const isNext = /(?:^|\s)next(?:\s|$)/i.test(link.getAttribute('rel') ?? '');
    if (!isNext && !isNextPageOf(link.getAttribute('href') ?? '', page)) continue;
    const parent = link.parentElement;
    const line =
      parent &&
      parent !== body &&
      !isLayout(parent) &&
      textFitsIn(parent, 0) &&
      parent.querySelectorAll('img').length === link.querySelectorAll('img').length
        ? parent
        : link;
    dropBlock(line);
  }
}
