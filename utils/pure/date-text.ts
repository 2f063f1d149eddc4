// Pure: the table-free core of date reading: numeric dates (ISO, Y-M-D, 年月日, D.M.Y, M/D/Y) with a time and a
// zone. The background and the popup use it for the template's `date` filter; the month-name patterns that
// the clip script adds live in `date-parse.ts`, so their tables stay in the clip script's bundle.
import type { DateParts } from './types';

/** A date found inside a longer text, with where it was. */
export interface DateMatch {
  index: number;
  length: number;
  text: string;
  parts: DateParts;
}

export interface FindDatesOptions {
  /** Also accept bare `20220217` (only safe in URLs and whole strings: ids look like that too). */
  allowCompact?: boolean;
}

const ZONE_ABBREVIATIONS: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  ist: 330,
};

/**
 * Arabic half-day words after a clock: مساءً (evening: pm) and صباحاً (morning: am), with or without the tanween and
 * the alef (`مساء`, `صباحًا`, `صباحا`), or their initials (`12:09 م`, `09:56 ص`). Read by `meridiemOf`.
 */
const ARABIC_MERIDIEM = String.raw`(?:مساء|صباح)[\u064B\u0627]*(?![\p{L}\p{M}])|[مص](?![\p{L}\p{M}])`;

// A time of day after a date: `09:00`, `9:00:40.123`, `9.00 pm`, `09时00分`, `09:22 مساءً`, then an optional zone. A
// one-digit second is read only right before a zone (`23:15:0Z`, a CMS that drops the zero pad): elsewhere not a time.
// Read on lower-cased text (findDatesWith) or with the `i` flag (date-order.ts).
export const TIME =
  String.raw`(?:[tT\s]|\s*,\s*|\s+(?:at|um|à|a las|alle|às|kl\.?|klo|o)\s+|\s*[|/–-]\s*)\s*` +
  String.raw`(\d{1,2})[:：时時h](\d{2})(?:[:：分m](\d{2}|\d(?=z\b|[+\-−]\d))(?:[.,]\d{1,9})?)?(?:秒)?` +
  String.raw`\s*(am|pm|a\.m\.|p\.m\.|${ARABIC_MERIDIEM})?` +
  String.raw`\s*(?:uhr\s*)?(\(?(?:z|utc|gmt)?\s*[+\-−]\d{1,2}(?::?\d{2})?\)?|z\b|(?:utc|gmt|est|edt|cdt|mst|mdt|pst|pdt|cet|cest|mez|mesz|eet|eest|jst|kst|hkt|ist)\b)?`;

export interface DatePattern {
  /**
   * Written in lower case, without the `i` flag: `findDatesWith` runs it on the text lower-cased. Under `iu` V8
   * compiles case-folded sets for each month name in sixteen languages and for each `\p{L}`, about 20 ms in every
   * new page world before its first date is read (tests/bench/inpage-stages.ts).
   */
  re: RegExp;
  build: (m: RegExpExecArray) => DateParts | null;
}

