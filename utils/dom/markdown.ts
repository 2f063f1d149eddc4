// DOM: converts article HTML to Markdown with turndown. Takes an Element; reads no globals.
import TurndownService from 'turndown';
import type { MarkdownStyle } from '../pure/types';
import { DEFAULT_MARKDOWN_STYLE } from '../pure/types';
import {
  BLOCK_TAGS,
  BREAK_MARK,
  CODE_MARK,
  DROPPED_TAGS,
  MARKS_PATTERN,
  SPAN_MARK,
  cloneInert,
  parseInert,
  prepareTree,
  readColspan,
  resolveLinkUrl,
} from './markdown-prepare';

// How it works: clone the caller's node into an inert document, sanitise and normalise the clone
// (drop active content, pick image URLs, push links below blocks, flatten tables), run turndown with
// our own rules, then tidy whitespace. Nothing ever emits a node's HTML, so no raw HTML can pass.
//
// Not @joplin/turndown-plugin-gfm: its table rules need HTMLTableElement.rows (linkedom has none, so
// tables came out as loose text in the CLI), keep "complex" tables as raw HTML, put `<br>` into cells
// and copy <caption> text unescaped. The few GFM rules we need are written here instead.

const BREAK_PATTERN = /\uE000/g;
const SPAN_PAIR = new RegExp(`${SPAN_MARK}${SPAN_MARK}`, 'g');
const SPAN_MARKS = new RegExp(SPAN_MARK, 'g');
const CODE_LANGUAGE_NOISE = new Set(['default', 'none', 'nohighlight', 'plain', 'notranslate', 'auto']);

/** Punctuation moved outside `**`/`_`: `**记者：**张三` does not render as bold in CommonMark. */
const EDGE_PUNCTUATION = `\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF5B-\\uFF65\\u2018-\\u201F\\u2026\\u00B7,.:;!?`;
const LEADING_PUNCTUATION = new RegExp(`^[${EDGE_PUNCTUATION}]+`);
const TRAILING_PUNCTUATION = new RegExp(`[${EDGE_PUNCTUATION}]+$`);

interface ConvertContext {
  baseUrl: string;
  style: MarkdownStyle;
  /** Code block texts, held out of the Markdown until the end (see CODE_MARK). */
  codes: string[];
  /** Reference definitions by URL, in first-use order (linkStyle 'referenced'). */
  references: Map<string, number>;
}

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

function convertOwnedElement(root: Element, baseUrl: string, style: MarkdownStyle): string {
  const ctx: ConvertContext = { baseUrl, style, codes: [], references: new Map() };
  // Some parsers (linkedom) split text at entities; turndown would escape each piece on its own.
  root.normalize();
  prepareTree(root, baseUrl);
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

const NEEDS_ESCAPE = /[\\*`[\]_&<~{\uE000-\uE002]|^[-+=#>\d]/;

/** Turndown's own escapes (its `escape` is a method we replace, so they are listed here). */
const MARKDOWN_ESCAPES: [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/\*/g, '\\*'],
  [/^-/g, '\\-'],
  [/^\+ /g, '\\+ '],
  [/^(=+)/g, '\\$1'],
  [/^(#{1,6}) /g, '\\$1 '],
  [/`/g, '\\`'],
  [/^~~~/g, '\\~~~'],
  [/\[/g, '\\['],
  [/\]/g, '\\]'],
  [/^>/g, '\\>'],
  [/_/g, '\\_'],
  [/^(\d+)\. /g, '$1\\. '],
];

/**
 * Turndown's escaping, plus: `<` as `&lt;` (so page text can never become an HTML tag), `&` before an
 * entity-like name (so `&amp;lt;` stays visible text), `~~` (GFM strikethrough) and `{:` (kramdown).
 * Chinese text passes untouched: none of these characters are CJK.
 */
