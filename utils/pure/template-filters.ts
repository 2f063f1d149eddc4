// Pure: the template language's typed values and its filters, one small function each, in one registry. No DOM.
import { pinyin } from 'pinyin-pro';
import { formatDay, toIsoString, toJekyllDate } from './date-format';
import { parseNumericDate } from './date-text';
import { partsInZone, zoneOffsetMinutes } from './date-zone';
import { siteSlug, slugify } from './slug';
import { isValidTimeZone } from './time-zone';
import type { SlugMode } from './slug';
import type { DateParts } from './types';

/** A value as templates see it. Kinds survive to the YAML/TOML writer, so lists stay lists and dates stay dates. */
export type TemplateValue =
  | { kind: 'text'; value: string }
  | { kind: 'list'; items: string[] }
  /** `text`: the exact text to write (a formatted date, or the user's edit); else Jekyll's form of `parts`. */
  | { kind: 'date'; parts: DateParts; text?: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };

/** A filter argument as written: a quoted string, a number, or a variable's name (`default:domain`). */
export type FilterArg =
  { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'var'; name: string };

/** What filters may read besides their input. */
export interface FilterContext {
  /** Mode of a bare `slug`. */
  slugMode: SlugMode;
  /** Resolves a `var` argument; unknown names give an empty text. */
  lookup: (name: string) => TemplateValue;
}

export interface TemplateFilter {
  /** One line for the options page's list of filters. */
  help: string;
  /**
   * Checks the arguments when the template is parsed: a message (without position) when they are wrong, else null.
   * Runs once, so an error shows in the options page instead of at clip time.
   */
  check: (args: readonly FilterArg[]) => string | null;
  /** Never throws: odd input gives a sensible value. */
  apply: (input: TemplateValue, args: readonly FilterArg[], ctx: FilterContext) => TemplateValue;
}

export const EMPTY_TEXT: TemplateValue = { kind: 'text', value: '' };
const DATE_TOKENS = /\[([^\]]*)\]|YYYY|ZZ|MM|DD|HH|mm|ss|YY|Z|M|D|H/g;
const SEGMENTER: Intl.Segmenter | null =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function makeText(value: string): TemplateValue {
  return { kind: 'text', value };
}

export function makeList(items: string[]): TemplateValue {
  return { kind: 'list', items };
}

/** A value as plain text: lists joined with `, `, dates in their text (Jekyll's form unless formatted). */
export function toText(value: TemplateValue): string {
  switch (value.kind) {
    case 'text':
      return value.value;
    case 'list':
      return value.items.join(', ');
    case 'date':
      return value.text ?? toJekyllDate(value.parts);
    case 'number':
      return Number.isFinite(value.value) ? String(value.value) : '';
    case 'boolean':
      return value.value ? 'true' : 'false';
  }
}

/** Empty text or an empty list; `default` replaces these, and a field with such a value is left out. */
export function isEmptyValue(value: TemplateValue): boolean {
  return (value.kind === 'text' && value.value === '') || (value.kind === 'list' && value.items.length === 0);
}

function toItems(value: TemplateValue): string[] {
  if (value.kind === 'list') return value.items;
  const only = toText(value);
  return only === '' ? [] : [only];
}

/** Applies `fn` to the text, or to every item of a list (keeping it a list). */
function mapText(value: TemplateValue, fn: (s: string) => string): TemplateValue {
  if (value.kind === 'list') return makeList(value.items.map(fn));
  return makeText(fn(toText(value)));
}

function argText(arg: FilterArg | undefined, ctx: FilterContext, fallback = ''): string {
  if (arg === undefined) return fallback;
  switch (arg.kind) {
    case 'string':
      return arg.value;
    case 'number':
      return String(arg.value);
    case 'var':
      return toText(ctx.lookup(arg.name));
  }
}

function argNumber(arg: FilterArg | undefined, fallback: number): number {
  if (arg?.kind === 'number') return arg.value;
  if (arg?.kind === 'string' && /^-?\d+$/.test(arg.value.trim())) return Number(arg.value);
  return fallback;
}

// --- argument checks, shared by several filters -------------------------------------------------------------

function takesNone(name: string) {
  return (args: readonly FilterArg[]): string | null =>
    args.length === 0 ? null : `${name}: takes no arguments`;
}

function takesQuoted(name: string, what: string, min: number, max: number) {
  return (args: readonly FilterArg[]): string | null => {
    if (args.length < min) return `${name}: expected ${what} in quotes`;
    if (args.length > max) return `${name}: takes at most ${max} argument${max === 1 ? '' : 's'}`;
    return args.some((a) => a.kind !== 'string') ? `${name}: expected ${what} in quotes` : null;
  };
}

