// Pure: dates written without a year (`发布时间：10-08 12:00`, `09月07日`, `10月8日 12:00`, `Oct 8, 12:00`), placed
// in the latest year that does not put them after the reference time. No DOM.
import type { DateMatch } from './date-parse';
import { hasDateLabelBefore, toHalfWidth } from './date-label';
import { isAfterReference, referenceParts } from './date-reference';
import { isRealDay } from './date-text';
import type { DateParts } from './types';

export interface YearlessOptions {
  /**
   * The caller knows the text is a date (an element marked up as one, a dateline): bare `10-08` is then read
   * without a label or a time. Otherwise a numeric month-day needs a date label before it or a time after it,
   * since `10-08` alone is as often a score, a range or a product number.
   */
  isDateText?: boolean;
}

// English month names: other languages' pages write year-less dates with numbers (CJK units or `MM-DD`).
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ALT = `(?:${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)}|\\.)?`).join('|')}|sept\\.?)`;

const TIME = String.raw`(?:\s*[,，|]?\s*(\d{1,2})[:：时時](\d{2})(?:[:：分](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?`;
/** After a date with a year, the year-less reading is wrong: `9月7日` in `2019年9月7日` is handled elsewhere. */
const NO_YEAR_BEFORE = String.raw`(?<![\d年년]\s*)`;
const NO_YEAR_AFTER = String.raw`(?!\s*[,，]?\s*\d{4}(?!\d)|\d)`;

interface Form {
  re: RegExp;
  /** Month and day from the match, or null. */
  read: (m: RegExpExecArray) => { month: number; day: number } | null;
  /** The groups where the time starts. */
  timeAt: number;
  /** Numeric forms need a label or a time unless the caller vouches for the text. */
  isNumeric: boolean;
}

function monthOf(name: string | undefined): number | null {
  const key = (name ?? '').toLowerCase().replace('.', '').slice(0, 3);
  const index = MONTHS.findIndex((m) => m.startsWith(key));
  return index < 0 ? null : index + 1;
}

const FORMS: Form[] = [
  // 09月07日, 9月7号 12:00, 10月8日12时30分
  {
    re: new RegExp(NO_YEAR_BEFORE + String.raw`(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]` + TIME, 'gu'),
    read: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    timeAt: 3,
    isNumeric: false,
  },
  // 10-08 12:00, 09/07 19:02 (month first, as Chinese and US pages write it)
  {
    re: new RegExp(
      String.raw`(?<![\d\-/.]|\d:)(\d{1,2})([-/])(\d{1,2})(?![\d\-/.])` + NO_YEAR_AFTER + TIME,
      'giu',
    ),
    read: (m) => ({ month: Number(m[1]), day: Number(m[3]) }),
    timeAt: 4,
    isNumeric: true,
  },
  // Oct 8, 12:00 · October 8 · Sept. 8 at 9:30 am (not `Oct 8, 2019`: that has a year)
  {
    re: new RegExp(
      String.raw`(?<![\p{L}])(${MONTH_ALT})\s+(\d{1,2})(?:st|nd|rd|th)?` +
        NO_YEAR_AFTER +
        TIME.replace(String.raw`[,，|]?\s*`, String.raw`(?:[,，|]|\s+at)?\s*`),
      'giu',
    ),
    read: (m) => {
      // `may 5` in running text is a verb: only a capitalised May is the month.
      if (m[1] === 'may') return null;
      const month = monthOf(m[1]);
      return month === null ? null : { month, day: Number(m[2]) };
    },
    timeAt: 3,
    isNumeric: false,
  },
];

function readTime(m: RegExpExecArray, at: number): Pick<DateParts, 'hour' | 'minute' | 'second'> | null {
  if (m[at] === undefined || m[at + 1] === undefined) return null;
  let hour = Number(m[at]);
  const minute = Number(m[at + 1]);
  const second = m[at + 2] === undefined ? undefined : Number(m[at + 2]);
  const meridiem = m[at + 3]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return null;
  return second === undefined ? { hour, minute } : { hour, minute, second };
}

/**
 * The latest year that puts month/day (and time) at or before the reference time in the publisher's zone.
 * Feb 29 looks back to the last leap year. Null when month/day is no calendar day.
 */
export function placeYearless(
  monthDay: Omit<DateParts, 'year' | 'offsetMinutes'>,
  now: Date,
  offsetMinutes: number | null,
): DateParts | null {
  const start = referenceParts(now, offsetMinutes).year;
  for (let year = start; year > start - 8; year--) {
    if (!isRealDay(year, monthDay.month, monthDay.day)) continue;
    const parts: DateParts = { ...monthDay, year };
    if (!isAfterReference(parts, now, offsetMinutes)) return parts;
  }
  return null;
}

/** Every year-less date in a text, with its year placed against `now`, in order of position. Never throws. */
export function findYearlessDates(
  text: string,
  now: Date,
  offsetMinutes: number | null,
  opts: YearlessOptions = {},
): DateMatch[] {
  if (typeof text !== 'string' || !text || Number.isNaN(now.getTime())) return [];
  const source = toHalfWidth(text.slice(0, 200_000));
  const found: DateMatch[] = [];
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = form.re.exec(source)) !== null && guard++ < 2000) {
      const monthDay = form.read(m);
      if (!monthDay) continue;
      const time = readTime(m, form.timeAt);
      if (form.isNumeric && !time && !opts.isDateText && !hasDateLabelBefore(source, m.index)) continue;
      const parts = placeYearless({ ...monthDay, ...time }, now, offsetMinutes);
      if (parts) found.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first year-less date in a short text (a dateline), or null. */
export function parseYearlessDate(
  text: string,
  now: Date,
  offsetMinutes: number | null,
  opts: YearlessOptions = {},
): DateParts | null {
  return findYearlessDates(text, now, offsetMinutes, opts)[0]?.parts ?? null;
}
