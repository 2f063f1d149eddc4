// Pure: all-numeric dates whose order only the page's language or country settles (`05/10/2018` is 5 October in
// Brazil, May 10 in the US), and the day-first `28.09.19` with a two-digit year. The general parser reads neither.
// No DOM.
import type { DateMatch } from './date-text';
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, TIME, makeParts } from './date-text';
import { isAfterReference, referenceParts } from './date-reference';
import { hostOf } from './url';

/**
 * Languages whose pages write a numeric date month first (English, by US custom) or year first (`2018/10/05`: Chinese,
 * Japanese, Korean, Hungarian, Lithuanian, Mongolian, Persian): a day-month reading is not theirs to assume.
 */
const NOT_DAY_FIRST_LANGUAGES = new Set(['en', 'zh', 'ja', 'ko', 'hu', 'lt', 'mn', 'fa']);
/** Countries where even English pages write the day first. */
const DAY_FIRST_ENGLISH_REGIONS = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'in', 'za', 'sg', 'my', 'ng', 'ke']);
/** Country-code hosts where numeric dates are not day first: the US, year-first countries, mixed ones. */
const NOT_DAY_FIRST_HOSTS = new Set(['us', 'cn', 'tw', 'hk', 'jp', 'kr', 'hu', 'lt', 'mn', 'ir', 'ca', 'ph']);

/**
 * Whether the page writes numeric dates day first: by its language tag (`pt-BR`, `de`, `en-GB`), else, for an
 * English or untagged page, by its host's country code (`.co.uk`, `.de`). Generic hosts (`.com`) say nothing.
 */
export function writesDayFirst(lang: string | null, url: string): boolean {
  const [language = '', region = ''] = (lang ?? '').trim().toLowerCase().split(/[-_]/);
  if (language === 'en' && DAY_FIRST_ENGLISH_REGIONS.has(region)) return true;
  // `en-US` is not trusted over the host: it is the CMS default (WordPress) on many non-US sites.
  if (language && !NOT_DAY_FIRST_LANGUAGES.has(language)) return /^[a-z]{2,3}$/.test(language);
  if (language && language !== 'en') return false;
  const country = /\.([a-z]{2})$/.exec(hostOf(url))?.[1];
  return country !== undefined && !NOT_DAY_FIRST_HOSTS.has(country);
}

const AMBIGUOUS = new RegExp(
  NOT_DIGIT_BEFORE + String.raw`(\d{1,2})([/-])(\d{1,2})\2(\d{4})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
  'giu',
);

/**
 * `05/10/2018` (`05-10-2018 14:30`) where both numbers could be the month, read day first: only for a page that
 * writes dates so (`writesDayFirst`). The unambiguous ones (`17/02/2022`) are the general parser's. Never throws.
 */
export function findDayFirstDates(text: string): DateMatch[] {
  if (typeof text !== 'string' || !text) return [];
  const source = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const out: DateMatch[] = [];
  AMBIGUOUS.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = AMBIGUOUS.exec(source)) !== null && guard++ < 2000) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (day > 12 || month > 12 || day === month) continue;
    const parts = makeParts(Number(m[4]), month, day, m, 5);
    if (parts) out.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
  }
  return out;
}

const SHORT_YEAR_DOTS = new RegExp(
  // One or two digits for day and month: bylines print `8.5.12` too. A version number (`1.2.24`) can match, which is
  // why this is read only as a last resort, on the short lines of a day-first page.
  String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])` + `(?:${TIME})?`,
  'giu',
);

/**
 * `28.09.19` (`28.09.19 12:44`): day, month and a two-digit year, as German-speaking forums and news sites print
 * them. Read for a day-first page only, in the reference time's century and never after it (a `98` read in 2026 is
 * refused, not made 1998). Never throws.
 */
export function findDayFirstShortYearDates(
  text: string,
  now: Date,
  offsetMinutes: number | null,
): DateMatch[] {
  if (typeof text !== 'string' || !text || Number.isNaN(now.getTime())) return [];
  const source = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const century = Math.floor(referenceParts(now, offsetMinutes).year / 100) * 100;
  const out: DateMatch[] = [];
  SHORT_YEAR_DOTS.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = SHORT_YEAR_DOTS.exec(source)) !== null && guard++ < 2000) {
    const parts = makeParts(century + Number(m[3]), Number(m[2]), Number(m[1]), m, 4);
    if (parts && !isAfterReference(parts, now, offsetMinutes))
      out.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
  }
  return out;
}
