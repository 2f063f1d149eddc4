// Pure: relative dates (`2 hours ago`, `yesterday 12:00`, `vor 3 Stunden`, `刚刚`, `5分钟前`, `前天 08:30`), resolved
// against the reference time in the publisher's zone. A result keeps only the precision the text states. No DOM.
import type { DateMatch } from './date-parse';
import { hasDateLabelBefore, toHalfWidth } from './date-label';
import { isAfterReference, partsAtOffset, referenceParts } from './date-reference';
import type { DateParts } from './types';

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week';

const UNIT_MS: Record<Unit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

// Unit words by language. Months and years ago are left out: "3 months ago" names no day.
const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(?:秒|秒钟|秒鐘|seconds?|secs?|sekunden?|secondes?|segundos?|secondi|초)$/i, 'second'],
  [/^(?:分钟|分鐘|分|minutes?|mins?|minuten?|minutos?|minuti|분)$/i, 'minute'],
  [/^(?:小时|小時|个小时|個小時|時間|hours?|hrs?|stunden?|heures?|horas?|ore|ora|시간)$/i, 'hour'],
  [/^(?:天|日|days?|tagen?|tage|jours?|días?|dias?|giorni|giorno|일)$/i, 'day'],
  [/^(?:周|週|星期|个星期|個星期|weeks?|wochen?|semaines?|semanas?|settimane?|주)$/i, 'week'],
];

function unitOf(word: string): Unit | null {
  for (const [re, unit] of UNIT_WORDS) if (re.test(word.trim())) return unit;
  return null;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  einer: 1,
  einem: 1,
  un: 1,
  une: 1,
  una: 1,
  uno: 1,
  一: 1,
  两: 2,
  兩: 2,
  二: 2,
  三: 3,
  半: 0.5,
};

