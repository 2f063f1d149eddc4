import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterArg, FilterContext, TemplateValue } from '../../utils/pure/template-filters';
import { TEMPLATE_FILTERS } from '../../utils/pure/template-filters';
import type { DateParts } from '../../utils/pure/types';

const text = (value: string): TemplateValue => ({ kind: 'text', value });
const list = (...items: string[]): TemplateValue => ({ kind: 'list', items });
const str = (value: string): FilterArg => ({ kind: 'string', value });
const num = (value: number): FilterArg => ({ kind: 'number', value });

const CTX: FilterContext = {
  slugMode: 'readable',
  lookup: (name) => (name === 'domain' ? text('example.com') : text('')),
};

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

function apply(name: string, input: TemplateValue, ...args: FilterArg[]): TemplateValue {
  const filter = TEMPLATE_FILTERS[name];
  if (!filter) throw new Error(`no filter ${name}`);
  expect(filter.check(args), `${name} accepts ${JSON.stringify(args)}`).toBeNull();
  return filter.apply(input, args, CTX);
}

describe('slug', () => {
  it('makes readable, pinyin and site slugs, mapping lists item by item', () => {
    expect(apply('slug', text('厚植商业秘密保护土壤 宁波'))).toEqual(text('厚植商业秘密保护土壤-宁波'));
    expect(apply('slug', text('宁波迈向“智造”'), str('pinyin'))).toEqual(text('ning-bo-mai-xiang-zhi-zao'));
    expect(apply('slug', text('中国市场监管新闻网'), str('site'))).toEqual(
      text('zhongguoshichangjianguanxinwenwang'),
    );
    expect(apply('slug', text('Süddeutsche Zeitung'), str('site'))).toEqual(text('suddeutsche-zeitung'));
    expect(apply('slug', list('New York', 'Ürümqi'))).toEqual(list('new-york', 'ürümqi'));
  });

  it("follows the context's slug mode when bare", () => {
    const filter = TEMPLATE_FILTERS.slug;
    expect(filter?.apply(text('宁波'), [], { ...CTX, slugMode: 'pinyin' })).toEqual(text('ning-bo'));
  });

  it("gives '' when nothing is left, so default can take over (never the library's fallback)", () => {
    expect(apply('slug', text('★ ★'))).toEqual(text(''));
    expect(apply('slug', text('!!!'), str('site'))).toEqual(text(''));
    // A real slug that happens to equal a fallback word is kept.
    expect(apply('slug', text('Post'))).toEqual(text('post'));
    expect(apply('slug', text('Site'), str('site'))).toEqual(text('site'));
  });
});

describe('pinyin', () => {
  it('writes Chinese as toneless pinyin, no separators by default, other text as is but lower case', () => {
    expect(apply('pinyin', text('中国市场监管新闻网'))).toEqual(text('zhongguoshichangjianguanxinwenwang'));
    expect(apply('pinyin', text('人民网 People'))).toEqual(text('renminwang people'));
    expect(apply('pinyin', text('人民网'), str('-'))).toEqual(text('ren-min-wang'));
    expect(apply('pinyin', text('绿色'))).toEqual(text('lvse'));
    expect(apply('pinyin', text('No Chinese'))).toEqual(text('no chinese'));
    expect(apply('pinyin', list('新闻', '网'))).toEqual(list('xinwen', 'wang'));
  });
});

describe('lower, upper, trim', () => {
  it('change text and every list item', () => {
    expect(apply('lower', text('ÀB'))).toEqual(text('àb'));
    expect(apply('upper', list('a', 'b'))).toEqual(list('A', 'B'));
    expect(apply('trim', text('  a b \n'))).toEqual(text('a b'));
  });
});

describe('join, split, first, last, slice, list', () => {
  it('move between text and lists', () => {
    expect(apply('join', list('a', 'b'))).toEqual(text('a, b'));
    expect(apply('join', list('a', 'b'), str(' / '))).toEqual(text('a / b'));
    expect(apply('join', text('x'))).toEqual(text('x'));
    expect(apply('split', text('a, b,, c'))).toEqual(list('a', 'b', 'c'));
    expect(apply('split', text('a|b'), str('|'))).toEqual(list('a', 'b'));
    expect(apply('split', text('ab'), str(''))).toEqual(list('a', 'b'));
    expect(apply('split', text(''))).toEqual(list());
    expect(apply('first', list('a', 'b'))).toEqual(text('a'));
    expect(apply('first', list())).toEqual(text(''));
    expect(apply('first', text('x'))).toEqual(text('x'));
    expect(apply('last', list('a', 'b'))).toEqual(text('b'));
    expect(apply('slice', list('a', 'b', 'c'), num(0), num(2))).toEqual(list('a', 'b'));
    expect(apply('slice', list('a', 'b', 'c'), num(1))).toEqual(list('b', 'c'));
    expect(apply('slice', text('中国市场'), num(0), str('2'))).toEqual(text('中国'));
    expect(apply('list', text('clippings'))).toEqual(list('clippings'));
    expect(apply('list', text(''))).toEqual(list());
  });
});

