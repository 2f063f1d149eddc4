// DOM: prepares a private copy of article HTML for turndown: drops active content, picks image URLs, flattens tables.
// Everything here mutates its argument: callers pass a clone (cloneInert) or a freshly parsed tree (parseInert).
import { withBlockTags } from './html-blocks';
import { CJK_TEXT_RANGES } from '../pure/cjk';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

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

export const BLOCK_TAGS = withBlockTags(
  'BODY',
  'CENTER',
  'DETAILS',
  'FIELDSET',
  'HGROUP',
  'MENU',
  'SUMMARY',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
);

/** A table holding any of these is a layout table: it becomes plain blocks, never a pipe table. */
const LAYOUT_TABLE_TAGS = new Set([
  'TABLE',
  'UL',
  'OL',
  'DL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'BLOCKQUOTE',
  'HR',
  'FIGURE',
]);

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
const LAZY_SRC_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-original-src'];
/** Lazy-loading stand-ins: a tiny inline image or a file named like a placeholder. */
const PLACEHOLDER_SRC =
  /(?:^|\/)(?:blank|spacer|placeholder|pixel|transparent|loading|lazy|grey|gray)[\w.-]*\.(?:gif|png|svg)(?:$|\?)/i;
/** Inline images shorter than this are lazy-load placeholders, not content. */
const MIN_DATA_IMAGE_LENGTH = 256;

/** A line break between two CJK characters is not a space (CSS Text 3 segment-break rules). */
const CJK_LINE_BREAK = new RegExp(
  `([${CJK_TEXT_RANGES}])[ \\t\\r]*\\n[ \\t\\r\\n]*(?=[${CJK_TEXT_RANGES}])`,
  'g',
);

/** A deep copy of `root` that cannot load images or run anything, so sanitising it cannot touch the page. */
export function cloneInert(root: Element): Element {
  const inert = createInertDocument(root.ownerDocument);
  return inert ? inert.importNode(root, true) : (root.cloneNode(true) as Element);
}

function createInertDocument(doc: Document): Document | null {
  // Browsers and jsdom: a document without a browsing context. linkedom has no `implementation`,
  // and nothing in it loads or runs, so a plain clone is inert there already.
  const impl: DOMImplementation | undefined = (doc as Partial<Document>).implementation;
  return impl && typeof impl.createHTMLDocument === 'function' ? impl.createHTMLDocument('') : null;
}

export function parseInert(html: string, doc: Document): Element {
  const inert = createInertDocument(doc);
  if (inert) {
    // eslint-disable-next-line no-restricted-syntax -- an inert document from createHTMLDocument runs no script and loads nothing.
    inert.body.innerHTML = html;
    return inert.body;
  }
  // linkedom: <template> content is inert in every DOM.
  const template = doc.createElement('template');
  // eslint-disable-next-line no-restricted-syntax -- template content is inert: no script, no loads.
  template.innerHTML = html;
  const holder = doc.createElement('div');
  holder.appendChild(template.content);
  return holder;
}

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

// Hand-written traversals, not querySelector: linkedom parses the selector on every call, which
// took most of the time on a 2 MB article.

function findDescendants(el: Element, isWanted: (tag: string) => boolean, found: Element[] = []): Element[] {
  for (const child of Array.from(el.children)) {
    if (isWanted(child.nodeName.toUpperCase())) found.push(child);
    findDescendants(child, isWanted, found);
  }
  return found;
}

function hasDescendant(el: Element, isWanted: (tag: string) => boolean): boolean {
  for (const child of Array.from(el.children)) {
    if (isWanted(child.nodeName.toUpperCase()) || hasDescendant(child, isWanted)) return true;
  }
  return false;
}

