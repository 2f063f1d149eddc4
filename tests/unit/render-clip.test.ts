import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { draftToMarkdown } from '../../utils/dom/pipeline';
import { renderClip } from '../../utils/dom/render-clip';
import type { MarkdownStyle, StoredClip } from '../../utils/pure/types';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

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
  // Markdown as converted at clip time with an older style: export must not reuse it.
  markdown: 'STALE MARKDOWN',
  edits: { title: 'My own title', tags: ['edited-tag'], date: '2024-04-01' },
  clippedAt: Date.UTC(2024, 2, 19),
  updatedAt: Date.UTC(2024, 2, 19),
};

function frontMatterOf(content: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

describe('renderClip', () => {
  const doc = parseHTML('<!doctype html><html><body></body></html>').document;

  it('applies the edits and re-converts the stored HTML', () => {
    const post = renderClip(CLIP, DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS, doc);
    const fm = frontMatterOf(post.content);
    expect(fm.title).toBe('My own title');
    expect(fm.tags).toEqual(['edited-tag']);
    expect(post.filename.startsWith('2024-04-01-')).toBe(true);
    expect(post.content).toContain('## How the turbines work');
    expect(post.content).toContain('- One');
    expect(post.content).not.toContain('STALE MARKDOWN');
  });

  it('uses the current Markdown style', () => {
    const style: MarkdownStyle = {
      ...DEFAULT_MARKDOWN_STYLE,
      headingStyle: 'setext',
      bulletListMarker: '*',
      emDelimiter: '*',
    };
    const post = renderClip(CLIP, style, DEFAULT_POST_OPTIONS, doc);
    expect(post.content).toMatch(/How the turbines work\n-{3,}/);
    expect(post.content).toMatch(/^\*\s+One$/m);
    expect(post.content).toContain('*Calm*');
    // The body is exactly the pipeline's conversion of the stored HTML.
    expect(post.content).toContain(draftToMarkdown(CLIP.draft, doc, style));
  });

  it('uses the current post options', () => {
    const post = renderClip(CLIP, DEFAULT_MARKDOWN_STYLE, { ...DEFAULT_POST_OPTIONS, layout: 'note' }, doc);
    expect(frontMatterOf(post.content).layout).toBe('note');
  });
});
