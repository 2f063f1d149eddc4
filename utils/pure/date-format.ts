// Pure: writes dates for posts and file names (ISO 8601, Jekyll, a day). No parsing tables: the background and
// the popup import this.
import type { DateParts } from './types';

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `YYYY-MM-DD`. */
export function formatDay(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

function formatTime(parts: DateParts): string {
  return `${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}`;
}

function formatOffset(offsetMinutes: number, withColon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

/** ISO 8601: `2022-02-17T09:00:40+08:00`, `2022-02-17T09:00:40` (no zone known), or `2022-02-17` (day only). */
export function toIsoString(parts: DateParts): string {
  if (parts.hour === undefined) return formatDay(parts);
  const zone = parts.offsetMinutes === undefined ? '' : formatOffset(parts.offsetMinutes, true);
  return `${formatDay(parts)}T${formatTime(parts)}${zone}`;
}

/** Jekyll's front-matter form: `2022-02-17 09:00:40 +0800`, or `2022-02-17` for a day-only date. */
export function toJekyllDate(parts: DateParts): string {
  if (parts.hour === undefined) return formatDay(parts);
  const zone = parts.offsetMinutes === undefined ? '' : ` ${formatOffset(parts.offsetMinutes, false)}`;
  return `${formatDay(parts)} ${formatTime(parts)}${zone}`;
}

/** `YYYY-MM-DD` in the runtime's own zone: the day in the names of files the user downloads today. */
export function toLocalDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