function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // most text, and nearly all Chinese text
  let escaped = text.replace(MARKS_PATTERN, '');
  for (const [pattern, replacement] of MARKDOWN_ESCAPES) escaped = escaped.replace(pattern, replacement);
  if (escaped.includes('&')) escaped = escaped.replace(/&(?=#?\w+;)/g, '&amp;');
  if (escaped.includes('<')) escaped = escaped.replace(/</g, '&lt;');
  if (escaped.includes('~~')) escaped = escaped.replace(/~/g, '\\~');
  // kramdown (Jekyll's default) reads `{:…}` and `{::…}` as attribute lists and extensions.
  if (escaped.includes('{:')) escaped = escaped.replace(/\{:/g, '\\{:');
  return escaped;
}

/** Text for alt attributes and the like: one line, nothing that closes `[` or opens a tag. */
function escapeInline(text: string): string {
  return text
    .replace(MARKS_PATTERN, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]*_`]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** Percent-encodes what could end or break a Markdown link destination. */
export function encodeDestination(url: string): string {
  return url.replace(
    /[\u0000-\u0020()<>"\\`\u007F]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function renderHeading(content: string, level: number, style: MarkdownStyle): string {
  // A code block cannot sit on a heading line: keep the blocks (and the code) as they are, without the `#`.
  if (content.includes(CODE_MARK)) return `\n\n${content}\n\n`;
  const text = collapseToLine(content);
  if (!text) return '';
  // A trailing `#` would be read as an ATX closing sequence.
  const safe = text.replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
  if (style.headingStyle === 'setext' && level <= 2) {
    return `\n\n${safe}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, safe.length))}\n\n`;
  }
  return `\n\n${'#'.repeat(level)} ${safe}\n\n`;
}

function collapseToLine(content: string): string {
  return content
    .replace(new RegExp(`${BREAK_MARK}?\\n`, 'g'), ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function renderListItem(content: string, node: HTMLElement, options: TurndownService.Options): string {
  const parent = node.parentNode as Element | null;
  let prefix = `${options.bulletListMarker ?? '-'} `;
  if (parent?.nodeName === 'OL') {
    const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
    const index = Array.prototype.indexOf.call(parent.children, node);
    prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
  }
  const isParagraph = /\n$/.test(content);
  const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
  // Continuation lines line up with the text after the marker, as CommonMark requires.
  const indented = body.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
  // An <li> outside any list (broken HTML) has no list block around it to start its line.
  if (parent?.nodeName !== 'UL' && parent?.nodeName !== 'OL') return `\n\n${prefix}${indented}\n\n`;
  return prefix + indented + (node.nextSibling ? '\n' : '');
}

/** Holds the code text out of the Markdown (see restoreCode) and emits the fences around it. */
function renderCodeBlock(pre: HTMLElement, ctx: ConvertContext): string {
  const code = (pre.textContent ?? '').replace(/\n$/, '');
  if (!code.trim()) return '';
  const index = ctx.codes.push(code) - 1;
  const token = `${CODE_MARK}${index}${CODE_MARK}`;
  if (ctx.style.codeBlockStyle === 'indented') return `\n\n    ${token}\n\n`;
  const fenceChar = ctx.style.fence.charAt(0);
  const longestRun = Math.max(
    0,
    ...(code.match(fenceChar === '`' ? /`+/g : /~+/g) ?? []).map((run) => run.length),
  );
  const fence = fenceChar.repeat(Math.max(3, longestRun + 1));
  return `\n\n${fence}${findCodeLanguage(pre)}\n${token}\n${fence}\n\n`;
}

/** The language a page names for a code block, on the <code>, the <pre> or their wrappers. */
export function findCodeLanguage(pre: Element): string {
  const code =
    pre.children.length === 1 && pre.firstElementChild?.nodeName === 'CODE' ? pre.firstElementChild : null;
  const parent = pre.parentElement;
  for (const el of [code, pre, parent, parent?.parentElement]) {
    if (!el) continue;
    const className = el.getAttribute('class') ?? '';
    // `lang-x` and `brush:` only on the code itself: on a wrapper, `lang-en` is the page's language.
    const isCode = el === code || el === pre;
    const found =
      el.getAttribute('data-lang') ??
      el.getAttribute('data-language') ??
      /(?:^|\s)language-([\w#+.-]+)/i.exec(className)?.[1] ??
      /(?:^|\s)highlight-(?:source-|text-)?([\w#+.-]+)/i.exec(className)?.[1] ??
      (isCode ? /(?:^|\s)lang-([\w#+.-]+)/i.exec(className)?.[1] : undefined) ??
      (isCode ? /brush:\s*([\w#+.-]+)/i.exec(className)?.[1] : undefined) ??
      '';
    const language = found.trim().toLowerCase();
    if (/^[\w#+.-]{1,30}$/.test(language) && !CODE_LANGUAGE_NOISE.has(language)) return language;
  }
  return '';
}

/** The plain text of inline code, `<br>` as a space: a code span shows text only, and nested markup inside it
 * (another <code>, an image) would emit backticks that merge with this span's own. */
function readCodeText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) text += (child as Text).data;
    else if (child.nodeName === 'BR') text += ' ';
    else text += readCodeText(child);
  }
  return text;
}

/** Turndown's inline code (a backtick run longer than any inside), bracketed by SPAN_MARK until tidying. */
function renderInlineCode(_content: string, node: Node): string {
  const text = readCodeText(node).replace(/\r?\n|\r/g, ' ');
  if (!text) return '';
  const pad = /^`|^ .*?[^ ].* $|`$/.test(text) ? ' ' : '';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const delimiter = '`'.repeat(longestRun + 1);
  return `${SPAN_MARK}${delimiter}${pad}${text}${pad}${delimiter}${SPAN_MARK}`;
}

function renderLink(content: string, node: HTMLElement, ctx: ConvertContext): string {
  if (!content.replace(BREAK_PATTERN, '').trim()) return ''; // no text and no image: nothing to click
  const url = resolveLinkUrl(node.getAttribute('href') ?? '', ctx.baseUrl);
  if (!url) return content; // javascript:, data:, `#`…: keep the words, drop the link
  const destination = encodeDestination(url);
  if (ctx.style.linkStyle === 'referenced') {
    const id = ctx.references.get(destination) ?? ctx.references.size + 1;
    ctx.references.set(destination, id);
    return `[${content}][${id}]`;
  }
  return `[${content}](${destination})`;
}

function renderImage(node: HTMLElement): string {
  const src = node.getAttribute('src');
  if (!src) return '';
  return `![${escapeInline(node.getAttribute('alt') ?? '')}](${encodeDestination(src)})`;
}

/** A figure caption is its own italic line, so it survives next to the image. */
function renderCaption(content: string, style: MarkdownStyle): string {
  const text = content.trim();
  if (!text) return '';
  if (text.includes('\n')) return `\n\n${text}\n\n`;
  // Alone on its line the closing delimiter always closes, so edge punctuation can stay inside.
  const delimiter = text.includes(style.emDelimiter)
    ? style.emDelimiter === '_'
      ? '*'
      : '_'
    : style.emDelimiter;
  return `\n\n${delimiter}${text}${delimiter}\n\n`;
}

/**
 * Wraps inline content in a delimiter. Edge punctuation moves outside it only where it would stop the
 * delimiter from working: CommonMark does not close `**` that follows punctuation and precedes a
 * letter, as in `**记者：**张三`, but `**“敢创新”**` at the end of a line is fine and stays as it is.
 */
function wrapInline(content: string, node: Node, delimiter: string): string {
  if (!content.trim()) return content;
  // Blocks inside (`<strong><pre>`): `**` would sit on the fence line, so the fence would not open and the
  // code (say `<script>`) would be raw HTML. Emphasis cannot span blocks anyway: leave it out.
  // Turndown trims the content when the element has flanking whitespace: put the blocks back on their own lines.
  if (content.includes(CODE_MARK) || content.includes('\n\n')) return `\n\n${content}\n\n`;
  const text = node.textContent ?? '';
  const isWordBefore = isWordChar(readSiblingText(node.previousSibling).slice(-1)) && !/^\s/.test(text);
  const isWordAfter = isWordChar(readSiblingText(node.nextSibling).slice(0, 1)) && !/\s$/.test(text);
  const lead = isWordBefore ? (LEADING_PUNCTUATION.exec(content)?.[0] ?? '') : '';
  const rest = content.slice(lead.length);
  const trail = isWordAfter ? (TRAILING_PUNCTUATION.exec(rest)?.[0] ?? '') : '';
  const middle = rest.slice(0, rest.length - trail.length);
  if (!middle.trim()) return content;
  if (middle.endsWith('\\')) return `${delimiter}${content}${delimiter}`; // would split an escape
  return `${lead}${delimiter}${middle}${delimiter}${trail}`;
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

/** `_` and `__` do not work inside a word (`文_字_文`): switch to the `*` form there. */
function pickDelimiter(node: Node, preferred: string, alternative: string): string {
  if (!preferred.startsWith('_')) return preferred;
  const before = readSiblingText(node.previousSibling).slice(-1);
  const after = readSiblingText(node.nextSibling).slice(0, 1);
  return isWordChar(before) || isWordChar(after) ? alternative : preferred;
}

function readSiblingText(sibling: Node | null): string {
  return sibling ? (sibling.textContent ?? '') : '';
}

function renderCell(content: string, node: HTMLElement): string {
  const text = collapseToLine(content).replace(/\|/g, '\\|');
  return ` ${text} |${' |'.repeat(readColspan(node) - 1)}`;
}

/** Pipe-table rows, the first row as header (with or without <thead>), short rows padded. */
function renderTable(content: string): string {
  const rows = content.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '|');
  if (rows.length === 0) return '';
  const countColumns = (row: string): number =>
    (row.match(/\\.|\|/g) ?? []).filter((t) => t === '|').length - 1;
  const columns = Math.max(1, ...rows.map(countColumns));
  const padded = rows.map((row) => row + ' |'.repeat(Math.max(0, columns - countColumns(row))));
  const divider = `|${' --- |'.repeat(columns)}`;
  return `\n\n${[padded[0], divider, ...padded.slice(1)].join('\n')}\n\n`;
}

// ---------------------------------------------------------------------------------------------
// Tidying

/**
 * Trims trailing spaces, keeps a `<br>` as a two-space hard break only when a line follows it,
 * and collapses runs of blank lines to one. Code is not in the text yet, so it is never touched.
 */
function tidyWhitespace(markdown: string): string {
  const isBlank = (line: string | undefined): boolean => line === undefined || /^[ \t\uE000]*$/.test(line);
  const lines = markdown.split('\n');
  const tidied = lines.map((line, i) => {
    if (isBlank(line)) return '';
    // One leading space is never structure (list and code indents are 2+), only a stray from the page.
    const cleaned = line.replace(BREAK_PATTERN, '').replace(/^ (?=\S)/, '');
    if (!line.endsWith(BREAK_MARK)) return cleaned.replace(/[ \t]+$/, '');
    const body = cleaned.replace(/[ \t]+$/, '');
    return isBlank(lines[i + 1]) ? body : `${body}  `;
  });
  return tidied
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/[\s]+$/, '');
}

// A line holding only container markers (quote `>`, list bullets, indents) and then a code fence.
const FENCE_LINE = /^(?:[ \t>]|[-*+] |\d+\. )*(?:`{3,}|~{3,})[^`\n]*$/;
const CONTAINER_ONLY = /^(?:[ \t>]|[-*+] |\d+\. )*$/;

/** Puts each code block's exact text back, with the line prefix (list indent, `> `) of its token. */
function restoreCode(markdown: string, codes: string[]): string {
  if (codes.length === 0) return markdown;
  const token = new RegExp(`^(.*?)${CODE_MARK}(\\d+)${CODE_MARK}$`, 'gm');
  return markdown.replace(token, (_match, prefix: string, index: string, offset: number) => {
    const raw = codes[Number(index)] ?? '';
    // Safety net: if markup around a block ever glues its fence to other text, the fence does not open and
    // the code would be read as Markdown and raw HTML. Then it is shown as escaped text: no tag, link or image.
    const previous = markdown.slice(markdown.lastIndexOf('\n', offset - 2) + 1, Math.max(0, offset - 1));
    const isOpen = FENCE_LINE.test(previous) || (/ {4}$/.test(prefix) && CONTAINER_ONLY.test(previous));
    const code = isOpen
      ? raw
      : raw
          .replace(/[\\`*_[\]!]/g, '\\$&')
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;');
    return code
      .split('\n')
      .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
      .join('\n');
  });
}
