// Pure: the template `date` filter: reading a value as a date, moving it to a zone, formatting it with tokens.
import { formatDay, toIsoString, toJekyllDate } from './date-format';
import { parseNumericDate } from './date-text';
import { partsInZone, zoneOffsetMinutes } from './date-zone';
import type { FilterArg, TemplateValue } from './template-values';
import { toText } from './template-values';
import { isValidTimeZone } from './time-zone';
import type { DateParts } from './types';

const DATE_TOKENS = /\[([^\]]*)\]|YYYY|ZZ|MM|DD|HH|mm|ss|YY|Z|M|D|H/g;

/** The same instant in another zone; a local time (no offset) is read as that zone's wall clock. */
export function toZone(parts: DateParts, timeZone: string): DateParts {
  if (parts.hour === undefined) return parts;
  if (parts.offsetMinutes === undefined)
    return { ...parts, offsetMinutes: zoneOffsetMinutes(timeZone, parts) };
  const instant =
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute ?? 0, parts.second ?? 0) -
    parts.offsetMinutes * 60_000;
  return partsInZone(instant, timeZone);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(minutes: number | undefined, withColon: boolean): string {
  if (minutes === undefined) return '';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * Formats with dayjs-style tokens: YYYY YY MM M DD D HH H mm ss, Z (`+0800`), ZZ (`+08:00`), `[literal]`.
 * Named formats: `jekyll` (`2022-02-17 09:00:40 +0800`), `iso` / `rfc3339` (`2022-02-17T09:00:40+08:00`); both
 * shorten to the day for a day-only date. A missing time is 00:00:00; a missing zone prints nothing (trimmed).
 */
export function formatDate(parts: DateParts, format: string): string {
  if (format === 'jekyll') return toJekyllDate(parts);
  if (format === 'iso' || format === 'rfc3339') return toIsoString(parts);
  const out = format.replace(DATE_TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return pad(parts.year, 4);
      case 'YY':
        return pad(parts.year % 100);
      case 'MM':
        return pad(parts.month);
      case 'M':
        return String(parts.month);
      case 'DD':
        return pad(parts.day);
      case 'D':
        return String(parts.day);
      case 'HH':
        return pad(parts.hour ?? 0);
      case 'H':
        return String(parts.hour ?? 0);
      case 'mm':
        return pad(parts.minute ?? 0);
      case 'ss':
        return pad(parts.second ?? 0);
      case 'Z':
        return formatOffset(parts.offsetMinutes, false);
      default:
        return formatOffset(parts.offsetMinutes, true);
    }
  });
  return parts.offsetMinutes === undefined ? out.trim() : out;
}

export function toDateParts(value: TemplateValue): DateParts | null {
  if (value.kind === 'date') return value.parts;
  if (value.kind === 'number') {
    // Epoch milliseconds, read in UTC; a zone argument moves it.
    const when = new Date(value.value);
    if (Number.isNaN(when.getTime())) return null;
    return {
      year: when.getUTCFullYear(),
      month: when.getUTCMonth() + 1,
      day: when.getUTCDate(),
      hour: when.getUTCHours(),
      minute: when.getUTCMinutes(),
      second: when.getUTCSeconds(),
      offsetMinutes: 0,
    };
  }
  const first = value.kind === 'list' ? value.items[0] : toText(value);
  // The table-free reader: the month-name tables belong only in the clip script, and this runs in the popup.
  return first === undefined ? null : parseNumericDate(first);
}

export const checkDate = (args: readonly FilterArg[]): string | null => {
  const [format, zone] = args;
  if (format?.kind !== 'string' || format.value === '') return 'date: expected a format in quotes';
  if (args.length > 2) return 'date: takes a format and an optional time zone';
  if (zone === undefined) return null;
  if (zone.kind !== 'string') return 'date: expected a time zone in quotes, like "Asia/Shanghai"';
  return isValidTimeZone(zone.value) ? null : `date: unknown time zone '${zone.value}'`;
};

export function applyDate(input: TemplateValue, args: readonly FilterArg[]): TemplateValue {
  const parsed = toDateParts(input);
  // Not a date: left as it was, so the user sees what the filter could not read.
  if (!parsed) return input;
  const format = args[0]?.kind === 'string' ? args[0].value : 'jekyll';
  const zone = args[1]?.kind === 'string' ? args[1].value : '';
  const parts = isValidTimeZone(zone) ? toZone(parsed, zone) : parsed;
  return { kind: 'date', parts, text: formatDate(parts, format) };
}

/** `YYYY-MM-DD` of a date value (for callers that need the file name's day). */
export function toDay(value: TemplateValue): string | null {
  const parts = toDateParts(value);
  return parts ? formatDay(parts) : null;
}
