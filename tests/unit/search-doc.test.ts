import { describe, expect, it } from 'vitest';
import { toSearchDoc } from '../../utils/pure/search-doc';
import type { ClipDraft, StoredClip } from '../../utils/pure/types';

const DRAFT: ClipDraft = {
  url: 'https://www.cmrnn.com.cn/content/2022-02/17/content_1.html?from=feed',
  canonical: 'https://www.cmrnn.com.cn/content/2022-02/17/content_1.html',
  title: '厚植商业秘密保护土壤',
  byline: '本报记者 李明',
  siteName: '中国市场监管新闻网',
  lang: 'zh-CN',
  dir: 'ltr',
  excerpt: null,
  image: null,
  keywords: ['商业秘密'],
  published: {
    raw: '2022-02-17 09:00',
    source: 'meta',
    detail: 'meta',
    parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, offsetMinutes: 480 },
  },
  modified: null,
  contentHtml: '<p>x</p>',
  textContent: 'x',
  kind: 'article',
};

function clip(fields: Partial<StoredClip> = {}): StoredClip {
  return {
    id: 'c1',
    url: DRAFT.canonical ?? DRAFT.url,
    draft: DRAFT,
    markdown: '商业秘密是企业的核心竞争力。',
    edits: {},
    clippedAt: Date.UTC(2024, 10, 19, 20, 30),
    updatedAt: Date.UTC(2024, 10, 19, 20, 30),
    ...fields,
  };
}

describe('toSearchDoc', () => {
  it('takes the fields from the draft, the body from the Markdown, and the dates as days', () => {
    expect(toSearchDoc(clip(), 'Asia/Shanghai')).toEqual({
      id: 'c1',
      title: '厚植商业秘密保护土壤',
      body: '商业秘密是企业的核心竞争力。',
      author: '本报记者 李明',
      site: '中国市场监管新闻网 cmrnn.com.cn',
      tags: ['商业秘密'],
      published: '2022-02-17',
      clipped: '2024-11-20',
    });
  });

  it('names the clipped day in the zone given', () => {
    expect(toSearchDoc(clip(), 'UTC').clipped).toBe('2024-11-19');
  });

  it("prefers the user's edits to the extracted title, date and tags", () => {
    const doc = toSearchDoc(
      clip({ edits: { title: 'Edited', date: '2023-05-06 10:00:00 +0800', tags: ['x'] } }),
    );
    expect(doc.title).toBe('Edited');
    expect(doc.published).toBe('2023-05-06');
    expect(doc.tags).toEqual(['x']);
  });

  it('leaves out what the page did not give', () => {
    const bare = {
      ...DRAFT,
      byline: null,
      siteName: null,
      published: null,
      canonical: null,
      url: 'about:blank',
    };
    const doc = toSearchDoc(clip({ draft: bare }), 'UTC');
    expect(doc.author).toBe('');
    expect(doc.site).toBe('');
    expect(doc.published).toBeNull();
  });
});
