// DOM: a year-less date line (`发布时间：10-08 12:00`) takes its year from a full date the page itself declares for the
// same day and time (a meta of any name, a <time>, microdata) rather than the latest such day before the clip: an
// archived page read years later keeps its own year. Takes a Document, reads no globals.
import { findDatesInText } from '../pure/date-parse';
import { findYearlessDates } from '../pure/date-yearless';
import type { DateParts } from '../pure/types';
import type { Candidate, Context } from './date-context';
import { parseCandidate } from './date-context';
import { indexElements } from './date-text-search';

/** A meta or attribute value longer than this is prose (a description), not a date. */
const MAX_VALUE_CHARS = 40;

/** Whether the candidate was read as a month and day with no year (`10-08 12:00`, `09月07日`). */
function isYearless(candidate: Candidate, ctx: Context): boolean {
  const raw = candidate.raw;
  if (findDatesInText(raw).length > 0) return false;
  const opts = { isDateText: true };
  return findYearlessDates(raw, ctx.now, ctx.publisherOffset, opts).length > 0;
}

const DECLARED = new WeakMap<Context, DateParts[]>();

/** The full dates the page declares in its markup, not its visible text; read once per clip. (A script's publish
 * time never gets here: the cascade reads it before the year-less forms.) */
function declaredDates(doc: Document, ctx: Context): DateParts[] {
  const cached = DECLARED.get(ctx);
  if (cached) return cached;
  const out: DateParts[] = [];
  DECLARED.set(ctx, out);
  const index = indexElements(doc, ctx);
  const values = [
    ...index.metas.map((m) => m.getAttribute('content')),
    ...index.times.map((t) => t.getAttribute('datetime') ?? t.getAttribute('title')),
    ...index.itemprops.map((el) => el.getAttribute('content')),
  ];
  for (const value of values.slice(0, 600)) {
    const raw = value?.trim();
    if (!raw || raw.length > MAX_VALUE_CHARS) continue;
    const parts = parseCandidate(raw, ctx);
    if (parts) out.push(parts);
  }
  return out;
}

/** Same month and day, and the same hour and minute where both give one. */
function isShownDayAndTime(shown: DateParts, declared: DateParts): boolean {
  if (shown.month !== declared.month || shown.day !== declared.day) return false;
  if (shown.hour === undefined || declared.hour === undefined) return true;
  return shown.hour === declared.hour && (shown.minute ?? 0) === (declared.minute ?? 0);
}

/**
 * The year-less candidate in the year of the page's own full date for that day (`<meta itemprop="dateUpdate"
 * content="2019-10-08 12:00:57">` beside `10-08 12:00`); unchanged when the page declares none, or several years.
 */
export function withDeclaredYear(candidate: Candidate, doc: Document, ctx: Context): Candidate {
  if (!isYearless(candidate, ctx)) return candidate;
  const years = new Set(
    declaredDates(doc, ctx)
      .filter((d) => isShownDayAndTime(candidate.parts, d))
      .map((d) => d.year),
  );
  const [year] = years;
  if (years.size !== 1 || year === undefined || year === candidate.parts.year) return candidate;
  return {
    ...candidate,
    parts: { ...candidate.parts, year },
    detail: `${candidate.detail} (year from the page's declared date)`,
  };
}
