// DOM: prepares a private copy of article HTML for turndown: drops active content, picks image URLs, flattens tables.
// Everything here mutates its argument: callers pass a clone (cloneInert) or a freshly parsed tree (parseInert).
import { CJK_TEXT_RANGES } from '../pure/cjk';
import { prepareImage, preparePicture } from './markdown-images';
import { prepareTable } from './markdown-tables';
import {
  BLOCK_TAGS,
  ELEMENT_NODE,
  TEXT_NODE,
  findDescendants,
  hasBlockDescendant,
  hasDescendant,
  replaceWithDiv,
  unwrap,
} from './markdown-tree';

export { cloneInert, parseInert } from './markdown-inert';
export { pickLargestCandidate, resolveImageUrl, resolveLinkUrl } from './markdown-images';
export { readColspan } from './markdown-tables';
export { BLOCK_TAGS } from './markdown-tree';

/** Marks a `<br>` until whitespace is tidied: only then do we know whether the break is meaningful. */
export const BREAK_MARK = '\uE000';
/** Brackets the index of a code block held out of the text, so tidying never touches code. */
export const CODE_MARK = '\uE001';
/** Brackets an inline code span until tidying, so two spans that end up touching can be kept apart. */
export const SPAN_MARK = '\uE002';
export const MARKS_PATTERN = /[\uE000-\uE002]/g;

/** Active or interactive content: dropped with everything inside (security issue, and noise). */
export const DROPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'PARAM',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'CANVAS',
  'INPUT',
  'BUTTON',
  'SELECT',
  'OPTION',
  'DATALIST',
  'TEXTAREA',
  'LINK',
  'META',
  'BASE',
  'HEAD',
  'TITLE',
  'AUDIO',
  'VIDEO',
  'TRACK',
  'MAP',
  'AREA',
  'DIALOG',
]);

/** A line break between two CJK characters is not a space (CSS Text 3 segment-break rules). */
const CJK_LINE_BREAK = new RegExp(
  `([${CJK_TEXT_RANGES}])[ \\t\\r]*\\n[ \\t\\r\\n]*(?=[${CJK_TEXT_RANGES}])`,
  'g',
);

interface Collected {
  images: Element[];
  links: Element[];
  pres: Element[];
  tables: Element[];
  forms: Element[];
  checkboxes: Element[];
  /**
   * Table parts outside any table (Readability can leave a lone <td>), and <code> wrapped around a <pre>
   * (inline code cannot hold a block: its held-out code could never be restored): rendered as plain blocks.
   */
  orphans: Element[];
  /** <picture> sources: read for image URLs, then dropped (a void element keeps stray spaces). */
  sources: Element[];
}

const TABLE_PARTS = new Set(['TD', 'TH', 'TR', 'THEAD', 'TBODY', 'TFOOT', 'CAPTION', 'COLGROUP', 'COL']);

/** Sanitises and normalises `root` in place, ready for the turndown rules in markdown.ts. */
export function prepareTree(root: Element, baseUrl: string): void {
  const found: Collected = {
    images: [],
    links: [],
    pres: [],
    tables: [],
    forms: [],
    checkboxes: [],
    orphans: [],
    sources: [],
  };
  walk(root, { isInPre: false, isInTable: false }, found);
  for (const form of found.forms) unwrap(form);
  for (const part of found.orphans) replaceWithDiv(part);
  for (const box of found.checkboxes) markTask(box);
  for (const img of found.images) prepareImage(img, baseUrl);
  for (const source of found.sources) source.parentNode?.removeChild(source);
  for (const pre of found.pres) prepareCode(pre);
  // Innermost tables first: an outer layout table then sees its data tables already settled.
  for (const table of found.tables.reverse()) prepareTable(table);
  for (const link of found.links) if (link.parentNode && hasBlockDescendant(link)) pushLinkIntoBlocks(link);
}

interface WalkState {
  isInPre: boolean;
  isInTable: boolean;
}