function toNumber(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

/** Reads the zone group of TIME into minutes east of UTC. */
function parseZone(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const z = zone
    .toLowerCase()
    .replace(/[()\s]/g, '')
    .replace('−', '-');
  if (z in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[z];
  const m = /^(?:z|utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  // Real offsets run from -12:00 to +14:00; `-1410` is a clock reading, not a zone.
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Whether year, month and day name a day on the calendar: no month 13, no 31 April, 29 February only in a leap year.
 * The one definition for every date reader (numeric forms, Jekyll's grammar, year-less and labelled forms).
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (!Number.isInteger(day) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A year the readers accept as a calendar year in a page's text (a four-digit one). */
function isReadableYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 2999;
}

/**
 * Half-day words written before a CJK time (`下午3:05`, `午後3時5分`, `오후 3:05`), as `am`/`pm`. 中午 (midday) reads as
 * pm: 中午12:30 stays 12:30 and 中午1:10 is 13:10.
 */
const CJK_HALF_DAY: Readonly<Record<string, 'am' | 'pm'>> = {
  上午: 'am',
  早上: 'am',
  凌晨: 'am',
  午前: 'am',
  오전: 'am',
  下午: 'pm',
  中午: 'pm',
  晚上: 'pm',
  午後: 'pm',
  오후: 'pm',
};

/** The half-day words of `CJK_HALF_DAY`, for the CJK date-and-time pattern. */
const CJK_HALF_DAY_WORDS = Object.keys(CJK_HALF_DAY).join('|');

/** Hours 1–12 read on a 12-hour clock; 0 and 13–23 are a 24-hour clock a half-day word after or before leaves as written. */
function isTwelveHourClock(hour: number): boolean {
  return hour >= 1 && hour <= 12;
}

/**
 * `am` or `pm` from the meridiem group of TIME: `p.m.`, `PM`, or an Arabic word or initial (م is pm, ص am). Like the
 * CJK words, an Arabic one after a 24-hour clock (`21:30 مساءً`) leaves it as written.
 */
function meridiemOf(raw: string | undefined, hour: number): string | undefined {
  if (raw === undefined) return undefined;
  const arabic = raw.startsWith('م') ? 'pm' : raw.startsWith('ص') ? 'am' : undefined;
  if (arabic) return isTwelveHourClock(hour) ? arabic : undefined;
  return raw.toLowerCase().replace(/\./g, '');
}

/**
 * Builds parts from captured strings; the time groups start at `t` in the match. `halfDay` is a CJK half-day word
 * captured before the hour; a 24-hour reading after it (`下午 15:30`) stays as written.
 */
export function makeParts(
  year: number,
  month: number,
  day: number,
  m: RegExpExecArray,
  t: number,
  halfDay?: string,
): DateParts | null {
  if (!isReadableYear(year) || !isRealDay(year, month, day)) return null;
  const parts: DateParts = { year, month, day };
  let hour = toNumber(m[t]);
  const minute = toNumber(m[t + 1]);
  const second = toNumber(m[t + 2]);
  const cjkMeridiem =
    halfDay !== undefined && hour !== undefined && isTwelveHourClock(hour)
      ? CJK_HALF_DAY[halfDay]
      : undefined;
  if (hour === undefined || minute === undefined) return parts;
  const meridiem = cjkMeridiem ?? meridiemOf(m[t + 3], hour);
  if (meridiem) {
    if (hour < 1 || hour > 12) return parts;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return parts;
  parts.hour = hour;
  parts.minute = minute;
  if (second !== undefined) parts.second = second;
  const offset = parseZone(m[t + 4]);
  if (offset !== undefined) parts.offsetMinutes = offset;
  return parts;
}

export const NOT_DIGIT_BEFORE = String.raw`(?<![\d])`;
export const NOT_DIGIT_AFTER = String.raw`(?![\d])`;

/** A weekday written bare between a CJK date and its time (`2024年5月22日週三 上午8:21`, `星期三 08:21`). */
const CJK_WEEKDAY = String.raw`(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]`;

/** The numeric forms, in the order the full parser tries them (it appends the month-name forms). */
export const NUMERIC_PATTERNS: DatePattern[] = [
  // 2022-02-17, 2022/2/17, 2022.02.17, ISO with time and zone.
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'gu',
    ),
    build: (m) => makeParts(Number(m[1]), Number(m[3]), Number(m[4]), m, 5),
  },
  // 2022年02月17日 09:00, 2022년 2월 17일
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE +
        String.raw`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?:\s*[日号일]|(?!\s*[-－~～至到]|\d))` +
        String.raw`(?:\s*(?:[(（][^)）]{1,4}[)）]|${CJK_WEEKDAY})?\s*(${CJK_HALF_DAY_WORDS})?\s*(\d{1,2})[:：时時](\d{1,2})(?:[:：分](\d{1,2}))?()()` +
        ')?',
      'gu',
    ),
    build: (m) => makeParts(Number(m[1]), Number(m[2]), Number(m[3]), m, 5, m[4]),
  },
  // 17.02.2022 (day first), 17. 2. 2022
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'gu',
    ),
    build: (m) => makeParts(Number(m[3]), Number(m[2]), Number(m[1]), m, 4),
  },
  // 02/17/2022 (US) or 17/02/2022 (day first): only when the order is unambiguous.
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{1,2})([/-])(\d{1,2})\2(\d{4})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'gu',
    ),
    build: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) return makeParts(Number(m[4]), b, a, m, 5);
      if (b > 12 && a <= 12) return makeParts(Number(m[4]), a, b, m, 5);
      if (a === b) return makeParts(Number(m[4]), a, b, m, 5);
      return null;
    },
  },
];

const COMPACT: DatePattern = {
  re: /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:(?:t|\s)?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?(?!\d)/g,
  build: (m) => makeParts(Number(m[1]), Number(m[2]), Number(m[3]), m, 4),
};

/** Full-width digits and punctuation (common on Chinese and Japanese pages) to ASCII, same length. */
function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => {
    const ascii = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // Keep the full-width colon: the patterns accept it, and labels like `发布时间：` rely on it.
    return c === '：' ? c : ascii;
  });
}

/**
 * The text in lower case, code unit for code unit, so that a match's place is the same in the text as written. The
 * few letters that grow when lower-cased (`İ`) stay as written: under the `i` flag they matched no ASCII letter either.
 */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const one = ch.toLowerCase();
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** Every date in a text that the patterns find, in order of position; overlaps keep the longest. Never throws. */
export function findDatesWith(
  patterns: readonly DatePattern[],
  text: string,
  opts: FindDatesOptions = {},
): DateMatch[] {
  if (typeof text !== 'string' || !text) return [];
  const source = normalizeWidth(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const lower = lowerSameLength(source);
  const found: DateMatch[] = [];
  const all = opts.allowCompact ? [...patterns, COMPACT] : patterns;
  try {
    for (const pattern of all) {
      pattern.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = pattern.re.exec(lower)) !== null && guard++ < 2000) {
        if (m[0].length === 0) {
          pattern.re.lastIndex++;
          continue;
        }
        const parts = pattern.build(m);
        const written = source.slice(m.index, m.index + m[0].length).trim();
        if (parts) found.push({ index: m.index, length: m[0].length, text: written, parts });
      }
    }
  } catch {
    return [];
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (last && match.index < last.index + last.length) continue;
    out.push(match);
  }
  return out;
}

/** The first date in a string (see `parseDateString`), read with the given patterns. Never throws. */
export function parseDateWith(patterns: readonly DatePattern[], raw: string): DateParts | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!text || text.length > 1000) return null;
  // A bare compact date or timestamp (`20220217`, `20220217090040`) is only trusted as the whole string.
  const isCompact = /^\d{8}(?:T?\d{4,6})?$/.test(text);
  const first = findDatesWith(patterns, text, { allowCompact: isCompact })[0];
  return first ? first.parts : null;
}

/** `parseDateString` without month names: ISO, Jekyll, numeric and CJK dates. Null when there is none. */
export function parseNumericDate(raw: string): DateParts | null {
  return parseDateWith(NUMERIC_PATTERNS, raw);
}
