// @vitest-environment jsdom
// "Publish every new clip": a new popup clip and a finished batch's new clips are published; a re-clip, a running
// batch, a batch seen twice and a backup restore are not. And the token never reaches a backup.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BatchServices } from '../../utils/pure/page-api';
import type { BatchState, ClipOutcome } from '../../utils/pure/protocol';
import { toSummary } from '../../utils/pure/clip-summary';
import { ok } from '../../utils/pure/result';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import type { AutoPublishDeps } from '../../utils/platform/publish/auto-publish';
import {
  autoPublishBatch,
  autoPublishClip,
  claimBatchInStorage,
  withBatchAutoPublish,
} from '../../utils/platform/publish/auto-publish';
import { createBackup } from '../../utils/platform/backup';
import { createOptionsServices } from '../../utils/platform/page-services';
import { DEFAULT_SETTINGS, PUBLISH_SETTINGS_KEY, PUBLISH_TOKEN_KEY } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import { resetBrowser } from '../kit/browser';
import { makeStoredClip } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));
beforeEach(resetBrowser);

function deps(isOn = true): AutoPublishDeps & { published: string[][] } {
  const published: string[][] = [];
  return {
    published,
    isAutoPublish: () => Promise.resolve(isOn),
    publish: (ids) => {
      published.push(ids);
      return Promise.resolve();
    },
    claimBatch: claimBatchInStorage,
  };
}

function outcome(id: string, isUpdate: boolean): ClipOutcome {
  return { isUpdate, clip: toSummary(makeStoredClip({ id })) };
}

function batch(
  id: string,
  status: BatchState['status'],
  items: [string, BatchState['items'][number]['status']][],
) {
  return {
    id,
    status,
    startedAt: 0,
    endedAt: status === 'running' ? null : 1,
    items: items.map(([clipId, itemStatus], i) => ({
      tabId: i + 1,
      title: clipId,
      url: null,
      status: itemStatus,
      ...(itemStatus === 'saved' || itemStatus === 'updated' ? { clipId } : {}),
    })),
  } satisfies BatchState;
}

describe('autoPublishClip', () => {
  it('publishes a new clip, not a re-clip of one the library had, and nothing when the option is off', async () => {
    const on = deps();
    await autoPublishClip(on, outcome('new', false));
    await autoPublishClip(on, outcome('again', true));
    expect(on.published).toEqual([['new']]);
    const off = deps(false);
    await autoPublishClip(off, outcome('new', false));
    expect(off.published).toEqual([]);
  });
});

describe('autoPublishBatch', () => {
  it('waits for the batch to end, then publishes its new clips once, as one publish', async () => {
    const on = deps();
    await autoPublishBatch(
      on,
      batch('b1', 'running', [
        ['a', 'saved'],
        ['b', 'running'],
      ]),
    );
    expect(on.published).toEqual([]);
    const done = batch('b1', 'done', [
      ['a', 'saved'],
      ['b', 'updated'],
      ['c', 'failed'],
      ['d', 'saved'],
    ]);
    await autoPublishBatch(on, done);
    // Seen again (the popup reopened, or polled once more): not published twice.
    await autoPublishBatch(on, done);
    expect(on.published).toEqual([['a', 'd']]);
    // A cancelled batch's saved clips are still new clips.
    await autoPublishBatch(
      on,
      batch('b2', 'cancelled', [
        ['e', 'saved'],
        ['f', 'cancelled'],
      ]),
    );
    expect(on.published).toEqual([['a', 'd'], ['e']]);
  });

  it('with the option off, a finished batch publishes nothing', async () => {
    const off = deps(false);
    await autoPublishBatch(off, batch('b3', 'done', [['a', 'saved']]));
    expect(off.published).toEqual([]);
  });

  it('the wrapped batch services start in the same call (the permission prompt needs the click) and watch replies', async () => {
    const on = deps();
    const calls: string[] = [];
    const done = batch('b4', 'done', [['z', 'saved']]);
    const inner: BatchServices = {
      start: () => {
        calls.push('start');
        return Promise.resolve(ok(batch('b4', 'running', [['z', 'running']])));
      },
      cancel: () => Promise.resolve(ok(null)),
      status: () => Promise.resolve(ok(done)),
      discardedChoice: () => Promise.resolve('reload'),
    };
    const wrapped = withBatchAutoPublish(inner, on);
    const started = wrapped.start('window', 'reload');
    expect(calls).toEqual(['start']);
    await started;
    await wrapped.status();
    await vi.waitFor(() => expect(on.published).toEqual([['z']]));
  });
});

describe('a backup restore', () => {
  it('publishes nothing, even with “publish every new clip” on; and the token is never in the backup', async () => {
    await fakeBrowser.storage.local.set({
      [PUBLISH_SETTINGS_KEY]: {
        ...DEFAULT_PUBLISH_SETTINGS,
        destination: 'git',
        repoUrl: 'https://git.example.com/me/site.git',
        allowedOrigin: 'https://git.example.com/*',
        isAutoPublish: true,
      },
      [PUBLISH_TOKEN_KEY]: 'secret-token-xyz',
    });
    const source = await openLibrary(new IDBFactory());
    await source.putClips([
      makeStoredClip({ id: 'r1' }),
      makeStoredClip({ id: 'r2', url: 'https://n.example/2' }),
    ]);
    const text = await createBackup(source, DEFAULT_SETTINGS);
    source.close();
    expect(text).not.toContain('secret-token-xyz');

    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const restored = await createOptionsServices().restore(text);
    expect(restored).toMatchObject({ ok: true, value: { added: 2 } });
    expect(sent).not.toHaveBeenCalled();
  });
});
