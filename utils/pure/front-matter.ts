// Pure: builds YAML front matter (yaml, safe for Jekyll's YAML 1.1 reader) or TOML (smol-toml, for Hugo). No DOM.
import { TomlDate, stringify as stringifyToml } from 'smol-toml';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { CJK_CHAR } from './cjk';
import { toIsoString } from './date-format';
import { isPsychTimestamp } from './jekyll-date';
import { toWellFormed } from './text';
import type { DateParts } from './types';

export { toWellFormed };

/**
 * A date. YAML: `text` written plain when it is a timestamp (Jekyll's `2022-02-17 09:00:40 +0800` or RFC 3339),
 * so Jekyll reads a Time; else a quoted string. TOML: a real TOML date-time built from `parts` (or from `text`)
 * when `text` is a timestamp, else a string.
 */
export interface FrontMatterDate {
  kind: 'date';
  text: string;
  parts?: DateParts;
}

export type FrontMatterFormat = 'yaml' | 'toml';

/** Format-neutral values: the YAML and the TOML writer take the same fields. */
export type FrontMatterValue = string | number | boolean | string[] | FrontMatterDate;

export interface FrontMatterField {
  key: string;
  value: FrontMatterValue;
  /** `always`: double-quote this string even when it would be safe plain (free text such as titles). */
  quote?: 'auto' | 'always';
}

// Keys come from code and templates, never from pages; anything else is a bug, not data to escape.
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// RFC 3339 as Hugo writes it, `2022-02-17T09:00:40+08:00`: a timestamp to Psych and to YAML 1.1 readers alike.
const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?$/;
// Either form, read into parts for TOML.
const DATE_TEXT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?: ?(Z|[+-]\d{2}:?\d{2}))?)?$/;
// Plain only when no YAML reader can see anything but this string: a letter first (no numbers, dates,
// `.inf`), then ASCII slug characters; or nothing but CJK letters, as in `tags: 中国市场监管新闻网新闻`.
const PLAIN_SLUG_PATTERN = /^[a-z][a-z0-9-]*$/;
const PLAIN_CJK_PATTERN = new RegExp(`^${CJK_CHAR.source}+$`, 'u');
// Slug-shaped words that YAML 1.1 (Ruby's Psych, so Jekyll) reads as booleans or null, not strings.
const YAML_11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
// Characters the yaml library leaves raw inside double quotes but that YAML forbids (C1 controls, U+FFFE/F)
// or that libyaml (Jekyll) takes as line breaks (NEL, U+2028/9) or strips (BOM). Written as \u escapes.
const RAW_UNSAFE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** A key; `on:`, `yes:`, `N:` would be booleans to Jekyll's YAML 1.1 reader, so those are quoted. */
function toKeyNode(key: string): Scalar {
  const node = new Scalar(key);
  if (YAML_11_WORDS.has(key.toLowerCase())) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function isTimestampText(text: string): boolean {
  // Jekyll's timestamp form (isPsychTimestamp) or Hugo's; anything else is written as a string, which Jekyll parses too.
  return isPsychTimestamp(text) || RFC3339_PATTERN.test(text);
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
  if (!isTimestampText(value.text)) return toStringScalar(value.text, 'always');
  const node = new Scalar(value.text);
  node.type = Scalar.PLAIN;
  return node;
}

/**
 * YAML front matter, `---\n…\n---\n`, fields in the given order. Strings are double-quoted unless they are
 * plain slugs or pure CJK words; dates are plain. No value can end the block or add a key: newlines and
 * controls are escaped, lines are never folded, lone surrogates become U+FFFD. Throws on a malformed key.
 * `toml`: Hugo's `+++` block written by smol-toml (see buildTomlFrontMatter).
 */
export function buildFrontMatter(fields: FrontMatterField[], format: FrontMatterFormat = 'yaml'): string {
  if (format === 'toml') return buildTomlFrontMatter(fields);
  const map = new YAMLMap();
  for (const field of fields) {
    if (!KEY_PATTERN.test(field.key))
      throw new TypeError(`Invalid front matter key: ${JSON.stringify(field.key)}`);
    map.items.push(new Pair(toKeyNode(field.key), toNode(field.value, field.quote ?? 'auto')));
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

/** TomlDate prints milliseconds (`09:00:40.000+08:00`); our dates are whole seconds, written as Hugo does. */
class SecondsTomlDate extends TomlDate {
  override toISOString(): string {
    return super.toISOString().replace(/\.000(?=Z|[+-]\d{2}:\d{2}$|$)/, '');
  }
}

function readDateText(text: string): DateParts | null {
  const m = DATE_TEXT_PATTERN.exec(text);
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] === undefined) return parts;
  parts.hour = Number(m[4]);
  parts.minute = Number(m[5]);
  parts.second = Number(m[6]);
  const zone = m[7];
  if (zone === 'Z') parts.offsetMinutes = 0;
  else if (zone !== undefined) {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    parts.offsetMinutes = digits.startsWith('-') ? -minutes : minutes;
  }
  return parts;
}

/**
 * The TOML form of a date: offset date-time (`2022-02-17T09:00:40+08:00`, how a Jekyll `+0800` date travels),
 * local date-time when the zone is unknown, local date for a day. Null when the text is not a timestamp.
 */
function toTomlDate(value: FrontMatterDate): TomlDate | null {
  if (!isTimestampText(value.text)) return null;
  const parts = value.parts ?? readDateText(value.text);
  if (!parts) return null;
  const date = new SecondsTomlDate(toIsoString(parts));
  return date.isValid() ? date : null;
}

function toTomlValue(value: FrontMatterValue): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (typeof value === 'boolean') return value;
  // TOML has inf and nan, but YAML readers do not agree on them: both writers make them strings.
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(toWellFormed);
  return toTomlDate(value) ?? toWellFormed(value.text);
}

/**
 * TOML front matter, `+++\n…\n+++\n`, for Hugo, written by smol-toml: strings are basic strings on one line
 * (newlines and controls escaped), lists are arrays, dates are TOML date-times. Throws on a malformed key.
 */
function buildTomlFrontMatter(fields: FrontMatterField[]): string {
  // No prototype: a `__proto__` key is data here, not a way to change the object.
  const table = Object.create(null) as Record<string, unknown>;
  for (const field of fields) {
    if (!KEY_PATTERN.test(field.key))
      throw new TypeError(`Invalid front matter key: ${JSON.stringify(field.key)}`);
    table[field.key] = toTomlValue(field.value);
  }
  const body = fields.length === 0 ? '' : stringifyToml(table);
  return `+++\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}+++\n`;
}
