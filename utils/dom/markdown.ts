// DOM: converts article HTML to Markdown with turndown. Takes an Element; reads no globals.
import TurndownService from 'turndown';
import type { MarkdownStyle } from '../pure/types';
import { DEFAULT_MARKDOWN_STYLE } from '../pure/types';
import {
  BLOCK_TAGS,
  BREAK_MARK,
  DROPPED_TAGS,
  SPAN_MARK,
  cloneInert,
  parseInert,
  prepareTree,
} from './markdown-prepare';
import { escapeText } from './markdown-escape';
import type { ConvertContext } from './markdown-render';
import {
  pickDelimiter,
  renderCaption,
  renderCell,
  renderCodeBlock,
  renderHeading,
  renderImage,
  renderInlineCode,
  renderLink,
  renderListItem,
  renderTable,
  wrapInline,
} from './markdown-render';
import { restoreCode, tidyWhitespace } from './markdown-tidy';
import type { StageClock } from '../pure/stage-timings';
import { timeStage } from '../pure/stage-timings';

export { encodeDestination } from './markdown-escape';
export { findCodeLanguage } from './markdown-render';

// How it works: clone the caller's node into an inert document, sanitise and normalise the clone
// (drop active content, pick image URLs, push links below blocks, flatten tables), run turndown with
// our own rules, then tidy whitespace. Nothing ever emits a node's HTML, so no raw HTML can pass.
//
// Not @joplin/turndown-plugin-gfm: its table rules need HTMLTableElement.rows (linkedom has none, so
// tables came out as loose text in the CLI), keep "complex" tables as raw HTML, put `<br>` into cells
// and copy <caption> text unescaped. The few GFM rules we need are written here instead.

const SPAN_PAIR = new RegExp(`${SPAN_MARK}${SPAN_MARK}`, 'g');
const SPAN_MARKS = new RegExp(SPAN_MARK, 'g');

/** Markdown for the children of `root`, with links and images made absolute against `baseUrl`. */
export function toMarkdown(
  root: Element,
  baseUrl: string,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  return convertOwnedElement(cloneInert(root), baseUrl, style);
}

/** Markdown for an HTML string, parsed inertly in a fresh document made from `doc`. */
export function htmlToMarkdown(
  html: string,
  doc: Document,
  baseUrl: string,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  return convertOwnedElement(parseInert(html, doc), baseUrl, style);
}

/**
 * Markdown for the children of `root`, which the caller owns and gives up: it is prepared in place, with no
 * copy. For the clip's own article element (a private clone of the page, nothing in it loads or runs), so the
 * clip never serialises and re-parses its article to convert it.
 */
export function ownedElementToMarkdown(
  root: Element,
  baseUrl: string,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
  timer?: StageClock,
): string {
  return convertOwnedElement(root, baseUrl, style, timer);
}

function convertOwnedElement(
  root: Element,
  baseUrl: string,
  style: MarkdownStyle,
  timer?: StageClock,
): string {
  const ctx: ConvertContext = { baseUrl, style, codes: [], references: new Map() };
  timeStage(timer, 'markdownPrepare', () => {
    // Some parsers (linkedom) split text at entities; turndown would escape each piece on its own.
    root.normalize();
    prepareTree(root, baseUrl);
  });
  return timeStage(timer, 'turndown', () => runTurndown(root, ctx));
}

function runTurndown(root: Element, ctx: ConvertContext): string {
  const service = createService(ctx);
  // turndown deep-clones its input; `root` is already our own copy, so a second copy is wasted work
  // (a third of the time on a 2 MB article).
  Object.defineProperty(root, 'cloneNode', { value: () => root });
  let markdown = service.turndown(root as HTMLElement);
  if (ctx.references.size > 0) {
    const definitions = [...ctx.references].map(([url, id]) => `[${id}]: ${url}`);
    markdown += `\n\n${definitions.join('\n')}`;
  }
  // Two code spans that touch (`` `a``b` ``) would merge into one backtick run and open nothing, leaving
  // the second span's text (say `<script>`) as raw HTML: a space keeps them apart.
  markdown = markdown.replace(SPAN_PAIR, ' ').replace(SPAN_MARKS, '');
  return restoreCode(tidyWhitespace(markdown), ctx.codes);
}

// ---------------------------------------------------------------------------------------------
// Turndown rules

