import { describe, expect, it } from 'vitest';
import { findRelativeDates, parseRelativeDate } from '../../utils/pure/date-relative';

// The click: 12:00 on 8 October 2026 in Beijing (+08:00), 06:00 in Berlin (+02:00).
const NOW = new Date('2026-10-08T04:00:00Z');
const CN = 480;
const DE = 120;

describe('parseRelativeDate: instants keep hour and minute, in the publisher zone', () => {
  it.each([
    ['3小时前', CN, { year: 2026, month: 10, day: 8, hour: 9, minute: 0, offsetMinutes: CN }],
    ['5分钟前', CN, { year: 2026, month: 10, day: 8, hour: 11, minute: 55, offsetMinutes: CN }],
    ['半小时前', CN, { year: 2026, month: 10, day: 8, hour: 11, minute: 30, offsetMinutes: CN }],
    ['刚刚', CN, { year: 2026, month: 10, day: 8, hour: 12, minute: 0, offsetMinutes: CN }],
    ['2 hours ago', CN, { year: 2026, month: 10, day: 8, hour: 10, minute: 0, offsetMinutes: CN }],
    ['an hour ago', CN, { year: 2026, month: 10, day: 8, hour: 11, minute: 0, offsetMinutes: CN }],
    ['5 minutes ago', CN, { year: 2026, month: 10, day: 8, hour: 11, minute: 55, offsetMinutes: CN }],
    ['vor 3 Stunden', DE, { year: 2026, month: 10, day: 8, hour: 3, minute: 0, offsetMinutes: DE }],
    ['vor einer Stunde', DE, { year: 2026, month: 10, day: 8, hour: 5, minute: 0, offsetMinutes: DE }],
    ['il y a 2 heures', DE, { year: 2026, month: 10, day: 8, hour: 4, minute: 0, offsetMinutes: DE }],
  ])('%s', (text, offset, expected) => {
    expect(parseRelativeDate(text, NOW, offset)).toEqual(expected);
  });

  it('gives the same instant in UTC when the zone is unknown', () => {
    expect(parseRelativeDate('3 hours ago', NOW, null)).toEqual({
      year: 2026,
      month: 10,
      day: 8,
      hour: 1,
      minute: 0,
      offsetMinutes: 0,
    });
  });
});

describe('parseRelativeDate: days keep only the day, or the wall time the page gives', () => {
  it.each([
    ['2天前', CN, { year: 2026, month: 10, day: 6 }],
    ['昨天', CN, { year: 2026, month: 10, day: 7 }],
    ['昨天 12:00', CN, { year: 2026, month: 10, day: 7, hour: 12, minute: 0 }],
    ['前天 08:30', CN, { year: 2026, month: 10, day: 6, hour: 8, minute: 30 }],
    ['今天 09:00', CN, { year: 2026, month: 10, day: 8, hour: 9, minute: 0 }],
    ['yesterday', CN, { year: 2026, month: 10, day: 7 }],
    ['Yesterday 12:00', CN, { year: 2026, month: 10, day: 7, hour: 12, minute: 0 }],
    ['yesterday at 9:15 pm', CN, { year: 2026, month: 10, day: 7, hour: 21, minute: 15 }],
    ['gestern', DE, { year: 2026, month: 10, day: 7 }],
    ['gestern, 18:30', DE, { year: 2026, month: 10, day: 7, hour: 18, minute: 30 }],
    ['1 week ago', CN, { year: 2026, month: 10, day: 1 }],
    ['3 days ago', CN, { year: 2026, month: 10, day: 5 }],
  ])('%s', (text, offset, expected) => {
    expect(parseRelativeDate(text, NOW, offset)).toEqual(expected);
  });

  it('counts days in the publisher zone: just after midnight in Beijing, yesterday is not the UTC yesterday', () => {
    const earlyMorning = new Date('2026-10-07T17:00:00Z'); // 01:00 on the 8th in Beijing, the 7th in UTC
    expect(parseRelativeDate('昨天', earlyMorning, CN)).toEqual({ year: 2026, month: 10, day: 7 });
    expect(parseRelativeDate('昨天', earlyMorning, null)).toEqual({ year: 2026, month: 10, day: 6 });
  });

  it('drops a time today that is still to come', () => {
    expect(parseRelativeDate('今天 23:00', NOW, CN)).toBeNull();
  });
});

describe('what is not a relative date', () => {
  it.each([
    '10月3日前', // before 3 October
    '3 months ago', // names no day
    'the hierarchy of needs',
    'todays paper',
    'Here we go again', // German `hier`, French "yesterday", is not read
  ])('%s', (text) => {
    expect(parseRelativeDate(text, NOW, CN)).toBeNull();
  });
});

describe('findRelativeDates', () => {
  it('finds each with its position, the longer reading winning an overlap', () => {
    const text = '评论 · 昨天 12:00 · 阅读 200 · 最后回复 5分钟前';
    const found = findRelativeDates(text, NOW, CN);
    expect(found.map((m) => m.text)).toEqual(['昨天 12:00', '5分钟前']);
    expect(found[0]?.index).toBe(text.indexOf('昨天'));
  });

  it('returns nothing for an invalid reference time or a non-string', () => {
    expect(findRelativeDates('3小时前', new Date(Number.NaN), CN)).toEqual([]);
    expect(findRelativeDates(undefined as unknown as string, NOW, CN)).toEqual([]);
  });
});

describe('bare named days outside a marked dateline', () => {
  it('reads `heute` with no time only where the caller vouches for the text, or after a date label', () => {
    const strict = { bareNamedDays: false };
    expect(findRelativeDates('Heute geöffnet 9–18 Uhr', NOW, DE, strict)).toEqual([]);
    expect(findRelativeDates('today', NOW, DE, strict)).toEqual([]);
    expect(findRelativeDates('发布时间：昨天', NOW, CN, strict).map((m) => m.parts)).toEqual([
      { year: 2026, month: 10, day: 7 },
    ]);
    expect(findRelativeDates('Gestern um 02:12', NOW, DE, strict)[0]?.parts).toMatchObject({
      day: 7,
      hour: 2,
    });
    expect(findRelativeDates('Heute geöffnet', NOW, DE)[0]?.parts).toEqual({ year: 2026, month: 10, day: 8 });
  });
});
