import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RenderSettings } from '../../utils/pure/render-clip';
import { chooseClipTemplate, clipBody, renderClip, withRuleZone } from '../../utils/pure/render-clip';
import type { SiteRule } from '../../utils/pure/site-rules';
import type { Template } from '../../utils/pure/template';
import type { PostOptions, StoredClip } from '../../utils/pure/types';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

function settingsWith(over: Partial<RenderSettings> = {}): RenderSettings {
  return {
    markdown: DEFAULT_MARKDOWN_STYLE,
    post: DEFAULT_POST_OPTIONS,
    templates: [],
    activeTemplateId: 'jekyll',
    rules: [],
    ...over,
  };
}
const withPost = (post: PostOptions) => settingsWith({ post });

const CLIP: StoredClip = {
  id: 'c1',
  url: 'https://news.example/tidal',
  draft: {
    url: 'https://news.example/tidal',
    canonical: null,
    title: 'Harbour city opens its first tidal power station',
    byline: 'Jane Doe',
    siteName: 'The Coastal Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: ['energy'],
    published: {
      raw: '2024-03-18T07:45:00Z',
      source: 'meta',
      detail: 'meta[property=article:published_time]',
      parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 0 },
      zoneFrom: 'page',
    },
    modified: null,
    contentHtml: '<h2>How the turbines work</h2><ul><li>One</li><li>Two</li></ul><p><em>Calm</em> seas.</p>',
    textContent: 'How the turbines work One Two Calm seas.',
    kind: 'article',
  },
  // The Markdown made at clip time: the post body, whatever the Markdown style is now.
  markdown: '## How the turbines work\n\n- One\n- Two\n\n_Calm_ seas.',
  edits: { title: 'My own title', tags: ['edited-tag'], date: '2024-04-01' },
  clippedAt: Date.UTC(2024, 2, 19),
  updatedAt: Date.UTC(2024, 2, 19),
};

