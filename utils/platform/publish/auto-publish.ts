// Platform: "Publish every new clip": which clips it takes, and when. A new clip made in the popup (its Clip
// buttons, or the toolbar click that clips on open) and the new clips of a batch of tabs. Never a re-clip (it
// updates a clip the user already has, published or not, on purpose), an image re-fetch, an edit, or a backup
// restore: none of those goes through here. The page publishes (posts need its DOM), so a batch started from the
// context menu is published when the popup next sees it finished.
import { browser } from 'wxt/browser';
import type { BatchServices } from '../../pure/page-api';
import type { BatchState, ClipOutcome } from '../../pure/protocol';
import { isBatchActive } from '../../pure/protocol';
import type { Result } from '../../pure/result';

export interface AutoPublishDeps {
  isAutoPublish(): Promise<boolean>;
  publish(ids: string[]): Promise<unknown>;
  /** Claims a finished batch for auto-publishing: true only the first time an id is claimed. */
  claimBatch(batchId: string): Promise<boolean>;
}

/** The clip a popup clip added, or nothing when it updated an earlier clip of the same article. */
export function newClipIds(outcome: ClipOutcome): string[] {
  return outcome.isUpdate ? [] : [outcome.clip.id];
}

/** A finished batch's new clips ('saved'; an 'updated' tab re-clipped a clip the library already had). */
export function newBatchClipIds(state: BatchState): string[] {
  return state.items.flatMap((item) => (item.status === 'saved' && item.clipId ? [item.clipId] : []));
}

export async function autoPublishClip(deps: AutoPublishDeps, outcome: ClipOutcome): Promise<void> {
  const ids = newClipIds(outcome);
  if (ids.length === 0 || !(await deps.isAutoPublish())) return;
  await deps.publish(ids);
}

/** Once a batch has ended: its new clips as one publish (one commit), once per batch whichever page sees it first. */
export async function autoPublishBatch(deps: AutoPublishDeps, state: BatchState | null): Promise<void> {
  if (state === null || isBatchActive(state)) return;
  const ids = newBatchClipIds(state);
  if (ids.length === 0 || !(await deps.claimBatch(state.id))) return;
  if (!(await deps.isAutoPublish())) return;
  await deps.publish(ids);
}

const CLAIM_KEY = 'publishAutoBatch';

/** The last batch claimed, in storage.local: a batch is looked at once, however often the popup reopens. */
export async function claimBatchInStorage(batchId: string): Promise<boolean> {
  const stored = await browser.storage.local.get(CLAIM_KEY);
  if (stored[CLAIM_KEY] === batchId) return false;
  await browser.storage.local.set({ [CLAIM_KEY]: batchId });
  return true;
}

/** The popup's batch services, with every state they report handed to autoPublishBatch. */
export function withBatchAutoPublish(services: BatchServices, deps: AutoPublishDeps): BatchServices {
  const watch = <T extends Result<BatchState | null>>(reply: Promise<T>): Promise<T> =>
    reply.then((result) => {
      if (result.ok) void autoPublishBatch(deps, result.value).catch(() => undefined);
      return result;
    });
  return {
    ...services,
    start: (scope, discarded) => watch(services.start(scope, discarded)),
    cancel: () => watch(services.cancel()),
    status: () => watch(services.status()),
  };
}