function isIntegerArg(arg: FilterArg): boolean {
  return (
    (arg.kind === 'number' && Number.isInteger(arg.value)) ||
    (arg.kind === 'string' && /^-?\d+$/.test(arg.value.trim()))
  );
}

// --- dates --------------------------------------------------------------------------------------------------

/** The same instant in another zone; a local time (no offset) is read as that zone's wall clock. */
export function toZone(parts: DateParts, timeZone: string): DateParts {
  if (parts.hour === undefined) return parts;
  if (parts.offsetMinutes === undefined)
    return { ...parts, offsetMinutes: zoneOffsetMinutes(timeZone, parts) };
  const instant =
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute ?? 0, parts.second ?? 0) -
    parts.offsetMinutes * 60_000;
  return partsInZone(instant, timeZone);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(minutes: number | undefined, withColon: boolean): string {
  if (minutes === undefined) return '';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * Formats with dayjs-style tokens: YYYY YY MM M DD D HH H mm ss, Z (`+0800`), ZZ (`+08:00`), `[literal]`.
 * Named formats: `jekyll` (`2022-02-17 09:00:40 +0800`), `iso` / `rfc3339` (`2022-02-17T09:00:40+08:00`); both
 * shorten to the day for a day-only date. A missing time is 00:00:00; a missing zone prints nothing (trimmed).
 */
export function formatDate(parts: DateParts, format: string): string {
  if (format === 'jekyll') return toJekyllDate(parts);
  if (format === 'iso' || format === 'rfc3339') return toIsoString(parts);
  const out = format.replace(DATE_TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return pad(parts.year, 4);
      case 'YY':
        return pad(parts.year % 100);
      case 'MM':
        return pad(parts.month);
      case 'M':
        return String(parts.month);
      case 'DD':
        return pad(parts.day);
      case 'D':
        return String(parts.day);
      case 'HH':
        return pad(parts.hour ?? 0);
      case 'H':
        return String(parts.hour ?? 0);
      case 'mm':
        return pad(parts.minute ?? 0);
      case 'ss':
        return pad(parts.second ?? 0);
      case 'Z':
        return formatOffset(parts.offsetMinutes, false);
      default:
        return formatOffset(parts.offsetMinutes, true);
    }
  });
  return parts.offsetMinutes === undefined ? out.trim() : out;
}

function toDateParts(value: TemplateValue): DateParts | null {
  if (value.kind === 'date') return value.parts;
  if (value.kind === 'number') {
    // Epoch milliseconds, read in UTC; a zone argument moves it.
    const when = new Date(value.value);
    if (Number.isNaN(when.getTime())) return null;
    return {
      year: when.getUTCFullYear(),
      month: when.getUTCMonth() + 1,
      day: when.getUTCDate(),
      hour: when.getUTCHours(),
      minute: when.getUTCMinutes(),
      second: when.getUTCSeconds(),
      offsetMinutes: 0,
    };
  }
  const first = value.kind === 'list' ? value.items[0] : toText(value);
  // The table-free reader: the month-name tables belong only in the clip script, and this runs in the popup.
  return first === undefined ? null : parseNumericDate(first);
}

const checkDate = (args: readonly FilterArg[]): string | null => {
  const [format, zone] = args;
  if (format?.kind !== 'string' || format.value === '') return 'date: expected a format in quotes';
  if (args.length > 2) return 'date: takes a format and an optional time zone';
  if (zone === undefined) return null;
  if (zone.kind !== 'string') return 'date: expected a time zone in quotes, like "Asia/Shanghai"';
  return isValidTimeZone(zone.value) ? null : `date: unknown time zone '${zone.value}'`;
};

function applyDate(input: TemplateValue, args: readonly FilterArg[]): TemplateValue {
  const parsed = toDateParts(input);
  // Not a date: left as it was, so the user sees what the filter could not read.
  if (!parsed) return input;
  const format = args[0]?.kind === 'string' ? args[0].value : 'jekyll';
  const zone = args[1]?.kind === 'string' ? args[1].value : '';
  const parts = isValidTimeZone(zone) ? toZone(parsed, zone) : parsed;
  return { kind: 'date', parts, text: formatDate(parts, format) };
}

// --- text ---------------------------------------------------------------------------------------------------

