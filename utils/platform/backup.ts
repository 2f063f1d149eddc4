// Platform: whole-library backup as JSON text and its restore, which merges and never deletes.
import { errorMessage } from '../pure/error-message';
import { parseBackup, serializeBackup } from '../pure/backup-format';
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
  return serializeBackup(clips, settings, now);
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
  try {
    const counts = await lib.putClips(parsed.value.clips);
    return ok({ ...counts, settings: migrateSettings(parsed.value.settings) });
  } catch (error) {
    return error instanceof StoreError
      ? fail(error.code, error.message)
      : fail('storage-failed', errorMessage(error));
  }
}
