// DOM: measures shared by the boilerplate detectors: an element's text, its link density, whether it holds a
// paragraph of running text, whether it is a page-layout wrapper that must never be removed whole.
import { DROP_ATTRIBUTE } from './pre-clean';
import { normalizeSpace } from '../pure/page-text';
import { measureText } from '../pure/text-weight';
import { LAYOUT_TAGS } from './html-blocks';
import { nextOutside } from './text-length';
import { hasSentenceEnd } from '../pure/sentence-end';

/** Never removed whole: the page, and the elements that hold the whole story. */
/** Running text: a paragraph this long (measureText: about 25 words, or 48 CJK characters) is article, not a widget. */
export const PARAGRAPH_CHARS = 120;

export function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

export function textOf(node: Node | null | undefined): string {
  return normalizeSpace(node?.textContent);
}

/** Share of the element's text inside links, by measureText weight (0 for an empty element). */
export function linkDensity(el: Element): number {
  const { total, linked } = measureLinkedText(el);
  if (total === 0) return 0;
  return Math.min(1, linked / total);
}

/**
 * measureText of the element's text, and the sum of measureText over each `<a>` inside it (nested links count
 * once per link, as a sum over `querySelectorAll('a')` would): one walk of its text nodes, no copies of its text.
 * measureText adds up over concatenation, so the per-node sums equal the whole-string measures.
 */
export function measureLinkedText(el: Element): { total: number; linked: number } {
  let total = 0;
  let linked = 0;
  let links = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const weight = measureText(node.nodeValue ?? '');
      total += weight;
      linked += weight * links;
    } else if (node.nodeType === 1 && node.firstChild) {
      if ((node as Element).localName === 'a') links++;
      node = node.firstChild;
      continue;
    }
    while (node !== el && node.nextSibling === null) {
      node = node.parentNode;
      if (!node || node === el) return { total, linked };
      if ((node as Element).localName === 'a') links--;
    }
    node = node.nextSibling;
  }
  return { total, linked };
}

/**
 * measureLinkedText, with the text read only until `isDecided(total so far, linked)` holds: null then. The links are
 * weighed first, from each `<a>`'s text; the text nodes are then added in order. `isDecided` must stay true as the
 * total grows (a whole article then answers after its first paragraphs). When it never holds, the whole measure.
 */
export function measureLinkedTextUnless(
  el: Element,
  isDecided: (total: number, linked: number) => boolean,
): { total: number; linked: number } | null {
  // Nested links count once per link, as in measureLinkedText. Weights are multiples of 0.5: the sums are exact.
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += measureText(a.textContent ?? '');
  let total = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      total += measureText(node.nodeValue ?? '');
      if (isDecided(total, linked)) return null;
    } else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, el);
  }
  return { total, linked };
}

export function isLayout(el: Element): boolean {
  return LAYOUT_TAGS.has(tagOf(el)) || el.querySelector('h1') !== null;
}

/**
 * `isLayout` for many elements of one tree: the `<h1>`s' ancestors are found once, not one subtree search per
 * element (a page with no `<h1>` had every element's whole subtree searched). Call `reset` after removing nodes.
 */
export function layoutTest(root: Element): { isLayout: (el: Element) => boolean; reset: () => void } {
  let holders: Set<Element> | null = null;
  const findHolders = (): Set<Element> => {
    const found = new Set<Element>();
    for (const h1 of Array.from(root.querySelectorAll('h1')))
      for (let up = h1.parentElement; up && !found.has(up); up = up.parentElement) found.add(up);
    return found;
  };
  return {
    isLayout: (el) => LAYOUT_TAGS.has(tagOf(el)) || (holders ??= findHolders()).has(el),
    reset: () => {
      holders = null;
    },
  };
}

/**
 * `el.closest(tags)` for plain tag names (upper case), as one walk up: linkedom compiles a `closest()` selector
 * again on every call, and the detectors ask it of thousands of elements.
 */
