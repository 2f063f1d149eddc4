// DOM: a page's text as lines (one per block), and the lines around the headline where credits and `来源：` sit.
import { withBlockTags } from './html-blocks';
import type { ArticleHints } from './page-signals';
import { MAX_TOP_LINE_CHARS } from '../pure/credits';
import { normalizeSpace } from '../pure/page-text';

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
  const lines: string[] = [];
  let current = '';
  let started = after === null;
  let counted = 0;
  const flush = (): void => {
    const line = normalizeSpace(current);
    current = '';
    if (!line) return;
    lines.push(line);
    if (started) counted += 1;
    else if (lines.length > keepBefore) lines.shift();
  };
  const walk = (node: Node): boolean => {
    if (counted >= maxLines) return false;
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
  return lines;
}

/** Lines around the headline (or the first lines of the article text), where bylines and `来源：` lines sit. */
export function readTopLines(doc: Document, headline: Element | null, hints: ArticleHints): string[] {
  const lines: string[] = [];
  if (headline && doc.body) lines.push(...readTextLines(doc.body, LINES_AFTER_HEADLINE, headline, 3));
  if (hints.text) {
    lines.push(
      ...hints.text
        .split('\n')
        .map((l) => normalizeSpace(l))
        .filter(Boolean)
        .slice(0, 8),
    );
  }
  return lines.filter((l) => l.length <= MAX_TOP_LINE_CHARS);
}
