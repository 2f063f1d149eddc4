import { describe, expect, it } from 'vitest';
import { findDayFirstDates, findDayFirstShortYearDates, writesDayFirst } from '../../utils/pure/date-order';

describe('writesDayFirst', () => {
  it('reads the language tag first', () => {
    expect(writesDayFirst('pt-BR', 'https://noticias.example.com/a')).toBe(true);
    expect(writesDayFirst('de', 'https://example.com/a')).toBe(true);
    expect(writesDayFirst('en-GB', 'https://example.com/a')).toBe(true);
    expect(writesDayFirst('fr_FR', 'https://example.com/a')).toBe(true);
  });

  it('says nothing for English without a day-first region, nor for year-first languages', () => {
    // en-US is WordPress's default for any English site: it does not prove the month comes first, so no reading.
    expect(writesDayFirst('en', 'https://example.com/a')).toBe(false);
    expect(writesDayFirst('en-US', 'https://example.com/a')).toBe(false);
    expect(writesDayFirst('zh-CN', 'https://news.example.cn/a')).toBe(false);
    expect(writesDayFirst('ja', 'https://example.de/a')).toBe(false);
  });

  it("falls back on the host's country for English or untagged pages", () => {
    expect(writesDayFirst(null, 'https://www.example.de/a')).toBe(true);
    expect(writesDayFirst('en', 'https://www.example.co.uk/a')).toBe(true);
    expect(writesDayFirst(null, 'https://www.example.com/a')).toBe(false);
    expect(writesDayFirst(null, 'https://www.example.us/a')).toBe(false);
    expect(writesDayFirst('', 'not a url')).toBe(false);
  });
});

describe('findDayFirstDates', () => {
  it('reads an ambiguous numeric date day first, with its time', () => {
    const [found] = findDayFirstDates(
      'Atendimento registra arrombamento 05/10/2018 14:30 - Publicado por: Ana',
    );
    expect(found).toMatchObject({
      text: '05/10/2018 14:30',
      parts: { year: 2018, month: 10, day: 5, hour: 14 },
    });
    expect(findDayFirstDates('am 03-04-2020')[0]?.parts).toEqual({ year: 2020, month: 4, day: 3 });
  });

  it('leaves the unambiguous ones to the general parser, and refuses days that do not exist', () => {
    expect(findDayFirstDates('17/02/2022 and 02/17/2022 and 05/05/2020')).toEqual([]);
    expect(findDayFirstDates('31/04/2020')).toEqual([]);
    expect(findDayFirstDates('version 1/2/20255 or 105/10/2018')).toEqual([]);
  });
});

describe('findDayFirstShortYearDates', () => {
  const NOW = new Date('2026-11-27T12:00:00Z');

  it("reads `28.09.19 12:44` in the reference time's century", () => {
    expect(findDayFirstShortYearDates('Beitrag vom 28.09.19 12:44', NOW, 60)[0]?.parts).toEqual({
      year: 2019,
      month: 9,
      day: 28,
      hour: 12,
      minute: 44,
    });
  });

  it('reads a byline that prints day and month with one digit (`8.5.12`)', () => {
    expect(findDayFirstShortYearDates('von Klara Berg, 8.5.12', NOW, 60)[0]?.parts).toMatchObject({
      year: 2012,
      month: 5,
      day: 8,
    });
  });

  it('refuses a year after the reference time, days that do not exist, and longer dotted numbers', () => {
    expect(findDayFirstShortYearDates('01.01.98', NOW, 60)).toEqual([]);
    expect(findDayFirstShortYearDates('31.02.19', NOW, 60)).toEqual([]);
    expect(findDayFirstShortYearDates('Version 1.10.12.5 and 28.09.2019 and 128.09.19', NOW, 60)).toEqual([]);
    expect(findDayFirstShortYearDates('28.09.19', new Date(Number.NaN), 60)).toEqual([]);
  });
});
