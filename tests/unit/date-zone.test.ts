import { describe, expect, it } from 'vitest';
import {
  dayAcrossOffsets,
  publisherOffsetRange,
  isFuture,
  partsInZone,
  publisherOffsetMinutes,
  publisherTimeZone,
  withOffset,
  zoneOffsetMinutes,
} from '../../utils/pure/date-zone';

const DAY = { year: 2022, month: 2, day: 17 };
const TIMED = { ...DAY, hour: 9, minute: 0, second: 40 };

const WINTER = new Date('2022-01-15T12:00:00Z');
const SUMMER = new Date('2022-07-15T12:00:00Z');

describe('publisherOffsetMinutes', () => {
  it.each([
    ['zh-CN', 'https://example.com/a', 480],
    ['zh-TW', 'https://example.com/a', 480],
    [null, 'https://news.example.cn/a', 480],
    [null, 'https://example.com.hk/a', 480],
    [null, 'https://example.tw/a', 480],
    [null, 'https://example.mo/a', 480],
    ['ja', 'https://example.com/a', 540],
    [null, 'https://www3.nhk.or.jp/news', 540],
    ['ko-KR', 'https://example.com/a', 540],
    [null, 'https://example.kr/a', 540],
    ['de-DE', 'https://example.de/', 60],
    ['de', 'https://example.com/', 60],
    ['it', 'https://example.com/', 60],
    ['en', 'https://example.co.uk/', 0],
    ['en-GB', 'https://example.com/', 0],
    ['fr-FR', 'https://example.com/', 60],
    ['en', 'https://example.de/', 60],
  ])('%s %s', (lang, url, expected) => {
    expect(publisherOffsetMinutes(lang, url, WINTER)).toBe(expected);
  });

  it('follows the zone into summer time', () => {
    expect(publisherOffsetMinutes('de', 'https://example.com/', SUMMER)).toBe(120);
    expect(publisherOffsetMinutes('en-GB', 'https://example.com/', SUMMER)).toBe(60);
    expect(publisherOffsetMinutes('zh-CN', 'https://example.com/', SUMMER)).toBe(480);
  });

  it('is null when the language or country spans several zones', () => {
    expect(publisherOffsetMinutes('en', 'https://example.com/', WINTER)).toBeNull();
    expect(publisherOffsetMinutes('en-US', 'https://example.com/', WINTER)).toBeNull();
    expect(publisherOffsetMinutes('fr', 'https://example.ca/', WINTER)).toBeNull();
    expect(publisherOffsetMinutes('es', 'https://example.com/', WINTER)).toBeNull();
    expect(publisherOffsetMinutes('pt-BR', 'https://example.com/', WINTER)).toBeNull();
    expect(publisherOffsetMinutes(null, 'not a url', WINTER)).toBeNull();
  });

  it('names the zone: the tag region, then the host country, then the language', () => {
    expect(publisherTimeZone('de-AT', 'https://example.de/')).toBe('Europe/Vienna');
    expect(publisherTimeZone('de', 'https://example.ch/')).toBe('Europe/Zurich');
    expect(publisherTimeZone('de', 'https://example.com/')).toBe('Europe/Berlin');
    expect(publisherTimeZone(null, 'https://example.io/')).toBeNull();
  });
});

describe('zoneOffsetMinutes', () => {
  it('follows daylight saving time', () => {
    expect(
      zoneOffsetMinutes('America/New_York', { year: 2022, month: 1, day: 15, hour: 12, minute: 0 }),
    ).toBe(-300);
    expect(
      zoneOffsetMinutes('America/New_York', { year: 2022, month: 7, day: 15, hour: 12, minute: 0 }),
    ).toBe(-240);
    expect(zoneOffsetMinutes('Europe/Berlin', { year: 2022, month: 7, day: 15 })).toBe(120);
    expect(zoneOffsetMinutes('Asia/Shanghai', TIMED)).toBe(480);
    expect(zoneOffsetMinutes('Asia/Kolkata', TIMED)).toBe(330);
  });

  it('settles on the right side of a DST change', () => {
    // 2022-03-13 03:30 in New York is after the spring-forward at 02:00.
    expect(
      zoneOffsetMinutes('America/New_York', { year: 2022, month: 3, day: 13, hour: 3, minute: 30 }),
    ).toBe(-240);
    expect(
      zoneOffsetMinutes('America/New_York', { year: 2022, month: 3, day: 13, hour: 1, minute: 30 }),
    ).toBe(-300);
  });

  it("falls back to the runtime's zone for '' or an unknown zone", () => {
    const parts = { year: 2022, month: 7, day: 15, hour: 12, minute: 0 };
    const own = 0 - new Date(2022, 6, 15, 12, 0).getTimezoneOffset() + 0; // +0, never -0
    expect(zoneOffsetMinutes('', parts)).toBe(own);
    expect(zoneOffsetMinutes('Not/AZone', parts)).toBe(own);
  });
});

