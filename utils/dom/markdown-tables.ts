// DOM: tables for the Markdown copy: a data table keeps one-line cells, a layout table becomes plain blocks.
import { BLOCK_TAGS, findDescendants, hasDescendant } from './markdown-tree';

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

/** A data table keeps flat cells; a layout table becomes plain blocks. */
export function prepareTable(table: Element): void {
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
