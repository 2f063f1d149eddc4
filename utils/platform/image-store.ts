// Platform: the `images` object store's bookkeeping inside a library write: one record per distinct file (by hash),
// counted once per clip that holds it, removed only after the undo window once no clip holds it.
import type { ImageType } from '../pure/images/sniff';
import type { ImageOutcome } from '../pure/images/types';
import type { StoredClip } from '../pure/types';
import type { StoredImage, WriteTx } from './library-db';

/** An image fetched and checked at clip time, waiting to be saved with its clip. */
export interface PendingImage {
  hash: string;
  bytes: Uint8Array;
  type: ImageType;
  mime: string;
  ext: string;
}

/**
 * How long a file no clip holds stays, so Undo after a delete finds it again. The popup's undo toast lasts seconds;
 * this is generous so an undo from a slow page still finds its files.
 */
export const ORPHAN_GRACE_MS = 10 * 60_000;

/** The distinct hashes of a clip's kept images. */
export function keptHashesOf(clip: Pick<StoredClip, 'images'> | undefined): Set<string> {
  const hashes = new Set<string>();
  for (const image of clip?.images ?? []) if (image.status === 'kept') hashes.add(image.hash);
  return hashes;
}

/** Writes the files not yet stored (one request at a time, so an abort leaves nothing pending). */
export async function putPendingImages(
  tx: WriteTx,
  pending: readonly PendingImage[],
  now: number,
): Promise<void> {
  const store = tx.objectStore('images');
  const written = new Set<string>();
  for (const image of pending) {
    if (written.has(image.hash)) continue;
    written.add(image.hash);
    if (await store.getKey(image.hash)) continue;
    const record: StoredImage = {
      hash: image.hash,
      blob: new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime }),
      type: image.type,
      mime: image.mime,
      ext: image.ext,
      size: image.bytes.length,
      refcount: 0,
      addedAt: now,
      // Held by no clip until moveImageRefs counts it: a file no clip ends up holding is swept like any other.
      orphanedAt: now,
    };
    await store.put(record);
  }
}

/**
 * Moves the counts from the clip as it was (`before`, absent for a new clip) to the clip as it is now (`after`,
 * absent for a deleted one). A file whose count reaches 0 is marked, not removed: see sweepOrphans.
 */
export async function moveImageRefs(
  tx: WriteTx,
  before: Pick<StoredClip, 'images'> | undefined,
  after: Pick<StoredClip, 'images'> | undefined,
  now: number,
): Promise<void> {
  const old = keptHashesOf(before);
  const next = keptHashesOf(after);
  const store = tx.objectStore('images');
  for (const hash of next) {
    if (old.has(hash)) continue;
    const record = await store.get(hash);
    if (!record) continue;
    const { orphanedAt: _dropped, ...held } = record;
    await store.put({ ...held, refcount: record.refcount + 1 });
  }
  for (const hash of old) {
    if (next.has(hash)) continue;
    const record = await store.get(hash);
    if (!record) continue;
    const refcount = Math.max(0, record.refcount - 1);
    await store.put(refcount === 0 ? { ...record, refcount, orphanedAt: now } : { ...record, refcount });
  }
}

/**
 * The clip's outcomes with every kept image whose file the store lacks turned remote (a restore whose file was
 * missing, an undo after the file was swept): an export must never link a file it cannot write.
 */
export async function checkKeptImages(
  tx: WriteTx,
  images: ImageOutcome[] | undefined,
): Promise<ImageOutcome[] | undefined> {
  if (!images) return images;
  const store = tx.objectStore('images');
  const out: ImageOutcome[] = [];
  for (const image of images) {
    if (image.status === 'kept' && !(await store.getKey(image.hash))) {
      out.push({
        url: image.url,
        originalUrl: image.originalUrl,
        status: 'remote',
        reason: 'storage-failed',
      });
    } else out.push(image);
  }
  return out;
}

/** Removes files no clip has held for longer than the undo window. Returns how many went. */
export async function sweepOrphans(tx: WriteTx, now: number, graceMs = ORPHAN_GRACE_MS): Promise<number> {
  const store = tx.objectStore('images');
  let removed = 0;
  let cursor = await store.openCursor();
  while (cursor) {
    const { refcount, orphanedAt } = cursor.value;
    if (refcount <= 0 && orphanedAt !== undefined && now - orphanedAt >= graceMs) {
      await cursor.delete();
      removed += 1;
    }
    cursor = await cursor.continue();
  }
  return removed;
}
