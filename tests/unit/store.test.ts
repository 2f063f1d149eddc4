import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../utils/platform/store';
import { DB_NAME, DB_VERSION, StoreError } from '../../utils/platform/library-db';
import { openLibrary } from '../../utils/platform/store';
import { toSummary } from '../../utils/pure/clip-summary';
import { toClipKey } from '../../utils/pure/clip-key';
import type { ClipDraft, StoredClip } from '../../utils/pure/types';

function makeDraft(n: number, over: Partial<ClipDraft> = {}): ClipDraft {
  return {
    url: `https://news.example/story-${n}.html`,
    canonical: null,
    title: `Story number ${n}`,
    byline: null,
    siteName: n % 2 === 0 ? 'Even Times' : 'Odd Herald',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: [`k${n % 5}`],
    published: {
      raw: '2024-03-18T07:45:00Z',
      source: 'meta',
      detail: 'meta',
      parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 0 },
    },
    modified: null,
    contentHtml: `<p>Body ${n}</p>`,
    textContent: `Body ${n}`,
    kind: 'article',
    ...over,
  };
}

const opened: Library[] = [];
async function freshLibrary(factory = new IDBFactory()): Promise<Library> {
  const lib = await openLibrary(factory);
  opened.push(lib);
  return lib;
}

afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
  vi.restoreAllMocks();
});

async function fill(lib: Library, count: number, start = 1000): Promise<StoredClip[]> {
  const clips: StoredClip[] = [];
  for (let i = 0; i < count; i++)
    clips.push((await lib.saveDraft(makeDraft(i), `md ${i}`, start + i * 10)).clip);
  return clips;
}

describe('saveDraft', () => {
  it('adds a clip with a summary', async () => {
    const lib = await freshLibrary();
    const { clip, isUpdate } = await lib.saveDraft(makeDraft(1), '# one', 5000);
    expect(isUpdate).toBe(false);
    expect(clip).toMatchObject({
      url: 'https://news.example/story-1.html',
      markdown: '# one',
      clippedAt: 5000,
      edits: {},
    });
    expect(await lib.getClip(clip.id)).toEqual(clip);
    const page = await lib.listSummaries({ limit: 10 });
    expect(page.items).toEqual([toSummary(clip)]);
    expect(page.items[0]?.published).toBe('2024-03-18T07:45:00+00:00');
  });

  it('updates the clip of the same url (canonical, no fragment) in place and keeps its edits and id', async () => {
    const lib = await freshLibrary();
    const first = await lib.saveDraft(makeDraft(1, { canonical: 'https://news.example/c#top' }), 'v1', 5000);
    await lib.updateEdits(first.clip.id, { title: 'My title', tags: ['mine'] });
    const again = await lib.saveDraft(
      makeDraft(1, {
        url: 'https://news.example/other?utm=x',
        canonical: 'https://news.example/c',
        title: 'New',
      }),
      'v2',
      9000,
    );
    expect(again.isUpdate).toBe(true);
    expect(again.clip.id).toBe(first.clip.id);
    expect(again.clip.edits).toEqual({ title: 'My title', tags: ['mine'] });
    expect(again.clip).toMatchObject({ markdown: 'v2', clippedAt: 5000, updatedAt: 9000 });
    expect(await lib.count()).toBe(1);
    expect((await lib.findByUrl('https://news.example/c#elsewhere'))?.id).toBe(first.clip.id);
    const [summary] = (await lib.listSummaries({ limit: 5 })).items;
    expect(summary).toMatchObject({ title: 'My title', tags: ['mine'] });
  });

  it('gives two clips saved in the same millisecond different clippedAt keys', async () => {
    const lib = await freshLibrary();
    const a = await lib.saveDraft(makeDraft(1), 'a', 7000);
    const b = await lib.saveDraft(makeDraft(2), 'b', 7000);
    expect(new Set([a.clip.clippedAt, b.clip.clippedAt]).size).toBe(2);
  });
});