export function hasAncestorTag(el: Element, tags: ReadonlySet<string>): boolean {
  for (let up: Element | null = el; up; up = up.parentElement) if (tags.has(tagOf(up))) return true;
  return false;
}

/** Whether the text reads as a sentence (an end mark, or many words), not a label or a counter. */
export function isSentence(text: string): boolean {
  return hasSentenceEnd(text) || text.split(/\s+/).length >= 12;
}

/** Text outside links, by measureText weight. */
export function measureProse(el: Element): number {
  const { total, linked } = measureLinkedText(el);
  return total - linked;
}

/** Where running text is looked for first. */
const TEXT_BLOCK_TAGS = new Set(['P', 'BLOCKQUOTE', 'DD', 'LI']);

/**
 * A paragraph of running text outside links somewhere inside `el`: article text that must stay. The paragraphs
 * (`p, blockquote, dd, li`) are read in document order and the walk stops at the first long one, so a story's
 * wrapper answers at its first paragraph; with none, `el`'s own text counts.
 */
export function holdsRunningText(el: Element): boolean {
  let hasBlock = false;
  for (let node = el.firstElementChild; node; node = nextElementIn(node, el)) {
    if (!TEXT_BLOCK_TAGS.has(tagOf(node))) continue;
    hasBlock = true;
    if (measureProse(node) >= PARAGRAPH_CHARS) return true;
  }
  return !hasBlock && measureProse(el) >= PARAGRAPH_CHARS;
}

/** The element after `node` in document order inside `root`, past a `<template>`'s contents as a selector walks. */
function nextElementIn(node: Element, root: Element): Element | null {
  if (node.localName !== 'template' && node.firstElementChild) return node.firstElementChild;
  for (let at: Element | null = node; at && at !== root; at = at.parentElement)
    if (at.nextElementSibling) return at.nextElementSibling;
  return null;
}

/** Class and id tokens, lower case. */
export function tokensOf(el: Element): string[] {
  return splitTokens(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase());
}

/** The tokens of a class and id string: split at whitespace, no empty ones. */
export function splitTokens(names: string): string[] {
  return names.split(/\s+/).filter(Boolean);
}

/**
 * The outermost ancestor of `start` (itself included) that still passes `fits`, stopping below layout wrappers.
 * Each detector grows its block this way: from a form to its sign-up box, from postings to their forum.
 */
export function growBox(start: Element, fits: (el: Element) => boolean): Element {
  let box = start;
  for (let up = box.parentElement; up && !isLayout(up) && fits(up); up = up.parentElement) box = up;
  return box;
}

/**
 * Marks a block for removal after Readability (trimArticleEdges removes it): taking small boxes out before would
 * change which container Readability picks, and with it the hero image or standfirst beside the story.
 */
export function dropBlock(el: Element): void {
  el.setAttribute(DROP_ATTRIBUTE, '');
  // Readability rewrites a div of inline content as a <p>, and the copy may lose the mark: mark the children too.
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    child.setAttribute(DROP_ATTRIBUTE, '');
}

/**
 * Inside a block already marked or removed: not under `root`, or under (or itself) a marked element. One walk up
 * by attribute, not `closest()` with a selector (which linkedom compiles again on every call).
 */
export function isGone(el: Element, root: Element): boolean {
  let isInRoot = false;
  for (let up: Element | null = el; up; up = up.parentElement) {
    if (up.hasAttribute(DROP_ATTRIBUTE)) return true;
    if (up === root) isInRoot = true;
  }
  return !isInRoot;
}

/**
 * Whether `measureText(el.textContent)` is above `max`, read only as far as needed: the text nodes are weighed in
 * order and the walk stops once they pass `max`, so a story's wrapper answers after its first paragraphs.
 */
export function weighsMoreThan(el: Element, max: number): boolean {
  let total = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      total += measureText(node.nodeValue ?? '');
      if (total > max) return true;
    } else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, el);
  }
  return false;
}

/** The element's text with its parts spaced apart: `<a>+1</a><span>86</span>` reads `+1 86`, not `+186`. */
export function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(el);
  return normalizeSpace(parts.join(' '));
}
