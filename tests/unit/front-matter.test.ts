import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parse } from 'yaml';
import type { FrontMatterField, FrontMatterValue } from '../../utils/pure/front-matter';
import { buildFrontMatter, toWellFormed } from '../../utils/pure/front-matter';

const NASTY = [
  'Jane Doe: Staff Writer',
  '#1 Reporter',
  'C:\\new',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'NO',
  '~',
  'null',
  'true',
  'false',
  '123',
  '0x1f',
  '0o17',
  '017',
  '1_000',
  '1,000',
  '1e3',
  '.inf',
  '-.inf',
  '.nan',
  '<<',
  '=',
  '2022-02-17',
  '2022-02-17 09:00:40 +0800',
  '12:30:45',
  '- dash',
  '-',
  '"quoted"',
  "'single'",
  'a\nb',
  'a\r\nb',
  '\n',
  'trailing\n',
  '---',
  '...',
  'x\n---\ninjected: true',
  'x\n...\n',
  'key: value',
  'a # comment',
  '&anchor',
  '*alias',
  '!tag',
  '!!str',
  '%YAML 1.1',
  '@at',
  '`backtick`',
  '|',
  '>',
  '[a, b]',
  '{a: b}',
  '?',
  '? x',
  'tab\there',
  '\t',
  ' leading',
  'trailing ',
  '',
  ' ',
  '\u0000\u0001\u001b\u007f',
  '\u0085\u2028\u2029',
  '\uFEFFbom',
  '\uFFFE\uFFFF',
  '\u0080\u009f',
  '😀 emoji 👨‍👩‍👧',
  '中国市场监管新闻网新闻',
  '厚植商业秘密保护土壤 宁波迈向“智造”未来',
  'العربية',
  'x'.repeat(5000),
  `${'long words '.repeat(100)}\n${'more '.repeat(100)}`,
  '\\',
  '\\"',
  '"\\n"',
];

/** The lines between the opening and closing `---`. */
function innerLines(out: string): string[] {
  expect(out.startsWith('---\n')).toBe(true);
  expect(out.endsWith('\n---\n')).toBe(true);
  return out.slice(4, -5).split('\n');
}

function innerText(out: string): string {
  return out.slice(4, -4);
}

/** What a value should read back as: dates as their text, lone surrogates as U+FFFD. */
function expectedValue(value: FrontMatterValue): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) return value.map(toWellFormed);
  if (typeof value === 'object') return value.text;
  return value;
}

// Ruby Psych's timestamp pattern (psych/lib/psych/scalar_scanner.rb, TIME): what Jekyll reads as a Time.
// yaml's own 1.1 schema wants `+08:00`, so it is not the judge of `+0800`.
const PSYCH_TIME =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

function checkStructure(out: string, keys: string[]): void {
  const lines = innerLines(out);
  // Every line is a key of ours or an item of a list: no value can start a line of its own.
  const topKeys = lines
    .filter((line) => !line.startsWith('  - '))
    .map((line) => /^([A-Za-z_][\w-]*):/.exec(line)?.[1]);
  expect(topKeys).toEqual(keys);
  for (const line of lines) expect(line).not.toMatch(/^(?:---|\.\.\.)/);
}

