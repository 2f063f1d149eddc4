// Platform: the clip library in IndexedDB (idb). Lists read small summaries; bodies are read one clip at a time.
import { pageKeyOf, toClipKey } from '../pure/clip-key';
import { toSummary } from '../pure/clip-summary';
import type { ClipEdits, ClipSummary, SavedDraft, StoredClip } from '../pure/types';
import type { LibrarySort } from '../pure/page-api';
import type { ImageOutcome } from '../pure/images/types';
import type { Database, StoredImage, WriteTx } from './library-db';
import { OPEN_TIMEOUT_MS, openDatabase, StoreError, toStoreError, WRITE_STORES } from './library-db';
import type { PendingImage } from './image-store';
import { checkKeptImages, moveImageRefs, putPendingImages, sweepOrphans } from './image-store';
import type { FullText, SearchSource } from './search-library';
import type { SearchJournal } from './search-journal';
import { openSearchJournal } from './search-journal';
/** Clips read per transaction by forEachClip: a callback may await, and an awaited transaction auto-commits. */
const FOR_EACH_BATCH = 200;

export interface LibraryPage {
  items: ClipSummary[];
  /** Cursor to continue after (a clippedAt, or a position when sorted by published); null at the end. */
  next: number | null;
  /** False when a query was matched on titles, sites and tags only, because the full-text index is not ready. */
  isFullText?: boolean;
}

export interface LibraryOptions {
  /** Pages that search pass the full-text index maker (search-library.ts); the background does not load it. */
  fullText?: (source: SearchSource, journal: SearchJournal) => FullText;
}

/** Where a published-day page ended: the last item's day key and id. */
export interface PublishedCursor {
  day: [number, number, number];
  id: string;
}

export interface PublishedPage {
  items: ClipSummary[];
  next: PublishedCursor | null;
}

export interface Library {
  /** Newest first; `query` filters title/site/tags case-insensitively (every word must match). */
  listSummaries(opts: {
    after?: number | null;
    limit: number;
    query?: string;
    sort?: LibrarySort;
  }): Promise<LibraryPage>;
  /** Every tag in the library, most used first. */
  listTags(): Promise<string[]>;
  /**
   * Newest published day first (same day: by id, descending); clips without a published date are not listed.
   * Continue with the page's `next`, or stop at null.
   */
  listByPublished(opts: { after?: PublishedCursor | null; limit: number }): Promise<PublishedPage>;
  count(): Promise<number>;
  getClip(id: string): Promise<StoredClip | undefined>;
  getClips(ids: string[]): Promise<StoredClip[]>;
  /** Newest first, in batches, so Export all never holds a transaction across the callback. */
  forEachClip(fn: (clip: StoredClip) => void | Promise<void>): Promise<number>;
  findByUrl(url: string): Promise<StoredClip | undefined>;
  /** Same url (canonical ?? url, no #fragment) → updated in place, keeping edits, id and clippedAt. */
  /**
   * With `images`, the clip keeps `images.outcomes` and the new files in `images.pending`, written in the same
   * transaction. If the browser refuses the space, the clip is saved without them (`imagesDropped`), nothing
   * half-written.
   */
  saveDraft(
    draft: SavedDraft,
    markdown: string,
    now: number,
    markdownKey?: string,
    images?: { outcomes: ImageOutcome[]; pending: PendingImage[] },
  ): Promise<{ clip: StoredClip; isUpdate: boolean; imagesDropped?: boolean }>;
  /** Replaces a clip's image outcomes (and adds their new files) in one write; quota: nothing changes, it throws. */
  setClipImages(
    id: string,
    images: { outcomes: ImageOutcome[]; pending: PendingImage[] },
  ): Promise<StoredClip>;
  /** Adds image files (a restore, before its clips); files already stored are left as they are. */
  putImages(images: PendingImage[]): Promise<void>;
  /** One kept image file, or undefined when the store lacks it. */
  getImage(hash: string): Promise<StoredImage | undefined>;
  /** Files and bytes that clips hold (files waiting out the undo window not counted). */
  imageUsage(): Promise<{ count: number; bytes: number }>;
  updateEdits(id: string, edits: ClipEdits): Promise<StoredClip>;
  /** Returns what was deleted, for Undo. */
  deleteClips(ids: string[]): Promise<StoredClip[]>;
  /** Restore/undo: merge by url, never deletes. */
  putClips(clips: StoredClip[]): Promise<{ added: number; updated: number; unchanged: number }>;
  close(): void;
}

