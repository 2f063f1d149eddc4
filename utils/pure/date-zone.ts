// Pure: zone arithmetic (wall clock in an IANA zone, offsets, DST) and the publisher's zone guessed from
// language or country. No parsing tables: the background and the popup import this.
import type { DateParts } from './types';
import { hostOf } from './url';

/** The publisher's UTC offset when the site's language or country makes it unambiguous, else null. */
export function publisherOffsetMinutes(lang: string | null, url: string): number | null {
  const language = (lang ?? '').trim().toLowerCase();
  if (/^zh\b|^zh[-_]/.test(language)) return 480;
  if (/^ja\b|^ja[-_]/.test(language)) return 540;
  if (/^ko\b|^ko[-_]/.test(language)) return 540;
  const host = hostOf(url);
  if (/\.(cn|hk|tw|mo)$/.test(host)) return 480;
  if (/\.(jp|kr)$/.test(host)) return 540;
  return null;
}

const WALL_CLOCK_FIELDS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};
// Building a formatter costs far more than using one; an export formats thousands of dates in a few zones.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock formatter for a zone ('' = the runtime's). Throws RangeError on an unknown zone. */
function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_FIELDS, timeZone: timeZone || undefined });
    FORMATTERS.set(timeZone, format);
  }
  return format;
}

function wallClockAt(format: Intl.DateTimeFormat, instant: number): DateParts {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) values[part.type] = Number(part.value);
  const parts: DateParts = {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return { ...parts, offsetMinutes: Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000) };
}

/** Minutes east of UTC that `instant` has in `timeZone`. Throws on an unknown zone. */
function offsetAt(timeZone: string, instant: number): number {
  return wallClockAt(getFormatter(timeZone), instant).offsetMinutes ?? 0;
}

/** Wall-clock parts, with offset, of an instant in a zone ('' or an unknown zone: the runtime's own). */
export function partsInZone(instant: number, timeZone: string): DateParts {
  let format: Intl.DateTimeFormat;
  try {
    format = getFormatter(timeZone);
  } catch {
    format = getFormatter('');
  }
  return wallClockAt(format, instant);
}

/** The offset of an IANA zone at that local date and time (DST aware). '' or an unknown zone: the runtime's zone. */
export function zoneOffsetMinutes(timeZone: string, parts: DateParts): number {
  const local = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 12,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  try {
    if (!timeZone) throw new RangeError('no zone');
    // The offset depends on the instant, which depends on the offset: two rounds settle it, even at DST changes.
    const first = offsetAt(timeZone, local);
    return offsetAt(timeZone, local - first * 60_000);
  } catch {
    const asLocal = new Date(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour ?? 12,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    const offset = -asLocal.getTimezoneOffset();
    return offset === 0 ? 0 : offset;
  }
}

/** The same local time with the given offset. A day-only date has no time to anchor an offset: returned unchanged. */
export function withOffset(parts: DateParts, offsetMinutes: number): DateParts {
  if (parts.hour === undefined) return { year: parts.year, month: parts.month, day: parts.day };
  return { ...parts, offsetMinutes };
}

const MAX_ZONE_AHEAD_MS = 14 * 3600_000;

/** Whether the date is after `now`. Dates without a zone get ±14 h of grace: "today" somewhere on Earth is not future. */
export function isFuture(parts: DateParts, now: Date): boolean {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) return false;
  if (parts.hour === undefined) {
    return Date.UTC(parts.year, parts.month - 1, parts.day) - MAX_ZONE_AHEAD_MS > nowMs;
  }
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  if (parts.offsetMinutes === undefined) return wall - MAX_ZONE_AHEAD_MS > nowMs;
  return wall - parts.offsetMinutes * 60_000 > nowMs;
}