describe('listSummaries', () => {
  it('pages newest first with the cursor and no item twice', async () => {
    const lib = await freshLibrary();
    const clips = await fill(lib, 25);
    const seen: string[] = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const page = await lib.listSummaries({ after, limit: 10 });
      seen.push(...page.items.map((s) => s.id));
      after = page.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(clips.map((c) => c.id).reverse());
  });

  it('gives next null when the last page is exactly full', async () => {
    const lib = await freshLibrary();
    await fill(lib, 10);
    const page = await lib.listSummaries({ limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.next).toBeNull();
  });

  it('filters by title, site and tag, case-insensitively, across pages', async () => {
    const lib = await freshLibrary();
    await fill(lib, 30);
    // Title or tag (k2) containing "2", newest first.
    const first = await lib.listSummaries({ limit: 10, query: ' 2 ' });
    expect(first.items.map((s) => s.title.replace('Story number ', ''))).toEqual([
      '29',
      '28',
      '27',
      '26',
      '25',
      '24',
      '23',
      '22',
      '21',
      '20',
    ]);
    const rest = await lib.listSummaries({ limit: 10, query: '2', after: first.next });
    expect(rest.items.map((s) => s.title.replace('Story number ', ''))).toEqual(['17', '12', '7', '2']);
    expect(rest.next).toBeNull();
    expect(
      (await lib.listSummaries({ limit: 10, query: 'STORY NUMBER 13' })).items.map((s) => s.title),
    ).toEqual(['Story number 13']);
    const bySite = await lib.listSummaries({ limit: 100, query: 'odd herald' });
    expect(bySite.items).toHaveLength(15);
    expect(bySite.items.every((s) => s.siteName === 'Odd Herald')).toBe(true);
    const byTag = await lib.listSummaries({ limit: 100, query: 'k3 even' });
    expect(byTag.items.map((s) => s.title)).toEqual(['Story number 28', 'Story number 18', 'Story number 8']);
  });
});

describe('markdownKey', () => {
  it('is kept with the clip and replaced (or dropped) when the clip is saved again', async () => {
    const lib = await freshLibrary();
    const first = await lib.saveDraft(makeDraft(1), 'md', 1000, 'v1;style-a');
    expect(first.clip.markdownKey).toBe('v1;style-a');
    expect((await lib.getClip(first.clip.id))?.markdownKey).toBe('v1;style-a');
    const again = await lib.saveDraft(makeDraft(1), 'md 2', 2000);
    expect(again.clip.markdownKey).toBeUndefined();
    expect((await lib.getClip(first.clip.id))?.markdownKey).toBeUndefined();
  });
});

describe('filter cache', () => {
  it('sees writes made through the same library at once', async () => {
    const lib = await freshLibrary();
    await fill(lib, 5);
    expect((await lib.listSummaries({ limit: 10, query: 'story' })).items).toHaveLength(5);
    const [newest] = (await lib.listSummaries({ limit: 1 })).items;
    await lib.deleteClips([newest?.id ?? '']);
    expect((await lib.listSummaries({ limit: 10, query: 'story' })).items).toHaveLength(4);
    await lib.saveDraft(makeDraft(99, { title: 'A zebra crossing' }), 'md', 99_000);
    expect((await lib.listSummaries({ limit: 10, query: 'zebra' })).items.map((s) => s.title)).toEqual([
      'A zebra crossing',
    ]);
  });

  it('sees writes made by another context (another library on the same database)', async () => {
    const factory = new IDBFactory();
    const popup = await freshLibrary(factory);
    const background = await freshLibrary(factory);
    await fill(background, 3);
    expect((await popup.listSummaries({ limit: 10, query: 'zebra' })).items).toEqual([]);
    await background.saveDraft(makeDraft(7, { title: 'Zebra news' }), 'md', 50_000);
    // The change message crosses a BroadcastChannel: let it arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await popup.listSummaries({ limit: 10, query: 'zebra' })).items.map((s) => s.title)).toEqual([
      'Zebra news',
    ]);
  });
});

describe('delete, undo and merge', () => {
  it('deleteClips returns what it removed and putClips brings it back', async () => {
    const lib = await freshLibrary();
    const clips = await fill(lib, 3);
    const target = clips[1];
    if (!target) throw new Error('fixture');
    await lib.updateEdits(target.id, { tags: ['kept'] });
    const deleted = await lib.deleteClips([target.id, 'missing']);
    expect(deleted.map((c) => c.id)).toEqual([target.id]);
    expect(await lib.count()).toBe(2);
    expect((await lib.listSummaries({ limit: 10 })).items.map((s) => s.id)).not.toContain(target.id);
    expect(await lib.putClips(deleted)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await lib.getClip(target.id)).toEqual(deleted[0]);
    expect((await lib.listSummaries({ limit: 10 })).items.map((s) => s.id)).toEqual(
      clips.map((c) => c.id).reverse(),
    );
  });

  it('putClips merges by url and never deletes', async () => {
    const lib = await freshLibrary();
    const [a, b] = await fill(lib, 2);
    if (!a || !b) throw new Error('fixture');
    const changed: StoredClip = { ...b, id: 'other-id', edits: { title: 'Edited elsewhere' } };
    const stranger: StoredClip = { ...a, id: a.id, url: 'https://else.example/x', clippedAt: 1 };
    expect(await lib.putClips([a, changed, stranger])).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(await lib.count()).toBe(3);
    expect((await lib.getClip(b.id))?.edits.title).toBe('Edited elsewhere');
    expect(await lib.getClip(a.id)).toEqual(a);
    expect((await lib.findByUrl('https://else.example/x'))?.id).not.toBe(a.id);
  });

  it('getClips keeps the order asked and skips missing ids', async () => {
    const lib = await freshLibrary();
    const [a, b] = await fill(lib, 2);
    expect((await lib.getClips([b?.id ?? '', 'nope', a?.id ?? ''])).map((c) => c.id)).toEqual([b?.id, a?.id]);
  });

  it('updateEdits of an unknown id is a not-found StoreError', async () => {
    const lib = await freshLibrary();
    await expect(lib.updateEdits('nope', {})).rejects.toMatchObject({
      name: 'StoreError',
      code: 'not-found',
    });
  });
});

