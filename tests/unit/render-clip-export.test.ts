// Exporting N stored clips yields N zip entries under N distinct names, even when every clip has the same title
// and date: the path the popup's Export runs (library → renderClip → postsToZipFiles → buildZip), unzipped and counted.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderSettings } from '../../utils/pure/render-clip';
import { renderClip } from '../../utils/pure/render-clip';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import { DEFAULT_TEMPLATE_ID } from '../../utils/pure/template-shape';
import type { ClipDraft, Post, StoredClip } from '../../utils/pure/types';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';
import { buildZip, postsToZipFiles } from '../../utils/pure/zip';

const N = 200;
const SETTINGS: RenderSettings = {
  markdown: DEFAULT_MARKDOWN_STYLE,
  post: DEFAULT_POST_OPTIONS,
  templates: [],
  activeTemplateId: DEFAULT_TEMPLATE_ID,
  rules: [],
};
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function makeClip(n: number, title: string): StoredClip {
  const draft: ClipDraft = {
    url: `https://news.example.com/a/${n}.html`,
    canonical: null,
    title,
    byline: null,
    siteName: 'Example News',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: [],
    published: {
      raw: '2024-03-18T07:45:00Z',
      source: 'meta',
      detail: 'meta',
      parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 0 },
      zoneFrom: 'page',
    },
    modified: null,
    contentHtml: `<p>Body of clip ${n}</p>`,
    textContent: `Body of clip ${n}`,
    kind: 'article',
  };
  return {
    id: `clip-${n}`,
    url: draft.url,
    draft,
    markdown: `Body of clip ${n}`,
    edits: {},
    clippedAt: 1_710_000_000_000 + n,
    updatedAt: 1_710_000_000_000 + n,
  };
}

const libraries: Library[] = [];
afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

/** What Export all does: every stored clip rendered with the current settings, then one zip. */
async function exportAll(lib: Library): Promise<{ posts: Post[]; entries: Record<string, Uint8Array> }> {
  const posts: Post[] = [];
  await lib.forEachClip((clip) => void posts.push(renderClip(clip, SETTINGS)));
  const entries = unzipSync(buildZip(postsToZipFiles(posts), new Date(Date.UTC(2024, 5, 1))));
  return { posts, entries };
}

describe.each([
  ['the same English title', 'Breaking: markets fall'],
  ['the same Chinese title', '市场监管总局发布新规'],
  ['a title that slugs to nothing', '!!!'],
  ['a title that is a Windows device name', 'CON'],
  ['a hostile path title', '../../etc/passwd'],
  ['the same 200-byte title', '长'.repeat(70)],
])('%s on all %#', (_name, title) => {
  it(`${N} clips → ${N} zip entries with unique names and every body`, async () => {
    const lib = await openLibrary(new IDBFactory());
    libraries.push(lib);
    await lib.putClips(Array.from({ length: N }, (_, n) => makeClip(n, title)));
    expect(await lib.count()).toBe(N);
    const { posts, entries } = await exportAll(lib);
    expect(posts).toHaveLength(N);
    const names = Object.keys(entries);
    expect(names).toHaveLength(N);
    expect(new Set(names.map((name) => name.normalize('NFC').toUpperCase().toLowerCase())).size).toBe(N);
    for (const name of names) {
      expect(name.startsWith('_posts/')).toBe(true);
      expect(name.slice('_posts/'.length)).not.toMatch(/[/\\]|^\.|\.\.|^[A-Za-z]:/);
    }
    // Every clip's body is in exactly one entry: nothing overwritten.
    const bodies = Object.values(entries).map((bytes) => UTF8.decode(bytes));
    for (let n = 0; n < N; n++) {
      expect(
        bodies.filter((body) => body.includes(`Body of clip ${n}\n`) || body.endsWith(`Body of clip ${n}`)),
      ).toHaveLength(1);
    }
  });
});
