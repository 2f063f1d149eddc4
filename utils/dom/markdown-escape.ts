// DOM: Markdown escaping for the turndown converter: page text, inline text (alt) and link destinations.
import { MARKS_PATTERN } from './markdown-prepare';

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
  // CommonMark also starts an ordered list with `1)`; turndown escapes only `1.`.
  [/^(\d+)\) /g, '$1\\) '],
];

/**
 * Turndown's escaping, plus: `<` as `&lt;` (so page text can never become an HTML tag), `&` before an
 * entity-like name (so `&amp;lt;` stays visible text), `~~` (GFM strikethrough) and `{:` (kramdown).
 * Chinese text passes untouched: none of these characters are CJK.
 */
export function escapeText(text: string): string {
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
export function escapeInline(text: string): string {
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
