// Pure: dates measured against the clip's reference time (`now`: the click, or the CLI's --now / file mtime) in
// the publisher's zone, instead of the machine's clock. No DOM.
import type { DateParts } from './types';

const MINUTE_MS = 60_000;
/**
 * Slack for an exact instant (a stated or known offset): the publisher's CMS clock and the user's clock drift,
 * and a page can be saved a moment before its own timestamp rounds up. Minutes, not a day: an exact time an
 * hour after the click is wrong, not skew.
 */
export const INSTANT_SKEW_MS = 15 * MINUTE_MS;
/**
 * Slack for a wall time or a day whose zone is unknown: the furthest zone ahead of UTC is UTC+14 (Kiribati), so a
 * local time up to 14 h after `now` read as UTC can still be in the past where the page was written.
 */
export const UNKNOWN_ZONE_SKEW_MS = 14 * 3_600_000;

/** The wall-clock parts (with offset) of a UTC instant at a fixed offset. */
export function partsAtOffset(instant: number, offsetMinutes: number): DateParts {
  const shifted = new Date(instant + offsetMinutes * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    offsetMinutes,
  };
}

/**
 * The calendar day of a UTC instant where the publisher is: `2019-09-07T18:30Z` is the 8th in Beijing (+480).
 * With no known zone, the UTC day. (utils/pure/dates.ts has `partsInZone` for IANA names; pages give offsets.)
 */
export function dayInZone(instant: number, offsetMinutes: number | null): DateParts {
  const p = partsAtOffset(instant, offsetMinutes ?? 0);
  return { year: p.year, month: p.month, day: p.day };
}

/** The reference time as wall-clock parts in the publisher's zone, or in UTC (offset 0) when that is unknown. */
export function referenceParts(now: Date, offsetMinutes: number | null): DateParts {
  return partsAtOffset(now.getTime(), offsetMinutes ?? 0);
}

/** Milliseconds of a wall time read as if it were UTC (for comparing wall times in one zone). */
export function wallMs(parts: DateParts): number {
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/**
 * Whether a date lies after the reference time: the "never in the future" rule with the click as the clock.
 * - An exact instant (the parts carry an offset): after `now` by more than INSTANT_SKEW_MS.
 * - A wall time with no offset, in a known publisher zone: the same, read in that zone.
 * - A day only, zone known: a later day than the reference day there (today is never future).
 * - Zone unknown: a wall time or day start more than UNKNOWN_ZONE_SKEW_MS after `now` read as UTC.
 * An invalid `now` decides nothing: false.
 */
export function isAfterReference(parts: DateParts, now: Date, offsetMinutes: number | null): boolean {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) return false;
  const wall = wallMs(parts);
  if (parts.hour === undefined) {
    if (offsetMinutes === null) return wall - UNKNOWN_ZONE_SKEW_MS > nowMs;
    const today = referenceParts(now, offsetMinutes);
    return wall > Date.UTC(today.year, today.month - 1, today.day);
  }
  const offset = parts.offsetMinutes ?? offsetMinutes;
  if (offset === null || offset === undefined) return wall - UNKNOWN_ZONE_SKEW_MS > nowMs;
  return wall - offset * MINUTE_MS - INSTANT_SKEW_MS > nowMs;
}