/** Tells every open library (any context) that the clips changed. */
const CHANGE_CHANNEL = 'postclip-library';

interface SearchEntry {
  summary: ClipSummary;
  /** Title, site and tags, lowercased once. */
  text: string;
}

function searchTextOf(summary: ClipSummary): string {
  return [summary.title, summary.siteName, ...summary.tags].join('\n').toLowerCase();
}

/** A page of the entries (newest first) whose text has every word, continuing after `after` (a clippedAt). */
function pageOf(entries: SearchEntry[], words: string[], after: number | null, wanted: number): LibraryPage {
  const items: ClipSummary[] = [];
  let hasMore = false;
  for (const { summary, text } of entries) {
    if (after !== null && summary.clippedAt >= after) continue;
    if (!words.every((word) => text.includes(word))) continue;
    if (items.length === wanted) {
      hasMore = true;
      break;
    }
    items.push(summary);
  }
  const last = items[items.length - 1];
  return { items, next: hasMore && last ? last.clippedAt : null };
}

/** Published newest first, undated last; the same day by clippedAt, newest first. */
function byPublished(a: SearchEntry, b: SearchEntry): number {
  const pa = a.summary.published ?? '';
  const pb = b.summary.published ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return b.summary.clippedAt - a.summary.clippedAt;
}

/** A page by position, for orders a clippedAt cursor cannot continue. */
function pageAt(entries: SearchEntry[], offset: number, wanted: number): LibraryPage {
  const items = entries.slice(offset, offset + wanted).map((entry) => entry.summary);
  return { items, next: offset + wanted < entries.length ? offset + wanted : null };
}

function withoutUndefined(edits: ClipEdits): ClipEdits {
  return Object.fromEntries(Object.entries(edits).filter(([, value]) => value !== undefined));
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aEntries = Object.entries(a).filter(([, value]) => value !== undefined);
  const bRecord = b as Record<string, unknown>;
  const bCount = Object.values(b).filter((value) => value !== undefined).length;
  return aEntries.length === bCount && aEntries.every(([key, value]) => isDeepEqual(value, bRecord[key]));
}

/**
 * A clippedAt no other clip uses (bumped by 1 ms on collision), so the newest-first cursor can continue after a
 * plain number without skipping or repeating clips.
 */
async function claimClippedAt(tx: WriteTx, wanted: number, ownId: string): Promise<number> {
  const index = tx.objectStore('summaries').index('by-clipped');
  let at = wanted;
  for (;;) {
    const holders = await index.getAllKeys(at);
    if (holders.every((id) => id === ownId)) return at;
    at += 1;
  }
}

async function runWrite<T>(db: Database, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined); // observed below; this only stops an unhandled rejection after an abort
  try {
    const value = await work(tx);
    await done;
    return value;
  } catch (error) {
    // Nothing half-written: a failed step aborts the whole transaction (clip and summary together).
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw toStoreError(error, tx.error);
  }
}

// One request at a time: if the second throws, no first request is left pending to reject unobserved on abort.
async function putBoth(tx: WriteTx, clip: StoredClip): Promise<void> {
  await tx.objectStore('clips').put(clip);
  await tx.objectStore('summaries').put(toSummary(clip));
}