function toPinyin(source: string, separator: string): string {
  if (!/\p{Script=Han}/u.test(source)) return source;
  let out = '';
  let wasHan = false;
  for (const piece of pinyin(source, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })) {
    const isHan = piece.isZh && piece.pinyin !== '';
    out += isHan ? `${wasHan ? separator : ''}${piece.pinyin}` : piece.origin;
    wasHan = isHan;
  }
  return out;
}

/** A slug with no fallback: '' when nothing is left, so `default` can take over. */
function toSlug(source: string, mode: string): string {
  if (mode === 'site') {
    const slug = siteSlug(source, '\u0000');
    return slug === 'site' && siteSlug(source, 'x') === 'x' ? '' : slug;
  }
  const slugMode: SlugMode = mode === 'pinyin' ? 'pinyin' : 'readable';
  const slug = slugify(source, slugMode, 'a');
  return slug === 'a' && slugify(source, slugMode, 'b') === 'b' ? '' : slug;
}

function truncateText(source: string, max: number, suffix: string): string {
  const graphemes = SEGMENTER ? Array.from(SEGMENTER.segment(source), (s) => s.segment) : Array.from(source);
  if (graphemes.length <= max) return source;
  const room = Math.max(0, max - Array.from(suffix).length);
  return `${graphemes.slice(0, room).join('').trimEnd()}${suffix}`;
}

function escapeLinkText(source: string): string {
  return source.replace(/[\\[\]]/g, (ch) => `\\${ch}`).replace(/\s+/gu, ' ');
}

