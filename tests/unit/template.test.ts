import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateAst, TemplateValue, TemplateVars } from '../../utils/pure/template';
import {
  compileTemplate,
  escapeTemplateText,
  parseTemplate,
  readTemplate,
  renderTemplate,
  TEMPLATE_VARIABLES,
} from '../../utils/pure/template';

const text = (value: string): TemplateValue => ({ kind: 'text', value });

const VARS: TemplateVars = {
  ...(Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, text('')])) as Record<
    (typeof TEMPLATE_VARIABLES)[number],
    TemplateValue
  >),
  title: text('Harbour bridge reopens'),
  site: text('中国市场监管新闻网'),
  url: text('https://example.com/a'),
  domain: text('example.com'),
  keywords: { kind: 'list', items: ['Transport', 'City'] },
  published: {
    kind: 'date',
    parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
  },
};

function parsed(source: string): TemplateAst {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function render(source: string, vars: TemplateVars = VARS): TemplateValue {
  return renderTemplate(parsed(source), vars, { slugMode: 'readable' });
}

function errorOf(source: string): string {
  const result = parseTemplate(source);
  return result.ok ? 'parsed' : result.error.message;
}

describe('parseTemplate: errors say where and why', () => {
  it.each([
    ['{{title|slgu}}', "Unknown filter 'slgu' at line 1, column 9 — did you mean 'slug'?"],
    ['Title: {{title|slgu}}', "Unknown filter 'slgu' at line 1, column 16 — did you mean 'slug'?"],
    ['{{title|frobnicate}}', "Unknown filter 'frobnicate' at line 1, column 9"],
    ['{{titel}}', "Unknown variable 'titel' at line 1, column 3 — did you mean 'title'?"],
    ['a\nb {{title', "Unclosed {{ at line 2, column 3 — add '}}'"],
    ['{{title|default:"x}}', 'Unclosed quote at line 1, column 17 — add "'],
    ['{{ }}', 'Empty {{ }} at line 1, column 1 — write a variable name, like {{title}}'],
    ['{{|slug}}', "Unexpected '|' at line 1, column 3 — expected a variable name"],
    ['{{title|}}', "Expected a filter name after '|' at line 1, column 9"],
    ['{{title slug}}', "Unexpected 's' at line 1, column 9 — expected '|' or '}}'"],
    ['{{published|date}}', 'date: expected a format in quotes at line 1, column 13'],
    ['{{published|date:YYYY-MM-DD}}', 'date: expected a format in quotes at line 1, column 18'],
    ['{{published|date:title}}', 'date: expected a format in quotes at line 1, column 13'],
    [
      '{{published|date:"YYYY":"Mars/Olympus"}}',
      "date: unknown time zone 'Mars/Olympus' at line 1, column 13",
    ],
    [
      '{{published|date:"YYYY":8}}',
      'date: expected a time zone in quotes, like "Asia/Shanghai" at line 1, column 13',
    ],
    [
      '{{published|date:"YYYY":"UTC":"x"}}',
      'date: takes a format and an optional time zone at line 1, column 13',
    ],
    ['{{title|truncate}}', 'truncate: expected a number of characters, like truncate:60 at line 1, column 9'],
    [
      '{{title|truncate:"many"}}',
      'truncate: expected a number of characters, like truncate:60 at line 1, column 9',
    ],
    [
      '{{title|truncate:0}}',
      'truncate: expected a number of characters, like truncate:60 at line 1, column 9',
    ],
    ['{{title|truncate:9:8}}', 'truncate: expected the ending in quotes at line 1, column 9'],
    ['{{title|truncate:9:"…":"x"}}', 'truncate: takes a length and an optional ending at line 1, column 9'],
    ['{{title|truncate:60:}}', "truncate: expected a value in quotes after ':' at line 1, column 21"],
    [
      '{{title|replace:"a"}}',
      'replace: expected two texts in quotes, like replace:"old":"new" at line 1, column 9',
    ],
    [
      '{{title|replace:"":"b"}}',
      'replace: expected two texts in quotes, like replace:"old":"new" at line 1, column 9',
    ],
    ['{{title|default}}', 'default: expected one value, in quotes or a variable name at line 1, column 9'],
    [
      '{{title|default:nosuch}}',
      'default: expected one value, in quotes or a variable name at line 1, column 17',
    ],
    [
      '{{title|default:"a":"b"}}',
      'default: expected one value, in quotes or a variable name at line 1, column 9',
    ],
    ['{{title|upper:"x"}}', 'upper: takes no arguments at line 1, column 9'],
    ['{{title|join:",":";"}}', 'join: takes at most 1 argument at line 1, column 9'],
    ['{{title|split:3}}', 'split: expected a separator in quotes at line 1, column 9'],
    ['{{title|slug:"kebab"}}', 'slug: the mode must be "readable", "pinyin" or "site" at line 1, column 9'],
    ['{{title|slug:"site":"x"}}', 'slug: takes one mode at most at line 1, column 9'],
    [
      '{{keywords|slice:"a"}}',
      'slice: expected a start and an optional end, as numbers at line 1, column 12',
    ],
    ['{{title|truncate:9:x}}', "Unknown variable 'x' at line 1, column 20"],
    [
      '{{title|replace:"a":title}}',
      'replace: expected two texts in quotes, like replace:"old":"new" at line 1, column 9',
    ],
  ])('%j → %s', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('gives offset, line and column separately, columns counting characters not UTF-16 units', () => {
    const result = parseTemplate('标题：😀\n  {{title|slgu}}');
    expect(result).toEqual({
      ok: false,
      error: {
        message: "Unknown filter 'slgu' at line 2, column 11 — did you mean 'slug'?",
        offset: 16,
        line: 2,
        column: 11,
      },
    });
  });

  it('never throws, whatever the input (property)', () => {
    const piece = fc.constantFrom(
      '{{',
      '}}',
      '|',
      ':',
      '"',
      "'",
      '\\',
      'title',
      'slug',
      'date',
      ' ',
      '\n',
      'x',
      '3',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const result = parseTemplate(pieces.join(''));
        if (!result.ok) expect(result.error.message).toMatch(/at line \d+, column \d+/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseTemplate: what parses', () => {
  it('takes text alone, literals, spaces inside braces, both quotes and escapes', () => {
    expect(render('plain text, no braces } {')).toEqual(text('plain text, no braces } {'));
    expect(render('{{ title | upper }}')).toEqual(text('HARBOUR BRIDGE REOPENS'));
    expect(render(`{{'it\\'s'}}-{{"a \\"q\\" \\\\ }} b"}}`)).toEqual(text('it\'s-a "q" \\ }} b'));
    expect(render('{{"x\\ny"}}')).toEqual(text('x\ny'));
    expect(render('{{3}}')).toEqual({ kind: 'number', value: 3 });
    expect(render('{{true}}')).toEqual({ kind: 'boolean', value: true });
    expect(render('{{false}}')).toEqual({ kind: 'boolean', value: false });
    expect(render('')).toEqual(text(''));
  });

  it('escapeTemplateText keeps spaces around an escaped {{ (found by the property below)', () => {
    for (const value of [' {{', '{{ ', ' {{ ', 'x}}y{{', 'a "{{" \\ b']) {
      expect(render(escapeTemplateText(value))).toEqual(text(value));
    }
  });

  it('escapeTemplateText makes any text render as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '|', '"', 'a', ' ', '\\') }), (value) => {
        expect(render(escapeTemplateText(value))).toEqual(text(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderTemplate', () => {
  it('keeps a lone expression typed: lists stay lists, dates stay dates', () => {
    expect(render('{{keywords}}')).toEqual({ kind: 'list', items: ['Transport', 'City'] });
    expect(render('  {{keywords}}\n')).toEqual({ kind: 'list', items: ['Transport', 'City'] });
    expect(render('{{published}}')).toEqual(VARS.published);
  });

  it('turns anything longer into text: lists joined, dates in Jekyll form', () => {
    expect(render('tags: {{keywords}}')).toEqual(text('tags: Transport, City'));
    expect(render('on {{published}}')).toEqual(text('on 2022-02-17 09:00:40 +0800'));
    expect(render('{{keywords}}{{title}}')).toEqual(text('Transport, CityHarbour bridge reopens'));
  });

  it('runs filters left to right and reads variable arguments', () => {
    expect(render('{{site|pinyin}}')).toEqual(text('zhongguoshichangjianguanxinwenwang'));
    expect(render('{{site}}新闻')).toEqual(text('中国市场监管新闻网新闻'));
    expect(render('{{author|default:"Untitled"|truncate:5}}')).toEqual(text('Unti…'));
    expect(render('{{author|default:domain|upper}}')).toEqual(text('EXAMPLE.COM'));
    expect(render('{{published|date:"YYYY-MM-DD HH:mm:ss Z"}}')).toEqual({
      kind: 'date',
      parts: VARS.published.kind === 'date' ? VARS.published.parts : { year: 0, month: 0, day: 0 },
      text: '2022-02-17 09:00:40 +0800',
    });
  });

  it('passes each expression through escapeText inside a longer template, never the literal text', () => {
    const vars = { ...VARS, title: text('a/b\\c') };
    const out = renderTemplate(parsed('x/{{title}}.md'), vars, {
      slugMode: 'readable',
      escapeText: (s) => s.replace(/[/\\]/g, '-'),
    });
    expect(out).toEqual(text('x/a-b-c.md'));
  });

  it('uses the context slug mode for a bare slug', () => {
    const ast = parsed('{{site|slug}}');
    expect(renderTemplate(ast, VARS, { slugMode: 'pinyin' })).toEqual(
      text('zhong-guo-shi-chang-jian-guan-xin-wen-wang'),
    );
    expect(renderTemplate(ast, VARS, { slugMode: 'readable' })).toEqual(text('中国市场监管新闻网'));
  });
});

const GOOD: Template = {
  id: 'mine',
  name: 'Mine',
  format: 'yaml',
  fields: [{ key: 'title', value: '{{title}}' }],
  body: '{{content}}',
  filename: '{{title|slug}}.md',
  sourceLine: '',
};

describe('compileTemplate', () => {
  it('compiles every part of a good template', () => {
    const compiled = compileTemplate(GOOD);
    expect(compiled.ok).toBe(true);
  });

  it('names the part that fails', () => {
    const bad = compileTemplate({
      ...GOOD,
      fields: [...GOOD.fields, { key: 'tags', value: '{{keywords|jion}}' }],
    });
    expect(bad.ok ? null : bad.error).toMatchObject({
      part: 'fields.tags',
      message: "fields.tags: Unknown filter 'jion' at line 1, column 12 — did you mean 'join'?",
      line: 1,
      column: 12,
    });
    const body = compileTemplate({ ...GOOD, body: 'x\n{{content' });
    expect(body.ok ? null : body.error.message).toBe("body: Unclosed {{ at line 2, column 1 — add '}}'");
    const name = compileTemplate({ ...GOOD, filename: '{{titl}}.md' });
    expect(name.ok ? null : name.error.message).toBe(
      "filename: Unknown variable 'titl' at line 1, column 3 — did you mean 'title'?",
    );
    const source = compileTemplate({ ...GOOD, sourceLine: '{{url|md_link}}' });
    expect(source.ok ? null : source.error.part).toBe('sourceLine');
  });

  it('refuses field names YAML or TOML could not take as written, and duplicates', () => {
    const key = compileTemplate({ ...GOOD, fields: [{ key: 'a b', value: 'x' }] });
    expect(key.ok ? null : key.error.message).toBe(
      "fields.a b: 'a b' is not a valid field name: use letters, digits, - and _",
    );
    const twice = compileTemplate({ ...GOOD, fields: [...GOOD.fields, { key: 'title', value: 'x' }] });
    expect(twice.ok ? null : twice.error.message).toBe("fields.title: the field 'title' appears twice");
  });
});

describe('readTemplate', () => {
  it('takes a template from JSON and drops unknown properties', () => {
    const raw: unknown = JSON.parse(
      JSON.stringify({
        ...GOOD,
        extra: 1,
        fields: [{ key: 'a', value: 'b', quote: 'always', keepEmpty: true, x: 2 }],
      }),
    );
    expect(readTemplate(raw)).toEqual({
      ...GOOD,
      fields: [{ key: 'a', value: 'b', quote: 'always', keepEmpty: true }],
    });
  });

  it.each([
    null,
    'x',
    [],
    { ...GOOD, id: '' },
    { ...GOOD, format: 'xml' },
    { ...GOOD, fields: [{ key: 1 }] },
    { ...GOOD, body: 3 },
  ])('refuses %j', (raw) => {
    expect(readTemplate(raw)).toBeNull();
  });

  it('keeps a template with a syntax error: the user fixes it in the options page', () => {
    expect(readTemplate({ ...GOOD, body: '{{oops' })).toEqual({ ...GOOD, body: '{{oops' });
  });
});
