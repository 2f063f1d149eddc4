// Pure: builds YAML front matter with the yaml library, safe for Jekyll's YAML 1.1 reader. No DOM, no extension API.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** A date written as a plain scalar so Jekyll (Ruby, YAML 1.1) reads a timestamp; `text` is Jekyll's form. */
export interface FrontMatterDate {
  kind: 'date';
  text: string;
}

/** Format-neutral values: a TOML (Hugo) writer can take the same fields later. */
export type FrontMatterValue = string | number | boolean | string[] | FrontMatterDate;

export interface FrontMatterField {
  key: string;
  value: FrontMatterValue;
  /** `always`: double-quote this string even when it would be safe plain (free text such as titles). */
  quote?: 'auto' | 'always';
}

// Keys come from code and templates, never from pages; anything else is a bug, not data to escape.
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// `2022-02-17`, `2022-02-17 09:00:40`, `2022-02-17 09:00:40 +0800`: what Ruby's Psych reads as a Date or Time
// (its TIME pattern needs seconds). Anything else is written as a string, which Jekyll parses too.
const JEKYLL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?: [+-]\d{4})?)?$/;
// Plain only when no YAML reader can see anything but this string: a letter first (no numbers, dates,
// `.inf`), then ASCII slug characters; or nothing but CJK letters, as in `tags: 中国市场监管新闻网新闻`.
const PLAIN_SLUG_PATTERN = /^[a-z][a-z0-9-]*$/;
const PLAIN_CJK_PATTERN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
// Slug-shaped words that YAML 1.1 (Ruby's Psych, so Jekyll) reads as booleans or null, not strings.
const YAML_11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters the yaml library leaves raw inside double quotes but that YAML forbids (C1 controls, U+FFFE/F)
// or that libyaml (Jekyll) takes as line breaks (NEL, U+2028/9) or strips (BOM). Written as \u escapes.
const RAW_UNSAFE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** Replaces lone UTF-16 surrogates with U+FFFD: they cannot be written as UTF-8, so no file could hold them. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

function isPlainSafe(text: string): boolean {
  if (YAML_11_WORDS.has(text)) return false;
  return PLAIN_SLUG_PATTERN.test(text) || PLAIN_CJK_PATTERN.test(text);
}

function toStringScalar(text: string, quote: 'auto' | 'always'): Scalar {
  const clean = toWellFormed(text);
  const node = new Scalar(clean);
  node.type = quote === 'auto' && isPlainSafe(clean) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return node;
}

function toNode(value: FrontMatterValue, quote: 'auto' | 'always'): Scalar | YAMLSeq {
  if (typeof value === 'string') return toStringScalar(value, quote);
  if (typeof value === 'number' || typeof value === 'boolean') {
    // NaN/Infinity would print as .nan/.inf: not portable, so they become strings.
    if (typeof value === 'number' && !Number.isFinite(value)) return toStringScalar(String(value), 'always');
    return new Scalar(value);
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toStringScalar(item, quote));
    // An empty block sequence cannot be written; `[]` keeps the key with an empty list.
    if (value.length === 0) seq.flow = true;
    return seq;
  }
  if (!JEKYLL_DATE_PATTERN.test(value.text)) return toStringScalar(value.text, 'always');
  const node = new Scalar(value.text);
  node.type = Scalar.PLAIN;
  return node;
}

/**
 * YAML front matter, `---\n…\n---\n`, fields in the given order. Strings are double-quoted unless they are
 * plain slugs or pure CJK words; dates are plain. No value can end the block or add a key: newlines and
 * controls are escaped, lines are never folded, lone surrogates become U+FFFD. Throws on a malformed key.
 */
export function buildFrontMatter(fields: FrontMatterField[]): string {
  const map = new YAMLMap();
  for (const field of fields) {
    if (!KEY_PATTERN.test(field.key))
      throw new TypeError(`Invalid front matter key: ${JSON.stringify(field.key)}`);
    map.items.push(new Pair(new Scalar(field.key), toNode(field.value, field.quote ?? 'auto')));
  }
  const doc = new Document(map);
  // JSON-style double quotes are one line whatever the value: the library's multi-line quoted form would let
  // a value's text start a line, and no reader needs it.
  const body =
    fields.length === 0 ? '' : doc.toString({ lineWidth: 0, doubleQuotedAsJSON: true, indentSeq: true });
  // Every raw character RAW_UNSAFE matches sits inside a double-quoted scalar (keys and plain scalars cannot
  // hold one), where a \u escape is valid YAML 1.1 and 1.2.
  const escaped = body.replace(
    RAW_UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `---\n${escaped}---\n`;
}