describe('buildFrontMatter', () => {
  it('writes the reference post front matter exactly', () => {
    const out = buildFrontMatter([
      { key: 'layout', value: 'post' },
      { key: 'title', value: '厚植商业秘密保护土壤 宁波迈向“智造”未来', quote: 'always' },
      { key: 'date', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } },
      { key: 'categories', value: 'zhongguoshichangjianguanxinwenwang' },
      { key: 'tags', value: '中国市场监管新闻网新闻' },
    ]);
    expect(out).toBe(
      [
        '---',
        'layout: post',
        'title: "厚植商业秘密保护土壤 宁波迈向“智造”未来"',
        'date: 2022-02-17 09:00:40 +0800',
        'categories: zhongguoshichangjianguanxinwenwang',
        'tags: 中国市场监管新闻网新闻',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('writes lists as block sequences and an empty list as []', () => {
    const out = buildFrontMatter([
      { key: 'tags', value: ['a', 'b c', 'yes'] },
      { key: 'categories', value: [] },
    ]);
    expect(out).toBe('---\ntags:\n  - a\n  - "b c"\n  - "yes"\ncategories: []\n---\n');
  });

  it('keeps numbers and booleans typed, and non-finite numbers as strings', () => {
    const out = buildFrontMatter([
      { key: 'draft', value: false },
      { key: 'weight', value: 3 },
      { key: 'bad', value: Number.NaN },
    ]);
    expect(parse(innerText(out))).toEqual({ draft: false, weight: 3, bad: 'NaN' });
  });

  it('writes a date plain (a YAML 1.1 timestamp) and a malformed date text as a quoted string', () => {
    const out = buildFrontMatter([
      { key: 'date', value: { kind: 'date', text: '2022-02-17' } },
      { key: 'updated', value: { kind: 'date', text: '2022-02-17\nevil: 1' } },
    ]);
    expect(out).toContain('\ndate: 2022-02-17\n');
    const timed = buildFrontMatter([
      { key: 'date', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } },
    ]);
    expect(timed).toBe('---\ndate: 2022-02-17 09:00:40 +0800\n---\n');
    // What Jekyll's reader sees after `date: ` must be a timestamp to Psych.
    expect(innerLines(timed)[0]?.slice('date: '.length)).toMatch(PSYCH_TIME);
    // No seconds: Psych would not see a timestamp, so it is a plain string Jekyll parses itself.
    expect(buildFrontMatter([{ key: 'date', value: { kind: 'date', text: '2022-02-17 09:00' } }])).toBe(
      '---\ndate: "2022-02-17 09:00"\n---\n',
    );
    const v11 = parse(innerText(out), { version: '1.1' }) as Record<string, unknown>;
    expect(v11.date).toBeInstanceOf(Date);
    expect(v11.updated).toBe('2022-02-17\nevil: 1');
    checkStructure(out, ['date', 'updated']);
  });

  it('quotes every nasty string so both YAML 1.2 and 1.1 read it back unchanged', () => {
    const fields: FrontMatterField[] = NASTY.map((value, i) => ({ key: `k${i}`, value }));
    fields.push({ key: 'list', value: NASTY });
    const out = buildFrontMatter(fields);
    checkStructure(
      out,
      fields.map((f) => f.key),
    );
    const expected = Object.fromEntries(fields.map((f) => [f.key, expectedValue(f.value)]));
    expect(parse(innerText(out))).toEqual(expected);
    expect(parse(innerText(out), { version: '1.1' })).toEqual(expected);
  });

  it('keeps slugs and CJK words plain and double-quotes everything else', () => {
    const out = buildFrontMatter([
      { key: 'a', value: 'zhongguoshichangjianguanxinwenwang' },
      { key: 'b', value: 'the-new-york-times' },
      { key: 'c', value: 'Capital' },
      { key: 'd', value: 'post', quote: 'always' },
      { key: 'e', value: '2022-news' },
    ]);
    expect(innerLines(out)).toEqual([
      'a: zhongguoshichangjianguanxinwenwang',
      'b: the-new-york-times',
      'c: "Capital"',
      'd: "post"',
      'e: "2022-news"',
    ]);
  });

  it('escapes characters libyaml treats as line breaks or refuses, and replaces lone surrogates', () => {
    const out = buildFrontMatter([{ key: 't', value: 'a\u2028b\u2029c\u0085d\uFEFFe\u007Ff\uD800g\uDC00' }]);
    expect(out).toBe('---\nt: "a\\u2028b\\u2029c\\u0085d\\uFEFFe\\u007Ff\uFFFDg\uFFFD"\n---\n');
    expect(out).not.toMatch(/[\u0085\u2028\u2029\uFEFF\u007F]/);
  });

  it('never folds long lines', () => {
    const title = 'word '.repeat(400).trim();
    expect(innerLines(buildFrontMatter([{ key: 'title', value: title }]))).toEqual([`title: "${title}"`]);
  });

  it('refuses keys that are not identifiers', () => {
    expect(() => buildFrontMatter([{ key: 'a: b\nc', value: 'x' }])).toThrow(TypeError);
    expect(() => buildFrontMatter([{ key: '', value: 'x' }])).toThrow(TypeError);
  });

  it('round-trips hostile strings and lists (property, 600 runs)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom('\n', '\r', '\t', ' ', '-', ':', '#', '"', "'", '\\', '.', '\u2028', 'a', '中'),
        maxLength: 20,
      }),
      fc.constantFrom(...NASTY),
      fc.tuple(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })).map(([a, b]) => a + b),
    );
    const value: fc.Arbitrary<FrontMatterValue> = fc.oneof(
      hostile,
      fc.array(hostile, { maxLength: 5 }),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const fields = values.map((v, i) => ({ key: `f${i}`, value: v }));
        const out = buildFrontMatter([
          ...fields,
          { key: 'date', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } },
        ]);
        checkStructure(out, [...fields.map((f) => f.key), 'date']);
        const expected: Record<string, unknown> = Object.fromEntries(
          fields.map((f) => [f.key, expectedValue(f.value)]),
        );
        expect(parse(innerText(out))).toEqual({ ...expected, date: '2022-02-17 09:00:40 +0800' });
        expect(innerLines(out)).toContain('date: 2022-02-17 09:00:40 +0800');
        const v11 = parse(innerText(out), { version: '1.1' }) as Record<string, unknown>;
        expect({ ...v11, date: null }).toEqual({ ...expected, date: null });
      }),
      { numRuns: 600 },
    );
  });
});

