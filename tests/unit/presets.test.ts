import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildPost, renderPost } from '../../utils/pure/post';
import {
  BUILT_IN_TEMPLATES,
  DEFAULT_TEMPLATE_ID,
  findTemplate,
  toJekyllTemplate,
  zipFolderFor,
} from '../../utils/pure/presets';
import type { Template } from '../../utils/pure/template';
import { compileTemplate } from '../../utils/pure/template';
import type { ClipDraft } from '../../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

// Golden-style: one page through every preset, the clock frozen, each expected file written out and checked by hand.
const CLIPPED_AT = new Date('2023-05-05T10:00:00Z');
const DRAFT: ClipDraft = {
  url: 'https://news.example.com/world/2023/05/04/harbour-bridge?utm=1',
  canonical: 'https://news.example.com/world/2023/05/04/harbour-bridge',
  title: 'Harbour bridge reopens: "a relief" for #1 commuters',
  byline: 'Jane Doe, John Roe',
  siteName: 'The Example Times',
  lang: 'en',
  dir: 'ltr',
  excerpt: 'The bridge reopened on Thursday.',
  image: null,
  keywords: ['Transport', 'transport', 'City'],
  published: {
    raw: '2023-05-04T09:15:00+01:00',
    source: 'meta',
    detail: 'meta[property=article:published_time]',
    parts: { year: 2023, month: 5, day: 4, hour: 9, minute: 15, second: 0, offsetMinutes: 60 },
  },
  modified: null,
  contentHtml: '<p>The bridge reopened.</p>',
  textContent: 'The bridge reopened.',
  kind: 'article',
};
const MARKDOWN = '\nThe bridge reopened.\n\n- one\n';
const BODY = 'The bridge reopened.\n\n- one';
const SOURCE_LINE = 'Source: [The Example Times](https://news.example.com/world/2023/05/04/harbour-bridge)';
const TITLE_SLUG = 'harbour-bridge-reopens-a-relief-for-1-commuters';

function renderWith(id: string) {
  return renderPost(DRAFT, MARKDOWN, findTemplate(id, []), {
    clippedAt: CLIPPED_AT,
    timeZone: 'UTC',
    slugMode: 'readable',
  });
}

const EXPECTED: Record<string, { filename: string; content: string }> = {
  jekyll: {
    filename: `2023-05-04-${TITLE_SLUG}.md`,
    content: [
      '---',
      'layout: post',
      'title: "Harbour bridge reopens: \\"a relief\\" for #1 commuters"',
      'date: 2023-05-04 09:15:00 +0100',
      'categories: the-example-times',
      'tags:',
      '  - "Transport"',
      '  - "City"',
      'source: "https://news.example.com/world/2023/05/04/harbour-bridge"',
      'author: "Jane Doe, John Roe"',
      '---',
      '',
      BODY,
      '',
      SOURCE_LINE,
      '',
    ].join('\n'),
  },
  'hugo-yaml': {
    filename: `content/posts/${TITLE_SLUG}.md`,
    content: [
      '---',
      'title: "Harbour bridge reopens: \\"a relief\\" for #1 commuters"',
      'date: 2023-05-04T09:15:00+01:00',
      'draft: true',
      'tags:',
      '  - "Transport"',
      '  - "City"',
      'categories:',
      '  - the-example-times',
      'author: "Jane Doe, John Roe"',
      'description: "The bridge reopened on Thursday."',
      'source: "https://news.example.com/world/2023/05/04/harbour-bridge"',
      '---',
      '',
      BODY,
      '',
      SOURCE_LINE,
      '',
    ].join('\n'),
  },
  'hugo-toml': {
    filename: `content/posts/${TITLE_SLUG}.md`,
    content: [
      '+++',
      'title = "Harbour bridge reopens: \\"a relief\\" for #1 commuters"',
      'date = 2023-05-04T09:15:00+01:00',
      'draft = true',
      'tags = [ "Transport", "City" ]',
      'categories = [ "the-example-times" ]',
      'author = "Jane Doe, John Roe"',
      'description = "The bridge reopened on Thursday."',
      'source = "https://news.example.com/world/2023/05/04/harbour-bridge"',
      '+++',
      '',
      BODY,
      '',
      SOURCE_LINE,
      '',
    ].join('\n'),
  },
  obsidian: {
    // `:` and `"` cannot be in a Windows file name.
    filename: 'Harbour bridge reopens a relief for #1 commuters.md',
    content: [
      '---',
      'title: "Harbour bridge reopens: \\"a relief\\" for #1 commuters"',
      // The canonical address, not the tab's tracking URL.
      'source: "https://news.example.com/world/2023/05/04/harbour-bridge"',
      'author:',
      '  - "[[Jane Doe]]"',
      '  - "[[John Roe]]"',
      'published: 2023-05-04',
      'created: 2023-05-05',
      'description: "The bridge reopened on Thursday."',
      'tags:',
      '  - clippings',
      '---',
      '',
      BODY,
      '',
    ].join('\n'),
  },
  markdown: {
    filename: `${TITLE_SLUG}.md`,
    content: ['# Harbour bridge reopens: "a relief" for #1 commuters', '', BODY, '', SOURCE_LINE, ''].join(
      '\n',
    ),
  },
};

