import { describe, expect, it } from 'vitest';
import {
  applyDate,
  checkDate,
  formatDate,
  toDateParts,
  toDay,
  toZone,
} from '../../utils/pure/template-filter-dates';
import type { FilterArg, TemplateValue } from '../../utils/pure/template-values';
import { toText } from '../../utils/pure/template-values';
import type { DateParts } from '../../utils/pure/types';

const text = (value: string): TemplateValue => ({ kind: 'text', value });
const list = (...items: string[]): TemplateValue => ({ kind: 'list', items });
const str = (value: string): FilterArg => ({ kind: 'string', value });

const SHANGHAI_TIME: DateParts = {
  year: 2022,
  month: 2,
  day: 17,
  hour: 9,
  minute: 0,
  second: 40,
  offsetMinutes: 480,
};
const date = (parts: DateParts): TemplateValue => ({ kind: 'date', parts });

/** The `date` filter as the registry runs it: arguments checked at parse time, then applied. */
function apply(_name: 'date', input: TemplateValue, ...args: FilterArg[]): TemplateValue {
  expect(checkDate(args), `date accepts ${JSON.stringify(args)}`).toBeNull();
  return applyDate(input, args);
}

describe('date', () => {
  it('formats with tokens, literals in brackets and named formats', () => {
    const value = date(SHANGHAI_TIME);
    expect(toText(apply('date', value, str('YYYY-MM-DD HH:mm:ss Z')))).toBe('2022-02-17 09:00:40 +0800');
    expect(toText(apply('date', value, str('YYYY-MM-DDTHH:mm:ssZZ')))).toBe('2022-02-17T09:00:40+08:00');
    expect(toText(apply('date', value, str('YY/M/D H[h]')))).toBe('22/2/17 9h');
    expect(toText(apply('date', value, str('YYYY年MM月DD日')))).toBe('2022年02月17日');
    expect(toText(apply('date', value, str('jekyll')))).toBe('2022-02-17 09:00:40 +0800');
    expect(toText(apply('date', value, str('rfc3339')))).toBe('2022-02-17T09:00:40+08:00');
    expect(toText(apply('date', value, str('iso')))).toBe('2022-02-17T09:00:40+08:00');
  });

  it('moves the instant to a zone, DST included', () => {
    const value = date(SHANGHAI_TIME);
    expect(toText(apply('date', value, str('YYYY-MM-DD HH:mm Z'), str('UTC')))).toBe(
      '2022-02-17 01:00 +0000',
    );
    expect(toText(apply('date', value, str('YYYY-MM-DD HH:mm Z'), str('America/New_York')))).toBe(
      '2022-02-16 20:00 -0500',
    );
    const july = date({ ...SHANGHAI_TIME, month: 7 });
    expect(toText(apply('date', july, str('HH:mm ZZ'), str('America/New_York')))).toBe('21:00 -04:00');
  });

  it('reads a local time (no offset) as the given zone, keeps a day-only date a day', () => {
    const local = date({ year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40 });
    expect(toText(apply('date', local, str('jekyll'), str('Asia/Shanghai')))).toBe(
      '2022-02-17 09:00:40 +0800',
    );
    // No zone at all: zone tokens print nothing and the result is trimmed.
    expect(toText(apply('date', local, str('YYYY-MM-DD HH:mm:ss Z')))).toBe('2022-02-17 09:00:40');
    const day = date({ year: 2021, month: 12, day: 31 });
    expect(toText(apply('date', day, str('jekyll'), str('Asia/Tokyo')))).toBe('2021-12-31');
    expect(toText(apply('date', day, str('YYYY-MM-DD HH:mm')))).toBe('2021-12-31 00:00');
  });

  it('keeps the result a date, with its parts, so writers can type it', () => {
    expect(apply('date', date(SHANGHAI_TIME), str('YYYY-MM-DD'))).toEqual({
      kind: 'date',
      parts: SHANGHAI_TIME,
      text: '2022-02-17',
    });
  });

  it('parses text, reads numbers as epoch ms, and leaves what is not a date alone', () => {
    expect(toText(apply('date', text('2022年2月17日 09:00'), str('YYYY-MM-DD HH:mm')))).toBe(
      '2022-02-17 09:00',
    );
    expect(toText(apply('date', { kind: 'number', value: 0 }, str('jekyll')))).toBe(
      '1970-01-01 00:00:00 +0000',
    );
    expect(apply('date', text('soon'), str('YYYY'))).toEqual(text('soon'));
    expect(apply('date', list(), str('YYYY'))).toEqual(list());
  });
});

describe('checkDate', () => {
  it('wants a quoted format and at most a known zone', () => {
    expect(checkDate([])).toBe('date: expected a format in quotes');
    expect(checkDate([str('YYYY'), str('Mars/Olympus')])).toBe("date: unknown time zone 'Mars/Olympus'");
    expect(checkDate([str('YYYY'), { kind: 'var', name: 'zone' }])).toMatch(/time zone in quotes/);
    expect(checkDate([str('YYYY'), str('UTC'), str('x')])).toMatch(/takes a format/);
  });
});

describe('helpers', () => {
  it('toDay, toDateParts, formatDate, toZone', () => {
    expect(toDay(date(SHANGHAI_TIME))).toBe('2022-02-17');
    expect(toDay(text('nope'))).toBeNull();
    expect(toDateParts(list('2022-02-17'))).toMatchObject({ year: 2022, month: 2, day: 17 });
    expect(formatDate({ year: 2022, month: 2, day: 17 }, 'rfc3339')).toBe('2022-02-17');
    expect(toZone(SHANGHAI_TIME, 'Asia/Kolkata')).toEqual({
      ...SHANGHAI_TIME,
      hour: 6,
      minute: 30,
      offsetMinutes: 330,
    });
  });
});
