// "Publish every new clip" for clips the background made (context menu, shortcut): a new clip waits in
// storage.local when the option is on; a re-clip, a failed clip or the option off adds nothing; the list is deduped
// and bounded; of two pages claiming at once one publishes the clips and the other nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ClipOutcome } from '../../utils/pure/protocol';
import { toSummary } from '../../utils/pure/clip-summary';
import type { Result } from '../../utils/pure/result';
import { fail, ok } from '../../utils/pure/result';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import type { AutoPublishDeps } from '../../utils/platform/publish/auto-publish';
import { autoPublishPending } from '../../utils/platform/publish/auto-publish';
import type { PendingAutoPublish } from '../../utils/platform/publish/auto-publish-pending';
import {
  createPendingAutoPublish,
  MAX_PENDING,
  onPendingAdded,
  PENDING_KEY,
} from '../../utils/platform/publish/auto-publish-pending';
import { PUBLISH_SETTINGS_KEY } from '../../utils/platform/settings';
import { resetBrowser } from '../kit/browser';
import { makeStoredClip } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));
beforeEach(resetBrowser);

function clipped(id: string, isUpdate = false): Result<ClipOutcome> {
  return ok({ isUpdate, clip: toSummary(makeStoredClip({ id })) });
}

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY];
}

/** A page's deps, claiming from the one background list as the message would. */
function page(background: PendingAutoPublish, published: string[][], isOn = true): AutoPublishDeps {
  return {
    isAutoPublish: () => Promise.resolve(isOn),
    publish: (ids) => {
      published.push(ids);
      return Promise.resolve();
    },
    claimBatch: () => Promise.resolve(false),
    claimPending: async () => {
      const claimed = await background.claim();
      return claimed.ok ? claimed.value : [];
    },
  };
}

describe('the background records new clips', () => {
  it('keeps a new clip, not a re-clip or a failed clip, deduped', async () => {
    const pending = createPendingAutoPublish(() => Promise.resolve(true));
    await pending.record(clipped('a'));
    await pending.record(clipped('b', true));
    await pending.record(fail('not-an-article'));
    await pending.record(clipped('c'));
    await pending.record(clipped('a'));
    expect(await stored()).toEqual(['c', 'a']);
  });

  it('adds nothing with the option off', async () => {
    const pending = createPendingAutoPublish(() => Promise.resolve(false));
    await pending.record(clipped('a'));
    expect(await stored()).toBeUndefined();
    expect(await pending.claim()).toEqual(ok([]));
  });

  it('reads the option from the saved publish settings: on with a destination, off without one', async () => {
    const pending = createPendingAutoPublish();
    await pending.record(clipped('a'));
    const on = { ...DEFAULT_PUBLISH_SETTINGS, isAutoPublish: true, destination: 'folder' };
    await fakeBrowser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: on });
    await pending.record(clipped('b'));
    await fakeBrowser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: { ...on, destination: 'none' } });
    await pending.record(clipped('c'));
    expect(await stored()).toEqual(['b']);
  });

  it(`keeps only the newest ${MAX_PENDING}`, async () => {
    const pending = createPendingAutoPublish(() => Promise.resolve(true));
    for (let i = 0; i < MAX_PENDING + 5; i += 1) await pending.record(clipped(`c${i}`));
    const ids = (await pending.claim()) as { ok: true; value: string[] };
    expect(ids.value).toHaveLength(MAX_PENDING);
    expect(ids.value[0]).toBe('c5');
    expect(ids.value.at(-1)).toBe(`c${MAX_PENDING + 4}`);
  });

  it('a storage failure while recording is swallowed: the clip is saved either way', async () => {
    const pending = createPendingAutoPublish(() => Promise.reject(new Error('storage gone')));
    await expect(pending.record(clipped('a'))).resolves.toBeUndefined();
  });
});

describe('pages claim them', () => {
  it('two pages claiming at once: one publishes the clips as one publish, the other nothing', async () => {
    const background = createPendingAutoPublish(() => Promise.resolve(true));
    await background.record(clipped('a'));
    await background.record(clipped('b'));
    const popup: string[][] = [];
    const options: string[][] = [];
    await Promise.all([
      autoPublishPending(page(background, popup)),
      autoPublishPending(page(background, options)),
    ]);
    expect([...popup, ...options]).toEqual([['a', 'b']]);
    expect(await stored()).toBeUndefined();
    // Reopening later finds nothing left.
    await autoPublishPending(page(background, popup));
    expect([...popup, ...options]).toEqual([['a', 'b']]);
  });

  it('a clip recorded while a claim runs is published once, by the claim or by the next one', async () => {
    const background = createPendingAutoPublish(() => Promise.resolve(true));
    await background.record(clipped('a'));
    const published: string[][] = [];
    await Promise.all([
      autoPublishPending(page(background, published)),
      background.record(clipped('b')),
      autoPublishPending(page(background, published)),
    ]);
    await autoPublishPending(page(background, published));
    expect(published.flat().sort()).toEqual(['a', 'b']);
  });

  it('with the option turned off since, the claim drops the clips instead of publishing them later', async () => {
    const background = createPendingAutoPublish(() => Promise.resolve(true));
    await background.record(clipped('a'));
    const published: string[][] = [];
    await autoPublishPending(page(background, published, false));
    await autoPublishPending(page(background, published, true));
    expect(published).toEqual([]);
  });

  it('an open page hears of new clips, not of a claim emptying the list', async () => {
    const background = createPendingAutoPublish(() => Promise.resolve(true));
    let heard = 0;
    const stop = onPendingAdded(() => (heard += 1));
    await background.record(clipped('a'));
    expect(heard).toBe(1);
    await background.claim();
    expect(heard).toBe(1);
    stop();
    await background.record(clipped('b'));
    expect(heard).toBe(1);
  });
});
