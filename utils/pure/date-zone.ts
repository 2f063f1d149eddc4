// Pure: zone arithmetic (wall clock in an IANA zone, offsets, DST) and the publisher's zone guessed from
// language or country. No parsing tables: the background and the popup import this.
import type { DateParts } from './types';
import { hostOf } from './url';

// A country (a language tag's region, or a country-code host) with one civil time zone for its newsrooms. Countries
// that span zones (US, Canada, Russia, Brazil, Australia, Mexico, Indonesia) are left out: their zone is unknown.
const COUNTRY_ZONES: Record<string, string> = {
  cn: 'Asia/Shanghai',
  hk: 'Asia/Hong_Kong',
  tw: 'Asia/Taipei',
  mo: 'Asia/Macau',
  sg: 'Asia/Singapore',
  jp: 'Asia/Tokyo',
  kr: 'Asia/Seoul',
  in: 'Asia/Kolkata',
  il: 'Asia/Jerusalem',
  th: 'Asia/Bangkok',
  vn: 'Asia/Ho_Chi_Minh',
  de: 'Europe/Berlin',
  at: 'Europe/Vienna',
  ch: 'Europe/Zurich',
  li: 'Europe/Vaduz',
  lu: 'Europe/Luxembourg',
  it: 'Europe/Rome',
  fr: 'Europe/Paris',
  be: 'Europe/Brussels',
  nl: 'Europe/Amsterdam',
  es: 'Europe/Madrid',
  pt: 'Europe/Lisbon',
  pl: 'Europe/Warsaw',
  cz: 'Europe/Prague',
  sk: 'Europe/Bratislava',
  hu: 'Europe/Budapest',
  si: 'Europe/Ljubljana',
  hr: 'Europe/Zagreb',
  se: 'Europe/Stockholm',
  dk: 'Europe/Copenhagen',
  no: 'Europe/Oslo',
  fi: 'Europe/Helsinki',
  gr: 'Europe/Athens',
  ro: 'Europe/Bucharest',
  bg: 'Europe/Sofia',
  ee: 'Europe/Tallinn',
  lv: 'Europe/Riga',
  lt: 'Europe/Vilnius',
  ie: 'Europe/Dublin',
  gb: 'Europe/London',
  uk: 'Europe/London',
};

// A language written by newsrooms in one zone (or in neighbours that share its offsets all year: German in
// Germany, Austria and Switzerland). English, French, Spanish, Portuguese, Russian and Arabic span many zones.
const LANGUAGE_ZONES: Record<string, string> = {
  zh: 'Asia/Shanghai',
  ja: 'Asia/Tokyo',
  ko: 'Asia/Seoul',
  de: 'Europe/Berlin',
  it: 'Europe/Rome',
  nl: 'Europe/Amsterdam',
  pl: 'Europe/Warsaw',
  cs: 'Europe/Prague',
  sk: 'Europe/Bratislava',
  hu: 'Europe/Budapest',
  sl: 'Europe/Ljubljana',
  hr: 'Europe/Zagreb',
  sv: 'Europe/Stockholm',
  da: 'Europe/Copenhagen',
  nb: 'Europe/Oslo',
  nn: 'Europe/Oslo',
  no: 'Europe/Oslo',
  fi: 'Europe/Helsinki',
  el: 'Europe/Athens',
  ro: 'Europe/Bucharest',
  bg: 'Europe/Sofia',
  et: 'Europe/Tallinn',
  lv: 'Europe/Riga',
  lt: 'Europe/Vilnius',
  he: 'Asia/Jerusalem',
  th: 'Asia/Bangkok',
  vi: 'Asia/Ho_Chi_Minh',
};

/**
 * The publisher's IANA zone when the page's language tag, its host's country code or its language names one
 * unambiguously (in that order: `en-GB`, then `.de`, then `de`), else null.
 */
export function publisherTimeZone(lang: string | null, url: string): string | null {
  const [language = '', region = ''] = (lang ?? '').trim().toLowerCase().split(/[-_]/);
  if (language === 'zh') return COUNTRY_ZONES[region] ?? 'Asia/Shanghai';
  const byRegion = /^[a-z]{2}$/.test(region) ? COUNTRY_ZONES[region] : undefined;
  if (byRegion) return byRegion;
  const country = /\.([a-z]{2})$/.exec(hostOf(url))?.[1];
  const byHost = country ? COUNTRY_ZONES[country] : undefined;
  if (byHost) return byHost;
  return LANGUAGE_ZONES[language] ?? null;
}

// Countries whose newsrooms span zones: the least and greatest civil offset over the year (summer time included), in
// minutes east of UTC. Their zone is unknown, but a UTC instant on the same calendar day at both ends is on that day
// anywhere in the country (`00:23Z` is the evening before from Newfoundland to Vancouver).
const COUNTRY_OFFSET_RANGES: Record<string, readonly [number, number]> = {
  us: [-600, -240],
  ca: [-480, -150],
  mx: [-480, -300],
  br: [-300, -120],
  ar: [-180, -180],
  au: [480, 660],
  nz: [720, 825],
  ru: [120, 720],
  id: [420, 540],
};

/**
 * The span of UTC offsets of the publisher's country when its host names a country of several zones (`.ca`,
 * `.com.au`): `[least, greatest]` minutes east of UTC, else null. Not from the language tag: `en-US` is WordPress's
 * default for any English site, wherever it is written.
 */
export function publisherOffsetRange(url: string): readonly [number, number] | null {
  const country = /\.([a-z]{2})$/.exec(hostOf(url))?.[1];
  return country ? (COUNTRY_OFFSET_RANGES[country] ?? null) : null;
}

/**
 * The calendar day of a UTC instant (`offsetMinutes` 0, with a time) everywhere in an offset range, when the two ends
 * agree; else null. Only the day: which zone, and so the time of day, stays unknown.
 */
export function dayAcrossOffsets(parts: DateParts, range: readonly [number, number]): DateParts | null {
  if (parts.hour === undefined || parts.offsetMinutes !== 0) return null;
  const instant = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const dayAt = (offset: number): DateParts => {
    const local = new Date(instant + offset * 60_000);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  };
  const [west, east] = [dayAt(range[0]), dayAt(range[1])];
  return west.year === east.year && west.month === east.month && west.day === east.day ? west : null;
}

/** The publisher's UTC offset at `at` (DST aware) when its zone is known (see `publisherTimeZone`), else null. */
export function publisherOffsetMinutes(lang: string | null, url: string, at: Date): number | null {
  const zone = publisherTimeZone(lang, url);
  if (!zone || Number.isNaN(at.getTime())) return null;
  try {
    return offsetAt(zone, at.getTime());
  } catch {
    return null;
  }
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