/** One pass over the tree: drop active content, fix text, collect the elements later steps need. */
function walk(node: Node, state: WalkState, found: Collected): void {
  let next = node.firstChild;
  while (next) {
    const child = next;
    next = child.nextSibling; // read before `child` is possibly removed
    if (child.nodeType === TEXT_NODE) {
      prepareText(child as Text, state.isInPre);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) {
      node.removeChild(child); // comments, processing instructions
      continue;
    }
    const el = child as Element;
    const tag = el.nodeName.toUpperCase();
    if (tag === 'INPUT' && isTaskCheckbox(el)) {
      found.checkboxes.push(el);
      continue;
    }
    if (DROPPED_TAGS.has(tag) || (tag === 'FORM' && !isArticleForm(el))) {
      node.removeChild(el);
      continue;
    }
    if (tag === 'IMG') found.images.push(el);
    else if (tag === 'A') found.links.push(el);
    else if (tag === 'PRE') found.pres.push(el);
    else if (tag === 'TABLE') found.tables.push(el);
    else if (tag === 'FORM') found.forms.push(el);
    else if (tag === 'PICTURE') preparePicture(el);
    else if (tag === 'SOURCE') found.sources.push(el);
    else if (!state.isInTable && TABLE_PARTS.has(tag)) found.orphans.push(el);
    else if (tag === 'CODE' && !state.isInPre && hasDescendant(el, (t) => t === 'PRE'))
      found.orphans.push(el);
    const isInPre = state.isInPre || tag === 'PRE';
    const isInTable = state.isInTable || tag === 'TABLE';
    walk(
      el,
      isInPre === state.isInPre && isInTable === state.isInTable ? state : { isInPre, isInTable },
      found,
    );
  }
}

function prepareText(text: Text, isInPre: boolean): void {
  let data = text.data;
  if (data.includes(BREAK_MARK) || data.includes(CODE_MARK) || data.includes(SPAN_MARK))
    data = data.replace(MARKS_PATTERN, '');
  if (!isInPre) {
    if (data.includes('\u00A0')) data = data.replace(/\u00A0/g, ' ');
    if (data.includes('\n')) data = data.replace(CJK_LINE_BREAK, '$1');
  }
  if (data !== text.data) text.data = data;
}

/** Some sites (ASP.NET) wrap the whole page in one <form>: keep its prose, drop any other form. */
function isArticleForm(form: Element): boolean {
  return findDescendants(form, (tag) => tag === 'P').length >= 2;
}

function isTaskCheckbox(input: Element): boolean {
  if ((input.getAttribute('type') ?? '').toLowerCase() !== 'checkbox') return false;
  const parent = input.parentElement;
  return parent?.nodeName === 'LI' || parent?.parentElement?.nodeName === 'LI';
}

/** A task-list checkbox becomes a marker element our rule renders as `[x] ` / `[ ] `. */
function markTask(input: Element): void {
  const marker = input.ownerDocument.createElement('postclip-task');
  if (input.hasAttribute('checked')) marker.setAttribute('checked', '');
  // Text inside, or turndown treats the empty marker as blank and never asks our rule.
  marker.appendChild(input.ownerDocument.createTextNode('task'));
  input.parentNode?.replaceChild(marker, input);
  const after = marker.nextSibling;
  if (after?.nodeType === TEXT_NODE) (after as Text).data = (after as Text).data.replace(/^\s+/, '');
}

/** BRs in code are line breaks; textContent would lose them. */
function prepareCode(pre: Element): void {
  for (const br of findDescendants(pre, (tag) => tag === 'BR')) {
    br.parentNode?.replaceChild(pre.ownerDocument.createTextNode('\n'), br);
  }
}

/**
 * `<a href><h2>Title</h2><p>Lede</p></a>` would give `[## Title…](url)`: instead the link is
 * repeated inside each block around its inline content, giving `## [Title](url)`.
 */
function pushLinkIntoBlocks(link: Element): void {
  distributeLink(link, link);
  unwrap(link);
}

function distributeLink(container: Element, link: Element): void {
  let run: Node[] = [];
  const flush = (): void => {
    if (run.some((n) => n.nodeType === ELEMENT_NODE || (n.textContent ?? '').trim() !== '')) {
      const copy = link.cloneNode(false) as Element;
      run[0]?.parentNode?.insertBefore(copy, run[0]);
      for (const n of run) copy.appendChild(n);
    }
    run = [];
  };
  for (const child of Array.from(container.childNodes)) {
    const isBlockish =
      child.nodeType === ELEMENT_NODE &&
      (BLOCK_TAGS.has(child.nodeName.toUpperCase()) || hasBlockDescendant(child as Element));
    if (isBlockish) {
      flush();
      distributeLink(child as Element, link);
    } else {
      run.push(child);
    }
  }
  flush();
}
