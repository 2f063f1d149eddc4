// Platform: whole-library backup as JSON text and its restore, which merges and never deletes.
import { errorMessage } from '../pure/error-message';
import type { BackupImage } from '../pure/backup-format';
import { parseBackup, serializeBackup } from '../pure/backup-format';
import { hashImageBytes } from '../pure/images/hash';
import { sniffImageType } from '../pure/images/sniff';
import { fromBase64 } from './image-fetch';
import type { PendingImage } from './image-store';
import { keptHashesOf } from './image-store';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { StoredClip } from '../pure/types';
import type { Settings } from './settings';
import { migrateSettings } from './settings';
import type { Library } from './store';
import { StoreError } from './library-db';

/** Every clip, newest first, plus the settings; `now` is injectable for tests. */
export async function createBackup(
  lib: Library,
  settings: Settings,
  now: Date = new Date(),
): Promise<string> {
  const clips: StoredClip[] = [];
  await lib.forEachClip((clip) => {
    clips.push(clip);
  });
  // Each kept file once, however many clips hold it.
  const images: BackupImage[] = [];
  const seen = new Set<string>();
  for (const clip of clips) {
    for (const hash of keptHashesOf(clip)) {
      if (seen.has(hash)) continue;
      seen.add(hash);
      const record = await lib.getImage(hash);
      if (!record) continue;
      images.push({
        hash,
        type: record.type,
        data: toBase64(new Uint8Array(await record.blob.arrayBuffer())),
      });
    }
  }
  return serializeBackup(clips, settings, now, images);
}

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

/** The backup's image files, each checked: its bytes must hash to its name and sniff as its type. */
async function readBackupImages(images: readonly BackupImage[]): Promise<Result<PendingImage[]>> {
  const out: PendingImage[] = [];
  for (const [i, image] of images.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(image.data);
    } catch {
      return fail('invalid-backup', `image ${i} is not base64`);
    }
    const sniffed = sniffImageType(bytes);
    if ((await hashImageBytes(bytes)) !== image.hash || !sniffed.ok || sniffed.type !== image.type)
      return fail('invalid-backup', `image ${i} does not match its hash or type`);
    out.push({ hash: image.hash, bytes, type: sniffed.type, mime: sniffed.mime, ext: sniffed.ext });
  }
  return ok(out);
}

/**
 * Validates the whole file first, then merges its clips by URL in one transaction. The backup's settings come back
 * migrated for the caller to apply or ignore; nothing here changes the current settings.
 */
export async function restoreBackup(
  lib: Library,
  text: string,
): Promise<Result<{ added: number; updated: number; unchanged: number; settings: Settings }>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const images = await readBackupImages(parsed.value.images ?? []);
  if (!images.ok) return images;
  try {
    // Files first: putClips counts each clip's files, and turns a kept image whose file is absent remote.
    if (images.value.length > 0) await lib.putImages(images.value);
    const counts = await lib.putClips(parsed.value.clips);
    return ok({ ...counts, settings: migrateSettings(parsed.value.settings) });
  } catch (error) {
    return error instanceof StoreError
      ? fail(error.code, error.message)
      : fail('storage-failed', errorMessage(error));
  }
}