function createService(ctx: ConvertContext): TurndownService {
  const { style } = ctx;
  const service = new TurndownService({
    headingStyle: style.headingStyle,
    bulletListMarker: style.bulletListMarker,
    emDelimiter: style.emDelimiter,
    strongDelimiter: style.strongDelimiter,
    codeBlockStyle: style.codeBlockStyle,
    fence: style.fence,
    // `***`, not `---`: a `---` line can be read as a YAML front-matter fence by naive tools, or as a
    // setext heading underline when a paragraph sits right above it.
    hr: '***',
    // Never `node.outerHTML` (turndown's default for kept nodes): no raw HTML can reach the Markdown.
    keepReplacement: (content, node) => (isBlockNode(node) ? `\n\n${content}\n\n` : content),
  });
  service.escape = escapeText;
  // Safety net: preparation already removed these.
  service.remove((node) => DROPPED_TAGS.has(node.nodeName.toUpperCase()) || node.nodeName === 'FORM');

  // Added first, so every rule below wins over it: an inline wrapper (span, font, an unknown tag) around blocks.
  // Turndown trims such a wrapper's content, which glued a code fence to the text before it (the fence then
  // did not open and the code was read as Markdown): the blocks get their own lines back.
  const hasBlockCache = new Map<Node, boolean>();
  service.addRule('inlineAroundBlocks', {
    // Turndown's own block list, not BLOCK_TAGS: it gives `<details>` no line breaks of its own either.
    filter: (node) => !(node as TurndownNode).isBlock && hasBlockInside(node, hasBlockCache),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule('lineBreak', { filter: 'br', replacement: () => `${BREAK_MARK}\n` });
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => renderHeading(content, Number(node.nodeName.charAt(1)), style),
  });
  service.addRule('listItem', { filter: 'li', replacement: renderListItem });
  service.addRule('codeBlock', { filter: 'pre', replacement: (_c, node) => renderCodeBlock(node, ctx) });
  service.addRule('inlineCode', {
    filter: (node) => node.nodeName === 'CODE' && node.parentNode?.nodeName !== 'PRE',
    replacement: renderInlineCode,
  });
  service.addRule('link', { filter: 'a', replacement: (content, node) => renderLink(content, node, ctx) });
  service.addRule('image', { filter: 'img', replacement: (_c, node) => renderImage(node) });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => renderCaption(content, style),
  });
  service.addRule('emphasis', {
    filter: ['em', 'i', 'cite', 'dfn'],
    replacement: (content, node) =>
      wrapInline(
        content,
        node,
        pickDelimiter(node, style.emDelimiter, style.emDelimiter === '_' ? '*' : '_'),
      ),
  });
  service.addRule('strong', {
    filter: ['strong', 'b'],
    replacement: (content, node) =>
      wrapInline(
        content,
        node,
        pickDelimiter(node, style.strongDelimiter, style.strongDelimiter === '__' ? '**' : '__'),
      ),
  });
  service.addRule('strikethrough', {
    filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
    replacement: (content, node) => wrapInline(content, node, '~~'),
  });
  service.addRule('task', {
    filter: (node) => node.nodeName === 'POSTCLIP-TASK',
    replacement: (_c, node) => (node.hasAttribute('checked') ? '[x] ' : '[ ] '),
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => renderCell(content, node),
  });
  service.addRule('tableRow', { filter: 'tr', replacement: (content) => `\n|${content}\n` });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('table', { filter: 'table', replacement: (content) => renderTable(content) });
  // Turndown's own paragraph rule, added last so it is asked first: turndown tries its rules in turn for every
  // element, and paragraphs, most of an article's elements, otherwise passed every rule above before theirs.
  service.addRule('paragraph', { filter: 'p', replacement: (content) => `\n\n${content}\n\n` });
  return service;
}

/** Turndown's node: the element plus what turndown worked out about it. */
type TurndownNode = HTMLElement & { isBlock?: boolean };

function hasBlockInside(node: Node, cache: Map<Node, boolean>): boolean {
  const known = cache.get(node);
  if (known !== undefined) return known;
  let found = false;
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 1 && (isBlockNode(child) || hasBlockInside(child, cache))) {
      found = true;
      break;
    }
  }
  cache.set(node, found);
  return found;
}

function isBlockNode(node: Node): boolean {
  return BLOCK_TAGS.has(node.nodeName.toUpperCase());
}
