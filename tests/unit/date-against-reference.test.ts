import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAfterReference } from '../../utils/pure/date-reference';
import {
  findDatesAgainstReference,
  parseDateAgainstReference,
} from '../../utils/pure/date-against-reference';
import { placeYearless } from '../../utils/pure/date-yearless';

const NOW = new Date('2026-10-08T04:00:00Z');
const REF = { now: NOW, offsetMinutes: 480 };

describe('findDatesAgainstReference', () => {
  it('reads every form, in order of position', () => {
    const text = '发布时间：2019 09/07 19:02 | 更新：昨天 12:00 | 首发：18-03-08 | 2022年2月17日 | 09月07日';
    expect(findDatesAgainstReference(text, REF).map((m) => m.text)).toEqual([
      '2019 09/07 19:02',
      '昨天 12:00',
      '18-03-08',
      '2022年2月17日',
      '09月07日',
    ]);
  });

  it('leaves relative dates out of running text when asked', () => {
    const sentence = 'The minister said yesterday that the plan, announced on 2026-09-01, would go ahead.';
    expect(findDatesAgainstReference(sentence, REF).map((m) => m.text)).toEqual(['yesterday', '2026-09-01']);
    expect(findDatesAgainstReference(sentence, REF, { withRelative: false }).map((m) => m.text)).toEqual([
      '2026-09-01',
    ]);
  });

  it('prefers the reading that starts first and is longer', () => {
    expect(parseDateAgainstReference('2019 09/07 19:02', REF)).toEqual({
      year: 2019,
      month: 9,
      day: 7,
      hour: 19,
      minute: 2,
    });
  });

  it('drops full dates after the reference time, whatever the machine clock says', () => {
    expect(findDatesAgainstReference('2026-10-09', REF)).toEqual([]);
    expect(parseDateAgainstReference('2026-10-08', REF)).toEqual({ year: 2026, month: 10, day: 8 });
    const past = { now: new Date('2010-01-01T00:00:00Z'), offsetMinutes: 0 };
    expect(findDatesAgainstReference('2019-09-07', past)).toEqual([]);
  });
});

// Property: no reader ever returns a date after the reference time, on any text, zone and click.
const fragments = fc.constantFrom(
  '发布时间：',
  'Published: ',
  '昨天 ',
  '前天',
  '今天 ',
  'yesterday ',
  'vor ',
  ' ago',
  '小时前',
  '分钟前',
  '天前',
  '月',
  '日',
  '-',
  '/',
  ' ',
  ':',
  'Oct ',
  'May ',
  '年',
  '刚刚',
);
const texts = fc
  .array(fc.oneof(fragments, fc.integer({ min: 0, max: 2030 }).map(String), fc.string({ maxLength: 3 })), {
    maxLength: 14,
  })
  .map((parts) => parts.join(''));
const clicks = fc.date({
  min: new Date('2001-01-01T00:00:00Z'),
  max: new Date('2035-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const offsets = fc.option(fc.integer({ min: -12 * 60, max: 14 * 60 }), { nil: null });

describe('properties', () => {
  it('never returns a date after the reference time', () => {
    fc.assert(
      fc.property(texts, clicks, offsets, (text, now, offsetMinutes) => {
        for (const m of findDatesAgainstReference(text, { now, offsetMinutes }, { isDateText: true }))
          expect(isAfterReference(m.parts, now, offsetMinutes)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('places a year-less date in the latest year that is not after the reference time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        clicks,
        offsets,
        (month, day, now, offsetMinutes) => {
          const placed = placeYearless({ month, day }, now, offsetMinutes);
          expect(placed).not.toBeNull();
          if (!placed) return;
          expect(isAfterReference(placed, now, offsetMinutes)).toBe(false);
          expect(isAfterReference({ ...placed, year: placed.year + 1 }, now, offsetMinutes)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
