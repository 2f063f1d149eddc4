import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchRunner } from '../../utils/platform/batch-runner';
import type { BatchDeps } from '../../utils/platform/batch-runner';
import { startBatchFromMenu, startBatchIfAllowed } from '../../utils/platform/batch-start';
import { saveSettings, DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { BatchStartRequest } from '../../utils/pure/protocol';
import { fail } from '../../utils/pure/result';

vi.mock('wxt/browser', () => import('../kit/browser'));

afterEach(() => {
  fakeBrowser.reset();
});

function makeRunner() {
  const requests: BatchStartRequest[] = [];
  const deps: BatchDeps = {
    listTabs: (request) => {
      requests.push(request);
      return Promise.resolve([{ id: 1, url: 'chrome://version', title: null, isDiscarded: false }]);
    },
    loadTab: (tab) => Promise.resolve(tab),
    clip: () => Promise.resolve(fail('timeout')),
    persist: () => Promise.resolve(),
    now: () => 0,
    newId: () => 'b',
  };
  return { runner: new BatchRunner(deps), requests };
}

describe('startBatchIfAllowed', () => {
  it('refuses without the host permission and starts nothing', async () => {
    const { runner, requests } = makeRunner();
    const result = await startBatchIfAllowed(runner, { scope: 'window', discarded: 'skip' }, () =>
      Promise.resolve(false),
    );
    expect(result).toEqual(fail('injection-failed', 'batch-permission'));
    expect(requests).toEqual([]);
    expect(runner.status()).toBeNull();
  });
});

describe('startBatchFromMenu', () => {
  it('uses the remembered choice for unloaded tabs and the menu’s window, and answers the finished batch', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, batchDiscarded: 'skip' });
    const { runner, requests } = makeRunner();
    const result = await startBatchFromMenu(runner, 'selected', 4, Promise.resolve(true));
    expect(requests).toEqual([{ scope: 'selected', discarded: 'skip', windowId: 4 }]);
    expect(result.ok && result.value.status).toBe('done');
  });

  it('a declined prompt starts nothing', async () => {
    const { runner, requests } = makeRunner();
    expect(await startBatchFromMenu(runner, 'window', 4, Promise.resolve(false))).toEqual(
      fail('injection-failed', 'batch-permission'),
    );
    expect(requests).toEqual([]);
  });
});