describe('forEachClip and count', () => {
  it('visits every clip newest first across batches', async () => {
    const lib = await freshLibrary();
    const clips = await fill(lib, 450);
    const order: string[] = [];
    const visited = await lib.forEachClip(async (clip) => {
      await Promise.resolve();
      order.push(clip.id);
    });
    expect(visited).toBe(450);
    expect(await lib.count()).toBe(450);
    expect(order).toEqual(clips.map((c) => c.id).reverse());
  });
});

describe('failures', () => {
  it('maps QuotaExceededError to quota-exceeded and writes neither the clip nor its summary', async () => {
    const lib = await freshLibrary();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key,
    ) {
      // The clip is written first; the summary hits the quota, so a half-done transaction would leave the clip.
      if (this.name === 'summaries') throw new DOMException('full', 'QuotaExceededError');
      return realPut.call(this, value, key);
    });
    const saving = lib.saveDraft(makeDraft(1), 'x', 1000);
    await expect(saving).rejects.toBeInstanceOf(StoreError);
    await expect(saving).rejects.toMatchObject({ code: 'quota-exceeded' });
    vi.restoreAllMocks();
    expect(await lib.count()).toBe(0);
    expect((await lib.listSummaries({ limit: 5 })).items).toEqual([]);
  });

  it('maps other failures to storage-failed', async () => {
    const lib = await freshLibrary();
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('broken', 'UnknownError');
    });
    await expect(lib.saveDraft(makeDraft(1), 'x', 1000)).rejects.toMatchObject({ code: 'storage-failed' });
  });
});

describe('schema and connection', () => {
  it('creates the current schema from nothing (oldVersion 0)', async () => {
    const factory = new IDBFactory();
    const lib = await freshLibrary(factory);
    await lib.saveDraft(makeDraft(1), 'x', 1000);
    lib.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['clips', 'images', 'summaries']);
    const clips = raw.transaction('clips').objectStore('clips');
    expect([...clips.indexNames].sort()).toEqual(['by-clipped', 'by-published', 'by-url']);
    expect(clips.index('by-url').unique).toBe(true);
    raw.close();
  });

  it('rejects a second clip with the same url key at the index level too', async () => {
    const lib = await freshLibrary();
    const { clip } = await lib.saveDraft(makeDraft(1), 'x', 1000);
    await lib.putClips([{ ...clip, id: 'copy', url: `${clip.url}#frag` }]);
    expect(await lib.count()).toBe(1);
  });

  it('opens again after close()', async () => {
    const lib = await freshLibrary();
    await lib.saveDraft(makeDraft(1), 'x', 1000);
    lib.close();
    expect(await lib.count()).toBe(1);
  });

  it('toClipKey drops the fragment only', () => {
    expect(toClipKey('https://a.example/p?q=1#frag')).toBe('https://a.example/p?q=1');
    expect(toClipKey('not a url#x')).toBe('not a url');
  });
});

describe('listByPublished', () => {
  function publishedOn(year: number, month: number, day: number): ClipDraft['published'] {
    return { raw: `${year}-${month}-${day}`, source: 'meta', detail: 'meta', parts: { year, month, day } };
  }

  it('lists newest published day first, pages without gaps or repeats, and leaves out undated clips', async () => {
    const lib = await freshLibrary();
    const days: [number, number, number][] = [
      [2023, 12, 31],
      [2024, 3, 18],
      [2024, 3, 18],
      [2024, 11, 2],
      [2024, 3, 18],
      [2024, 2, 29],
    ];
    // Clipped in an order unrelated to the published days, so clippedAt cannot be what sorts them.
    for (const [i, [y, m, d]] of days.entries())
      await lib.saveDraft(makeDraft(i, { published: publishedOn(y, m, d) }), 'md', 10_000 - i);
    await lib.saveDraft(makeDraft(99, { published: null }), 'md', 20_000);

    const seen: string[] = [];
    const dayOf: string[] = [];
    let after = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await lib.listByPublished({ after, limit: 2 });
      seen.push(...page.items.map((item) => item.id));
      dayOf.push(...page.items.map((item) => item.published ?? ''));
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(seen).size).toBe(days.length);
    expect(seen).toHaveLength(days.length);
    expect(dayOf).toEqual([
      '2024-11-02',
      '2024-03-18',
      '2024-03-18',
      '2024-03-18',
      '2024-02-29',
      '2023-12-31',
    ]);
    const whole = await lib.listByPublished({ limit: 100 });
    expect(whole.items.map((item) => item.id)).toEqual(seen);
    expect(whole.next).toBeNull();
  });
});