/** Asks the browser not to evict the library under storage pressure. Only window contexts have persist(). */
function requestPersistence(): void {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.persist === 'function') storage.persist().catch(() => undefined);
}

function isSameDay(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

export async function openLibrary(
  factory?: IDBFactory,
  openTimeoutMs: number = OPEN_TIMEOUT_MS,
  options: LibraryOptions = {},
): Promise<Library> {
  if (!factory) requestPersistence();
  const idb = factory ?? indexedDB;
  let connection: Promise<Database> | null = null;

  const connect = (): Promise<Database> => {
    if (!connection) {
      const opening = openDatabase(
        idb,
        () => {
          if (connection === opening) connection = null;
        },
        openTimeoutMs,
      );
      connection = opening;
      opening.catch(() => {
        if (connection === opening) connection = null;
      });
    }
    return connection.catch((error: unknown) => {
      throw toStoreError(error);
    });
  };

  const read = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await connect();
    try {
      return await work(db);
    } catch (error) {
      throw toStoreError(error);
    }
  };

  // Filtering reads every summary: keep them in memory, newest first, until any context writes (a
  // BroadcastChannel reaches the background, the popup and the options page alike). 10,000 summaries are ~2.5 MB.
  let index: Promise<SearchEntry[]> | null = null;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGE_CHANNEL);
  const journal = openSearchJournal(idb);
  let fullText: FullText | null = null;
  if (channel) {
    channel.onmessage = () => {
      index = null;
      fullText?.changed();
    };
    // Node (CLI, tests) would otherwise stay alive for the channel.
    (channel as { unref?: () => void }).unref?.();
  }
  const searchIndex = (db: Database): Promise<SearchEntry[]> => {
    index ??= db
      .getAllFromIndex('summaries', 'by-clipped')
      .then((all) => all.reverse().map((summary) => ({ summary, text: searchTextOf(summary) })));
    index.catch(() => (index = null));
    return index;
  };

  // Every write names the clips it changed in the search journal, whichever context writes.
  const write = async <T>(work: (tx: WriteTx) => Promise<T>, changed: (value: T) => string[]): Promise<T> => {
    index = null;
    try {
      const value = await runWrite(await connect(), work);
      await journal.append(changed(value));
      return value;
    } finally {
      // A search that started while this write was on its way may have cached the old list.
      index = null;
      fullText?.changed();
      channel?.postMessage('changed');
    }
  };

  await connect();

  const library: Library = {
    listSummaries: ({ after, limit, query, sort = 'clipped' }) =>
      read(async (db) => {
        const wanted = Math.max(1, Math.floor(limit));
        const words = (query ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
        if (words.length || sort === 'published') {
          const all = await searchIndex(db);
          const ids = words.length && fullText ? await fullText.match(query ?? '') : null;
          const isFullText = ids !== null;
          // Until the full-text index is ready, titles, sites and tags are matched as before.
          const matches = ids ? all.filter((e) => ids.has(e.summary.id)) : all;
          const shown = ids ? [] : words;
          if (sort === 'published') {
            const sorted = matches.filter((e) => shown.every((w) => e.text.includes(w))).sort(byPublished);
            return { ...pageAt(sorted, after ?? 0, wanted), isFullText };
          }
          return { ...pageOf(matches, shown, after ?? null, wanted), isFullText };
        }
        const range = after === null || after === undefined ? null : IDBKeyRange.upperBound(after, true);
        const tx = db.transaction('summaries');
        let cursor = await tx.store.index('by-clipped').openCursor(range, 'prev');
        const items: ClipSummary[] = [];
        let hasMore = false;
        // Unfiltered, a page costs `limit` rows, not a scan of the library.
        while (cursor) {
          if (items.length === wanted) {
            hasMore = true;
            break;
          }
          items.push(cursor.value);
          cursor = await cursor.continue();
        }
        const last = items[items.length - 1];
        return { items, next: hasMore && last ? last.clippedAt : null };
      }),

    listByPublished: ({ after, limit }) =>
      read(async (db) => {
        const wanted = Math.max(1, Math.floor(limit));
        const tx = db.transaction('clips');
        const range = after ? IDBKeyRange.upperBound(after.day) : null;
        let cursor = await tx.store.index('by-published').openCursor(range, 'prev');
        // Entries of the cursor's own day with an id at or after it were on the previous page.
        while (cursor && after && isSameDay(cursor.key, after.day) && cursor.primaryKey >= after.id)
          cursor = await cursor.continue();
        const items: ClipSummary[] = [];
        let last: PublishedCursor | null = null;
        let hasMore = false;
        while (cursor) {
          if (items.length === wanted) {
            hasMore = true;
            break;
          }
          items.push(toSummary(cursor.value));
          last = { day: cursor.key, id: cursor.primaryKey };
          cursor = await cursor.continue();
        }
        return { items, next: hasMore ? last : null };
      }),

    listTags: () =>
      read(async (db) => {
        const uses = new Map<string, number>();
        for (const { summary } of await searchIndex(db))
          for (const tag of summary.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
        return [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
      }),

    count: () => read((db) => db.count('clips')),

    getClip: (id) => read((db) => db.get('clips', id)),

    getClips: (ids) =>
      read(async (db) => {
        const tx = db.transaction('clips');
        const found: StoredClip[] = [];
        for (const id of ids) {
          const clip = await tx.store.get(id);
          if (clip) found.push(clip);
        }
        return found;
      }),

    forEachClip: async (fn) => {
      let upper: number | null = null;
      let visited = 0;
      for (;;) {
        const batch = await read(async (db) => {
          const range = upper === null ? null : IDBKeyRange.upperBound(upper, true);
          const tx = db.transaction('clips');
          let cursor = await tx.store.index('by-clipped').openCursor(range, 'prev');
          const clips: StoredClip[] = [];
          while (cursor && clips.length < FOR_EACH_BATCH) {
            clips.push(cursor.value);
            cursor = await cursor.continue();
          }
          return clips;
        });
        for (const clip of batch) {
          await fn(clip);
          visited += 1;
        }
        const last = batch[batch.length - 1];
        if (batch.length < FOR_EACH_BATCH || !last) return visited;
        upper = last.clippedAt;
      }
    },

    findByUrl: (url) => read((db) => db.getFromIndex('clips', 'by-url', toClipKey(url))),

    saveDraft: async (draft, markdown, now, markdownKey, images) => {
      const save = (kept: { outcomes: ImageOutcome[]; pending: PendingImage[] } | undefined) =>
        write(
          async (tx) => {
            const url = pageKeyOf(draft);
            const existing = await tx.objectStore('clips').index('by-url').get(url);
            const clip: StoredClip = existing
              ? { ...existing, draft, markdown, updatedAt: now }
              : {
                  id: crypto.randomUUID(),
                  url,
                  draft,
                  markdown,
                  edits: {},
                  clippedAt: now,
                  updatedAt: now,
                };
            if (markdownKey === undefined) delete clip.markdownKey;
            else clip.markdownKey = markdownKey;
            if (kept === undefined) delete clip.images;
            else clip.images = kept.outcomes;
            if (!existing) clip.clippedAt = await claimClippedAt(tx, now, clip.id);
            if (kept) await putPendingImages(tx, kept.pending, now);
            await moveImageRefs(tx, existing, clip, now);
            await putBoth(tx, clip);
            return { clip, isUpdate: existing !== undefined };
          },
          ({ clip }) => [clip.id],
        );
      if (!images || images.pending.length === 0) return save(images);
      try {
        return await save(images);
      } catch (error) {
        if (!(error instanceof StoreError) || error.code !== 'quota-exceeded') throw error;
        // No room for the files: keep the clip, its images remote, and say so.
        const outcomes = images.outcomes.map((o): ImageOutcome =>
          o.status === 'kept'
            ? { url: o.url, originalUrl: o.originalUrl, status: 'remote', reason: 'storage-failed' }
            : o,
        );
        return { ...(await save({ outcomes, pending: [] })), imagesDropped: true };
      }
    },

    setClipImages: (id, images) =>
      write(
        async (tx) => {
          const existing = await tx.objectStore('clips').get(id);
          if (!existing) throw new StoreError('not-found', `No clip ${id}`);
          const now = Date.now();
          const clip: StoredClip = { ...existing, images: images.outcomes, updatedAt: now };
          await putPendingImages(tx, images.pending, now);
          await moveImageRefs(tx, existing, clip, now);
          await putBoth(tx, clip);
          return clip;
        },
        (clip) => [clip.id],
      ),

    putImages: (images) =>
      write(
        (tx) => putPendingImages(tx, images, Date.now()),
        () => [],
      ),

    getImage: (hash) => read((db) => db.get('images', hash)),

    imageUsage: () =>
      read(async (db) => {
        let count = 0;
        let bytes = 0;
        let cursor = await db.transaction('images').store.openCursor();
        while (cursor) {
          if (cursor.value.refcount > 0) {
            count += 1;
            bytes += cursor.value.size;
          }
          cursor = await cursor.continue();
        }
        return { count, bytes };
      }),

    updateEdits: (id, edits) =>
      write(
        async (tx) => {
          const existing = await tx.objectStore('clips').get(id);
          if (!existing) throw new StoreError('not-found', `No clip ${id}`);
          const clip: StoredClip = { ...existing, edits: withoutUndefined(edits), updatedAt: Date.now() };
          await putBoth(tx, clip);
          return clip;
        },
        (clip) => [clip.id],
      ),

    deleteClips: (ids) =>
      write(
        async (tx) => {
          const deleted: StoredClip[] = [];
          const now = Date.now();
          // Files released by an earlier delete whose undo window has passed go now.
          await sweepOrphans(tx, now);
          for (const id of ids) {
            const clip = await tx.objectStore('clips').get(id);
            if (!clip) continue;
            await tx.objectStore('clips').delete(id);
            await tx.objectStore('summaries').delete(id);
            // Marked, not removed: Undo puts the clip back and finds its files.
            await moveImageRefs(tx, clip, undefined, now);
            deleted.push(clip);
          }
          return deleted;
        },
        (deleted) => deleted.map((clip) => clip.id),
      ),

    putClips: (incoming) => {
      const written: string[] = [];
      return write(
        async (tx) => {
          const counts = { added: 0, updated: 0, unchanged: 0 };
          const clips = tx.objectStore('clips');
          for (const source of incoming) {
            const url = toClipKey(source.url);
            const existing = await clips.index('by-url').get(url);
            let clip: StoredClip = { ...source, url };
            const images = await checkKeptImages(tx, source.images);
            if (images) clip.images = images;
            if (existing) {
              // The library's id wins so open views keep pointing at the same clip.
              clip = { ...clip, id: existing.id };
              if (isDeepEqual(clip, existing)) {
                counts.unchanged += 1;
                continue;
              }
              counts.updated += 1;
            } else {
              // Same id, different page: give the newcomer its own id rather than overwrite (restore never deletes).
              if (await clips.get(clip.id)) clip = { ...clip, id: crypto.randomUUID() };
              counts.added += 1;
            }
            clip.clippedAt = await claimClippedAt(tx, clip.clippedAt, clip.id);
            await moveImageRefs(tx, existing, clip, Date.now());
            await putBoth(tx, clip);
            written.push(clip.id);
          }
          return counts;
        },
        () => written,
      );
    },

    close: () => {
      index = null;
      journal.close();
      const current = connection;
      connection = null;
      current?.then((db) => db.close()).catch(() => undefined);
    },
  };
  fullText = options.fullText?.(library, journal) ?? null;
  return library;
}
