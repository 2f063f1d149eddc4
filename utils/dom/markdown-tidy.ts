// DOM: the converter's last pass: whitespace and hard breaks tidied, held-out code blocks put back.
import { BREAK_MARK, CODE_MARK } from './markdown-prepare';

/** The `<br>` mark (BREAK_MARK) wherever it sits. */
export const BREAK_PATTERN = /\uE000/g;

/**
 * Trims trailing spaces, keeps a `<br>` as a two-space hard break only when a line follows it,
 * and collapses runs of blank lines to one. Code is not in the text yet, so it is never touched.
 */
export function tidyWhitespace(markdown: string): string {
  const isBlank = (line: string | undefined): boolean => line === undefined || /^[ \t\uE000]*$/.test(line);
  const lines = markdown.split('\n');
  const tidied = lines.map((line, i) => {
    if (isBlank(line)) return '';
    // Most lines need nothing: no break mark, no space at either end (the replaces below would return them as is).
    const last = line.charCodeAt(line.length - 1);
    if (line.charCodeAt(0) !== 32 && last !== 32 && last !== 9 && !line.includes(BREAK_MARK)) return line;
    // One leading space is never structure (list and code indents are 2+), only a stray from the page.
    const cleaned = line.replace(BREAK_PATTERN, '').replace(/^ (?=\S)/, '');
    if (!line.endsWith(BREAK_MARK)) return cleaned.replace(/[ \t]+$/, '');
    const body = cleaned.replace(/[ \t]+$/, '');
    return isBlank(lines[i + 1]) ? body : `${body}  `;
  });
  // trimEnd drops what `\s` matches at the end; a `[\s]+$` search tried every space run of a long article.
  return tidied
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

// A line holding only container markers (quote `>`, list bullets, indents) and then a code fence.
const FENCE_LINE = /^(?:[ \t>]|[-*+] |\d+\. )*(?:`{3,}|~{3,})[^`\n]*$/;
const CONTAINER_ONLY = /^(?:[ \t>]|[-*+] |\d+\. )*$/;

/** Puts each code block's exact text back, with the line prefix (list indent, `> `) of its token. */
export function restoreCode(markdown: string, codes: string[]): string {
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
