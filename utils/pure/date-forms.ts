// Pure: two date forms the general parser (dates.ts) leaves alone because they are ambiguous out of context:
// a two-digit year after a date label (`发布时间：18-03-08 23:16`), and `2019 09/07 19:02`. No DOM.
import type { DateMatch } from './date-parse';
import { hasDateLabelBefore, toHalfWidth } from './date-label';
import { isAfterReference, referenceParts } from './date-reference';
import { isRealDay } from './date-text';
import type { DateParts } from './types';

const TIME = String.raw`(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?(?![\d:：])`;

/**
 * `YY-MM-DD` with a dash: year first, as the Chinese portals that print it do. Slashes and dots are left out on
 * purpose: `08/03/18` is month-first in the US and day-first in Britain, `08.03.18` day-first in Germany.
 */
const SHORT_YEAR = new RegExp(
  String.raw`(?<![\d\-/.]|\d:)(\d{2})-(\d{1,2})-(\d{1,2})(?![\d\-/.])` + TIME,
  'g',
);
/** `2019 09/07 19:02`: a year, a space, then month/day (year-first order keeps month before day). */
const YEAR_SPACE_MONTH_DAY = new RegExp(
  String.raw`(?<![\d\-/.]|\d:)((?:19|20)\d{2})\s+(\d{1,2})/(\d{1,2})(?![\d\-/.])` + TIME,
  'g',
);

function build(year: number, month: number, day: number, m: RegExpExecArray, at: number): DateParts | null {
  if (!isRealDay(year, month, day)) return null;
  const parts: DateParts = { year, month, day };
  if (m[at] === undefined || m[at + 1] === undefined) return parts;
  const hour = Number(m[at]);
  const minute = Number(m[at + 1]);
  const second = m[at + 2] === undefined ? undefined : Number(m[at + 2]);
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return parts;
  return second === undefined ? { ...parts, hour, minute } : { ...parts, hour, minute, second };
}

function scan(
  re: RegExp,
  source: string,
  read: (m: RegExpExecArray) => DateParts | null,
  now: Date,
  offsetMinutes: number | null,
): DateMatch[] {
  const out: DateMatch[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(source)) !== null && guard++ < 2000) {
    const parts = read(m);
    if (parts && !isAfterReference(parts, now, offsetMinutes))
      out.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
  }
  return out;
}

/**
 * `18-03-08` (and `18-03-08 23:16`) right after a date label, read as 20YY: never after `now`, so a page from
 * 2098 read in 2026 is refused, not made 1998. Without a label the form is too ambiguous and is not read.
 */
export function findShortYearDates(text: string, now: Date, offsetMinutes: number | null): DateMatch[] {
  if (typeof text !== 'string' || !text || Number.isNaN(now.getTime())) return [];
  const source = toHalfWidth(text.slice(0, 200_000));
  const century = Math.floor(referenceParts(now, offsetMinutes).year / 100) * 100;
  return scan(
    SHORT_YEAR,
    source,
    (m) =>
      hasDateLabelBefore(source, m.index)
        ? build(century + Number(m[1]), Number(m[2]), Number(m[3]), m, 4)
        : null,
    now,
    offsetMinutes,
  );
}

/** `2019 09/07 19:02`, `2019 9/7`: year, space, month/day, optional time. Dates after `now` are dropped. */
export function findYearSpaceDates(text: string, now: Date, offsetMinutes: number | null): DateMatch[] {
  if (typeof text !== 'string' || !text || Number.isNaN(now.getTime())) return [];
  const source = toHalfWidth(text.slice(0, 200_000));
  return scan(
    YEAR_SPACE_MONTH_DAY,
    source,
    (m) => build(Number(m[1]), Number(m[2]), Number(m[3]), m, 4),
    now,
    offsetMinutes,
  );
}
