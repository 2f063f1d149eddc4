import { describe, expect, it } from 'vitest';
import { formatDay, toIsoString, toJekyllDate } from '../../utils/pure/date-format';

const DAY = { year: 2022, month: 2, day: 17 };
const TIMED = { ...DAY, hour: 9, minute: 0, second: 40 };

describe('formatting', () => {
  it('writes ISO 8601 with only what is known', () => {
    expect(toIsoString({ ...TIMED, offsetMinutes: 480 })).toBe('2022-02-17T09:00:40+08:00');
    expect(toIsoString({ ...TIMED, offsetMinutes: -210 })).toBe('2022-02-17T09:00:40-03:30');
    expect(toIsoString(TIMED)).toBe('2022-02-17T09:00:40');
    expect(toIsoString(DAY)).toBe('2022-02-17');
  });
  it("writes Jekyll's form", () => {
    expect(toJekyllDate({ ...TIMED, offsetMinutes: 480 })).toBe('2022-02-17 09:00:40 +0800');
    expect(toJekyllDate({ year: 2022, month: 2, day: 17, hour: 9, minute: 5, offsetMinutes: 0 })).toBe(
      '2022-02-17 09:05:00 +0000',
    );
    expect(toJekyllDate(TIMED)).toBe('2022-02-17 09:00:40');
    expect(toJekyllDate(DAY)).toBe('2022-02-17');
  });
  it('formats the day', () => {
    expect(formatDay({ year: 2005, month: 5, day: 7 })).toBe('2005-05-07');
  });
});