function hasBlockDescendant(el: Element): boolean {
  return hasDescendant(el, (tag) => BLOCK_TAGS.has(tag));
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

function replaceWithDiv(el: Element): void {
  const div = el.ownerDocument.createElement('div');
  while (el.firstChild) div.appendChild(el.firstChild);
  el.parentNode?.replaceChild(div, el);
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Sets `src` to the image's absolute URL, or removes an image with no usable one. */
function prepareImage(img: Element, baseUrl: string): void {
  const url = chooseImageUrl(img, baseUrl);
  if (!url || isTrackingPixel(img)) {
    img.parentNode?.removeChild(img);
    return;
  }
  img.setAttribute('src', url);
}

function chooseImageUrl(img: Element, baseUrl: string): string | null {
  const src = (img.getAttribute('src') ?? '').trim();
  const isPlaceholder = src === '' || src.startsWith('data:') || PLACEHOLDER_SRC.test(src);
  const candidates: string[] = [];
  if (!isPlaceholder) candidates.push(src);
  for (const attr of LAZY_SRC_ATTRS) candidates.push(img.getAttribute(attr) ?? '');
  candidates.push(pickLargestCandidate(img.getAttribute('srcset') ?? ''));
  candidates.push(pickLargestCandidate(img.getAttribute('data-srcset') ?? ''));
  if (img.parentElement?.nodeName === 'PICTURE') {
    for (const source of Array.from(img.parentElement.children)) {
      if (source.nodeName !== 'SOURCE') continue;
      candidates.push(
        pickLargestCandidate(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? ''),
      );
    }
  }
  if (src.startsWith('data:') && src.length >= MIN_DATA_IMAGE_LENGTH) candidates.push(src);
  for (const candidate of candidates) {
    const url = resolveImageUrl(candidate, baseUrl);
    if (url) return url;
  }
  return null;
}

/** A <picture> with sources but no <img> still shows an image: give it one. */
function preparePicture(picture: Element): void {
  if (hasDescendant(picture, (tag) => tag === 'IMG')) return;
  const source = findDescendants(picture, (tag) => tag === 'SOURCE')[0];
  if (!source) return;
  const img = picture.ownerDocument.createElement('img');
  img.setAttribute('srcset', source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
  picture.appendChild(img);
}

/** The URL of the widest (`800w`) or densest (`2x`) candidate of a srcset. */
export function pickLargestCandidate(srcset: string): string {
  let best = '';
  let bestSize = -1;
  // Per the HTML spec, a URL runs to the next whitespace (commas inside it are kept, as in
  // Cloudinary's `w_800,h_600`); its descriptors then run to the next comma.
  let rest = srcset;
  while (rest) {
    rest = rest.replace(/^[\s,]+/, '');
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    if (!url) break;
    rest = rest.slice(url.length);
    let descriptor = '';
    if (!url.endsWith(',')) {
      const end = rest.indexOf(',');
      descriptor = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end + 1);
    }
    const candidate = url.replace(/,+$/, '');
    const size = /([\d.]+)\s*[wx]/i.exec(descriptor);
    const value = size ? Number(size[1]) * (/w/i.test(descriptor) ? 1 : 1000) : 1000;
    if (candidate && value > bestSize) {
      best = candidate;
      bestSize = value;
    }
  }
  return best;
}

function isTrackingPixel(img: Element): boolean {
  const isTiny = (value: string | null): boolean => value !== null && /^\s*[01](?:px)?\s*$/.test(value);
  const style = img.getAttribute('style') ?? '';
  const styleWidth = /(?:^|;)\s*width\s*:\s*([\d.]+px)/i.exec(style)?.[1] ?? null;
  const styleHeight = /(?:^|;)\s*height\s*:\s*([\d.]+px)/i.exec(style)?.[1] ?? null;
  return (
    isTiny(img.getAttribute('width')) ||
    isTiny(img.getAttribute('height')) ||
    isTiny(styleWidth) ||
    isTiny(styleHeight)
  );
}

/** An absolute http(s) URL (or a real `data:image/*`) for an image, else null. */
export function resolveImageUrl(raw: string, baseUrl: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  if (/^data:/i.test(trimmed)) return /^data:image\/[\w.+-]+[;,]/i.test(trimmed) ? trimmed : null;
  const url = parseUrl(trimmed, baseUrl);
  return url && IMAGE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** An absolute URL for a link, or null for script schemes, `data:`, bare `#` and unparsable hrefs. */
export function resolveLinkUrl(raw: string, baseUrl: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed === '#') return null;
  const url = parseUrl(trimmed, baseUrl);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function parseUrl(raw: string, baseUrl: string): URL | null {
  try {
    return new URL(raw, baseUrl || undefined);
  } catch {
    return null;
  }
}

/** BRs in code are line breaks; textContent would lose them. */
function prepareCode(pre: Element): void {
  for (const br of findDescendants(pre, (tag) => tag === 'BR')) {
    br.parentNode?.replaceChild(pre.ownerDocument.createTextNode('\n'), br);
  }
}

/** A data table keeps flat cells; a layout table becomes plain blocks. */
function prepareTable(table: Element): void {
  const doc = table.ownerDocument;
  const caption = findDescendants(table, (tag) => tag === 'CAPTION')[0];
  if (caption) {
    // The caption becomes an ordinary paragraph before the table, escaped like any text.
    const p = doc.createElement('p');
    while (caption.firstChild) p.appendChild(caption.firstChild);
    table.parentNode?.insertBefore(p, table);
    caption.parentNode?.removeChild(caption);
  }
  // Only this table's own rows and cells, not those of a table nested in it.
  const rows = findDescendants(table, (tag) => tag === 'TR').filter((row) => findTable(row) === table);
  const cells = rows.flatMap((row) =>
    Array.from(row.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH'),
  );
  const maxCells = Math.max(0, ...rows.map((row) => countCells(row)));
  const isLayout =
    rows.length === 0 ||
    maxCells <= 1 ||
    hasDescendant(table, (tag) => LAYOUT_TABLE_TAGS.has(tag)) ||
    cells.some((cell) => countBlockChildren(cell) > 1);
  if (isLayout) {
    degradeTable(table, rows);
    return;
  }
  for (const cell of cells) flattenCell(cell);
}

function findTable(el: Element): Element | null {
  let current = el.parentElement;
  while (current && current.nodeName !== 'TABLE') current = current.parentElement;
  return current;
}

function countCells(row: Element): number {
  let count = 0;
  for (const cell of Array.from(row.children)) {
    if (cell.nodeName === 'TD' || cell.nodeName === 'TH') count += readColspan(cell);
  }
  return count;
}

export function readColspan(cell: Element): number {
  const span = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, 50) : 1;
}

function countBlockChildren(el: Element): number {
  return Array.from(el.children).filter((child) => BLOCK_TAGS.has(child.nodeName.toUpperCase())).length;
}

/** Replaces a layout table by one <div> per cell, keeping each cell's content (and Markdown). */
function degradeTable(table: Element, rows: Element[]): void {
  const doc = table.ownerDocument;
  const replacement = doc.createElement('div');
  for (const row of rows) {
    for (const cell of Array.from(row.children)) {
      if (cell.nodeName !== 'TD' && cell.nodeName !== 'TH') continue;
      const block = doc.createElement('div');
      while (cell.firstChild) block.appendChild(cell.firstChild);
      replacement.appendChild(block);
    }
  }
  table.parentNode?.replaceChild(replacement, table);
}

/** A pipe-table cell is one line: breaks and paragraphs inside it become spaces. */
function flattenCell(cell: Element): void {
  const doc = cell.ownerDocument;
  for (const br of findDescendants(cell, (tag) => tag === 'BR'))
    br.parentNode?.replaceChild(doc.createTextNode(' '), br);
  for (const block of findDescendants(cell, (tag) => BLOCK_TAGS.has(tag))) {
    block.parentNode?.insertBefore(doc.createTextNode(' '), block);
    const span = doc.createElement('span');
    while (block.firstChild) span.appendChild(block.firstChild);
    block.parentNode?.replaceChild(span, block);
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
