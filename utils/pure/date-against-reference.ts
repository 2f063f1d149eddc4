// Pure: every date in a text read against the reference time: the general forms (date-parse.ts) plus the forms that
// need `now` (year-less, relative, labelled two-digit years, `2019 09/07`). The one call the cascade makes. No DOM.
import type { DateMatch } from './date-parse';
import { findDatesInText } from './date-parse';
import { findShortYearDates, findYearSpaceDates } from './date-forms';
import { isAfterReference } from './date-reference';
import { findRelativeDates } from './date-relative';
import type { YearlessOptions } from './date-yearless';
import { findYearlessDates } from './date-yearless';
import type { DateParts } from './types';

export interface ReferenceDateOptions extends YearlessOptions {
  /**
   * Read relative dates (`3小时前`, `yesterday`): default true. Pass false for running text (a long element's
   * own text), where "yesterday" is a word in a sentence, not a dateline.
   */
  withRelative?: boolean;
  /** Read a bare named day (`heute`, `昨天` with no time): default true; see `RelativeOptions`. */
  bareNamedDays?: boolean;
}

/** The clip's reference time and the publisher's UTC offset in minutes (null: unknown). */
export interface DateReference {
  now: Date;
  offsetMinutes: number | null;
}

/**
 * Every date in `text` not after the reference time, in order of position; where two readings overlap the one
 * that starts first wins, then the longer (`2019 09/07 19:02` over `09/07 19:02`). Never throws.
 */
export function findDatesAgainstReference(
  text: string,
  ref: DateReference,
  opts: ReferenceDateOptions = {},
): DateMatch[] {
  if (typeof text !== 'string' || !text) return [];
  const { now, offsetMinutes } = ref;
  const found: DateMatch[] = [
    ...findDatesInText(text).filter((m) => !isAfterReference(m.parts, now, offsetMinutes)),
    ...findYearSpaceDates(text, now, offsetMinutes),
    ...findShortYearDates(text, now, offsetMinutes),
    ...findYearlessDates(text, now, offsetMinutes, opts),
    ...(opts.withRelative === false
      ? []
      : findRelativeDates(text, now, offsetMinutes, { bareNamedDays: opts.bareNamedDays !== false })),
  ];
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (!last || match.index >= last.index + last.length) out.push(match);
  }
  return out;
}

/** The first date in a short text (a dateline) read against the reference time, or null. */
export function parseDateAgainstReference(
  text: string,
  ref: DateReference,
  opts: ReferenceDateOptions = {},
): DateParts | null {
  return findDatesAgainstReference(text, ref, opts)[0]?.parts ?? null;
}
