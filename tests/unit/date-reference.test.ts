import { describe, expect, it } from 'vitest';
import { dayInZone, isAfterReference, partsAtOffset, referenceParts } from '../../utils/pure/date-reference';

// 12:00 in Beijing (+08:00), 04:00 UTC.
const NOW = new Date('2026-10-08T04:00:00Z');

describe('dayInZone', () => {
  const instant = Date.UTC(2019, 8, 7, 18, 30); // 2019-09-07T18:30Z
  it('gives the day where the publisher is, which can differ from the UTC day', () => {
    expect(dayInZone(instant, 480)).toEqual({ year: 2019, month: 9, day: 8 });
    expect(dayInZone(instant, -300)).toEqual({ year: 2019, month: 9, day: 7 });
  });
  it('falls back to the UTC day when the zone is unknown', () => {
    expect(dayInZone(instant, null)).toEqual({ year: 2019, month: 9, day: 7 });
  });
});

describe('partsAtOffset and referenceParts', () => {
  it('write an instant as wall-clock parts with the offset', () => {
    expect(partsAtOffset(NOW.getTime(), 480)).toEqual({
      year: 2026,
      month: 10,
      day: 8,
      hour: 12,
      minute: 0,
      second: 0,
      offsetMinutes: 480,
    });
    expect(referenceParts(NOW, null)).toMatchObject({ day: 8, hour: 4, offsetMinutes: 0 });
  });
});

describe('isAfterReference', () => {
  it('refuses an exact time well after the click but allows clock skew of minutes', () => {
    const at = (hour: number, minute: number) => ({
      year: 2026,
      month: 10,
      day: 8,
      hour,
      minute,
      offsetMinutes: 480,
    });
    expect(isAfterReference(at(12, 10), NOW, null)).toBe(false);
    expect(isAfterReference(at(12, 30), NOW, null)).toBe(true);
    expect(isAfterReference(at(11, 0), NOW, 480)).toBe(false);
  });

  it('reads a wall time without offset in the publisher zone when known', () => {
    const local = { year: 2026, month: 10, day: 8, hour: 13, minute: 0 };
    expect(isAfterReference(local, NOW, 480)).toBe(true); // 13:00 Beijing is an hour after the click
    expect(isAfterReference(local, NOW, -300)).toBe(true);
    expect(isAfterReference({ ...local, day: 7 }, NOW, -300)).toBe(false);
  });

  it('allows up to 14 hours for a wall time whose zone is unknown', () => {
    const local = (hour: number) => ({ year: 2026, month: 10, day: 8, hour, minute: 0 });
    expect(isAfterReference(local(17), NOW, null)).toBe(false); // 13 h after 04:00 UTC: fine somewhere
    expect(isAfterReference(local(19), NOW, null)).toBe(true); // 15 h: nowhere on Earth yet
  });

  it('compares a day-only date with the reference day in the zone', () => {
    expect(isAfterReference({ year: 2026, month: 10, day: 8 }, NOW, 480)).toBe(false);
    expect(isAfterReference({ year: 2026, month: 10, day: 9 }, NOW, 480)).toBe(true);
    // At 04:00 UTC it is still the 7th in New York: the 8th is tomorrow there.
    expect(isAfterReference({ year: 2026, month: 10, day: 8 }, NOW, -300)).toBe(true);
    // Zone unknown: at 04:00 UTC it is 18:00 on the 8th in UTC+14, the furthest ahead; the 9th is nowhere yet.
    expect(isAfterReference({ year: 2026, month: 10, day: 8 }, NOW, null)).toBe(false);
    expect(isAfterReference({ year: 2026, month: 10, day: 9 }, NOW, null)).toBe(true);
  });

  it('decides nothing with an invalid reference time', () => {
    expect(isAfterReference({ year: 2999, month: 1, day: 1 }, new Date(Number.NaN), 0)).toBe(false);
  });
});