describe('withOffset', () => {
  it('sets the offset of a local time', () => {
    expect(withOffset(TIMED, 60)).toEqual({ ...TIMED, offsetMinutes: 60 });
  });
  it('keeps a day-only date day-only', () => {
    expect(withOffset(DAY, 60)).toEqual(DAY);
  });
});

describe('isFuture', () => {
  const now = new Date('2022-02-17T10:00:00Z');
  it('compares zoned times exactly', () => {
    expect(isFuture({ ...DAY, hour: 10, minute: 30, offsetMinutes: 0 }, now)).toBe(true);
    expect(isFuture({ ...DAY, hour: 17, minute: 30, offsetMinutes: 480 }, now)).toBe(false);
  });
  it('gives day-only dates the width of the Earth', () => {
    // Already the 18th in Kiribati (UTC+14) at 10:00 UTC.
    expect(isFuture({ year: 2022, month: 2, day: 18 }, now)).toBe(false);
    expect(isFuture({ year: 2022, month: 2, day: 19 }, now)).toBe(true);
    expect(isFuture(DAY, now)).toBe(false);
  });
  it('gives unzoned times the same grace', () => {
    expect(isFuture({ year: 2022, month: 2, day: 18, hour: 0, minute: 0 }, now)).toBe(false);
    expect(isFuture({ year: 2022, month: 2, day: 18, hour: 23, minute: 0 }, now)).toBe(true);
  });
});

describe('partsInZone', () => {
  it('gives the wall clock and offset of an instant in a zone, DST aware', () => {
    const instant = Date.UTC(2024, 6, 1, 12, 0, 0);
    expect(partsInZone(instant, 'America/New_York')).toEqual({
      year: 2024,
      month: 7,
      day: 1,
      hour: 8,
      minute: 0,
      second: 0,
      offsetMinutes: -240,
    });
    expect(partsInZone(Date.UTC(2024, 0, 1, 12), 'America/New_York').offsetMinutes).toBe(-300);
    expect(partsInZone(instant, 'Asia/Shanghai').hour).toBe(20);
  });

  it('falls back to the runtime zone for an unknown zone instead of throwing', () => {
    expect(partsInZone(0, 'Not/AZone')).toEqual(partsInZone(0, ''));
  });
});

describe('publisherOffsetRange and dayAcrossOffsets', () => {
  it('knows the span of a country of several zones from the host, never from the language tag', () => {
    expect(publisherOffsetRange('http://ici.radio-canada.ca/nouvelle/1728875/')).toEqual([-480, -150]);
    expect(publisherOffsetRange('https://www.couriermail.com.au/news/')).toEqual([480, 660]);
    // One zone, or no country: no range (publisherTimeZone covers the first).
    expect(publisherOffsetRange('https://www.example.de/')).toBeNull();
    expect(publisherOffsetRange('https://example.com/')).toBeNull();
  });

  it('moves a UTC instant to the day every zone of the country shares, and only then', () => {
    const us = [-600, -240] as const;
    // 02:54Z is the evening before from Hawaii to New York.
    const early = { year: 2020, month: 5, day: 2, hour: 2, minute: 54, second: 29, offsetMinutes: 0 };
    expect(dayAcrossOffsets(early, us)).toEqual({ year: 2020, month: 5, day: 1 });
    // 15:00Z is the same day everywhere in the US.
    expect(dayAcrossOffsets({ ...early, hour: 15 }, us)).toEqual({ year: 2020, month: 5, day: 2 });
    // 06:00Z is the 1st in Honolulu and the 2nd in New York: unknown.
    expect(dayAcrossOffsets({ ...early, hour: 6 }, us)).toBeNull();
    // Across a month and a year end, and east of UTC.
    const newYear = { year: 2020, month: 12, day: 31, hour: 22, minute: 30, offsetMinutes: 0 };
    expect(dayAcrossOffsets(newYear, [480, 660])).toEqual({ year: 2021, month: 1, day: 1 });
    // Not a UTC instant, or no time: nothing to move.
    expect(dayAcrossOffsets({ ...early, offsetMinutes: -240 }, us)).toBeNull();
    expect(dayAcrossOffsets({ year: 2020, month: 5, day: 2 }, us)).toBeNull();
  });
});
