// Pure: parses the many ways pages write dates, infers publisher zones, and formats dates for posts. No DOM.
import type { DateParts } from './types';

/** A date found inside a longer text, with where it was. */
export interface DateMatch {
  index: number;
  length: number;
  text: string;
  parts: DateParts;
}

export interface FindDatesOptions {
  /** Also accept bare `20220217` (only safe in URLs and whole strings: ids look like that too). */
  allowCompact?: boolean;
}

// Month names by language, lower case. Abbreviations are matched with an optional trailing dot.
const MONTH_NAMES: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  // English
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['', '', '', '', '', '', '', '', 'sept', '', '', ''],
  // German (and Austrian Jänner)
  [
    'januar',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  ['jänner', 'feber', 'maerz', '', '', '', '', '', '', 'okt', '', 'dez'],
  ['jän', '', 'mär', '', '', '', '', '', '', '', '', ''],
  // French
  [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  ['janv', 'févr', '', 'avr', '', '', 'juil', 'aout', '', '', '', 'déc'],
  ['', 'fevrier', '', '', '', '', '', '', '', '', '', 'decembre'],
  ['', 'fév', '', '', '', '', '', '', '', '', '', ''],
  // Spanish
  [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  ['ene', '', '', 'abr', '', '', '', 'ago', 'setiembre', '', '', 'dic'],
  // Italian
  [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  ['gen', '', '', '', 'mag', 'giu', 'lug', '', 'set', 'ott', '', ''],
  // Portuguese
  [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  ['', 'fev', 'marco', '', '', '', '', '', '', 'out', '', 'dez'],
  // Dutch
  [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  ['', '', 'mrt', '', '', '', '', '', '', '', '', ''],
  // Scandinavian
  [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  // Polish (genitive)
  [
    'stycznia',
    'lutego',
    'marca',
    'kwietnia',
    'maja',
    'czerwca',
    'lipca',
    'sierpnia',
    'września',
    'października',
    'listopada',
    'grudnia',
  ],
  // Russian (genitive) and Ukrainian (genitive)
  [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ],
  // Turkish
  [
    'ocak',
    'şubat',
    'mart',
    'nisan',
    'mayıs',
    'haziran',
    'temmuz',
    'ağustos',
    'eylül',
    'ekim',
    'kasım',
    'aralık',
  ],
  // Indonesian / Malay
  [
    'januari',
    'februari',
    'maret',
    'april',
    'mei',
    'juni',
    'juli',
    'agustus',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  // Arabic (Egypt and Gulf, then Levant)
  [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  [
    'كانون الثاني',
    'شباط',
    'آذار',
    'نيسان',
    'أيار',
    'حزيران',
    'تموز',
    'آب',
    'أيلول',
    'تشرين الأول',
    'تشرين الثاني',
    'كانون الأول',
  ],
  ['', '', '', 'ابريل', '', 'يونية', 'يولية', 'اغسطس', '', 'اكتوبر', '', ''],
  // Finnish (partitive, as in "17. helmikuuta 2022")
  [
    'tammikuuta',
    'helmikuuta',
    'maaliskuuta',
    'huhtikuuta',
    'toukokuuta',
    'kesäkuuta',
    'heinäkuuta',
    'elokuuta',
    'syyskuuta',
    'lokakuuta',
    'marraskuuta',
    'joulukuuta',
  ],
  // Czech (genitive)
  [
    'ledna',
    'února',
    'března',
    'dubna',
    'května',
    'června',
    'července',
    'srpna',
    'září',
    'října',
    'listopadu',
    'prosince',
  ],
];
for (const list of MONTH_LISTS) {
  list.forEach((name, i) => {
    if (name && !(name in MONTH_NAMES)) MONTH_NAMES[name] = i + 1;
  });
}

// Longest names first so `september` wins over `sep`.
const MONTH_ALT = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ZONE_ABBREVIATIONS: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  ist: 330,
};

// A time of day after a date: `09:00`, `9:00:40.123`, `9.00 pm`, `09时00分`, then an optional zone.
const TIME =
  String.raw`(?:[T\s]|\s*,\s*|\s+(?:at|um|à|a las|alle|às|kl\.?|klo|o)\s+|\s*[|/–-]\s*)\s*` +
  String.raw`(\d{1,2})[:：时時h](\d{2})(?:[:：分m](\d{2})(?:[.,]\d{1,9})?)?(?:秒)?` +
  String.raw`\s*(am|pm|a\.m\.|p\.m\.)?` +
  String.raw`\s*(?:uhr\s*)?(\(?(?:z|utc|gmt)?\s*[+\-−]\d{1,2}(?::?\d{2})?\)?|z\b|(?:utc|gmt|est|edt|cdt|mst|mdt|pst|pdt|cet|cest|mez|mesz|eet|eest|jst|kst|hkt|ist)\b)?`;

interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray) => DateParts | null;
}

function toNumber(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

/** Reads the zone group of TIME into minutes east of UTC. */
function parseZone(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const z = zone
    .toLowerCase()
    .replace(/[()\s]/g, '')
    .replace('−', '-');
  if (z in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[z];
  const m = /^(?:z|utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (!Number.isInteger(day) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds parts from captured strings; the time groups start at `t` in the match. */
function makeParts(
  year: number,
  month: number,
  day: number,
  m: RegExpExecArray,
  t: number,
): DateParts | null {
  if (!isRealDay(year, month, day)) return null;
  const parts: DateParts = { year, month, day };
  let hour = toNumber(m[t]);
  const minute = toNumber(m[t + 1]);
  const second = toNumber(m[t + 2]);
  const meridiem = m[t + 3]?.toLowerCase().replace(/\./g, '');
  if (hour === undefined || minute === undefined) return parts;
  if (meridiem) {
    if (hour < 1 || hour > 12) return parts;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return parts;
  parts.hour = hour;
  parts.minute = minute;
  if (second !== undefined) parts.second = second;
  const offset = parseZone(m[t + 4]);
  if (offset !== undefined) parts.offsetMinutes = offset;
  return parts;
}

const NOT_DIGIT_BEFORE = String.raw`(?<![\d])`;
const NOT_DIGIT_AFTER = String.raw`(?![\d])`;

const PATTERNS: Pattern[] = [
  // 2022-02-17, 2022/2/17, 2022.02.17, ISO with time and zone.
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'giu',
    ),
    build: (m) => makeParts(Number(m[1]), Number(m[3]), Number(m[4]), m, 5),
  },
  // 2022年02月17日 09:00, 2022년 2월 17일
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE +
        String.raw`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?:\s*[日号일]|(?!\s*[-－~～至到]|\d))` +
        String.raw`(?:\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:上午|下午|晚上)?\s*(\d{1,2})[:：时時](\d{1,2})(?:[:：分](\d{1,2}))?()()` +
        ')?',
      'gu',
    ),
    build: (m) => makeParts(Number(m[1]), Number(m[2]), Number(m[3]), m, 4),
  },
  // 17.02.2022 (day first), 17. 2. 2022
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'giu',
    ),
    build: (m) => makeParts(Number(m[3]), Number(m[2]), Number(m[1]), m, 4),
  },
  // 02/17/2022 (US) or 17/02/2022 (day first): only when the order is unambiguous.
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE + String.raw`(\d{1,2})([/-])(\d{1,2})\2(\d{4})` + NOT_DIGIT_AFTER + `(?:${TIME})?`,
      'giu',
    ),
    build: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) return makeParts(Number(m[4]), b, a, m, 5);
      if (b > 12 && a <= 12) return makeParts(Number(m[4]), a, b, m, 5);
      if (a === b) return makeParts(Number(m[4]), a, b, m, 5);
      return null;
    },
  },
  // 17 February 2022, 17. Februar 2022, 17 de febrero de 2022, 17th Feb 2022, 17 февраля 2022 г.
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE +
        String.raw`(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|of\s+)?(` +
        MONTH_ALT +
        String.raw`)(?![\p{L}])\.?,?\s*(?:de\s+|del\s+)?(\d{4})` +
        NOT_DIGIT_AFTER +
        String.raw`(?:\s*(?:г\.|р\.))?` +
        `(?:${TIME})?`,
      'giu',
    ),
    build: (m) => {
      const month = MONTH_NAMES[(m[2] ?? '').toLowerCase()];
      return month ? makeParts(Number(m[3]), month, Number(m[1]), m, 4) : null;
    },
  },
  // Feb 17, 2022, February 17th 2022, Thu Feb 17 2022 09:00:40
  {
    re: new RegExp(
      String.raw`(?<![\p{L}])(` +
        MONTH_ALT +
        String.raw`)\.?\s+(\d{1,2})(?:st|nd|rd|th)?` +
        NOT_DIGIT_AFTER +
        String.raw`,?\s*(\d{4})` +
        NOT_DIGIT_AFTER +
        `(?:${TIME})?`,
      'giu',
    ),
    build: (m) => {
      const month = MONTH_NAMES[(m[1] ?? '').toLowerCase()];
      return month ? makeParts(Number(m[3]), month, Number(m[2]), m, 4) : null;
    },
  },
  // 2022 February 17 (rare, some Asian English sites) and 2022. február 17. (Hungarian)
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE +
        String.raw`(\d{4})\.?\s+(` +
        MONTH_ALT +
        String.raw`)(?![\p{L}])\.?\s+(\d{1,2})` +
        NOT_DIGIT_AFTER,
      'giu',
    ),
    build: (m) => {
      const month = MONTH_NAMES[(m[2] ?? '').toLowerCase()];
      return month ? makeParts(Number(m[1]), month, Number(m[3]), m, 99) : null;
    },
  },
];

