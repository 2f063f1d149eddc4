import { describe, expect, it } from 'vitest';
import { findShortYearDates, findYearSpaceDates } from '../../utils/pure/date-forms';

const NOW = new Date('2026-10-08T04:00:00Z');
const CN = 480;

describe('findShortYearDates: a two-digit year only after a date label', () => {
  it.each([
    ['发布时间：18-03-08 23:16', { year: 2018, month: 3, day: 8, hour: 23, minute: 16 }],
    ['Published: 18-03-08', { year: 2018, month: 3, day: 8 }],
    ['日期:09-7-1', { year: 2009, month: 7, day: 1 }],
    ['更新于 24-02-29 08:00:05', { year: 2024, month: 2, day: 29, hour: 8, minute: 0, second: 5 }],
  ])('%s', (text, expected) => {
    expect(findShortYearDates(text, NOW, CN)[0]?.parts).toEqual(expected);
  });

  it('ignores the form without a label', () => {
    expect(findShortYearDates('型号 18-03-08 规格', NOW, CN)).toEqual([]);
    expect(findShortYearDates('18-03-08 23:16', NOW, CN)).toEqual([]);
  });

  it('never reads a year after the click (no 1900s fallback either)', () => {
    expect(findShortYearDates('发布时间：27-01-01', NOW, CN)).toEqual([]);
  });

  it('leaves slash and dot forms alone: their order differs by country', () => {
    expect(findShortYearDates('Published: 08/03/18', NOW, CN)).toEqual([]);
    expect(findShortYearDates('Datum: 08.03.18', NOW, CN)).toEqual([]);
  });

  it('is not fooled by a full date', () => {
    expect(findShortYearDates('发布时间：2018-03-08', NOW, CN)).toEqual([]);
  });

  it('refuses impossible days', () => {
    expect(findShortYearDates('发布时间：18-02-30', NOW, CN)).toEqual([]);
  });
});

describe('findYearSpaceDates: YYYY MM/DD HH:MM', () => {
  it('reads the year, then month before day', () => {
    const [m] = findYearSpaceDates('发布者：小编 2019 09/07 19:02', NOW, CN);
    expect(m?.parts).toEqual({ year: 2019, month: 9, day: 7, hour: 19, minute: 2 });
    expect(m?.text).toBe('2019 09/07 19:02');
  });

  it('reads the day alone and refuses impossible or future dates', () => {
    expect(findYearSpaceDates('2019 9/7', NOW, CN)[0]?.parts).toEqual({ year: 2019, month: 9, day: 7 });
    expect(findYearSpaceDates('2019 13/07', NOW, CN)).toEqual([]);
    expect(findYearSpaceDates('2027 01/01', NOW, CN)).toEqual([]);
  });

  it('does not read a count followed by a fraction as a date', () => {
    expect(findYearSpaceDates('共1200 3/4', NOW, CN)).toEqual([]);
  });
});