/** The TOML between `+++` lines, read back with smol-toml; dates as their TOML text. */
function readToml(out: string): Record<string, unknown> {
  expect(out.startsWith('+++\n')).toBe(true);
  expect(out.endsWith('\n+++\n') || out === '+++\n+++\n').toBe(true);
  const data = parseToml(out.slice(4, -4));
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

describe('buildFrontMatter: keys YAML 1.1 would read as booleans', () => {
  it('quotes on, yes, N and friends so Jekyll keeps them as string keys (found by tests/bench/fuzz.ts)', () => {
    const text = buildFrontMatter([
      { key: 'on', value: 'a' },
      { key: 'N', value: 0 },
      { key: 'layout', value: 'post' },
    ]);
    expect(text).toBe('---\n"on": a\n"N": 0\nlayout: post\n---\n');
    const body = text.slice(4, -4);
    expect(parse(body, { version: '1.1' })).toEqual({ on: 'a', N: 0, layout: 'post' });
  });
});

describe('buildFrontMatter: RFC 3339 dates in YAML', () => {
  it('writes Hugo-style dates plain, so YAML 1.1 readers see a timestamp', () => {
    const out = buildFrontMatter([
      { key: 'date', value: { kind: 'date', text: '2022-02-17T09:00:40+08:00' } },
      { key: 'utc', value: { kind: 'date', text: '2022-02-17T01:00:40Z' } },
      { key: 'odd', value: { kind: 'date', text: '2022年2月17日' } },
    ]);
    expect(out).toBe(
      '---\ndate: 2022-02-17T09:00:40+08:00\nutc: 2022-02-17T01:00:40Z\nodd: "2022年2月17日"\n---\n',
    );
    const v11 = parse(innerText(out), { version: '1.1' }) as Record<string, unknown>;
    expect(v11.date).toEqual(new Date('2022-02-17T01:00:40Z'));
    expect(innerLines(out)[0]?.slice('date: '.length)).toMatch(PSYCH_TIME);
  });
});

describe('buildFrontMatter: TOML', () => {
  it('writes Hugo TOML with smol-toml: strings, lists, booleans, numbers, real dates', () => {
    const out = buildFrontMatter(
      [
        { key: 'title', value: '厚植商业秘密保护土壤 宁波迈向“智造”未来', quote: 'always' },
        { key: 'date', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } },
        { key: 'draft', value: true },
        { key: 'weight', value: 3 },
        { key: 'tags', value: ['a', 'b c'] },
        { key: 'none', value: [] },
        { key: 'my-key', value: 'x' },
      ],
      'toml',
    );
    expect(out).toBe(
      [
        '+++',
        'title = "厚植商业秘密保护土壤 宁波迈向“智造”未来"',
        'date = 2022-02-17T09:00:40+08:00',
        'draft = true',
        'weight = 3',
        'tags = [ "a", "b c" ]',
        'none = []',
        'my-key = "x"',
        '+++',
        '',
      ].join('\n'),
    );
  });

  it('carries a Jekyll date as an offset date-time, a local time as local, a day as a date', () => {
    const out = buildFrontMatter(
      [
        { key: 'jekyll', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } },
        { key: 'rfc', value: { kind: 'date', text: '2022-02-17T09:00:40-05:30' } },
        {
          key: 'parts',
          value: {
            kind: 'date',
            text: '2022-02-17 09:00:40',
            parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40 },
          },
        },
        { key: 'day', value: { kind: 'date', text: '2022-02-17' } },
        { key: 'text', value: { kind: 'date', text: '17 Feb 2022' } },
        { key: 'nan', value: Number.NaN },
      ],
      'toml',
    );
    expect(out).toContain('\njekyll = 2022-02-17T09:00:40+08:00\n');
    expect(out).toContain('\nrfc = 2022-02-17T09:00:40-05:30\n');
    expect(out).toContain('\nparts = 2022-02-17T09:00:40\n');
    expect(out).toContain('\nday = 2022-02-17\n');
    expect(readToml(out)).toEqual({
      jekyll: '2022-02-17T09:00:40.000+08:00',
      rfc: '2022-02-17T09:00:40.000-05:30',
      parts: '2022-02-17T09:00:40.000',
      day: '2022-02-17',
      text: '17 Feb 2022',
      nan: 'NaN',
    });
  });

  it('writes an empty block for no fields and refuses bad keys', () => {
    expect(buildFrontMatter([], 'toml')).toBe('+++\n+++\n');
    expect(() => buildFrontMatter([{ key: 'a b', value: 'x' }], 'toml')).toThrow(TypeError);
  });

  it('keeps a __proto__ key as data', () => {
    expect(readToml(buildFrontMatter([{ key: '__proto__', value: 'x' }], 'toml'))).toEqual(
      JSON.parse('{"__proto__":"x"}'),
    );
  });

  it('round-trips hostile strings and lists (property, 600 runs)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...NASTY, '+++', 'a\n+++\nb = 1', '"""', "'''", '[table]'),
    );
    const value: fc.Arbitrary<FrontMatterValue> = fc.oneof(
      hostile,
      fc.array(hostile, { maxLength: 5 }),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const fields = values.map((v, i) => ({ key: `f${i}`, value: v }));
        const out = buildFrontMatter(
          [...fields, { key: 'date', value: { kind: 'date', text: '2022-02-17 09:00:40 +0800' } }],
          'toml',
        );
        // Only our own keys start lines: no value can end the block or add a key.
        const lines = out
          .slice(4, -4)
          .split('\n')
          .filter((line) => line !== '');
        expect(lines.map((line) => /^([\w-]+) = /.exec(line)?.[1])).toEqual([
          ...fields.map((f) => f.key),
          'date',
        ]);
        const expected = Object.fromEntries(fields.map((f) => [f.key, expectedValue(f.value)]));
        expect(readToml(out)).toEqual({ ...expected, date: '2022-02-17T09:00:40.000+08:00' });
      }),
      { numRuns: 600 },
    );
  });
});