const COMPACT: Pattern = {
  re: /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:(?:T|\s)?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?(?!\d)/g,
  build: (m) => makeParts(Number(m[1]), Number(m[2]), Number(m[3]), m, 4),
};

/** Full-width digits and punctuation (common on Chinese and Japanese pages) to ASCII, same length. */
function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => {
    const ascii = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // Keep the full-width colon: the patterns accept it, and labels like `发布时间：` rely on it.
    return c === '：' ? c : ascii;
  });
}

/** Every date in a text, in order of position; overlapping matches keep the longest. Never throws. */
export function findDatesInText(text: string, opts: FindDatesOptions = {}): DateMatch[] {
  if (typeof text !== 'string' || !text) return [];
  const source = normalizeWidth(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const found: DateMatch[] = [];
  const patterns = opts.allowCompact ? [...PATTERNS, COMPACT] : PATTERNS;
  try {
    for (const pattern of patterns) {
      pattern.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = pattern.re.exec(source)) !== null && guard++ < 2000) {
        if (m[0].length === 0) {
          pattern.re.lastIndex++;
          continue;
        }
        const parts = pattern.build(m);
        if (parts) found.push({ index: m.index, length: m[0].length, text: m[0].trim(), parts });
      }
    }
  } catch {
    return [];
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (last && match.index < last.index + last.length) continue;
    out.push(match);
  }
  return out;
}

/** The first date in a string, with as much time and zone as it gives. Null when there is none. Never throws. */
export function parseDateString(raw: string): DateParts | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!text || text.length > 1000) return null;
  // A bare compact date or timestamp (`20220217`, `20220217090040`) is only trusted as the whole string.
  const isCompact = /^\d{8}(?:T?\d{4,6})?$/.test(text);
  const first = findDatesInText(text, { allowCompact: isCompact })[0];
  return first ? first.parts : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

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
