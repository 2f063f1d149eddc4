// DOM: the page's furniture around a story: share and like rows (links or buttons with bare counts, `+1 86 收藏`),
// the short lines after an end marker (`— END —` and the account's call to action), and the site footer (the last
// short blocks of the page, link lists or a copyright line).
import {
  dropBlock,
  hasAncestorTag,
  holdsRunningText,
  isGone,
  isLayout,
  isSentence,
  linkDensity,
  spacedText,
  tagOf,
  textOf,
  weighsMoreThan,
} from './boilerplate-measure';
import { listBodyElements } from './boilerplate-elements';
import { textWithFew } from './text-length';
import { findDatesInText } from '../pure/date-parse';
import { normalizeSpace } from '../pure/page-text';
import { measureText } from '../pure/text-weight';

/** `+1`, `214`, `10万+`, `1.2k`: a counter's whole text. */
const COUNT = /^[+\-−]?\d[\d,.]*[kKmMwW万千+]*$/u;
/** Every character a count's text may hold, with the spaces around it. */
const COUNT_CHAR = /[\s+\-−\d,.kKmMwW万千]/u;
const ASCII_NOT_COUNT = Array.from(
  { length: 0x80 },
  (_, code) => !COUNT_CHAR.test(String.fromCharCode(code)),
);
/** A row of widgets is short. */
const MAX_ROW_CHARS = 120;
/** A word beside a count (`阅读 10万+`, `Likes 12`). */
const MAX_ROW_WORD_CHARS = 8;
const INTERACTIVE = 'a, button, [role="button"]';
/** Where a bare count is looked for. */
const COUNTER_TAGS: ReadonlySet<string> = new Set(['SPAN', 'A', 'BUTTON', 'B', 'I', 'EM', 'STRONG']);
/** Where an end marker is looked for. */
const MARKER_TAGS: ReadonlySet<string> = new Set(['P', 'DIV', 'SECTION', 'SPAN', 'STRONG', 'B']);
/** A number in a table, code, a list item or a heading is content, not a counter. */
const NOT_COUNTER_PLACES = new Set('TABLE PRE CODE LI H1 H2 H3'.split(' '));
/** `— END —`, `- 完 -`, `（完）`, `THE END`: decorated end words, alone on their line. */
const END_MARKER = /^[\s\p{P}\p{S}]*(?:the\s+end|end|fin|ende|完|全文完|终|終)[\s\p{P}\p{S}]*$/iu;
/** The most characters outside END_MARKER's decoration class any of its words holds (`the end`: six letters). */
const MAX_MARKER_LETTERS = 6;
const DECORATION = /[\s\p{P}\p{S}]/u;
/** isMarkerLetter's answer for each ASCII code, from DECORATION itself. */
const ASCII_LETTERS = Array.from({ length: 0x80 }, (_, code) => !DECORATION.test(String.fromCharCode(code)));
/** What may follow an end marker and still be the account's footer, not story. */
const MAX_TAIL_CHARS = 400;
/** A site footer's blocks are short. */
const MAX_FOOTER_CHARS = 400;
/** Copyright and platform lines: one signal, beside position and size. */
const FOOTER_CUE = /©|\(c\)|copyright|all rights reserved|powered by|版权所有|版權所有|备案|ICP/iu;
/** A list's heading: a few words. */
const MAX_HEADING_WEIGHT = 30;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META']);

/** Text outside interactive elements, split into words. */
function looseWords(row: Element): string[] {
  const clone = row.cloneNode(true) as Element;
  for (const el of Array.from(clone.querySelectorAll(INTERACTIVE))) el.remove();
  return spacedText(clone).split(/\s+/).filter(Boolean);
}

/** A counter row: links or buttons, and besides them only counts and the short words that name them. */
function isCounterRow(row: Element): boolean {
  const text = spacedText(row);
  if (!text || text.length > MAX_ROW_CHARS || isSentence(text) || row.querySelector('img, p, li'))
    return false;
  // `by Lucas Nolan 22 Dec 2016 651`: a dateline with a comment count is the byline, for the edge trim to read.
  if (findDatesInText(text).length > 0) return false;
  const interactive = row.querySelectorAll(INTERACTIVE).length;
  const words = looseWords(row);
  const counts = words.filter((w) => COUNT.test(w)).length;
  const linkCounts = Array.from(row.querySelectorAll(INTERACTIVE)).filter((a) =>
    COUNT.test(textOf(a)),
  ).length;
  if (counts + linkCounts === 0) return false;
  const named = words.filter((w) => !COUNT.test(w));
  // Each loose word names a count (`阅读 10万+`); more words than counts is a line of text.
  if (named.length > counts || named.some((w) => w.length > MAX_ROW_WORD_CHARS || /[.。,，;；]$/u.test(w)))
    return false;
  return interactive >= 2 || (interactive >= 1 && counts >= 1) || counts >= 2;
}

function isNotCountChar(code: number): boolean {
  return code < 0x80 ? ASCII_NOT_COUNT[code] === true : !COUNT_CHAR.test(String.fromCharCode(code));
}

