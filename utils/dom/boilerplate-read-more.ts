// DOM: links to the site's other stories set between the story's paragraphs: `Read more: <headline>`, a run of
// one-link lists under a `More:` heading, a line of three headlines with `[VIDEO]` tags. Found by structure: a
// block that is almost all links, each link a headline (several words) to the same site, between paragraphs of
// running text; a short unlinked label right before such a run goes with it.
import {
  dropBlock,
  holdsRunningText,
  isGone,
  isSentence,
  measureLinkedText,
  tagOf,
  textOf,
} from './boilerplate-measure';
import { listBodyElements } from './boilerplate-elements';
import { textFitsIn } from './text-length';
import { countCjk } from '../pure/cjk';
import { siteHostOf } from '../pure/url';
import { measureText } from '../pure/text-weight';

/** Share of the block's text in links. */
const MIN_LINK_SHARE = 0.7;
/** A headline is a few words at least (measureText): `Tencent profit falls` passes, `Home` or `Video` does not. */
const MIN_HEADLINE_WEIGHT = 15;
/** And not a paragraph: a link longer than this is prose that happens to be linked. */
const MAX_HEADLINE_WEIGHT = 200;
const MAX_LINKS = 4;
const MIN_HEADLINE_WORDS = 3;
const MIN_HEADLINE_CJK = 6;
/** Unlinked text beside the links: a label (`Read more:`) or tags (`[VIDEO]`), no more. */
const MAX_UNLINKED_WEIGHT = 40;
/** A label on its own line before the links: a word or three. */
const MAX_LABEL_WEIGHT = 20;
/** A story paragraph beside the links: a sentence this long at least (about a dozen words). */
const MIN_SENTENCE_WEIGHT = 60;
/** Images and empty slots looked past to find the paragraph beside the links. */
const MAX_HOPS = 4;
/** Wrappers climbed out of to find it. */
const MAX_LEVELS = 2;
const A_TAG: ReadonlySet<string> = new Set(['A']);
const BLOCKS = new Set(['P', 'DIV', 'UL', 'OL', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Never inside these: a list item, quote, table or caption is the story's own content. */
const CONTENT_PLACES = new Set(['LI', 'BLOCKQUOTE', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'PRE']);

function isSameSite(host: string, pageHost: string): boolean {
  return host === pageHost || host.endsWith(`.${pageHost}`) || pageHost.endsWith(`.${host}`);
}

/** A link whose text is a headline: a few words, not a menu label, an address or a paragraph. */
function isHeadline(link: Element): boolean {
  const text = textOf(link);
  const weight = measureText(text);
  if (weight < MIN_HEADLINE_WEIGHT || weight > MAX_HEADLINE_WEIGHT) return false;
  // A headline is words: `www.theatre.example` or a product code is an address, not a story.
  return text.split(' ').length >= MIN_HEADLINE_WORDS || countCjk(text) >= MIN_HEADLINE_CJK;
}

/** A block that is one to four headline links to the same site and little else. */
function isStoryLinkBlock(el: Element, pageHost: string, base: string): boolean {
  if (!BLOCKS.has(tagOf(el))) return false;
  // A div or list item that wraps other blocks is a container, not a line; a list is taken whole.
  if (tagOf(el) === 'DIV' && el.querySelector('p, div, ul, ol, table')) return false;
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (links.length === 0 || links.length > MAX_LINKS || el.querySelector('img, video, iframe, table'))
    return false;
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) return false;
    let host: string;
    try {
      host = siteHostOf(new URL(href, base).href);
    } catch {
      return false;
    }
    if (!isSameSite(host, pageHost)) return false;
    if (!isHeadline(link)) return false;
  }
  const { total, linked } = measureLinkedText(el);
  return total > 0 && linked >= MIN_LINK_SHARE * total && total - linked <= MAX_UNLINKED_WEIGHT;
}

