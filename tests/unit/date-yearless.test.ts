import { describe, expect, it } from 'vitest';
import { findYearlessDates, parseYearlessDate, placeYearless } from '../../utils/pure/date-yearless';

// The click: 12:00 on 8 October 2026 in Beijing (+08:00).
const NOW = new Date('2026-10-08T04:00:00Z');
const CN = 480;

describe('parseYearlessDate', () => {
  it.each([
    ['发布时间：10-08 12:00', { year: 2026, month: 10, day: 8, hour: 12, minute: 0 }],
    ['09月07日', { year: 2026, month: 9, day: 7 }],
    ['10月8日 12:00', { year: 2026, month: 10, day: 8, hour: 12, minute: 0 }],
    ['10月8日12时05分', { year: 2026, month: 10, day: 8 }], // 12:05 is 5 minutes ahead: within clock skew
    ['Oct 8, 12:00', { year: 2026, month: 10, day: 8, hour: 12, minute: 0 }],
    ['Posted Sept. 7 at 9:30 pm', { year: 2026, month: 9, day: 7, hour: 21, minute: 30 }],
    ['来源：新华网 ０９-０７ １９:０２', { year: 2026, month: 9, day: 7, hour: 19, minute: 2 }],
  ])('%s', (text, expected) => {
    expect(parseYearlessDate(text, NOW, CN)).toMatchObject(expected);
  });

  it('puts a date later in the year than the click in the year before', () => {
    expect(parseYearlessDate('12月31日', NOW, CN)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(parseYearlessDate('Oct 9', NOW, CN)).toEqual({ year: 2025, month: 10, day: 9 });
    // Today, an hour after the click: last year's.
    expect(parseYearlessDate('发布时间：10-08 13:00', NOW, CN)).toEqual({
      year: 2025,
      month: 10,
      day: 8,
      hour: 13,
      minute: 0,
    });
  });

  it('looks back to the last leap year for 29 February', () => {
    expect(parseYearlessDate('2月29日', NOW, CN)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('places the year in the publisher zone, not in UTC', () => {
    // 02:00 UTC on 1 January 2026: already 10:00 on New Year's Day in Beijing, still 31 December in New York.
    const newYear = new Date('2026-01-01T02:00:00Z');
    expect(parseYearlessDate('01月01日', newYear, CN)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(parseYearlessDate('01月01日', newYear, -300)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(parseYearlessDate('12-31 23:00', newYear, -300)).toMatchObject({ year: 2024 });
    expect(parseYearlessDate('12-31 20:00', newYear, -300)).toMatchObject({ year: 2025 });
  });

  it('reads a bare numeric month-day only after a date label, with a time, or when the caller vouches', () => {
    expect(parseYearlessDate('10-08', NOW, CN)).toBeNull();
    expect(parseYearlessDate('比分 3-1，主队获胜', NOW, CN)).toBeNull();
    expect(parseYearlessDate('日期：10-08', NOW, CN)).toEqual({ year: 2026, month: 10, day: 8 });
    expect(parseYearlessDate('10-08', NOW, CN, { isDateText: true })).toEqual({
      year: 2026,
      month: 10,
      day: 8,
    });
  });

  it('leaves dates that carry a year to the general parser', () => {
    expect(parseYearlessDate('2019年09月07日', NOW, CN)).toBeNull();
    expect(parseYearlessDate('2026-10-08 12:00', NOW, CN)).toBeNull();
    expect(parseYearlessDate('Oct 8, 2019', NOW, CN)).toBeNull();
    expect(parseYearlessDate('发布时间：18-03-08 23:16', NOW, CN)).toBeNull();
  });

  it('does not take the verb "may" for the month', () => {
    expect(parseYearlessDate('prices may 5 times', NOW, null)).toBeNull();
    expect(parseYearlessDate('May 5', NOW, null)).toEqual({ year: 2026, month: 5, day: 5 });
  });

  it('refuses days that do not exist', () => {
    expect(parseYearlessDate('13月01日', NOW, CN)).toBeNull();
    expect(parseYearlessDate('04月31日', NOW, CN)).toBeNull();
  });
});

describe('findYearlessDates', () => {
  it('reports positions for the caller to score', () => {
    const text = '责任编辑：王敏　发布时间：09-07 19:02　浏览：120';
    const [match] = findYearlessDates(text, NOW, CN);
    expect(match?.text).toBe('09-07 19:02');
    expect(match?.index).toBe(text.indexOf('09-07'));
  });

  it('returns nothing for an invalid reference time', () => {
    expect(findYearlessDates('09月07日', new Date(Number.NaN), CN)).toEqual([]);
  });
});

describe('placeYearless', () => {
  it('is the latest such date not after the click', () => {
    expect(placeYearless({ month: 10, day: 8, hour: 11, minute: 59 }, NOW, CN)?.year).toBe(2026);
    expect(placeYearless({ month: 10, day: 9 }, NOW, CN)?.year).toBe(2025);
    expect(placeYearless({ month: 2, day: 30 }, NOW, CN)).toBeNull();
  });
});
