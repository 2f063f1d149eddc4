// Pure: reads the many ways pages write dates: the numeric forms of `date-text.ts` plus month names in sixteen
// languages. Only the clip script imports this module, so the month table stays out of the background and popup.
import type { DateMatch, DatePattern, FindDatesOptions } from './date-text';
import {
  NOT_DIGIT_AFTER,
  NOT_DIGIT_BEFORE,
  NUMERIC_PATTERNS,
  TIME,
  findDatesWith,
  makeParts,
  parseDateWith,
} from './date-text';
import { monthNumbers } from './month-names';
import type { DateParts } from './types';

export type { DateMatch, FindDatesOptions } from './date-text';

const MONTH_NAMES = monthNumbers();

// Longest names first so `september` wins over `sep`.
const MONTH_ALT = [...MONTH_NAMES.keys()].sort((a, b) => b.length - a.length).join('|');

const MONTH_PATTERNS: DatePattern[] = [
  // 17 February 2022, 17. Februar 2022, 17 de febrero de 2022, 17th Feb 2022, 17 февраля 2022 г., and the month
  // under both its names as Levantine pages print it (`24 نيسان / أبريل 2020`: Syriac name / Egyptian name).
  {
    re: new RegExp(
      NOT_DIGIT_BEFORE +
        String.raw`(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|of\s+)?(` +
        MONTH_ALT +
        String.raw`)(?![\p{L}])\.?(?:\s*/\s*(` +
        MONTH_ALT +
        String.raw`)(?![\p{L}])\.?)?,?\s*(?:de\s+|del\s+)?(\d{4})` +
        NOT_DIGIT_AFTER +
        String.raw`(?:\s*(?:г\.|р\.))?` +
        `(?:${TIME})?`,
      'gu',
    ),
    build: (m) => {
      const month = MONTH_NAMES.get((m[2] ?? '').toLowerCase());
      // Two names must be one month's: `May / June 2020` is a span, not a day.
      if (m[3] !== undefined && MONTH_NAMES.get(m[3].toLowerCase()) !== month) return null;
      return month ? makeParts(Number(m[4]), month, Number(m[1]), m, 5) : null;
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
      'gu',
    ),
    build: (m) => {
      const month = MONTH_NAMES.get((m[1] ?? '').toLowerCase());
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
      'gu',
    ),
    build: (m) => {
      const month = MONTH_NAMES.get((m[2] ?? '').toLowerCase());
      return month ? makeParts(Number(m[1]), month, Number(m[3]), m, 99) : null;
    },
  },
];

const PATTERNS: readonly DatePattern[] = [...NUMERIC_PATTERNS, ...MONTH_PATTERNS];

/** Every date in a text, in order of position; overlapping matches keep the longest. Never throws. */
export function findDatesInText(text: string, opts: FindDatesOptions = {}): DateMatch[] {
  return findDatesWith(PATTERNS, text, opts);
}

/** The first date in a string, with as much time and zone as it gives. Null when there is none. Never throws. */
export function parseDateString(raw: string): DateParts | null {
  return parseDateWith(PATTERNS, raw);
}
