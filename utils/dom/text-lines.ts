// DOM: a page's text as lines (one per block), and the lines around the headline where credits and `来源：` sit.
import { UNSEEN_TAGS, withBlockTags } from './html-blocks';
import type { ArticleHints } from './page-signals';
import { MAX_TOP_LINE_CHARS } from '../pure/credits';
import { firstLines, normalizeSpace } from '../pure/page-text';

/** Lines read around the headline when looking for `来源：` / `作者：` / `By` lines. */
const LINES_AFTER_HEADLINE = 15;

// Table cells and <br> end a line of text too.
const BLOCK_TAGS = withBlockTags('BR', 'TD', 'TH', 'TR');
const SKIPPED_TAGS = new Set([...UNSEEN_TAGS, 'SVG', 'SELECT', 'OPTION', 'HEAD', 'IFRAME']);

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

/** What metadata reads of the article text: its first lines (a language sample, the top lines) and its last ones. */
export const TEXT_HEAD_LINES = 20;
export const TEXT_HEAD_CHARS = 6000;
export const TEXT_TAIL_LINES = 20;

interface Line {
  text: string;
  /** The first text node of the line, in document order: the same line read from either end has the same one. */
  start: Node;
}

/**
 * Lines of `root` as readTextLines splits them, read from the start (or from the end, `reverse`) until `enough`
 * says so: a long article is never read whole. Each line keeps its first text node, to join the two ends.
 */
function readLinesFrom(root: Node, reverse: boolean, enough: (lines: Line[]) => boolean): Line[] {
  const lines: Line[] = [];
  let current = '';
  let start: Node | null = null;
  let done = false;
  const flush = (): void => {
    const text = normalizeSpace(current);
    const first = start;
    current = '';
    start = null;
    if (!text || !first) return;
    lines.push({ text, start: first });
    done = enough(lines);
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      if (reverse) {
        current = (node.nodeValue ?? '') + current;
        start = node;
      } else {
        current += node.nodeValue ?? '';
        start ??= node;
      }
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    for (let child = reverse ? node.lastChild : node.firstChild; child && !done;) {
      walk(child);
      child = reverse ? child.previousSibling : child.nextSibling;
    }
    if (isBlock && !done) flush();
  };
  walk(root);
  if (!done) flush();
  if (reverse) lines.reverse();
  return lines;
}

/**
 * The article text as metadata reads it: `readTextLines(root)` joined by newlines when the article is short; for a
 * long one, its first lines (at least TEXT_HEAD_LINES and TEXT_HEAD_CHARS) and its last TEXT_TAIL_LINES lines
 * only, the middle left unread. Every reader of `ArticleHints.text` looks at no more than those ends.
 */
export function readTextEnds(root: Node): string {
  let chars = 0;
  const head = readLinesFrom(root, false, (lines) => {
    chars += (lines[lines.length - 1]?.text.length ?? 0) + 1;
    return lines.length >= TEXT_HEAD_LINES && chars > TEXT_HEAD_CHARS;
  });
  const headStarts = new Set(head.map((line) => line.start));
  const tail = readLinesFrom(
    root,
    true,
    (lines) => lines.length >= TEXT_TAIL_LINES || headStarts.has(lines[lines.length - 1]?.start ?? root),
  );
  // The two ends meet (a short article): the lines the tail adds after the head's last one.
  const rest = tail.filter((line) => !headStarts.has(line.start));
  return [...head, ...rest].map((line) => line.text).join('\n');
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
