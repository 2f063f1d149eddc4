// The library's image files: one per distinct hash, counted per clip, freed after delete (past the undo window),
// found again by Undo, and a quota error keeps the clip without its files.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptHashesOf, ORPHAN_GRACE_MS } from '../../utils/platform/image-store';
import type { PendingImage } from '../../utils/platform/image-store';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { makeDraft } from '../kit/builders';

const opened: Library[] = [];
async function freshLibrary(): Promise<Library> {
  const lib = await openLibrary(new IDBFactory());
  opened.push(lib);
  return lib;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const lib of opened.splice(0)) lib.close();
});

function image(n: number, size = 10 + n): { outcome: ImageOutcome; pending: PendingImage } {
  const hash = n.toString(16).padStart(64, '0');
  const url = `https://news.example/img-${n}.png`;
  return {
    outcome: { url, originalUrl: url, status: 'kept', hash, ext: 'png', size },
    pending: { hash, bytes: new Uint8Array(size).fill(n), type: 'png', mime: 'image/png', ext: 'png' },
  };
}

function withImages(...items: { outcome: ImageOutcome; pending: PendingImage }[]) {
  return { outcomes: items.map((i) => i.outcome), pending: items.map((i) => i.pending) };
}

describe('image files in the library', () => {
  it('stores each distinct file once and counts it once per clip', async () => {
    const lib = await freshLibrary();
    const shared = image(1);
    const { clip } = await lib.saveDraft(
      makeDraft({ url: 'https://news.example/a' }),
      'a',
      1000,
      undefined,
      withImages(shared, shared, image(2)),
    );
    await lib.saveDraft(
      makeDraft({ url: 'https://news.example/b' }),
      'b',
      2000,
      undefined,
      withImages(shared),
    );
    expect((await lib.getImage(shared.outcome.status === 'kept' ? shared.outcome.hash : ''))?.refcount).toBe(
      2,
    );
    expect(await lib.imageUsage()).toEqual({ count: 2, bytes: 11 + 12 });
    const stored = await lib.getImage(image(2).pending.hash);
    expect(new Uint8Array(await (stored?.blob ?? new Blob()).arrayBuffer())).toEqual(image(2).pending.bytes);
    expect(stored?.mime).toBe('image/png');
    const summary = (await lib.listSummaries({ limit: 5 })).items.find((s) => s.id === clip.id);
    expect(summary).toMatchObject({ imageCount: 2, imageBytes: 23 });
  });

  it('a re-clip moves the counts from the old images to the new ones', async () => {
    const lib = await freshLibrary();
    const draft = makeDraft({ url: 'https://news.example/a' });
    await lib.saveDraft(draft, 'a', 1000, undefined, withImages(image(1)));
    await lib.saveDraft(draft, 'a', 2000, undefined, withImages(image(2)));
    expect((await lib.getImage(image(1).pending.hash))?.refcount).toBe(0);
    expect((await lib.getImage(image(2).pending.hash))?.refcount).toBe(1);
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: 12 });
  });

  it('delete frees the files after the undo window; undo before it finds them again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(10_000);
    const lib = await freshLibrary();
    const a = await lib.saveDraft(
      makeDraft({ url: 'https://news.example/a' }),
      'a',
      1000,
      undefined,
      withImages(image(1)),
    );
    const b = await lib.saveDraft(
      makeDraft({ url: 'https://news.example/b' }),
      'b',
      2000,
      undefined,
      withImages(image(2)),
    );
    const deleted = await lib.deleteClips([a.clip.id]);
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: 12 });
    // Undo: the clip and its file come back.
    await lib.putClips(deleted);
    expect((await lib.getImage(image(1).pending.hash))?.refcount).toBe(1);
    expect((await lib.getClip(a.clip.id))?.images).toEqual(a.clip.images);
    // Deleted again, and the window passes: the next delete sweeps it.
    await lib.deleteClips([a.clip.id]);
    vi.setSystemTime(10_000 + ORPHAN_GRACE_MS + 1);
    await lib.deleteClips([b.clip.id]);
    expect(await lib.getImage(image(1).pending.hash)).toBeUndefined();
    // b's file was released just now: it waits out its own window.
    expect((await lib.getImage(image(2).pending.hash))?.refcount).toBe(0);
    // An undo after the sweep brings the clip back with that image remote, never a link to a missing file.
    await lib.putClips(deleted);
    const back = await lib.getClip(a.clip.id);
    expect(back?.images?.[0]).toMatchObject({ status: 'remote', reason: 'storage-failed' });
    expect(keptHashesOf(back).size).toBe(0);
  });

  it('a quota error keeps the clip without its files, nothing half-written', async () => {
    const lib = await freshLibrary();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key,
    ) {
      if (this.name === 'images') throw new DOMException('full', 'QuotaExceededError');
      return realPut.call(this, value, key);
    });
    const saved = await lib.saveDraft(makeDraft(), 'a', 1000, undefined, withImages(image(1), image(2)));
    vi.restoreAllMocks();
    expect(saved.imagesDropped).toBe(true);
    expect(saved.clip.images?.map((o) => o.status)).toEqual(['remote', 'remote']);
    expect(saved.clip.images?.[0]).toMatchObject({ reason: 'storage-failed' });
    expect(await lib.count()).toBe(1);
    expect(await lib.imageUsage()).toEqual({ count: 0, bytes: 0 });
    expect(await lib.getImage(image(1).pending.hash)).toBeUndefined();
  });

  it('a clip without images changes no counts', async () => {
    const lib = await freshLibrary();
    await lib.saveDraft(
      makeDraft({ url: 'https://news.example/a' }),
      'a',
      1000,
      undefined,
      withImages(image(1)),
    );
    const { clip } = await lib.saveDraft(makeDraft({ url: 'https://news.example/b' }), 'b', 2000);
    expect(clip.images).toBeUndefined();
    await lib.deleteClips([clip.id]);
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: 11 });
  });
});
