import { describe, expect, it } from 'vitest';
import { findShortYearDates } from '../../utils/pure/date-forms';
import { placeYearless } from '../../utils/pure/date-yearless';
import { parseJekyllDate } from '../../utils/pure/jekyll-date';
import { findDatesWith, isRealDay, NUMERIC_PATTERNS, parseNumericDate } from '../../utils/pure/date-text';

describe('parseNumericDate', () => {
  it.each([
    [
      '2022-02-17T09:00:40+08:00',
      { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
    ],
    [
      '2022-02-17 09:00:40 +0800',
      { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
    ],
    // A CMS that drops the zero pad of the seconds (an Italian portal's `datePublished`): the zone still counts.
    [
      '2020-12-05T23:15:0Z',
      { year: 2020, month: 12, day: 5, hour: 23, minute: 15, second: 0, offsetMinutes: 0 },
    ],
    ['2022年2月17日 09:00', { year: 2022, month: 2, day: 17, hour: 9, minute: 0 }],
    // A half-day word before the clock, as portals and Japanese and Korean papers print it.
    ['2022年2月17日 下午3:05', { year: 2022, month: 2, day: 17, hour: 15, minute: 5 }],
    ['2022年2月17日 上午11:40', { year: 2022, month: 2, day: 17, hour: 11, minute: 40 }],
    ['2022年2月17日 上午12:10', { year: 2022, month: 2, day: 17, hour: 0, minute: 10 }],
    ['2022年2月17日 中午12:30', { year: 2022, month: 2, day: 17, hour: 12, minute: 30 }],
    ['2022年2月17日（周四）晚上8:15', { year: 2022, month: 2, day: 17, hour: 20, minute: 15 }],
    ['2024年3月5日 午後3時05分', { year: 2024, month: 3, day: 5, hour: 15, minute: 5 }],
    ['2024년 3월 5일 오후 3:05', { year: 2024, month: 3, day: 5, hour: 15, minute: 5 }],
    // A 24-hour clock after the word stays as written.
    ['2022年2月17日 下午15:30', { year: 2022, month: 2, day: 17, hour: 15, minute: 30 }],
    ['2022年2月17日 凌晨0:30', { year: 2022, month: 2, day: 17, hour: 0, minute: 30 }],
    ['17.02.2022', { year: 2022, month: 2, day: 17 }],
    ['20220217', { year: 2022, month: 2, day: 17 }],
  ])('reads %s', (raw, parts) => {
    expect(parseNumericDate(raw)).toEqual(parts);
  });

  it('takes no zone beyond ±14:00 (the fuzzer found -1410 read as -14:10)', () => {
    expect(parseNumericDate('2018-03-08 23:16-1410')).toEqual({
      year: 2018,
      month: 3,
      day: 8,
      hour: 23,
      minute: 16,
    });
    expect(parseNumericDate('2018-03-08 23:16+1400')?.offsetMinutes).toBe(840);
  });

  it('reads a one-digit second only before a zone', () => {
    expect(parseNumericDate('2022-02-17 09:00:4 and more')).toEqual({
      year: 2022,
      month: 2,
      day: 17,
      hour: 9,
      minute: 0,
    });
  });

  it('knows no month names: they belong to the clip script only', () => {
    expect(parseNumericDate('17 February 2022')).toBeNull();
    expect(parseNumericDate('Feb 17, 2022')).toBeNull();
  });

  it('refuses impossible days and non-strings', () => {
    expect(parseNumericDate('2022-02-30')).toBeNull();
    expect(parseNumericDate(42 as unknown as string)).toBeNull();
  });
});

describe('findDatesWith', () => {
  it('finds every numeric date in order and trusts bare compact dates only when asked', () => {
    const found = findDatesWith(NUMERIC_PATTERNS, 'from 2022-02-17 to 18.02.2022, id 20220219');
    expect(found.map((m) => m.text)).toEqual(['2022-02-17', '18.02.2022']);
    const compact = findDatesWith(NUMERIC_PATTERNS, 'id 20220219', { allowCompact: true });
    expect(compact.map((m) => m.parts.day)).toEqual([19]);
  });
});

describe('isRealDay', () => {
  it.each([
    [2024, 2, 29, true], // a leap year
    [2023, 2, 29, false],
    [1900, 2, 29, false], // a century that is no leap year
    [2000, 2, 29, true],
    [2022, 4, 30, true],
    [2022, 4, 31, false],
    [2022, 12, 31, true],
    [2022, 13, 1, false],
    [2022, 0, 10, false],
    [2022, 1, 0, false],
    [2022, 1.5, 10, false],
    [2022, 1, 10.5, false],
  ])('%i-%s-%s is %s', (year, month, day, real) => {
    expect(isRealDay(year, month, day)).toBe(real);
  });

  it('is the check every reader shares: Jekyll dates, labelled two-digit years and year-less dates refuse 31 April', () => {
    const now = new Date('2022-06-01T00:00:00Z');
    expect(parseJekyllDate('2022-04-31')).toBeNull();
    expect(parseJekyllDate('2022-04-30')).toEqual({ year: 2022, month: 4, day: 30 });
    expect(parseNumericDate('31.04.2022')).toBeNull();
    expect(findShortYearDates('发布时间：22-04-31 10:00', now, 480)).toEqual([]);
    expect(findShortYearDates('发布时间：22-04-30 10:00', now, 480).map((d) => d.parts.day)).toEqual([30]);
    expect(placeYearless({ month: 4, day: 31 }, now, 0)).toBeNull();
    expect(placeYearless({ month: 4, day: 30 }, now, 0)).toEqual({ year: 2022, month: 4, day: 30 });
  });
});
