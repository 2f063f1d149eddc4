import { describe, expect, it } from 'vitest';
import { findDatesInText, parseDateString } from '../../utils/pure/date-parse';

const DAY = { year: 2022, month: 2, day: 17 };
const TIMED = { ...DAY, hour: 9, minute: 0, second: 40 };

describe('parseDateString', () => {
  it.each([
    ['2022-02-17T09:00:40+08:00', { ...TIMED, offsetMinutes: 480 }],
    ['2022-02-17T09:00:40.123Z', { ...TIMED, offsetMinutes: 0 }],
    ['2022-02-17T09:00:40+0800', { ...TIMED, offsetMinutes: 480 }],
    ['2022-02-17T09:00:40-05:00', { ...TIMED, offsetMinutes: -300 }],
    ['2022-02-17 09:00:40', TIMED],
    ['Thu, 17 Feb 2022 09:00:40 GMT', { ...TIMED, offsetMinutes: 0 }],
    ['Thu, 17 Feb 2022 09:00:40 +0100', { ...TIMED, offsetMinutes: 60 }],
    ['2022/2/17', DAY],
    ['2022.02.17', DAY],
    ['17.02.2022', DAY],
    ['17.02.2022, 14:30 Uhr', { ...DAY, hour: 14, minute: 30 }],
    ['02/17/2022', DAY],
    ['17/02/2022', DAY],
    ['Feb 17, 2022', DAY],
    ['February 17th, 2022 at 9:05 pm', { ...DAY, hour: 21, minute: 5 }],
    ['17 February 2022', DAY],
    ['17. Februar 2022', DAY],
    ['17 février 2022', DAY],
    ['17 de febrero de 2022', DAY],
    ['17 febbraio 2022', DAY],
    ['17 de fevereiro de 2022', DAY],
    ['17 февраля 2022 г.', DAY],
    ['17 februarie 2022', DAY],
    ['joi, 17 februarie 2022 09:00', { ...DAY, hour: 9, minute: 0 }],
    // A Levantine portal names the month twice: its Syriac name, a slash, its Egyptian name.
    ['17 شباط / فبراير 2022', DAY],
    ['17 شباط/فبراير 2022', DAY],
    ['2022年02月17日 09:00', { ...DAY, hour: 9, minute: 0 }],
    ['2022年2月17日', DAY],
    ['2022年2月17日09:00', { ...DAY, hour: 9, minute: 0 }],
    ['2022년 2월 17일', DAY],
    ['２０２２年２月１７日', DAY],
    ['发布时间：2022-02-17 09:00:40', TIMED],
    ['20220217', DAY],
    ['20220217T090040', TIMED],
  ])('%s', (raw, expected) => {
    expect(parseDateString(raw)).toEqual(expected);
  });

  it('rejects dates that are not on the calendar', () => {
    expect(parseDateString('2022-02-30')).toBeNull();
    expect(parseDateString('2021-02-29')).toBeNull();
    expect(parseDateString('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseDateString('31.04.2022')).toBeNull();
  });

  it('refuses an ambiguous day/month order', () => {
    expect(parseDateString('03/04/2022')).toBeNull();
  });

  it('drops an impossible time but keeps the day', () => {
    expect(parseDateString('2022-02-17 25:61')).toEqual(DAY);
  });

  it('only trusts a compact date as the whole string', () => {
    expect(parseDateString('id 20220217')).toBeNull();
  });

  it('never throws and returns null on junk', () => {
    for (const junk of ['', 'hello', '9999-99-99', '<<<', '\u0000', 'x'.repeat(5000)]) {
      expect(parseDateString(junk)).toBeNull();
    }
    expect(parseDateString(undefined as unknown as string)).toBeNull();
  });

  it('does not read a date range as its first day with a bogus time', () => {
    expect(findDatesInText('（2004年12月11－12日，南开大学）')).toEqual([]);
  });
});

describe('a month named twice', () => {
  it('reads both names of one month and refuses two months (a span, not a day)', () => {
    expect(findDatesInText('تم نشره الجمعة 24 نيسان / أبريل 2020').map((d) => d.parts)).toEqual([
      { year: 2020, month: 4, day: 24 },
    ]);
    expect(findDatesInText('17 May / June 2020')).toEqual([]);
    expect(findDatesInText('17 نيسان / مايو 2020')).toEqual([]);
  });
});

describe('an Arabic half-day word after the clock', () => {
  // Levantine and Gulf news sites print the clock in 12 hours with مساءً (pm) or صباحاً (am), often as initials.
  it.each([
    ['تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً', { hour: 21, minute: 22 }],
    ['الإثنين، 24 أغسطس 2020 09:23 ص', { hour: 9, minute: 23 }],
    ['الأربعاء، 07 أكتوبر 2020 - 12:09 م', { hour: 12, minute: 9 }],
    ['2020/12/25 - 1:59 صباحًا', { hour: 1, minute: 59 }],
    ['2020/12/25 - 12:40 صباحاً', { hour: 0, minute: 40 }],
    ['2020-12-25 08:15 مساءا', { hour: 20, minute: 15 }],
  ])('reads %s', (text, time) => {
    expect(parseDateString(text)).toMatchObject(time);
  });

  it('reads no initial that begins a word (مصر, Egypt), and keeps a 24-hour clock as written', () => {
    expect(parseDateString('24 أغسطس 2020 09:30 مصر')).toMatchObject({ hour: 9, minute: 30 });
    expect(parseDateString('2020-08-24 21:30 مساءً')).toMatchObject({ day: 24, hour: 21, minute: 30 });
    expect(parseDateString('2024-03-05 00:30 ص')).toMatchObject({ day: 5, hour: 0, minute: 30 });
  });
});

describe('findDatesInText reads the text lower-cased, and reports it as written', () => {
  it('reads capitals as the i flag did, and keeps the matched text in its own case', () => {
    const [match] = findDatesInText('PUBLISHED 5 MARCH 2024 AT 9:30 PM EST');
    expect(match?.text).toBe('5 MARCH 2024 AT 9:30 PM EST');
    expect(match?.parts).toMatchObject({
      year: 2024,
      month: 3,
      day: 5,
      hour: 21,
      minute: 30,
      offsetMinutes: -300,
    });
    expect(findDatesInText('2024-03-05T09:30Z')[0]?.parts).toMatchObject({
      hour: 9,
      minute: 30,
      offsetMinutes: 0,
    });
  });

  it('keeps a match where it is after a letter that grows when lower-cased', () => {
    // `İ` lower-cases to two code units: the patterns must still see every later letter at its own place.
    const text = 'İSTANBUL, 17 Şubat 2022';
    const [match] = findDatesInText(text);
    expect(match?.text).toBe('17 Şubat 2022');
    expect(text.slice(match?.index, (match?.index ?? 0) + (match?.length ?? 0))).toBe('17 Şubat 2022');
    expect(match?.parts).toMatchObject({ year: 2022, month: 2, day: 17 });
  });
});

describe('a bare weekday between a CJK date and its time', () => {
  it.each([
    ['2024年5月22日週三 上午8:21', { year: 2024, month: 5, day: 22, hour: 8, minute: 21 }],
    ['2024年5月22日星期三 08:21', { year: 2024, month: 5, day: 22, hour: 8, minute: 21 }],
    ['2024年5月22日 周三 下午3:05', { year: 2024, month: 5, day: 22, hour: 15, minute: 5 }],
  ])('reads the time after %s', (text, parts) => {
    expect(parseDateString(text)).toMatchObject(parts);
  });
});