describe('built-in presets', () => {
  it('are the five the issue asks for, Jekyll first, each compiling', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual([
      'jekyll',
      'hugo-yaml',
      'hugo-toml',
      'obsidian',
      'markdown',
    ]);
    expect(DEFAULT_TEMPLATE_ID).toBe('jekyll');
    for (const template of BUILT_IN_TEMPLATES) expect(compileTemplate(template).ok, template.id).toBe(true);
  });

  it.each(Object.keys(EXPECTED))('%s writes the expected file', (id) => {
    const post = renderWith(id);
    expect(post.templateError).toBeUndefined();
    expect({ filename: post.filename, content: post.content }).toEqual(EXPECTED[id]);
  });

  it('Jekyll preset is exactly buildPost with the default options', () => {
    const post = renderWith('jekyll');
    const built = buildPost(
      DRAFT,
      MARKDOWN,
      { ...DEFAULT_POST_OPTIONS, timeZone: 'UTC' },
      { clippedAt: CLIPPED_AT },
    );
    expect({ filename: post.filename, content: post.content }).toEqual(built);
  });

  it('Hugo front matter reads back typed: a real date, a boolean, lists', () => {
    const yaml = renderWith('hugo-yaml').content;
    const toml = renderWith('hugo-toml').content;
    const fromYaml = parseYaml(/^---\n([\s\S]*?)---\n/.exec(yaml)?.[1] ?? '', { version: '1.1' }) as Record<
      string,
      unknown
    >;
    const fromToml = parseToml(/^\+\+\+\n([\s\S]*?)\+\+\+\n/.exec(toml)?.[1] ?? '');
    expect(fromYaml.date).toEqual(new Date('2023-05-04T08:15:00Z'));
    expect(fromToml.date).toBeInstanceOf(Date);
    expect((fromToml.date as Date).getTime()).toBe(Date.parse('2023-05-04T08:15:00Z'));
    for (const data of [fromYaml, fromToml]) {
      expect(data.draft).toBe(true);
      expect(data.tags).toEqual(['Transport', 'City']);
      expect(data.categories).toEqual(['the-example-times']);
    }
  });

  it('leaves out fields with nothing to say (no author, no keywords, no excerpt)', () => {
    const bare = { ...DRAFT, byline: null, keywords: [], excerpt: null };
    for (const template of BUILT_IN_TEMPLATES) {
      const post = renderPost(bare, 'x', template, {
        clippedAt: CLIPPED_AT,
        timeZone: 'UTC',
        slugMode: 'readable',
      });
      expect(post.content, template.id).not.toMatch(/\n(author|description)\b/);
      // Obsidian's `tags: [clippings]` is its own; keyword tags are gone.
      expect(post.content, template.id).not.toMatch(template.id === 'obsidian' ? /Transport/ : /\ntags\b/);
    }
  });
});

describe('toJekyllTemplate and findTemplate', () => {
  it('follows PostOptions: modes, source line, author, and a layout taken literally', () => {
    const off = toJekyllTemplate({
      ...DEFAULT_POST_OPTIONS,
      categoriesMode: 'none',
      tagsMode: 'none',
      includeAuthor: false,
      includeSourceLine: false,
      layout: '{{title}}',
    });
    const post = renderPost(DRAFT, 'x', off, {
      clippedAt: CLIPPED_AT,
      timeZone: 'UTC',
      slugMode: 'readable',
    });
    expect(post.content).toBe(
      [
        '---',
        'layout: "{{title}}"',
        'title: "Harbour bridge reopens: \\"a relief\\" for #1 commuters"',
        'date: 2023-05-04 09:15:00 +0100',
        'source: "https://news.example.com/world/2023/05/04/harbour-bridge"',
        '---',
        '',
        'x',
        '',
      ].join('\n'),
    );
  });

  it("prefers the user's template, builds Jekyll from options, and falls back to Jekyll for unknown ids", () => {
    const mine: Template = { ...(BUILT_IN_TEMPLATES[4] as Template), id: 'hugo-yaml', name: 'My Hugo' };
    expect(findTemplate('hugo-yaml', [mine]).name).toBe('My Hugo');
    expect(findTemplate('obsidian', [mine]).id).toBe('obsidian');
    const pinyin = { ...DEFAULT_POST_OPTIONS, layout: 'article' };
    expect(findTemplate('jekyll', [], pinyin).fields[0]).toEqual({ key: 'layout', value: 'article' });
    expect(findTemplate('deleted', [], pinyin)).toEqual(toJekyllTemplate(pinyin));
  });
});

describe('Obsidian description', () => {
  const render = (over: Partial<ClipDraft>) =>
    renderPost({ ...DRAFT, ...over }, MARKDOWN, findTemplate('obsidian', []), {
      clippedAt: CLIPPED_AT,
      timeZone: 'UTC',
      slugMode: 'readable',
    }).content;

  it('is left empty when the excerpt only repeats the title or the byline', () => {
    expect(render({ excerpt: DRAFT.title })).not.toContain('description:');
    expect(render({ excerpt: 'By Jane Doe, John Roe' })).not.toContain('description:');
    expect(render({ excerpt: 'Traffic flows again after two years.' })).toContain(
      'description: "Traffic flows again after two years."',
    );
  });
});

describe('zipFolderFor', () => {
  it('puts only dated Jekyll posts under _posts/, Obsidian notes under Clippings/, the rest under posts/', () => {
    expect(zipFolderFor(findTemplate('jekyll', []))).toBe('_posts');
    expect(zipFolderFor(findTemplate('obsidian', []))).toBe('Clippings');
    expect(zipFolderFor(findTemplate('markdown', []))).toBe('posts');
    const dated = {
      ...findTemplate('markdown', []),
      id: 'mine',
      filename: '{{date|date:"YYYY-MM-DD"}}-x.md',
    };
    expect(zipFolderFor(dated)).toBe('_posts');
  });
});
