import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, restoreBackup } from '../../utils/platform/backup';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { ClipDraft, StoredClip } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

function makeDraft(n: number): ClipDraft {
  return {
    url: `https://news.example/${n}`,
    canonical: null,
    title: `Story ${n}`,
    byline: null,
    siteName: 'Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: [],
    published: null,
    modified: null,
    contentHtml: `<p>${n}</p>`,
    textContent: `${n}`,
    kind: 'article',
  };
}

const libraries: Library[] = [];
async function freshLibrary(): Promise<Library> {
  const lib = await openLibrary(new IDBFactory());
  libraries.push(lib);
  return lib;
}

afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

async function allClips(lib: Library): Promise<StoredClip[]> {
  const clips: StoredClip[] = [];
  await lib.forEachClip((clip) => {
    clips.push(clip);
  });
  return clips;
}

describe('backup', () => {
  it('restoring into an empty library gives identical clips', async () => {
    const source = await freshLibrary();
    for (let i = 0; i < 5; i++) await source.saveDraft(makeDraft(i), `md ${i}`, 1000 + i);
    const first = (await allClips(source))[0];
    if (!first) throw new Error('fixture');
    await source.updateEdits(first.id, { title: 'Edited', tags: ['x'] });
    const settings = { ...DEFAULT_SETTINGS, clipOnOpen: false };
    const text = await createBackup(source, settings, new Date('2024-01-01T00:00:00Z'));

    const target = await freshLibrary();
    const restored = await restoreBackup(target, text);
    expect(restored).toEqual({ ok: true, value: { added: 5, updated: 0, unchanged: 0, settings } });
    expect(await allClips(target)).toEqual(await allClips(source));
    // A backup of the restored library is the same file.
    expect(await createBackup(target, settings, new Date('2024-01-01T00:00:00Z'))).toBe(text);
    // Restoring the same file again changes nothing.
    expect(await restoreBackup(target, text)).toMatchObject({
      ok: true,
      value: { added: 0, updated: 0, unchanged: 5 },
    });
  });

  it('restoring into a non-empty library never deletes', async () => {
    const source = await freshLibrary();
    await source.saveDraft(makeDraft(1), 'one', 1000);
    const text = await createBackup(source, DEFAULT_SETTINGS);
    const target = await freshLibrary();
    await target.saveDraft(makeDraft(2), 'two', 2000);
    await target.saveDraft(makeDraft(1), 'one, newer', 3000);
    expect(await restoreBackup(target, text)).toMatchObject({
      ok: true,
      value: { added: 0, updated: 1, unchanged: 0 },
    });
    expect(await target.count()).toBe(2);
    expect((await target.findByUrl('https://news.example/2'))?.markdown).toBe('two');
  });

  it('refuses invalid JSON and leaves the library alone', async () => {
    const target = await freshLibrary();
    await target.saveDraft(makeDraft(1), 'one', 1000);
    expect(await restoreBackup(target, '{"format":')).toMatchObject({ ok: false, code: 'invalid-backup' });
    expect(await target.count()).toBe(1);
  });
});
