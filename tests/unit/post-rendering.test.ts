// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { StoredClip } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const { readFrontMatter, readPostFields, renderOpened, renderPreview, SAMPLE_CLIP } =
  await import('../../utils/platform/post-rendering');

const CLIP: StoredClip = { ...SAMPLE_CLIP, id: 'c1', edits: { tags: ['kept'] } };

describe('readPostFields', () => {
  it('reads YAML front matter', () => {
    const content =
      '---\ntitle: "A: b"\ndate: 2024-03-18 07:45:00 +0000\ncategories: news\ntags:\n  - x\n---\nBody\n';
    expect(readPostFields(content, CLIP, '2000-01-01')).toEqual({
      title: 'A: b',
      date: '2024-03-18 07:45:00 +0000',
      categories: ['news'],
      tags: ['x'],
    });
  });

  it('reads TOML front matter; a date not in Jekyll form shows the post date instead', () => {
    const content = '+++\ntitle = "T"\ndate = 2024-03-18T07:45:00Z\ncategories = [ "a", "b" ]\n+++\n\nBody\n';
    expect(readFrontMatter(content)).toMatchObject({ title: 'T', categories: ['a', 'b'] });
    expect(readPostFields(content, CLIP, '2024-03-18 07:45:00 +0000')).toEqual({
      title: 'T',
      date: '2024-03-18 07:45:00 +0000',
      categories: ['a', 'b'],
      tags: ['kept'],
    });
  });

  it('falls back to the stored values for a post without front matter', () => {
    expect(readPostFields('# Title\n\nBody\n', { ...CLIP, edits: { date: '2024-01-02' } }, 'x')).toEqual({
      title: CLIP.draft.title,
      date: '2024-01-02',
      categories: [],
      tags: [],
    });
  });
});

describe('renderOpened and renderPreview', () => {
  it('render with the active template and read the fields back', () => {
    const opened = renderOpened(CLIP, { ...DEFAULT_SETTINGS, activeTemplateId: 'hugo-toml' });
    expect(opened.post.content.startsWith('+++\n')).toBe(true);
    expect(opened.post.filename).toBe('content/posts/harbour-city-opens-its-first-tidal-power-station.md');
    expect(opened.fields).toEqual({
      title: CLIP.draft.title,
      date: '2024-03-18 07:45:00 +0000',
      categories: ['the-coastal-courier'],
      tags: ['kept'],
    });
    expect(opened.templateError).toBeNull();
  });

  it("show the date the file is written with, a site rule's zone included", () => {
    // The extractor guessed +08:00 from the language; the user's rule says the publisher is in Tokyo.
    const guessed: StoredClip = {
      ...CLIP,
      draft: {
        ...CLIP.draft,
        published: {
          raw: '2024-03-18 07:45',
          source: 'text',
          detail: 'text',
          parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 480 },
          zoneFrom: 'publisher',
        },
      },
    };
    const rules = [
      { id: 'tokyo', match: { type: 'host' as const, value: 'news.example.com' }, timeZone: 'Asia/Tokyo' },
    ];
    const opened = renderOpened(guessed, { ...DEFAULT_SETTINGS, activeTemplateId: 'hugo-toml', rules });
    expect(opened.post.content).toContain('date = 2024-03-18T07:45:00+09:00');
    expect(opened.fields.date).toBe('2024-03-18 07:45:00 +0900');
  });

  it('preview the sample story when the library is empty', () => {
    const preview = renderPreview(null, DEFAULT_SETTINGS);
    expect(preview.isSample).toBe(true);
    expect(preview.filename).toBe('2024-03-18-harbour-city-opens-its-first-tidal-power-station.md');
    expect(preview.content).toContain('## How the turbines work');
    expect(renderPreview(CLIP, DEFAULT_SETTINGS).isSample).toBe(false);
  });
});
