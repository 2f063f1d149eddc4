import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPost, buildTemplateVars, renderPost } from '../../utils/pure/post';
import { findTemplate } from '../../utils/pure/presets';
import type { Template } from '../../utils/pure/template';
import type { ClipDraft, DateParts, PostOptions } from '../../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

const URL_ZH = 'https://www.cmrnn.com.cn/content/2022-02/17/content_219826.html';

function makeDraft(overrides: Partial<ClipDraft> = {}): ClipDraft {
  return {
    url: URL_ZH,
    canonical: null,
    title: '厚植商业秘密保护土壤 宁波迈向“智造”未来',
    byline: null,
    siteName: '中国市场监管新闻网',
    lang: 'zh-CN',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: [],
    published: {
      raw: '2022-02-17 09:00:40',
      source: 'meta',
      detail: 'meta[name=publishdate]',
      parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
    },
    modified: null,
    contentHtml: '<p>x</p>',
    textContent: 'x',
    kind: 'article',
    ...overrides,
  };
}

function publishedAt(parts: DateParts): ClipDraft['published'] {
  return { raw: 'x', source: 'meta', detail: 'x', parts };
}

const CLIPPED_AT = new Date('2024-07-04T03:30:15Z');
const OPTIONS: PostOptions = { ...DEFAULT_POST_OPTIONS, timeZone: 'UTC' };

/** The front matter as data, read the way any YAML 1.2 reader would. */
function readFrontMatter(content: string): Record<string, unknown> {
  const end = content.indexOf('\n---\n', 4);
  expect(content.startsWith('---\n')).toBe(true);
  expect(end).toBeGreaterThan(0);
  return parse(content.slice(4, end + 1)) as Record<string, unknown>;
}

