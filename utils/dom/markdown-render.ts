// DOM: what each turndown rule writes: headings, list items, code, links, images, captions, emphasis, tables.
import type TurndownService from 'turndown';
import type { MarkdownStyle } from '../pure/types';
import { encodeDestination, escapeInline } from './markdown-escape';
import { BREAK_MARK, CODE_MARK, SPAN_MARK, readColspan, resolveLinkUrl } from './markdown-prepare';
import { BREAK_PATTERN } from './markdown-tidy';

const CODE_LANGUAGE_NOISE = new Set(['default', 'none', 'nohighlight', 'plain', 'notranslate', 'auto']);

/** Punctuation moved outside `**`/`_`: `**记者：**张三` does not render as bold in CommonMark. */
const EDGE_PUNCTUATION = `\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF5B-\\uFF65\\u2018-\\u201F\\u2026\\u00B7,.:;!?`;
const LEADING_PUNCTUATION = new RegExp(`^[${EDGE_PUNCTUATION}]+`);
const TRAILING_PUNCTUATION = new RegExp(`[${EDGE_PUNCTUATION}]+$`);

export interface ConvertContext {
  baseUrl: string;
  style: MarkdownStyle;
  /** Code block texts, held out of the Markdown until the end (see CODE_MARK). */
  codes: string[];
  /** Reference definitions by URL, in first-use order (linkStyle 'referenced'). */
  references: Map<string, number>;
}

export function renderHeading(content: string, level: number, style: MarkdownStyle): string {
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

export function collapseToLine(content: string): string {
  return content
    .replace(new RegExp(`${BREAK_MARK}?\\n`, 'g'), ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function renderListItem(content: string, node: HTMLElement, options: TurndownService.Options): string {
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
export function renderCodeBlock(pre: HTMLElement, ctx: ConvertContext): string {
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
export function readCodeText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) text += (child as Text).data;
    else if (child.nodeName === 'BR') text += ' ';
    else text += readCodeText(child);
  }
  return text;
}

/** Turndown's inline code (a backtick run longer than any inside), bracketed by SPAN_MARK until tidying. */
export function renderInlineCode(_content: string, node: Node): string {
  const text = readCodeText(node).replace(/\r?\n|\r/g, ' ');
  if (!text) return '';
  const pad = /^`|^ .*?[^ ].* $|`$/.test(text) ? ' ' : '';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const delimiter = '`'.repeat(longestRun + 1);
  return `${SPAN_MARK}${delimiter}${pad}${text}${pad}${delimiter}${SPAN_MARK}`;
}

export function renderLink(content: string, node: HTMLElement, ctx: ConvertContext): string {
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

export function renderImage(node: HTMLElement): string {
  const src = node.getAttribute('src');
  if (!src) return '';
  return `![${escapeInline(node.getAttribute('alt') ?? '')}](${encodeDestination(src)})`;
}

/** A figure caption is its own italic line, so it survives next to the image. */
export function renderCaption(content: string, style: MarkdownStyle): string {
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
export function wrapInline(content: string, node: Node, delimiter: string): string {
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

export function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

/** `_` and `__` do not work inside a word (`文_字_文`): switch to the `*` form there. */
export function pickDelimiter(node: Node, preferred: string, alternative: string): string {
  if (!preferred.startsWith('_')) return preferred;
  const before = readSiblingText(node.previousSibling).slice(-1);
  const after = readSiblingText(node.nextSibling).slice(0, 1);
  return isWordChar(before) || isWordChar(after) ? alternative : preferred;
}

export function readSiblingText(sibling: Node | null): string {
  return sibling ? (sibling.textContent ?? '') : '';
}

export function renderCell(content: string, node: HTMLElement): string {
  const text = collapseToLine(content).replace(/\|/g, '\\|');
  return ` ${text} |${' |'.repeat(readColspan(node) - 1)}`;
}

/** Pipe-table rows, the first row as header (with or without <thead>), short rows padded. */
export function renderTable(content: string): string {
  const rows = content.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '|');
  if (rows.length === 0) return '';
  const countColumns = (row: string): number =>
    (row.match(/\\.|\|/g) ?? []).filter((t) => t === '|').length - 1;
  const columns = Math.max(1, ...rows.map(countColumns));
  const padded = rows.map((row) => row + ' |'.repeat(Math.max(0, columns - countColumns(row))));
  const divider = `|${' --- |'.repeat(columns)}`;
  return `\n\n${[padded[0], divider, ...padded.slice(1)].join('\n')}\n\n`;
}