function frontMatterOf(content: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

describe('renderClip', () => {
  it('applies the edits and uses the stored Markdown as the body', () => {
    const post = renderClip(CLIP, settingsWith());
    const fm = frontMatterOf(post.content);
    expect(fm.title).toBe('My own title');
    expect(fm.tags).toEqual(['edited-tag']);
    expect(post.filename.startsWith('2024-04-01-')).toBe(true);
    expect(post.content).toContain('## How the turbines work');
    expect(post.content).toContain('- One');
  });

  it('uses the current post options', () => {
    const post = renderClip(CLIP, withPost({ ...DEFAULT_POST_OPTIONS, layout: 'note' }));
    expect(frontMatterOf(post.content).layout).toBe('note');
  });

  it('uses the active template, a built-in preset or a user copy', () => {
    const toml = renderClip(CLIP, settingsWith({ activeTemplateId: 'hugo-toml' }));
    expect(toml.content.startsWith('+++\n')).toBe(true);
    expect(toml.content).toContain('draft = true');
    expect(toml.filename).toBe('content/posts/my-own-title.md');
    const mine: Template = {
      id: 'mine',
      name: 'Mine',
      format: 'yaml',
      fields: [{ key: 'headline', value: '{{title|upper}}' }],
      body: '{{content}}',
      filename: 'notes/{{title|slug}}.md',
      sourceLine: '',
    };
    const post = renderClip(CLIP, settingsWith({ templates: [mine], activeTemplateId: 'mine' }));
    expect(frontMatterOf(post.content)).toEqual({ headline: 'MY OWN TITLE', tags: ['edited-tag'] });
    expect(post.filename).toBe('notes/my-own-title.md');
    expect(post.templateError).toBeUndefined();
  });

  it("applies the matching rule's fields, template and time zone", () => {
    const local = {
      ...CLIP,
      edits: {},
      draft: {
        ...CLIP.draft,
        siteName: '中国市场监管新闻网',
        published: {
          raw: '2022-02-17 09:00:40',
          source: 'text' as const,
          detail: 'text',
          parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40 },
        },
      },
    };
    const rule: SiteRule = {
      id: 'r',
      match: { type: 'host-suffix', value: 'example' },
      fields: [
        { key: 'categories', value: '{{site|pinyin}}' },
        { key: 'tags', value: '{{site}}新闻' },
      ],
      timeZone: 'Asia/Shanghai',
    };
    const fm = frontMatterOf(renderClip(local, settingsWith({ rules: [rule] })).content);
    expect(fm.categories).toBe('zhongguoshichangjianguanxinwenwang');
    expect(fm.tags).toBe('中国市场监管新闻网新闻');
    expect(fm.date).toBe('2022-02-17 09:00:40 +0800');
    const other = renderClip(
      local,
      settingsWith({ rules: [{ ...rule, match: { type: 'host', value: 'x.cn' } }] }),
    );
    expect(frontMatterOf(other.content).date).toBe('2022-02-17 09:00:40 +0000');
    const hugo = renderClip(local, settingsWith({ rules: [{ ...rule, templateId: 'hugo-yaml' }] }));
    expect(frontMatterOf(hugo.content).date).toBe('2022-02-17T09:00:40+08:00');
  });

  it('falls back to the Jekyll template of the post options when the stored template does not parse', () => {
    const broken: Template = {
      id: 'broken',
      name: 'Broken',
      format: 'yaml',
      fields: [{ key: 'title', value: '{{title|nope}}' }],
      body: '{{content}}',
      filename: '{{title}}.md',
      sourceLine: '',
    };
    const post = renderClip(
      CLIP,
      settingsWith({
        templates: [broken],
        activeTemplateId: 'broken',
        post: { ...DEFAULT_POST_OPTIONS, layout: 'note' },
      }),
    );
    expect(post.templateError?.message).toMatch(/Unknown filter 'nope'/);
    expect(frontMatterOf(post.content).layout).toBe('note');
    expect(post.filename).toBe('2024-04-01-my-own-title.md');
  });

  it("puts a rule's zone over a zone the extractor only guessed, never over the page's own", () => {
    const guessed = {
      ...CLIP,
      edits: {},
      draft: {
        ...CLIP.draft,
        published: {
          raw: '2022-02-17 09:00:40',
          source: 'text' as const,
          detail: 'text',
          parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
          zoneFrom: 'publisher' as const,
        },
      },
    };
    const rule: SiteRule = {
      id: 'r',
      match: { type: 'host', value: 'news.example' },
      timeZone: 'Asia/Tokyo',
    };
    expect(frontMatterOf(renderClip(guessed, settingsWith()).content).date).toBe('2022-02-17 09:00:40 +0800');
    expect(frontMatterOf(renderClip(guessed, settingsWith({ rules: [rule] })).content).date).toBe(
      '2022-02-17 09:00:40 +0900',
    );
    // The page said +00:00 itself: the rule does not move it.
    expect(
      frontMatterOf(renderClip({ ...CLIP, edits: {} }, settingsWith({ rules: [rule] })).content).date,
    ).toBe('2024-03-18 07:45:00 +0000');
    expect(withRuleZone(guessed.draft, undefined)).toBe(guessed.draft);
    expect(withRuleZone(guessed.draft, 'Asia/Tokyo').published?.parts.offsetMinutes).toBeUndefined();
  });
});

describe('renderClip with the body and template picked in the popup', () => {
  const starred = { ...DEFAULT_MARKDOWN_STYLE, bulletListMarker: '*' as const };

  it('keeps the stored Markdown when the Markdown style changed: a new style applies to new clips', () => {
    const post = renderClip(CLIP, settingsWith({ markdown: starred }));
    expect(post.content).toContain('- One');
    expect(post.content).not.toMatch(/^\*\s+One$/m);
  });

  it("puts the user's edited body in place of the stored Markdown", () => {
    const edited = { ...CLIP, edits: { ...CLIP.edits, body: 'My **own** words.' } };
    expect(clipBody(edited)).toBe('My **own** words.');
    const post = renderClip(edited, settingsWith());
    expect(post.content).toContain('My **own** words.');
    expect(post.content).not.toContain('How the turbines work');
  });

  it('renders with the template picked for the clip, over the rule and the active one', () => {
    const rule: SiteRule = {
      id: 'r',
      match: { type: 'host', value: 'news.example' },
      templateId: 'hugo-yaml',
    };
    const picked = { ...CLIP, edits: { ...CLIP.edits, templateId: 'hugo-toml' } };
    expect(renderClip(picked, settingsWith({ rules: [rule] })).content.startsWith('+++\n')).toBe(true);
    expect(chooseClipTemplate(settingsWith({ rules: [rule] }), CLIP).template.id).toBe('hugo-yaml');
    // A template deleted since falls back to the rule's choice.
    const gone = { ...CLIP, edits: { templateId: 'deleted' } };
    expect(chooseClipTemplate(settingsWith({ rules: [rule] }), gone).template.id).toBe('hugo-yaml');
  });
});
