// DOM: the date a URL spells (`/2023/10/03/`), and how it confirms or corrects a date found on the page.
import { parseDateString } from '../pure/date-parse';
import { isAfterReference } from '../pure/date-reference';
import type { DateParts } from '../pure/types';
import type { Candidate } from './date-context';
import { MIN_YEAR } from './date-context';

// ---------------------------------------------------------------- URL

export interface UrlDate {
  /** A full day from the URL, usable as a date. */
  candidate: Candidate | null;
  /** Year and month when the URL gives at least those (`/2019/12/slug`). */
  year: number;
  month: number;
}

/** `/2022/02/17/`, `/2022-02-17-`, `20220217`, or just `/2022/02/` in the path. */
export function readUrlDate(url: string, now: Date): UrlDate | null {
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const full: RegExp[] = [
    /(?<![\d.])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-]((?:0[1-9]|[12]\d|3[01])(?![\d.])|[1-9](?=\/|$))/,
    /(?<![\d.])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/,
  ];
  for (const re of full) {
    const m = re.exec(path);
    if (!m) continue;
    const parts = parseDateString(`${m[1]}-${m[2]}-${m[3]}`);
    if (parts && parts.year >= MIN_YEAR && !isAfterReference(parts, now, null)) {
      const day = { year: parts.year, month: parts.month, day: parts.day };
      return {
        candidate: { raw: m[0], source: 'url', detail: 'url', parts: day },
        year: day.year,
        month: day.month,
      };
    }
  }
  const partial = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\//.exec(path);
  if (partial) {
    const year = Number(partial[1]);
    const month = Number(partial[2]);
    if (year >= MIN_YEAR && !isAfterReference({ year, month, day: 1 }, now, null))
      return { candidate: null, year, month };
  }
  return null;
}

/**
 * A day-first or month-first date in the path (`/meldungen/29-10-2021`, `/news/10.29.2021-slug`): only when the order
 * is beyond doubt (one number over 12, or both the same). A last resort: the cascade reads year-first paths.
 */
export function readUrlDayFirst(url: string, now: Date): Candidate | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const m = /(?<![\p{L}\d.])(\d{1,2})([-_.])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/u.exec(path);
  if (!m) return null;
  const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  let day: number;
  let month: number;
  if (first > 12 || first === second) [day, month] = [first, second];
  else if (second > 12) [day, month] = [second, first];
  else return null;
  const parts = parseDateString(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  if (!parts || parts.day !== day || parts.year < MIN_YEAR || isAfterReference(parts, now, null)) return null;
  return {
    raw: m[0],
    source: 'url',
    detail: 'url (day and month)',
    parts: { year: parts.year, month: parts.month, day: parts.day },
  };
}

export function dayNumber(parts: DateParts): number {
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000);
}

/** Whether a candidate agrees with the date in the URL. Zoned times may fall a day apart (UTC vs local day). */
export function isConsistentWithUrl(parts: DateParts, urlDate: UrlDate): boolean {
  const full = urlDate.candidate?.parts;
  if (full) {
    const diff = Math.abs(dayNumber(parts) - dayNumber(full));
    return diff === 0 || (diff === 1 && parts.offsetMinutes !== undefined);
  }
  const months = Math.abs(parts.year * 12 + parts.month - (urlDate.year * 12 + urlDate.month));
  return months <= 1;
}

/** The same instant written in the publisher's local offset, when some other tag gives it that way. */
export function preferLocalOffset(chosen: Candidate, readPool: () => Candidate[]): Candidate {
  const p = chosen.parts;
  if (p.offsetMinutes !== 0 || p.hour === undefined) return chosen;
  const pool = readPool();
  const instant = (q: DateParts): number =>
    Date.UTC(q.year, q.month - 1, q.day, q.hour ?? 0, q.minute ?? 0, q.second ?? 0) -
    (q.offsetMinutes ?? 0) * 60_000;
  const target = instant(p);
  for (const other of pool) {
    const q = other.parts;
    if (q.hour === undefined || q.offsetMinutes === undefined || q.offsetMinutes === 0) continue;
    if (Math.abs(instant(q) - target) <= 60_000)
      return {
        ...chosen,
        raw: other.raw,
        parts: q,
        detail: `${chosen.detail} (offset from ${other.detail})`,
      };
  }
  return chosen;
}
