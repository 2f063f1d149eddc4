// Platform: "Publish every new clip" for clips the background makes with no page open (context menu, Clip link,
// keyboard shortcut). Posts are rendered in a page: rendering in the background would put the template engine,
// YAML, TOML and pinyin into the service worker's one bundle, parsed on every wake-up. So the background keeps the
// new clips' ids in a short list in storage.local (it outlives the service worker), and the popup or options page
// claims them. Only the background reads or writes that list, one step at a time: an append and a claim never
// interleave, and of two pages claiming at once one gets the ids and the other an empty list.
import { browser } from 'wxt/browser';
import type { ClipOutcome } from '../../pure/protocol';
import type { Result } from '../../pure/result';
import { ok } from '../../pure/result';
import { loadPublishSettings } from '../settings';
import { newClipIds } from './auto-publish';

export const PENDING_KEY = 'publishAutoPending';
/** Clips made while no page opened: the newest this many wait; older ones stay in the library, unpublished. */
export const MAX_PENDING = 100;

export interface PendingAutoPublish {
  /**
   * After a background clip: a new clip (not a re-clip, not a failure) waits when the option is on. Never rejects:
   * a list that cannot be written leaves the clip in the library, unpublished, as with the option off.
   */
  record: (result: Result<ClipOutcome>) => Promise<void>;
  /** The waiting ids, and the list emptied in the same step. */
  claim(): Promise<Result<string[]>>;
}

async function isAutoPublishOn(): Promise<boolean> {
  const publish = await loadPublishSettings();
  return publish.isAutoPublish && publish.destination !== 'none';
}

async function readPending(): Promise<string[]> {
  const stored: Record<string, unknown> = await browser.storage.local.get(PENDING_KEY);
  const value = stored[PENDING_KEY];
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export function createPendingAutoPublish(
  isAutoPublish: () => Promise<boolean> = isAutoPublishOn,
): PendingAutoPublish {
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    record: async (result) => {
      const ids = result.ok ? newClipIds(result.value) : [];
      try {
        if (ids.length === 0 || !(await isAutoPublish())) return;
        await inTurn(async () => {
          const kept = (await readPending()).filter((id) => !ids.includes(id));
          await browser.storage.local.set({ [PENDING_KEY]: [...kept, ...ids].slice(-MAX_PENDING) });
        });
      } catch {
        // Nothing to undo: the clip is saved either way.
      }
    },
    claim: () =>
      inTurn(async () => {
        const ids = await readPending();
        if (ids.length > 0) await browser.storage.local.remove(PENDING_KEY);
        return ok(ids);
      }),
  };
}

/** Calls `onPending` when the background adds clips while a page is open (a claim's emptying is not news). */
export function onPendingAdded(onPending: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[PENDING_KEY]?.newValue;
    if (area === 'local' && Array.isArray(next) && next.length > 0) onPending();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
