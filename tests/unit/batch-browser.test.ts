import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import {
  BATCH_SESSION_KEY,
  explainClosed,
  listBatchTabs,
  loadBatchState,
  loadBatchTab,
  saveBatchState,
  toBatchTab,
} from '../../utils/platform/batch-browser';
import type { BatchState } from '../../utils/pure/protocol';
import { fail } from '../../utils/pure/result';

vi.mock('wxt/browser', () => import('../kit/browser'));

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

function browserTab(over: Partial<Browser.tabs.Tab>): Browser.tabs.Tab {
  return {
    id: 1,
    index: 0,
    highlighted: false,
    active: false,
    pinned: false,
    incognito: false,
    ...over,
  } as Browser.tabs.Tab;
}

describe('toBatchTab', () => {
  it('keeps id, url, title and the unloaded flag; drops tabs with no id', () => {
    expect(toBatchTab(browserTab({ id: 3, url: 'https://a.example/', title: 'A', discarded: true }))).toEqual(
      {
        id: 3,
        url: 'https://a.example/',
        title: 'A',
        isDiscarded: true,
      },
    );
    expect(toBatchTab(browserTab({ id: undefined }))).toBeNull();
    expect(toBatchTab(browserTab({ id: 4 }))).toEqual({ id: 4, url: null, title: null, isDiscarded: false });
  });
});

describe('listBatchTabs', () => {
  it('asks for the window’s tabs, or only its highlighted ones', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([browserTab({ id: 2 })]);
    await listBatchTabs({ scope: 'window', discarded: 'skip', windowId: 9 });
    await listBatchTabs({ scope: 'selected', discarded: 'skip' });
    expect(query.mock.calls.map(([q]) => q)).toEqual([
      { windowId: 9 },
      { lastFocusedWindow: true, highlighted: true },
    ]);
  });
});

describe('loadBatchTab', () => {
  it('reloads an unloaded tab and waits until it has loaded', async () => {
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined);
    const get = vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockResolvedValueOnce(browserTab({ id: 5, status: 'loading' }))
      .mockResolvedValueOnce(browserTab({ id: 5, status: 'complete', url: 'https://a.example/' }));
    const tab = { id: 5, url: 'https://a.example/', title: null, isDiscarded: true };
    expect(await loadBatchTab(tab, true)).toEqual({ ...tab, isDiscarded: false });
    expect(reload).toHaveBeenCalledWith(5);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('answers null for a tab that closed, or that never finishes loading', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 5'));
    const tab = { id: 5, url: null, title: null, isDiscarded: false };
    expect(await loadBatchTab(tab, false)).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(browserTab({ id: 5, status: 'loading' }));
    expect(await loadBatchTab(tab, false, 0)).toBeNull();
  });
});

describe('the storage.session mirror', () => {
  it('saves and reads back the batch, and ignores anything else under the key', async () => {
    const state: BatchState = { id: 'b', status: 'running', startedAt: 1, endedAt: null, items: [] };
    await saveBatchState(state);
    expect(await loadBatchState()).toEqual(state);
    await fakeBrowser.storage.session.set({ [BATCH_SESSION_KEY]: 'junk' });
    expect(await loadBatchState()).toBeNull();
  });
});

describe('explainClosed', () => {
  it('turns a failed injection into "the tab closed" when the tab is gone, and leaves other results alone', async () => {
    const get = vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 3'));
    const failed = fail('injection-failed', 'No tab with id: 3');
    expect(await explainClosed(3, failed)).toEqual(fail('no-active-tab', 'tab-closed'));
    get.mockResolvedValueOnce(browserTab({ id: 3 }));
    expect(await explainClosed(3, failed)).toEqual(failed);
    expect(await explainClosed(3, fail('timeout'))).toEqual(fail('timeout'));
  });
});
