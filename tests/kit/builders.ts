// Test kit: fixtures built from one default each, so a test states only the fields it is about.
// `makeDraft({ title: 'x' })`, `makeStoredClip({ edits: { tags: ['a'] }, draft: { siteName: null } })`.
import { toClipKey } from '../../utils/pure/clip-key';
import { toMarkdownKey } from '../../utils/pure/markdown-key';
import type { ClipDraft, FoundDate, StoredClip } from '../../utils/pure/types';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

/** 18 March 2024, 07:45 UTC, in epoch milliseconds: the kit's clock. */
export const KIT_NOW = Date.UTC(2024, 2, 18, 7, 45);

/** A published date as the page's `article:published_time` meta tag gives it (offset stated by the page). */
export function makeFoundDate(overrides: Partial<FoundDate> = {}): FoundDate {
  return {
    raw: '2024-03-18T07:45:00Z',
    source: 'meta',
    detail: 'meta[property=article:published_time]',
    parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 0 },
    zoneFrom: 'page',
    ...overrides,
  };
}

/** What the clip script returns for a plain English news article. */
export function makeDraft(overrides: Partial<ClipDraft> = {}): ClipDraft {
  return {
    url: 'https://news.example/2024/03/18/tidal-power.html',
    canonical: null,
    title: 'Harbour city opens its first tidal power station',
    byline: 'Jane Doe',
    siteName: 'The Coastal Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: ['energy'],
    published: makeFoundDate(),
    modified: null,
    contentHtml: '<p>The turbines turned for the first time on Monday.</p>',
    textContent: 'The turbines turned for the first time on Monday.',
    kind: 'article',
    ...overrides,
  };
}

export type StoredClipOverrides = Partial<Omit<StoredClip, 'draft'>> & { draft?: Partial<ClipDraft> };

/**
 * A clip as the store keeps it after `saveDraft(draft, markdown, KIT_NOW, key)`: the url is the draft's library key
 * (canonical, else page URL, no #fragment) unless given, and the Markdown key is the default style's.
 */
export function makeStoredClip(overrides: StoredClipOverrides = {}): StoredClip {
  const { draft: draftOverrides, ...rest } = overrides;
  const draft = makeDraft(draftOverrides);
  return {
    id: 'clip-1',
    url: toClipKey(draft.canonical ?? draft.url),
    draft,
    markdown: draft.textContent,
    markdownKey: toMarkdownKey(DEFAULT_MARKDOWN_STYLE),
    edits: {},
    clippedAt: KIT_NOW,
    updatedAt: KIT_NOW,
    ...rest,
  };
}
