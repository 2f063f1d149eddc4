// DOM: whether a page is one article, by structure: a single dominant block of running text (not links), which is
// not one of several repeated teaser blocks (a heading link and a snippet: archives, search results, section fronts).
// Chrome (nav, footer, aside, comments, related, sidebars) never counts. Takes a Document, reads no globals.
import { weighsMoreThan } from './boilerplate-measure';
import { isSkipContainer } from './date-context';
import { measureText } from '../pure/text-weight';
import { endsSentence } from '../pure/sentence-end';

/** Elements whose text is running text when it is not mostly links. */
const BLOCK_SELECTOR = 'p, pre, blockquote, li, div, td, section, article, font, center, dd';
/**
 * Tags whose text is never the article's running text, wherever they sit. Not `form`: ASP.NET pages wrap the whole
 * page in one.
 */
const NEVER_BODY = new Set(
  'A NAV FOOTER ASIDE HEADER H1 H2 H3 H4 H5 H6 BUTTON SELECT LABEL FIGCAPTION'.split(' '),
);
/** A block this much links is a list of links. */
const MAX_BLOCK_LINK_DENSITY = 0.5;
/**
 * The dominant block must hold this much text (characters, a CJK character counting 2.5): about 60 Han characters
 * (a short portal brief) or three Latin sentences.
 */
export const MIN_DOMINANT_WEIGHT = 160;
/**
 * Below this, the dominant block must also hold this share of the page's running text: a page of many small
 * blocks of similar size (a front page of snippets) has no article among them.
 */
const CLEAR_DOMINANT_WEIGHT = 400;
const MIN_DOMINANT_SHARE = 0.25;
/** A paragraph's own wrapper holds at most this much other text (a stray separator), else it holds more text. */
const WRAPPER_SLACK = 8;
/** A paragraph's own wrappers are climbed this far at most (`card > card-content > p` is two): a bound on work. */
const MAX_WRAPPERS = 4;
/** Work bound for huge pages. */
const MAX_BLOCKS = 6_000;
/** Blocks whose text is their whole text (a list item, a paragraph): read before the others. */
const TEXT_BLOCK_TAGS = new Set(['P', 'PRE', 'LI']);
/** A container with this many teaser children (a heading link and a snippet each) is a list of stories. */
const MIN_TEASERS = 3;

function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    // Inline formatting is part of the running text; links are counted apart.
    else if (
      node.nodeType === 1 &&
      /^(?:B|STRONG|I|EM|SPAN|FONT|U|SMALL|SUB|SUP|MARK|BR|CODE|Q|CITE|ABBR|TIME)$/.test(
        (node as Element).tagName.toUpperCase(),
      )
    )
      text += node.textContent ?? '';
  }
  return text;
}

function linkWeight(el: Element): number {
  let weight = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) weight += measureText(a.textContent ?? '');
  return weight;
}

/** A teaser holds one heading link and at most a snippet: more text than this is an article of its own. */
const MAX_TEASER_WEIGHT = 900;

/** A teaser: one heading that links elsewhere, with at most a snippet beside it. */
function isTeaser(el: Element): boolean {
  // The size first, read only up to the bound: a story's wrappers fail it without a selector search of the story.
  if (weighsMoreThan(el, MAX_TEASER_WEIGHT)) return false;
  const headings = headingLinks(el, 2);
  if (headings.length !== 1) return false;
  const href = headings[0]?.getAttribute('href') ?? '';
  return href !== '' && !href.startsWith('#');
}

const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5']);

/**
 * The first `limit` links with an href below an h2–h5 (which may sit above `el`), in document order: what
 * `el.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], h5 a[href]')` lists. A walk of a small block, not a
 * selector that linkedom compiles on every call.
 */
function headingLinks(el: Element, limit: number): Element[] {
  const found: Element[] = [];
  for (let node = el.firstElementChild; node && found.length < limit; node = nextElementIn(node, el)) {
    if (node.localName === 'a' && node.hasAttribute('href') && hasHeadingAbove(node)) found.push(node);
  }
  return found;
}

function hasHeadingAbove(el: Element): boolean {
  for (let up = el.parentElement; up; up = up.parentElement)
    if (HEADING_TAGS.has(up.tagName.toUpperCase())) return true;
  return false;
}

