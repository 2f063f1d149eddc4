// Pure: Jekyll's `date:` grammar, read in one place. Edits, the store's lists, the editor and the renderer once
// each had their own pattern, and only the store accepted `+08:00`.
import { isRealDay } from './date-text';
import type { DateParts } from './types';

/** `YYYY-MM-DD`, optionally ` HH:MM[:SS]`, optionally a zone `+HHMM`, `+HH:MM` (the space before it optional). */
const JEKYLL_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?(?: ?([+-])(\d{2}):?(\d{2}))?)?$/;

/** The parts a Jekyll date states, or null when the text is not that form or names no real day or time. */
export function parseJekyllDate(text: string): DateParts | null {
  const m = JEKYLL_DATE.exec(text.trim());
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDay(parts.year, parts.month, parts.day)) return null;
  if (m[4] === undefined) return parts;
  parts.hour = Number(m[4]);
  parts.minute = Number(m[5]);
  if (m[6] !== undefined) parts.second = Number(m[6]);
  if (parts.hour > 23 || parts.minute > 59 || (parts.second ?? 0) > 59) return null;
  if (m[7] !== undefined) {
    const minutes = Number(m[8]) * 60 + Number(m[9]);
    if (minutes > 14 * 60) return null;
    parts.offsetMinutes = m[7] === '-' ? -minutes : minutes;
  }
  return parts;
}

/** True when the text is a Jekyll date that names a real day (and time). */
export function isJekyllDate(text: string): boolean {
  return parseJekyllDate(text) !== null;
}

// `2022-02-17`, `2022-02-17 09:00:40`, `2022-02-17 09:00:40 +0800`: what Ruby's Psych reads as a Date or Time
// (its TIME pattern needs seconds, and its zone no colon). Narrower than the grammar above on purpose.
const PSYCH_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?: [+-]\d{4})?)?$/;

/**
 * True when Jekyll's YAML reader takes the text, written plain, as a date or time rather than a string: the
 * front-matter writer leaves exactly these unquoted. Shape only, as Psych checks it.
 */
export function isPsychTimestamp(text: string): boolean {
  return PSYCH_TIMESTAMP.test(text);
}