describe('buildPost', () => {
  it('reproduces the reference post front matter exactly', () => {
    const post = buildPost(
      makeDraft(),
      '商业秘密是企业的核心竞争力……',
      { ...OPTIONS, tagsMode: 'site-news', includeSourceLine: false },
      { clippedAt: CLIPPED_AT },
    );
    expect(post.content).toBe(
      [
        '---',
        'layout: post',
        'title: "厚植商业秘密保护土壤 宁波迈向“智造”未来"',
        'date: 2022-02-17 09:00:40 +0800',
        'categories: zhongguoshichangjianguanxinwenwang',
        'tags: 中国市场监管新闻网新闻',
        `source: "${URL_ZH}"`,
        '---',
        '',
        '商业秘密是企业的核心竞争力……',
        '',
      ].join('\n'),
    );
    expect(post.filename).toBe('2022-02-17-厚植商业秘密保护土壤-宁波迈向-智造-未来.md');
  });

  it('names the file in pinyin when asked', () => {
    const post = buildPost(makeDraft(), 'x', { ...OPTIONS, slugMode: 'pinyin' }, { clippedAt: CLIPPED_AT });
    expect(post.filename).toBe(
      '2022-02-17-hou-zhi-shang-ye-mi-mi-bao-hu-tu-rang-ning-bo-mai-xiang-zhi-zao-wei-lai.md',
    );
  });

  it('ends with a Chinese source line for a Chinese page, and exactly one newline', () => {
    const post = buildPost(makeDraft(), '\n\n正文。\n\n\n', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(post.content.endsWith(`---\n\n正文。\n\n来源：[中国市场监管新闻网](${URL_ZH})\n`)).toBe(true);
  });

  it('writes an English source line, falls back to the host, and escapes brackets', () => {
    const english = makeDraft({ lang: 'en', siteName: 'The [Daily] Times', url: 'https://example.com/a' });
    expect(buildPost(english, 'Body', OPTIONS, { clippedAt: CLIPPED_AT }).content).toContain(
      '\n\nSource: [The \\[Daily\\] Times](https://example.com/a)\n',
    );
    const noName = makeDraft({
      lang: null,
      siteName: null,
      url: 'https://www.example.com/a',
      canonical: 'https://example.com/c',
    });
    const post = buildPost(noName, 'Body', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(post.content).toContain('Source: [example.com](https://example.com/c)\n');
    expect(readFrontMatter(post.content)).toMatchObject({
      categories: 'example-com',
      source: 'https://example.com/c',
    });
  });

  it('keeps a day-only date and names the file by that day', () => {
    const post = buildPost(
      makeDraft({ published: publishedAt({ year: 2021, month: 12, day: 31 }) }),
      'x',
      OPTIONS,
      {
        clippedAt: CLIPPED_AT,
      },
    );
    expect(post.content).toContain('\ndate: 2021-12-31\n');
    expect(post.filename.startsWith('2021-12-31-')).toBe(true);
  });

  it('dates a post with no published date by the clip time in the chosen zone', () => {
    const draft = makeDraft({ published: null });
    const utc = buildPost(draft, 'x', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(utc.content).toContain('\ndate: 2024-07-04 03:30:15 +0000\n');
    const la = buildPost(
      draft,
      'x',
      { ...OPTIONS, timeZone: 'America/Los_Angeles' },
      { clippedAt: CLIPPED_AT },
    );
    expect(la.content).toContain('\ndate: 2024-07-03 20:30:15 -0700\n');
    expect(la.filename.startsWith('2024-07-03-')).toBe(true);
    const kolkata = buildPost(
      draft,
      'x',
      { ...OPTIONS, timeZone: 'Asia/Kolkata' },
      { clippedAt: CLIPPED_AT },
    );
    expect(kolkata.content).toContain('\ndate: 2024-07-04 09:00:15 +0530\n');
  });

  it("uses the runtime's zone when the zone is '' and when it is unknown", () => {
    const offset = -CLIPPED_AT.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    for (const timeZone of ['', 'Not/AZone']) {
      const post = buildPost(
        makeDraft({ published: null }),
        'x',
        { ...OPTIONS, timeZone },
        { clippedAt: CLIPPED_AT },
      );
      expect(post.content).toMatch(new RegExp(`\\ndate: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:15 \\${zone}\\n`));
    }
  });

  it('applies the zone to a local time with no offset, DST included', () => {
    const local = (month: number): ClipDraft =>
      makeDraft({ published: publishedAt({ year: 2023, month, day: 15, hour: 23, minute: 5 }) });
    const ny = { ...OPTIONS, timeZone: 'America/New_York' };
    expect(buildPost(local(7), 'x', ny, { clippedAt: CLIPPED_AT }).content).toContain(
      '\ndate: 2023-07-15 23:05:00 -0400\n',
    );
    expect(buildPost(local(1), 'x', ny, { clippedAt: CLIPPED_AT }).content).toContain(
      '\ndate: 2023-01-15 23:05:00 -0500\n',
    );
    // The page's own offset is never replaced.
    expect(buildPost(makeDraft(), 'x', ny, { clippedAt: CLIPPED_AT }).content).toContain('+0800');
  });

  it('lets edits win: title, date, categories, tags', () => {
    const post = buildPost(makeDraft({ keywords: ['a', 'b'] }), 'x', OPTIONS, {
      clippedAt: CLIPPED_AT,
      edits: {
        title: 'yes',
        date: '2020-01-02 03:04:05 +0100',
        categories: ['news', 'world'],
        tags: ['solo'],
      },
    });
    expect(readFrontMatter(post.content)).toMatchObject({
      title: 'yes',
      date: '2020-01-02 03:04:05 +0100',
      categories: ['news', 'world'],
      tags: ['solo'],
    });
    expect(post.filename).toBe('2020-01-02-yes.md');
  });

  it('ignores an edited date that is not in Jekyll form', () => {
    const post = buildPost(makeDraft(), 'x', OPTIONS, {
      clippedAt: CLIPPED_AT,
      edits: { date: '2020-01-02\nx: 1' },
    });
    expect(post.content).toContain('\ndate: 2022-02-17 09:00:40 +0800\n');
  });

  it('writes one category as a string, several or spaced ones as a list', () => {
    const one = buildPost(makeDraft(), 'x', OPTIONS, {
      clippedAt: CLIPPED_AT,
      edits: { categories: ['news'] },
    });
    expect(one.content).toContain('\ncategories: news\n');
    const spaced = buildPost(makeDraft(), 'x', OPTIONS, {
      clippedAt: CLIPPED_AT,
      edits: { categories: ['New York'] },
    });
    expect(spaced.content).toContain('\ncategories:\n  - "New York"\n');
    const none = buildPost(
      makeDraft(),
      'x',
      { ...OPTIONS, categoriesMode: 'none' },
      { clippedAt: CLIPPED_AT },
    );
    expect(none.content).not.toContain('categories');
  });

  it('takes up to 10 keywords as tags, trimmed and de-duplicated ignoring case', () => {
    const keywords = [
      ' Trade ',
      'trade',
      '',
      'TRADE',
      'Ningbo',
      ...Array.from({ length: 15 }, (_, i) => `k${i}`),
    ];
    const post = buildPost(makeDraft({ keywords }), 'x', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(readFrontMatter(post.content).tags).toEqual([
      'Trade',
      'Ningbo',
      'k0',
      'k1',
      'k2',
      'k3',
      'k4',
      'k5',
      'k6',
      'k7',
    ]);
    const single = buildPost(makeDraft({ keywords: ['商业秘密'] }), 'x', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(single.content).toContain('\ntags:\n  - 商业秘密\n');
    const empty = buildPost(makeDraft({ keywords: [] }), 'x', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(empty.content).not.toContain('tags');
  });

  it('writes the site-news tag in English for other sites, as a list since it has spaces', () => {
    const post = buildPost(
      makeDraft({ siteName: 'Le Monde', lang: 'fr' }),
      'x',
      { ...OPTIONS, tagsMode: 'site-news' },
      { clippedAt: CLIPPED_AT },
    );
    expect(readFrontMatter(post.content)).toMatchObject({ categories: 'le-monde', tags: ['Le Monde news'] });
    const none = buildPost(makeDraft(), 'x', { ...OPTIONS, tagsMode: 'none' }, { clippedAt: CLIPPED_AT });
    expect(none.content).not.toContain('tags');
  });

  it('adds the author only when known and wanted, after source', () => {
    const draft = makeDraft({ byline: '#1 Reporter' });
    const post = buildPost(draft, 'x', OPTIONS, { clippedAt: CLIPPED_AT });
    expect(Object.keys(readFrontMatter(post.content))).toEqual([
      'layout',
      'title',
      'date',
      'categories',
      'source',
      'author',
    ]);
    expect(readFrontMatter(post.content).author).toBe('#1 Reporter');
    expect(
      buildPost(draft, 'x', { ...OPTIONS, includeAuthor: false }, { clippedAt: CLIPPED_AT }).content,
    ).not.toContain('author');
    expect(
      buildPost(makeDraft({ byline: '  ' }), 'x', OPTIONS, { clippedAt: CLIPPED_AT }).content,
    ).not.toContain('author');
  });

  it('names the file by the day of `date:` for any clip time and zone (property, 300 runs)', () => {
    const zones = [
      '',
      'UTC',
      'Asia/Shanghai',
      'America/New_York',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (clippedAt, timeZone) => {
          const post = buildPost(
            makeDraft({ published: null }),
            'x',
            { ...OPTIONS, timeZone },
            { clippedAt },
          );
          const date = /\ndate: (\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\n/.exec(
            post.content,
          );
          expect(date).not.toBeNull();
          const [, day = '', h = '', m = '', sec = '', sign = '', oh = '', om = ''] = date ?? [];
          expect(post.filename.startsWith(`${day}-`)).toBe(true);
          // The written wall time and offset name the same instant as the clip time.
          const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
          const wall = Date.parse(`${day}T${h}:${m}:${sec}Z`);
          expect(wall - offset * 60_000).toBe(Math.floor(clippedAt.getTime() / 1000) * 1000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps hostile titles as data (property, 300 runs)', () => {
    const title = fc.oneof(
      fc.constantFrom(
        'Jane Doe: Staff Writer',
        '#1 Reporter',
        'C:\\new',
        'yes',
        '- dash',
        '---',
        'a\n---\nlayout: evil',
        '"q"',
      ),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
    );
    fc.assert(
      fc.property(title, (t) => {
        const post = buildPost(makeDraft({ title: t }), 'Body', OPTIONS, { clippedAt: CLIPPED_AT });
        const data = readFrontMatter(post.content);
        expect(data.title).toBe(t);
        expect(data.layout).toBe('post');
        expect(Object.keys(data)).toEqual(['layout', 'title', 'date', 'categories', 'source']);
        expect(post.filename).toMatch(/^2022-02-17-[^/\\<>:"|?*]+\.md$/);
        expect(post.content.endsWith('\n') && !post.content.endsWith('\n\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const NOTE: Template = {
  id: 'note',
  name: 'Note',
  format: 'yaml',
  fields: [
    { key: 'title', value: '{{title|upper}}' },
    { key: 'day', value: '{{date|date:"YYYY-MM-DD"}}' },
  ],
  body: '> {{excerpt|default:"no excerpt"}}\n\n{{content}}',
  filename: 'notes/{{site|slug:"site"}}/{{title}}.md',
  sourceLine: '<{{url}}>',
};
const RENDER_CTX = { clippedAt: CLIPPED_AT, timeZone: 'UTC', slugMode: 'readable' as const };

describe('renderPost', () => {
  it('renders fields, body, source line and a file name with folders from the template', () => {
    const post = renderPost(makeDraft({ title: 'a/b: c' }), '正文', NOTE, RENDER_CTX);
    expect(post).toEqual({
      filename: 'notes/zhongguoshichangjianguanxinwenwang/a-b c.md',
      content: `---\ntitle: "A/B: C"\nday: 2022-02-17\n---\n\n> no excerpt\n\n正文\n\n<${URL_ZH}>\n`,
      dateText: '2022-02-17 09:00:40 +0800',
    });
  });

  it('falls back to the last good template on a syntax error, and says why', () => {
    const broken = { ...NOTE, body: '{{content|slgu}}' };
    const post = renderPost(makeDraft(), '正文', broken, { ...RENDER_CTX, fallback: NOTE });
    expect(post.templateError).toMatchObject({
      part: 'body',
      message: "body: Unknown filter 'slgu' at line 1, column 11 — did you mean 'slug'?",
    });
    expect(post.content).toBe(renderPost(makeDraft(), '正文', NOTE, RENDER_CTX).content);
    // No usable fallback: the default Jekyll template.
    const jekyll = renderPost(makeDraft(), '正文', broken, { ...RENDER_CTX, fallback: broken });
    expect(jekyll.templateError?.part).toBe('body');
    expect(jekyll.content).toBe(buildPost(makeDraft(), '正文', OPTIONS, { clippedAt: CLIPPED_AT }).content);
  });

  it('applies edits to any template: title and date through variables, tags and categories by key', () => {
    const post = renderPost(makeDraft(), 'x', NOTE, {
      ...RENDER_CTX,
      edits: { title: 'edited', date: '2020-01-02 03:04:05 +0100', tags: ['t1'], categories: ['c 1'] },
    });
    expect(readFrontMatter(post.content)).toEqual({
      title: 'EDITED',
      day: '2020-01-02',
      categories: ['c 1'],
      tags: ['t1'],
    });
  });

  it('writes no front matter for format none, and TOML for toml', () => {
    const plain = renderPost(makeDraft(), 'x', findTemplate('markdown', []), RENDER_CTX);
    expect(plain.content).toBe(
      `# 厚植商业秘密保护土壤 宁波迈向“智造”未来\n\nx\n\n来源：[中国市场监管新闻网](${URL_ZH})\n`,
    );
    const toml = renderPost(makeDraft(), 'x', findTemplate('hugo-toml', []), RENDER_CTX);
    expect(toml.content.startsWith('+++\ntitle = ')).toBe(true);
    expect(toml.content).toContain('\ndate = 2022-02-17T09:00:40+08:00\n');
  });
});

describe('buildTemplateVars', () => {
  it('gives every variable from the draft, typed', () => {
    const vars = buildTemplateVars(
      makeDraft({
        kind: 'selection',
        keywords: [' a ', 'A', 'b'],
        canonical: 'https://c.example/x',
        modified: null,
      }),
      '\n\n选中的文字\n',
      { clippedAt: CLIPPED_AT, timeZone: 'Asia/Shanghai' },
    );
    expect(vars.keywords).toEqual({ kind: 'list', items: ['a', 'b'] });
    expect(vars.source).toEqual({ kind: 'text', value: 'https://c.example/x' });
    expect(vars.domain).toEqual({ kind: 'text', value: 'cmrnn.com.cn' });
    expect(vars.selection).toEqual({ kind: 'text', value: '选中的文字' });
    expect(vars.modified).toEqual({ kind: 'text', value: '' });
    expect(vars.clipped).toEqual({
      kind: 'date',
      parts: { year: 2024, month: 7, day: 4, hour: 11, minute: 30, second: 15, offsetMinutes: 480 },
    });
    expect(vars.site_news).toEqual({ kind: 'text', value: '中国市场监管新闻网新闻' });
    expect(vars.source_label).toEqual({ kind: 'text', value: '来源：' });
  });
});