function amountOf(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

const CJK_UNITS = '秒钟|秒鐘|秒|分钟|分鐘|个小时|個小時|小时|小時|時間|天|周|週|个星期|個星期|星期|分|日';
const LATIN_UNITS = String.raw`[a-zäéí]+`;
const AMOUNT = String.raw`(\d{1,3}|an?|one|einer|einem|une?|una?|uno)`;

/** `N <unit> ago` in its languages' word orders; the groups are amount, unit. */
const AGO_FORMS: RegExp[] = [
  // 5分钟前, 3小时前, 2天前, 半小时前, 3時間前 (not `10月3日前`: before the 3rd of October)
  new RegExp(String.raw`(?<![\d月])(\d{1,3}|[一两兩二三半])\s*(${CJK_UNITS})\s*(?:之)?前`, 'gu'),
  // 2 hours ago, an hour ago
  new RegExp(String.raw`(?<![\p{L}\d])${AMOUNT}\s+(${LATIN_UNITS})\s+ago\b`, 'giu'),
  // vor 3 Stunden, vor einer Stunde · il y a 2 heures · hace 2 horas · há 2 horas
  new RegExp(String.raw`(?<![\p{L}])(?:vor|il y a|hace|há)\s+${AMOUNT}\s+(${LATIN_UNITS})(?![\p{L}])`, 'giu'),
  // 2 ore fa (Italian)
  new RegExp(String.raw`(?<![\p{L}\d])${AMOUNT}\s+(${LATIN_UNITS})\s+fa(?![\p{L}])`, 'giu'),
];

/** A named day, days before today: today 0, yesterday 1, the day before 2. */
// French `hier` is left out: in German it means "here".
const NAMED_DAYS: [RegExp, number][] = [
  [/^(?:今天|今日|today|heute|aujourd'hui|hoy|oggi|오늘)$/i, 0],
  [/^(?:昨天|昨日|yesterday|gestern|ayer|ieri|ontem|어제)$/i, 1],
  [/^(?:前天|一昨日|vorgestern|avant-hier|anteayer|l'altro ieri)$/i, 2],
];
const NAMED_DAY = new RegExp(
  String.raw`(?<![\p{L}])(今天|今日|昨天|昨日|前天|一昨日|today|yesterday|vorgestern|gestern|heute|aujourd'hui|avant-hier|anteayer|ayer|hoy|oggi|ieri|ontem|오늘|어제)` +
    String.raw`(?:\s*(?:,|at|um|à|a las|alle|às)?\s*(\d{1,2})[:：时時](\d{2})(?:\s*(am|pm))?)?` +
    // Not the start of a longer word (`hierarchy`, `todays`); CJK names are followed by anything.
    String.raw`(?![a-z])`,
  'giu',
);
/** 刚刚 / just now / gerade eben / à l'instant: the reference minute itself. */
const JUST_NOW =
  /刚刚|剛剛|刚才|剛才|(?<![\p{L}])(?:just now|gerade eben|soeben|à l'instant|ahora mismo)(?![\p{L}])/giu;

function daysBack(word: string): number | null {
  for (const [re, days] of NAMED_DAYS) if (re.test(word)) return days;
  return null;
}

/** Minute precision: the text says "5 minutes ago", not which second. */
function toMinute(parts: DateParts): DateParts {
  const { second: _second, ...rest } = parts;
  return rest;
}

/** A day `days` before the reference day in the publisher's zone (UTC when it is unknown). */
function dayBefore(now: Date, offsetMinutes: number | null, days: number): DateParts {
  const today = referenceParts(now, offsetMinutes);
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day - days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * An amount of units before `now`. Seconds to hours give an instant (hour and minute, with the offset: in the
 * publisher's zone when known, else in UTC, which is the same instant); days and weeks give a day.
 */
function resolveAgo(amount: number, unit: Unit, now: Date, offsetMinutes: number | null): DateParts | null {
  if (amount < 0 || (unit === 'day' && amount > 366) || (unit === 'week' && amount > 52)) return null;
  if (unit === 'day' || unit === 'week') {
    if (!Number.isInteger(amount)) return null;
    return dayBefore(now, offsetMinutes, unit === 'week' ? amount * 7 : amount);
  }
  return toMinute(partsAtOffset(now.getTime() - amount * UNIT_MS[unit], offsetMinutes ?? 0));
}

function readTime(hourText: string | undefined, minuteText: string | undefined, meridiem?: string) {
  if (hourText === undefined || minuteText === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem.toLowerCase() === 'pm' && hour < 12) hour += 12;
    if (meridiem.toLowerCase() === 'am' && hour === 12) hour = 0;
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export interface RelativeOptions {
  /**
   * Read a named day with no time (`heute`, `today`, `昨天`): default true. Pass false unless the text is marked as
   * a date: alone, the word is as often an opening-hours widget (`Heute geöffnet`) or a comment as a dateline. A
   * date label before it (`发布时间：昨天`) still counts.
   */
  bareNamedDays?: boolean;
}

/**
 * Every relative date in a text, resolved against `now` in the publisher's zone (`offsetMinutes`, or null when
 * unknown), in order of position. `3小时前` gives an instant to the minute; `2天前` and `yesterday` a day;
 * `昨天 12:00` that day with the page's wall time and no offset, as any local time read from a page. Results
 * after `now` (`今天 23:00` read at 10:00) are dropped. Never throws.
 */
export function findRelativeDates(
  text: string,
  now: Date,
  offsetMinutes: number | null,
  opts: RelativeOptions = {},
): DateMatch[] {
  if (typeof text !== 'string' || !text || Number.isNaN(now.getTime())) return [];
  const source = toHalfWidth(text.slice(0, 200_000));
  const found: DateMatch[] = [];
  const push = (m: RegExpExecArray, parts: DateParts | null): void => {
    if (parts && !isAfterReference(parts, now, offsetMinutes))
      found.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
  };
  const scan = (re: RegExp, read: (m: RegExpExecArray) => DateParts | null): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(source)) !== null && guard++ < 2000) push(m, read(m));
  };
  for (const re of AGO_FORMS) {
    scan(re, (m) => {
      const amount = amountOf(m[1] ?? '');
      const unit = unitOf(m[2] ?? '');
      return amount === null || unit === null ? null : resolveAgo(amount, unit, now, offsetMinutes);
    });
  }
  scan(NAMED_DAY, (m) => {
    const days = daysBack(m[1] ?? '');
    if (days === null) return null;
    const day = dayBefore(now, offsetMinutes, days);
    const time = readTime(m[2], m[3], m[4]);
    if (!time && opts.bareNamedDays === false && !hasDateLabelBefore(source, m.index)) return null;
    return time ? { ...day, ...time } : day;
  });
  scan(JUST_NOW, () => toMinute(partsAtOffset(now.getTime(), offsetMinutes ?? 0)));
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  // Overlaps keep the longer match (`昨天 12:00` over `昨天`).
  const out: DateMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (!last || match.index >= last.index + last.length) out.push(match);
  }
  return out;
}

/** The first relative date in a short text (a dateline), or null. */
export function parseRelativeDate(text: string, now: Date, offsetMinutes: number | null): DateParts | null {
  return findRelativeDates(text, now, offsetMinutes)[0]?.parts ?? null;
}