function toLinkTarget(url: string): string {
  // Markdown link destinations end at a space or `)` unless wrapped in <>; <> also needs < and > escaped.
  return /[\s()<>]/u.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function toJsonValue(value: TemplateValue): unknown {
  switch (value.kind) {
    case 'list':
      return value.items;
    case 'number':
      return Number.isFinite(value.value) ? value.value : null;
    case 'boolean':
      return value.value;
    case 'text':
    case 'date':
      return toText(value);
  }
}

/** Jekyll's rule for categories and tags: one word stays a string; text with spaces becomes a one-item list. */
function toJekyllList(value: TemplateValue): TemplateValue {
  if (value.kind === 'list') {
    const only = value.items.length === 1 ? value.items[0] : undefined;
    return only !== undefined && !/\s/u.test(only) ? makeText(only) : value;
  }
  const single = toText(value);
  return single === '' || !/\s/u.test(single) ? makeText(single) : makeList([single]);
}

const SLUG_MODES = new Set(['readable', 'pinyin', 'site']);

/** Every filter by name. Names are what users type after `|`. */
export const TEMPLATE_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  slug: {
    help: 'slug, slug:"pinyin", slug:"site" (pinyin with no separators, like categories)',
    check: (args) => {
      const [mode] = args;
      if (args.length > 1) return 'slug: takes one mode at most';
      if (mode === undefined) return null;
      return mode.kind === 'string' && SLUG_MODES.has(mode.value)
        ? null
        : 'slug: the mode must be "readable", "pinyin" or "site"';
    },
    apply: (input, args, ctx) => {
      const mode = args[0]?.kind === 'string' ? args[0].value : ctx.slugMode;
      return mapText(input, (s) => toSlug(s, mode));
    },
  },
  pinyin: {
    help: 'Chinese characters to toneless pinyin, no separator unless given: pinyin:"-"',
    check: takesQuoted('pinyin', 'a separator', 0, 1),
    apply: (input, args, ctx) => {
      const separator = argText(args[0], ctx);
      return mapText(input, (s) => toPinyin(s, separator).toLowerCase());
    },
  },
  lower: {
    help: 'lower case',
    check: takesNone('lower'),
    apply: (input) => mapText(input, (s) => s.toLowerCase()),
  },
  upper: {
    help: 'upper case',
    check: takesNone('upper'),
    apply: (input) => mapText(input, (s) => s.toUpperCase()),
  },
  trim: {
    help: 'spaces removed at both ends',
    check: takesNone('trim'),
    apply: (input) => mapText(input, (s) => s.trim()),
  },
  date: {
    help: 'date:"YYYY-MM-DD HH:mm:ss Z", optionally a zone: date:"YYYY-MM-DD":"Asia/Shanghai"',
    check: checkDate,
    apply: (input, args) => applyDate(input, args),
  },
  join: {
    help: 'a list as text: join:", "',
    check: takesQuoted('join', 'a separator', 0, 1),
    apply: (input, args, ctx) =>
      input.kind === 'list' ? makeText(input.items.join(argText(args[0], ctx, ', '))) : input,
  },
  split: {
    help: 'text to a list: split:","; items trimmed, empty ones dropped',
    check: takesQuoted('split', 'a separator', 0, 1),
    apply: (input, args, ctx) => {
      const separator = argText(args[0], ctx, ',');
      const items = input.kind === 'list' ? input.items : [toText(input)];
      return makeList(
        items
          .flatMap((item) => (separator === '' ? Array.from(item) : item.split(separator)))
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
    },
  },
  first: {
    help: 'the first item of a list',
    check: takesNone('first'),
    apply: (input) => (input.kind === 'list' ? makeText(input.items[0] ?? '') : input),
  },
  last: {
    help: 'the last item of a list',
    check: takesNone('last'),
    apply: (input) => (input.kind === 'list' ? makeText(input.items[input.items.length - 1] ?? '') : input),
  },
  slice: {
    help: 'items (or characters) from START up to END: slice:0:10',
    check: (args) =>
      args.length >= 1 && args.length <= 2 && args.every(isIntegerArg)
        ? null
        : 'slice: expected a start and an optional end, as numbers',
    apply: (input, args) => {
      const start = argNumber(args[0], 0);
      const end = args[1] === undefined ? undefined : argNumber(args[1], 0);
      if (input.kind === 'list') return makeList(input.items.slice(start, end));
      return makeText(Array.from(toText(input)).slice(start, end).join(''));
    },
  },
  default: {
    help: 'a value for when this one is empty: default:"Untitled" or default:site',
    check: (args) => (args.length === 1 ? null : 'default: expected one value, in quotes or a variable name'),
    apply: (input, args, ctx) => {
      if (!isEmptyValue(input)) return input;
      const [arg] = args;
      return arg?.kind === 'var' ? ctx.lookup(arg.name) : makeText(argText(arg, ctx));
    },
  },
  replace: {
    help: 'replace:"old":"new", every occurrence, literally',
    check: (args) =>
      args.length === 2 &&
      args.every((a) => a.kind === 'string') &&
      args[0]?.kind === 'string' &&
      args[0].value !== ''
        ? null
        : 'replace: expected two texts in quotes, like replace:"old":"new"',
    apply: (input, args, ctx) => {
      const from = argText(args[0], ctx);
      const to = argText(args[1], ctx);
      return from === '' ? input : mapText(input, (s) => s.split(from).join(to));
    },
  },
  truncate: {
    help: 'at most N characters, ending in … when cut: truncate:60, or truncate:60:"" for no …',
    check: (args) => {
      const [max, suffix] = args;
      if (max === undefined || !isIntegerArg(max) || argNumber(max, -1) < 1)
        return 'truncate: expected a number of characters, like truncate:60';
      if (args.length > 2) return 'truncate: takes a length and an optional ending';
      return suffix === undefined || suffix.kind === 'string'
        ? null
        : 'truncate: expected the ending in quotes';
    },
    apply: (input, args, ctx) => {
      const max = argNumber(args[0], Number.MAX_SAFE_INTEGER);
      const suffix = argText(args[1], ctx, '…');
      return mapText(input, (s) => truncateText(s, max, suffix));
    },
  },
  json: {
    help: 'the value as JSON text',
    check: takesNone('json'),
    apply: (input) => makeText(JSON.stringify(toJsonValue(input))),
  },
  list: {
    help: 'a text as a one-item list (empty text: an empty list)',
    check: takesNone('list'),
    apply: (input) => makeList(toItems(input)),
  },
  jekyll_list: {
    help: "Jekyll's rule: one word stays a string, text with spaces becomes a list",
    check: takesNone('jekyll_list'),
    apply: toJekyllList,
  },
  wikilink: {
    help: 'Obsidian links: [[Name]], for every item of a list',
    check: takesNone('wikilink'),
    apply: (input) => (isEmptyValue(input) ? input : mapText(input, (s) => `[[${s}]]`)),
  },
  md_text: {
    help: 'safe as Markdown link text: [ ] \\ escaped, spaces collapsed',
    check: takesNone('md_text'),
    apply: (input) => mapText(input, escapeLinkText),
  },
  md_url: {
    help: 'safe as a Markdown link target: wrapped in < > when it holds spaces or brackets',
    check: takesNone('md_url'),
    apply: (input) => mapText(input, toLinkTarget),
  },
};

/** `YYYY-MM-DD` of a date value (for callers that need the file name's day). */
export function toDay(value: TemplateValue): string | null {
  const parts = toDateParts(value);
  return parts ? formatDay(parts) : null;
}