describe('default', () => {
  it('replaces empty text or an empty list, by a string or a variable', () => {
    expect(apply('default', text(''), str('Untitled'))).toEqual(text('Untitled'));
    expect(apply('default', list(), str('none'))).toEqual(text('none'));
    expect(apply('default', text('x'), str('Untitled'))).toEqual(text('x'));
    expect(apply('default', text(''), { kind: 'var', name: 'domain' })).toEqual(text('example.com'));
    expect(apply('default', text(''), num(0))).toEqual(text('0'));
  });
});

describe('replace, truncate', () => {
  it('replace is literal and global', () => {
    expect(apply('replace', text('a.b.c'), str('.'), str('-'))).toEqual(text('a-b-c'));
    expect(apply('replace', text('$1 (x)'), str('(x)'), str('$&'))).toEqual(text('$1 $&'));
    expect(apply('replace', list('a-b'), str('-'), str(''))).toEqual(list('ab'));
  });

  it('truncate counts characters (graphemes), ends in … unless told otherwise', () => {
    expect(apply('truncate', text('Harbour bridge'), num(8))).toEqual(text('Harbour…'));
    expect(apply('truncate', text('short'), num(8))).toEqual(text('short'));
    expect(apply('truncate', text('厚植商业秘密保护'), num(4), str(''))).toEqual(text('厚植商业'));
    expect(apply('truncate', text('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧'), num(2), str(''))).toEqual(text('👨‍👩‍👧👨‍👩‍👧'));
    expect(apply('truncate', text('abcdef'), str('3'), str('...'))).toEqual(text('...'));
  });
});

describe('json, jekyll_list, wikilink, md_text, md_url', () => {
  it('json writes the value as JSON', () => {
    expect(apply('json', text('a "b"'))).toEqual(text('"a \\"b\\""'));
    expect(apply('json', list('a', 'b'))).toEqual(text('["a","b"]'));
    expect(apply('json', { kind: 'number', value: 3 })).toEqual(text('3'));
    expect(apply('json', { kind: 'boolean', value: false })).toEqual(text('false'));
    expect(apply('json', date(SHANGHAI_TIME))).toEqual(text('"2022-02-17 09:00:40 +0800"'));
  });

  it("jekyll_list follows Jekyll's string-or-list rule", () => {
    expect(apply('jekyll_list', text('中国市场监管新闻网新闻'))).toEqual(text('中国市场监管新闻网新闻'));
    expect(apply('jekyll_list', text('Le Monde news'))).toEqual(list('Le Monde news'));
    expect(apply('jekyll_list', list('one'))).toEqual(text('one'));
    expect(apply('jekyll_list', list('a', 'b'))).toEqual(list('a', 'b'));
    expect(apply('jekyll_list', text(''))).toEqual(text(''));
  });

  it('wikilink links each item; md_text and md_url make link parts safe', () => {
    expect(apply('wikilink', list('Jane Doe', 'John'))).toEqual(list('[[Jane Doe]]', '[[John]]'));
    expect(apply('wikilink', text(''))).toEqual(text(''));
    expect(apply('md_text', text('The [Daily]\n\\ Times'))).toEqual(text('The \\[Daily\\] \\\\ Times'));
    expect(apply('md_url', text('https://a.b/c'))).toEqual(text('https://a.b/c'));
    expect(apply('md_url', text('https://a.b/x y(1)<>'))).toEqual(text('<https://a.b/x y(1)%3C%3E>'));
  });
});

describe('every filter', () => {
  // Arguments each filter accepts, for the never-throws property.
  const VALID_ARGS: Record<string, FilterArg[]> = {
    date: [str('YYYY-MM-DD HH:mm Z'), str('Asia/Shanghai')],
    replace: [str('a'), str('b')],
    truncate: [num(3)],
    default: [str('x')],
    slice: [num(1), num(3)],
    slug: [str('pinyin')],
  };
  const value: fc.Arbitrary<TemplateValue> = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }).map(text),
    fc.string({ unit: 'binary', maxLength: 20 }).map(text),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }).map((items) => list(...items)),
    fc.double().map((n): TemplateValue => ({ kind: 'number', value: n })),
    fc.boolean().map((b): TemplateValue => ({ kind: 'boolean', value: b })),
    fc
      .record(
        {
          year: fc.integer({ min: 1000, max: 2999 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          offsetMinutes: fc.integer({ min: -720, max: 840 }),
        },
        { requiredKeys: ['year', 'month', 'day'] },
      )
      .map(date),
  );

  it.each(Object.keys(TEMPLATE_FILTERS))('%s never throws and has help', (name) => {
    const filter = TEMPLATE_FILTERS[name];
    expect(filter?.help.length).toBeGreaterThan(3);
    const args = VALID_ARGS[name] ?? [];
    fc.assert(
      fc.property(value, (input) => {
        expect(() => filter?.apply(input, args, CTX)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
