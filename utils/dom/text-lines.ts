// DOM: a page's text as lines (one per block), and the lines around the headline where credits and `来源：` sit.
import { withBlockTags } from './html-blocks';
import type { ArticleHints } from './page-signals';
import { MAX_TOP_LINE_CHARS } from '../pure/credits';
import { firstLines, normalizeSpace } from '../pure/page-text';

/** Lines read around the headline when looking for `来源：` / `作者：` / `By` lines. */
const LINES_AFTER_HEADLINE = 15;

// Table cells and <br> end a line of text too.
const BLOCK_TAGS = withBlockTags('BR', 'TD', 'TH', 'TR');
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'SELECT',
  'OPTION',
  'HEAD',
  'IFRAME',
]);

/**
 * The text of `root` as lines, one per block element, whitespace normalised. Stops after `maxLines`;
 * `after` starts the count at that element (earlier lines are kept, up to `keepBefore`).
 */
export function readTextLines(
  root: Node,
  maxLines = 200,
  after: Element | null = null,
  keepBefore = 3,
): string[] {
  const { before, from } = readLinesAround(root, maxLines, after, keepBefore);
  return [...before, ...from];
}

/** `readTextLines`, split into the lines kept before `after` and the lines from `after` on. */
export function readLinesAround(
  root: Node,
  maxLines: number,
  after: Element | null,
  keepBefore: number,
): { before: string[]; from: string[] } {
  const before: string[] = [];
  const from: string[] = [];
  let current = '';
  let started = after === null;
  const flush = (): void => {
    const line = normalizeSpace(current);
    current = '';
    if (!line) return;
    if (started) from.push(line);
    else {
      before.push(line);
      if (before.length > keepBefore) before.shift();
    }
  };
  const walk = (node: Node): boolean => {
    if (from.length >= maxLines) return false;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return true;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return true;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag)) return true;
    const isBlock = BLOCK_TAGS.has(tag);
    if (node === after) {
      flush();
      started = true;
    }
    if (isBlock) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!walk(child)) return false;
    }
    if (isBlock) flush();
    return true;
  };
  walk(root);
  flush();
  return { before, from };
}

/** The lines around the headline, read once: what `topLinesOf` and the name-line search take. */
export function readHeadlineLines(
  doc: Document,
  headline: Element | null,
): { before: string[]; from: string[] } {
  if (!headline || !doc.body) return { before: [], from: [] };
  return readLinesAround(doc.body, LINES_AFTER_HEADLINE, headline, 3);
}

/** Lines around the headline (or the first lines of the article text), where bylines and `来源：` lines sit. */
export function topLinesOf(around: { before: string[]; from: string[] }, hints: ArticleHints): string[] {
  const lines = [...around.before, ...around.from];
  if (hints.text) {
    lines.push(...firstLines(hints.text, 8));
  }
  return lines.filter((l) => l.length <= MAX_TOP_LINE_CHARS);
}

/** Lines around the headline (or the first lines of the article text), read from the page now. */
export function readTopLines(doc: Document, headline: Element | null, hints: ArticleHints): string[] {
  return topLinesOf(readHeadlineLines(doc, headline), hints);
}