/** A short unlinked line that is no sentence: `More:`, `DON'T MISS`, `Related`. */
function isLabel(el: Element): boolean {
  if (!BLOCKS.has(tagOf(el)) || el.querySelector('a, img, ul, ol')) return false;
  const text = textOf(el);
  // isSentence also refuses a text ending in an end mark.
  return text !== '' && measureText(text) <= MAX_LABEL_WEIGHT && !isSentence(text);
}

/** A paragraph of the story: running text, or a sentence of some length. */
export function isProse(el: Element): boolean {
  if (holdsRunningText(el)) return true;
  if (tagOf(el) !== 'P' || !isSentence(textOf(el))) return false;
  // A sentence may cite a source in a link (`… in the journal <a>BMJ Case Reports</a>.`): mostly unlinked is enough.
  const { total, linked } = measureLinkedText(el);
  return total >= MIN_SENTENCE_WEIGHT && linked * 2 < total;
}

/**
 * The nearest block that shows text beside `from`, looking past a few images and empty slots, and out of the
 * wrappers a story is often cut into (`<div><p>…</p><p>Read more: …</p></div><div class="photo">…`).
 */
export function nearestText(from: Element, forward: boolean, body: Element): Element | null {
  let hops = 0;
  for (let at: Element | null = from, level = 0; at && at !== body && level <= MAX_LEVELS; level++) {
    for (
      let el = forward ? at.nextElementSibling : at.previousElementSibling;
      el && hops < MAX_HOPS;
      el = forward ? el.nextElementSibling : el.previousElementSibling, hops++
    )
      // Any text at all: read only as far as the first characters (a sibling can be the rest of a long story).
      if (!textFitsIn(el, 0)) return el;
    at = at.parentElement;
  }
  return null;
}

function isInContent(el: Element, body: Element): boolean {
  for (let up = el.parentElement; up && up !== body; up = up.parentElement)
    if (CONTENT_PLACES.has(tagOf(up))) return true;
  return false;
}

/** Marks each run of story-link blocks (with its label) that sits between paragraphs of running text. */
export function removeReadMoreLinks(body: Element, url: string, elements = listBodyElements(body)): void {
  const pageHost = siteHostOf(url);
  if (!pageHost) return;
  const seen = new Set<Element>();
  for (const link of elements.withTags(A_TAG)) {
    // Most links of a page are menu labels: a block with one of them fails anyway, so look no further.
    if (!link.hasAttribute('href') || !isHeadline(link)) continue;
    // The link's line: its nearest block ancestor (a one-item list is read as its list).
    let block: Element | null = link.parentElement;
    while (block && block !== body && !BLOCKS.has(tagOf(block))) block = block.parentElement;
    if (!block || block === body) continue;
    if (tagOf(block) === 'LI' || (block.parentElement && tagOf(block.parentElement) === 'LI')) {
      const list = block.closest('ul, ol');
      if (list) block = list;
    }
    if (seen.has(block)) continue;
    seen.add(block);
    if (isGone(block, body) || isInContent(block, body) || !isStoryLinkBlock(block, pageHost, url)) continue;
    // Only the first block of a run starts one: the rest are taken with it.
    const previous = block.previousElementSibling;
    if (previous && isStoryLinkBlock(previous, pageHost, url)) continue;
    const run = [block];
    for (let next = block.nextElementSibling; next && isStoryLinkBlock(next, pageHost, url);) {
      run.push(next);
      seen.add(next);
      next = next.nextElementSibling;
    }
    const label = previous && isLabel(previous) ? previous : null;
    // Inside the story: a paragraph of it right before, and more of the page after (a list of other stories
    // after the story's end is left to the tail and footer rules, which know the page's end).
    const before = nearestText(label ?? block, false, body);
    if (!before || !isProse(before) || !nearestText(run[run.length - 1] ?? block, true, body)) continue;
    for (const el of label ? [label, ...run] : run) dropBlock(el);
  }
}
