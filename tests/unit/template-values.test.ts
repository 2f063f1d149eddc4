import { describe, expect, it } from 'vitest';
import type { FilterContext } from '../../utils/pure/template-values';
import {
  argNumber,
  argText,
  isEmptyValue,
  isIntegerArg,
  makeList,
  makeText,
  mapText,
  takesNone,
  takesQuoted,
  toItems,
  toText,
} from '../../utils/pure/template-values';

const CTX: FilterContext = {
  slugMode: 'readable',
  lookup: (name) => makeText(name === 'domain' ? 'example.com' : ''),
};

describe('values', () => {
  it('isEmptyValue and toText', () => {
    expect(isEmptyValue(makeText(''))).toBe(true);
    expect(isEmptyValue(makeList([]))).toBe(true);
    expect(isEmptyValue(makeText(' '))).toBe(false);
    expect(isEmptyValue({ kind: 'boolean', value: false })).toBe(false);
    expect(toText({ kind: 'number', value: Number.NaN })).toBe('');
    expect(toText(makeList(['a', 'b']))).toBe('a, b');
    expect(toText({ kind: 'date', parts: { year: 2022, month: 2, day: 17 } })).toBe('2022-02-17');
  });

  it('toItems and mapText keep lists lists', () => {
    expect(toItems(makeText(''))).toEqual([]);
    expect(toItems(makeText('a'))).toEqual(['a']);
    expect(mapText(makeList(['a', 'b']), (s) => s.toUpperCase())).toEqual(makeList(['A', 'B']));
    expect(mapText(makeText('a'), (s) => s.toUpperCase())).toEqual(makeText('A'));
  });
});

describe('arguments', () => {
  it('argText resolves variables; argNumber reads integers in strings', () => {
    expect(argText({ kind: 'var', name: 'domain' }, CTX)).toBe('example.com');
    expect(argText(undefined, CTX, 'x')).toBe('x');
    expect(argNumber({ kind: 'string', value: ' 12 ' }, 0)).toBe(12);
    expect(argNumber({ kind: 'string', value: 'a' }, 5)).toBe(5);
    expect(isIntegerArg({ kind: 'number', value: 1.5 })).toBe(false);
    expect(isIntegerArg({ kind: 'string', value: '-3' })).toBe(true);
  });

  it('takesNone and takesQuoted name the filter in their messages', () => {
    expect(takesNone('trim')([])).toBeNull();
    expect(takesNone('trim')([{ kind: 'number', value: 1 }])).toBe('trim: takes no arguments');
    const check = takesQuoted('split', 'a separator', 1, 1);
    expect(check([{ kind: 'string', value: ',' }])).toBeNull();
    expect(check([])).toBe('split: expected a separator in quotes');
    expect(check([{ kind: 'number', value: 1 }])).toBe('split: expected a separator in quotes');
    expect(
      check([
        { kind: 'string', value: ',' },
        { kind: 'string', value: ';' },
      ]),
    ).toBe('split: takes at most 1 argument');
  });
});