/** Share bars and like counters: from each bare count up to the row around it. */
export function removeCounterRows(body: Element, elements = listBodyElements(body)): void {
  for (const el of elements.withTags(COUNTER_TAGS)) {
    // The text is read only while it could be a count: a word stops it at its first letter.
    const text = leafOrFewText(el, isNotCountChar, 0);
    if (text === null || !COUNT.test(normalizeSpace(text))) continue;
    if (isGone(el, body) || hasAncestorTag(el, NOT_COUNTER_PLACES)) continue;
    let row: Element | null = null;
    for (
      let up = el.parentElement, depth = 0;
      up && depth < 3 && !isLayout(up);
      up = up.parentElement, depth++
    ) {
      if (weighsMoreThan(up, MAX_ROW_CHARS * 2)) break;
      if (isCounterRow(up)) row = up;
    }
    if (row) dropBlock(row);
  }
}

/**
 * A character END_MARKER's words may hold: outside whitespace, punctuation and symbols. Surrogates are not
 * counted (an emoji is a symbol), so the count never passes what the pattern would see.
 */
function isMarkerLetter(code: number): boolean {
  if (code < 0x80) return ASCII_LETTERS[code] === true;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return !DECORATION.test(String.fromCharCode(code));
}

/**
 * An element's text for a test of few characters: a leaf's own text as it is (in a browser `textContent` is one
 * native call, where a script walk makes an object for each text node), else read only while it holds at most
 * `max` counted characters (textWithFew).
 */
function leafOrFewText(el: Element, isCounted: (code: number) => boolean, max: number): string | null {
  return el.firstElementChild ? textWithFew(el, isCounted, max) : (el.textContent ?? '');
}

/** More than `max` element children, counted by sibling links (linkedom builds `children` to count them). */
function hasMoreChildren(el: Element, max: number): boolean {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (++count > max) return true;
  return false;
}

/** Everything after a decorated end marker in its container, when it is short and has no running text. */
export function removeEndMarkerTails(body: Element, elements = listBodyElements(body)): void {
  for (const el of elements.withTags(MARKER_TAGS)) {
    if (hasMoreChildren(el, 2)) continue;
    // The raw text: END_MARKER allows any whitespace run, so collapsing it first changes no answer. Read only while
    // it could still be a marker: a story's wrapper stops after its first word.
    const text = leafOrFewText(el, isMarkerLetter, MAX_MARKER_LETTERS);
    if (text === null || !END_MARKER.test(text) || isGone(el, body)) continue;
    // The marker's line, grown while its parent holds only it.
    let line = el;
    while (line.parentElement && !isLayout(line.parentElement) && textOf(line.parentElement) === textOf(el))
      line = line.parentElement;
    const tail: Element[] = [];
    for (let next = line.nextElementSibling; next; next = next.nextElementSibling) tail.push(next);
    const weight = tail.reduce((sum, t) => sum + measureText(t.textContent ?? ''), 0);
    if (weight > MAX_TAIL_CHARS || tail.some((t) => holdsRunningText(t) || isLayout(t))) continue;
    for (const t of tail) dropBlock(t);
    dropBlock(line);
  }
}

function isFooterBlock(el: Element): boolean {
  if (weighsMoreThan(el, MAX_FOOTER_CHARS)) return false;
  const text = textOf(el);
  if (!text || measureText(text) > MAX_FOOTER_CHARS || holdsRunningText(el) || isLayout(el)) return false;
  return (
    tagOf(el) === 'FOOTER' ||
    el.getAttribute('role') === 'contentinfo' ||
    FOOTER_CUE.test(text) ||
    (linkDensity(el) >= 0.5 && el.querySelectorAll('a').length >= 2)
  );
}

/** Text of its own, outside child elements: a story set as text and `<br>`s. */
function hasOwnText(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim().length > 20) return true;
  return false;
}

/** The last child that shows something: scripts, empty spacers and `<br>`s are looked past, never removed. */
function lastShown(el: Element | null): Element | null {
  let last = el;
  while (
    last &&
    // Empty is weightless: the last wrapper's text (maybe the whole page) is not read just to see it has some.
    (SKIPPED_TAGS.has(tagOf(last)) || (!weighsMoreThan(last, 0) && !last.querySelector('img, video, iframe')))
  )
    last = last.previousElementSibling;
  return last;
}

/**
 * The site footer: the last blocks of the page, walking back from its end and into the last wrapper, while each
 * is short and a footer by tag, role, a copyright line or a list of links. Stops at the first block that is not,
 * and never enters the story itself.
 */
export function removeTrailingFooters(body: Element): void {
  let container: Element = body;
  for (let depth = 0; depth < 8; depth++) {
    let last = lastShown(container.lastElementChild);
    let removed = false;
    while (last && isFooterBlock(last)) {
      const previous = last.previousElementSibling;
      last.remove();
      removed = true;
      last = lastShown(previous);
    }
    // The heading of a list just removed (`热点排行`) goes with it.
    if (removed && last && /^H[2-6]$/.test(tagOf(last)) && measureText(textOf(last)) <= MAX_HEADING_WEIGHT) {
      const previous = last.previousElementSibling;
      last.remove();
      last = lastShown(previous);
    }
    if (!last || ['ARTICLE', 'MAIN'].includes(tagOf(last)) || hasOwnText(last)) return;
    if (Array.from(last.children).some((c) => tagOf(c) === 'P' && holdsRunningText(c))) return;
    // Into the last wrapper only when its own end is a footer or another wrapper, never the story's last lines.
    const inner = lastShown(last.lastElementChild);
    const isWrapper =
      inner !== null && ['DIV', 'SECTION', 'FOOTER'].includes(tagOf(inner)) && !hasOwnText(inner);
    if (!inner || (!isFooterBlock(inner) && !(isWrapper && !holdsRunningText(inner)))) return;
    container = last;
  }
}
