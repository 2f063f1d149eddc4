// @vitest-environment jsdom
// The popup's Export all, end to end below the UI: every stored clip comes out once, under a unique name.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import type { ClipDraft } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));
const downloaded: { bytes: Uint8Array; filename: string }[] = [];
vi.mock('../../utils/platform/downloads', () => ({
  downloadZipBlob: async (blob: Blob, filename: string) => {
    downloaded.push({ bytes: new Uint8Array(await blob.arrayBuffer()), filename });
    return { ok: true, value: undefined };
  },
}));

const { exportZip } = await import('../../utils/platform/post-rendering');

function sameTitleDraft(n: number): ClipDraft {
  return {
    url: `https://news.example/same-${n}`,
    canonical: null,
    title: 'The same headline: every time',
    byline: null,
    siteName: 'Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: [],
    published: {
      raw: '2024-03-18',
      source: 'meta',
      detail: 'meta',
      parts: { year: 2024, month: 3, day: 18 },
    },
    modified: null,
    contentHtml: `<p>Body number ${n}</p>`,
    textContent: `Body number ${n}`,
    kind: 'article',
  };
}

describe('exportZip', () => {
  it('writes one unique entry per clip, even when every clip has the same title and date', async () => {
    const lib = await openLibrary(new IDBFactory());
    for (let i = 0; i < 40; i++) await lib.saveDraft(sameTitleDraft(i), `Body number ${i}`, 1000 + i);
    const progress: number[] = [];
    const result = await exportZip(lib, DEFAULT_SETTINGS, 'all', (done) => progress.push(done));
    expect(result).toEqual({ ok: true, value: 40 });
    const zip = unzipSync(downloaded.at(-1)?.bytes ?? new Uint8Array());
    const names = Object.keys(zip);
    expect(names).toHaveLength(40);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(40);
    expect(names.every((n) => /^_posts\/2024-03-18-the-same-headline-every-time(-\d+)?\.md$/.test(n))).toBe(
      true,
    );
    const bodies = names.map((n) => /Body number (\d+)/.exec(strFromU8(zip[n] ?? new Uint8Array()))?.[1]);
    expect(new Set(bodies).size).toBe(40);
    expect(progress.at(-1)).toBe(40);
    lib.close();
  });

  it('exports only the selected clips that still exist', async () => {
    const lib = await openLibrary(new IDBFactory());
    const a = await lib.saveDraft(sameTitleDraft(1), 'one', 1000);
    await lib.saveDraft(sameTitleDraft(2), 'two', 2000);
    const result = await exportZip(lib, DEFAULT_SETTINGS, [a.clip.id, 'gone'], () => undefined);
    expect(result).toEqual({ ok: true, value: 1 });
    expect(Object.keys(unzipSync(downloaded.at(-1)?.bytes ?? new Uint8Array()))).toHaveLength(1);
    lib.close();
  });
});