/** The element after `node` in document order inside `root`, or null. */
function nextElementIn(node: Element, root: Element): Element | null {
  if (node.firstElementChild) return node.firstElementChild;
  for (let at: Element | null = node; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** Per page: whether each element is one of repeated teasers, and whether it is a teaser (siblings ask again). */
interface TeaserCache {
  repeated: Map<Element, boolean>;
  teaser: Map<Element, boolean>;
}

function isTeaserCached(el: Element, cache: TeaserCache): boolean {
  let result = cache.teaser.get(el);
  if (result === undefined) cache.teaser.set(el, (result = isTeaser(el)));
  return result;
}

/** Whether an element is one of at least MIN_TEASERS teaser siblings (a result in a list of stories). */
function isRepeatedTeaser(el: Element, cache: TeaserCache): boolean {
  const cached = cache.repeated.get(el);
  if (cached !== undefined) return cached;
  let result = false;
  const parent = el.parentElement;
  if (parent && isTeaserCached(el, cache)) {
    let teasers = 0;
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling)
      if (isTeaserCached(sibling, cache) && ++teasers >= MIN_TEASERS) break;
    result = teasers >= MIN_TEASERS;
  }
  cache.repeated.set(el, result);
  return result;
}

/** The block is, or sits within a few levels in, one of repeated teasers: its text is a snippet, not an article. */
function isInTeaser(block: Element, cache: TeaserCache): boolean {
  let current: Element | null = block;
  for (let depth = 0; current && depth < 4; depth++, current = current.parentElement) {
    if (isRepeatedTeaser(current, cache)) return true;
  }
  return false;
}

function isInChrome(el: Element, cache: Map<Element, boolean>): boolean {
  const chain: Element[] = [];
  let current: Element | null = el;
  let result = false;
  while (current) {
    const cached = cache.get(current);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    chain.push(current);
    if (isSkipContainer(current, null)) {
      result = true;
      break;
    }
    current = current.parentElement;
  }
  for (const visited of chain) cache.set(visited, result);
  return result;
}

/** Tags that sit inside a line of text: a div holding only these (and text) reads as a paragraph. */
const INLINE_TAGS = new Set(
  'A B STRONG I EM SPAN FONT U SMALL SUB SUP MARK BR WBR CODE Q CITE ABBR TIME IMG S DEL INS KBD VAR SAMP DFN BDI BDO DATA'.split(
    ' ',
  ),
);

/** Whether the element holds only text and inline tags (a paragraph's content), no block of its own. */
function hasOnlyInline(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (!INLINE_TAGS.has(child.tagName.toUpperCase())) return false;
  return true;
}

/**
 * The element a block's text belongs to: its parent for a paragraph, itself for a div holding text directly.
 * A paragraph of prose (`proseWeight` > 0) in wrappers of its own (one card per paragraph:
 * `<div class="card"><div class="card-content"><p>…`, maybe an empty ad slot beside it) belongs to the element
 * around those wrappers, with its sibling paragraphs: found by bounded reads, the first ancestor with other text.
 */
function containerOf(el: Element, isParagraph: boolean, proseWeight: number): Element | null {
  let start = el;
  if (proseWeight > 0) {
    let up = start.parentElement;
    for (let depth = 0; up && depth < MAX_WRAPPERS && up.tagName.toUpperCase() !== 'BODY'; depth++) {
      if (weighsMoreThan(up, proseWeight + WRAPPER_SLACK)) break;
      start = up;
      up = up.parentElement;
    }
  }
  let container = isParagraph ? start.parentElement : start;
  // Climb wrappers that hold nothing else (`<div class="para"><p>…`).
  while (container?.parentElement && container.parentElement.children.length === 1) {
    const up = container.parentElement;
    if (up.tagName.toUpperCase() === 'BODY') break;
    container = up;
  }
  return container;
}

/**
 * What sits above `el` (its ancestors, not itself): one walk by tag name instead of several `closest()` calls,
 * which compile their selector on every call in linkedom (a tenth of the CLI's time went there).
 */
function readAncestors(el: Element): { isNeverBody: boolean; isInP: boolean; isInLi: boolean } {
  const out = { isNeverBody: false, isInP: false, isInLi: false };
  for (let up = el.parentElement; up; up = up.parentElement) {
    const tag = up.tagName.toUpperCase();
    if (NEVER_BODY.has(tag)) out.isNeverBody = true;
    else if (tag === 'P') out.isInP = true;
    else if (tag === 'LI') out.isInLi = true;
  }
  return out;
}

export interface ReaderableShape {
  /** Text weight of the dominant block. */
  dominant: number;
  /** Text weight of all running text outside chrome. */
  total: number;
  /** Text weight in repeated teasers (a heading link and a snippet each). */
  teaser: number;
  /** More text in teasers than in a dominant block that is not clearly an article: a list of stories. */
  isList: boolean;
}

/**
 * Measures the page: its dominant text block and whether that block is part of a list of teasers. Never throws.
 * With `enough`, the walk stops at the first block whose score reaches it (the shape then holds only that much).
 */
export function measureReaderable(doc: Document, enough = Number.POSITIVE_INFINITY): ReaderableShape {
  const shape: ReaderableShape = { dominant: 0, total: 0, teaser: 0, isList: false };
  const body = doc.body;
  if (!body) return shape;
  const chrome = new Map<Element, boolean>();
  const scores = new Map<Element, number>();
  const teasers: TeaserCache = { repeated: new Map(), teaser: new Map() };
  // Read one by one, not copied into an array: on a long page the walk stops after a few paragraphs, and in an
  // extension's isolated world each element handed to script costs a wrapper (16,000 of them: ~30 ms).
  const blocks = body.querySelectorAll(BLOCK_SELECTOR);
  const count = Math.min(blocks.length, MAX_BLOCKS);
  // Paragraphs first, the other blocks after them: a wrapper's own text is read child by child (a story's wrapper
  // of 16,000 paragraphs: ~17 ms in an isolated world), and the walk usually stops before. The order changes no
  // verdict: without a stop the sums are the same in any order; a container's running score reaches `enough`
  // in some order exactly when its whole sum does, so both orders stop or neither; and a stop means an article.
  const later: Element[] = [];
  let isStopped = false;
  for (let i = 0; i < count && !isStopped; i += 1) {
    const el = blocks[i];
    if (!el) continue;
    if (TEXT_BLOCK_TAGS.has(el.tagName.toUpperCase())) isStopped = visit(el);
    else later.push(el);
  }
  for (let i = 0; i < later.length && !isStopped; i += 1) {
    const el = later[i];
    if (el) isStopped = visit(el);
  }
  for (const score of scores.values()) shape.dominant = Math.max(shape.dominant, score);
  // Articles carry "more stories" teasers too; only a page whose main text is not clearly longer is a list.
  shape.isList = shape.teaser > shape.dominant && shape.dominant < CLEAR_DOMINANT_WEIGHT;
  return shape;

  /** Counts one block; true when its container's score reached `enough` and the walk stops. */
  function visit(el: Element): boolean {
    const tag = el.tagName.toUpperCase();
    const isItem = tag === 'LI';
    const above = readAncestors(el);
    if (NEVER_BODY.has(tag) || above.isNeverBody || (tag !== 'P' && above.isInP)) return false;
    // A list item counts once (not its nested items), and only as prose: a list of links is cut by link density.
    if (above.isInLi) return false;
    let isParagraph =
      isItem || tag === 'P' || tag === 'PRE' || (tag === 'BLOCKQUOTE' && !el.querySelector('p'));
    let text = isParagraph ? (el.textContent ?? '') : ownText(el);
    if (tag === 'DIV' && text.trim() !== '') {
      // A div of text and inline tags that ends a sentence (`<div class="paragraph">…</div>`) is a paragraph.
      const whole = el.textContent ?? '';
      if (hasOnlyInline(el) && endsSentence(whole)) {
        isParagraph = true;
        text = whole;
      }
    }
    const weight = measureText(text);
    if (weight < 8) return false;
    const links = isParagraph ? linkWeight(el) : 0;
    if (links / weight > MAX_BLOCK_LINK_DENSITY) return false;
    if (isInChrome(el, chrome)) return false;
    const net = weight - links;
    const isProse = !isItem && isParagraph && endsSentence(text);
    // A list's items join the text around the list (`<p>…</p><ul><li>…` is one body).
    const container = containerOf(
      isItem && el.parentElement ? el.parentElement : el,
      isParagraph,
      isProse ? weight : 0,
    );
    if (!container) return false;
    shape.total += net;
    if (isInTeaser(el, teasers)) {
      shape.teaser += net;
      return false;
    }
    const score = (scores.get(container) ?? 0) + net;
    scores.set(container, score);
    return score >= enough;
  }
}

/** Whether the page is one article to auto-clip. Never throws. */
export function isArticleShaped(doc: Document): boolean {
  try {
    // A block this clear is an article whatever follows (isList needs a dominant block under it): on a long
    // page the popup's probe stops after a few paragraphs instead of reading 6,000 blocks.
    const shape = measureReaderable(doc, CLEAR_DOMINANT_WEIGHT);
    if (shape.isList || shape.dominant < MIN_DOMINANT_WEIGHT) return false;
    return shape.dominant >= CLEAR_DOMINANT_WEIGHT || shape.dominant >= MIN_DOMINANT_SHARE * shape.total;
  } catch {
    return false;
  }
}
