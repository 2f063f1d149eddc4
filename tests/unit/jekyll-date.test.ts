import { describe, expect, it } from 'vitest';
import { isJekyllDate, isPsychTimestamp, parseJekyllDate } from '../../utils/pure/jekyll-date';

describe('parseJekyllDate', () => {
  it('reads a day alone', () => {
    expect(parseJekyllDate('2024-03-18')).toEqual({ year: 2024, month: 3, day: 18 });
  });
  it('reads a time with and without seconds', () => {
    expect(parseJekyllDate('2024-03-18 07:45')).toEqual({
      year: 2024,
      month: 3,
      day: 18,
      hour: 7,
      minute: 45,
    });
    expect(parseJekyllDate('2024-03-18 07:45:09')).toMatchObject({ hour: 7, minute: 45, second: 9 });
  });
  it('reads the zone as +HHMM, +HH:MM and without the space', () => {
    for (const text of [
      '2024-03-18 07:45:00 +0800',
      '2024-03-18 07:45:00 +08:00',
      '2024-03-18 07:45:00+0800',
    ]) {
      expect(parseJekyllDate(text)?.offsetMinutes).toBe(480);
    }
    expect(parseJekyllDate('2024-03-18 07:45:00 -0530')?.offsetMinutes).toBe(-330);
  });
  it('refuses other forms and impossible values', () => {
    for (const text of [
      '2024-3-18',
      '2024-02-30',
      '2024-13-01',
      '2024-03-18 24:00',
      '2024-03-18T07:45:00Z',
      '',
    ]) {
      expect(parseJekyllDate(text)).toBeNull();
    }
    expect(parseJekyllDate('2024-03-18 07:45 +1500')).toBeNull();
  });
  it('accepts 29 February only in a leap year', () => {
    expect(isJekyllDate('2024-02-29')).toBe(true);
    expect(isJekyllDate('2023-02-29')).toBe(false);
  });
});

describe('isPsychTimestamp', () => {
  it('takes only the forms Ruby reads as a Date or Time when written plain', () => {
    expect(isPsychTimestamp('2022-02-17')).toBe(true);
    expect(isPsychTimestamp('2022-02-17 09:00:40')).toBe(true);
    expect(isPsychTimestamp('2022-02-17 09:00:40 +0800')).toBe(true);
  });

  it('refuses what Jekyll parses but Psych would read as a string: no seconds, a colon in the zone', () => {
    expect(isJekyllDate('2022-02-17 09:00')).toBe(true);
    expect(isPsychTimestamp('2022-02-17 09:00')).toBe(false);
    expect(isJekyllDate('2022-02-17 09:00:40 +08:00')).toBe(true);
    expect(isPsychTimestamp('2022-02-17 09:00:40 +08:00')).toBe(false);
    expect(isPsychTimestamp('2022-02-17 09:00:40+0800')).toBe(false);
  });
});
