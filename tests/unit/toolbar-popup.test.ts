import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  openToolbarPopup,
  POPUP_SHOWN_WAIT_MS,
  popupPageFor,
  readPopupTab,
} from '../../utils/platform/toolbar-popup';
import { createBrowserToolbarClips, showUnseenBadge } from '../../utils/platform/toolbar-start';
import type { ClipperDeps } from '../../utils/platform/clipper';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';

vi.mock('wxt/browser', () => import('../kit/browser'));

beforeEach(() => {
  fakeBrowser.reset();
  // A refused popup is logged for the service worker's console: not this test's output.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  // Tests below give the fake runtime a getContexts (Chromium's): the others run without one.
  Reflect.deleteProperty(fakeBrowser.runtime, 'getContexts');
});

type Contexts = { contextType: string; documentUrl?: string }[];

/** Chromium's runtime.getContexts, answering `lists` in turn (the last one from then on). */
function fakeGetContexts(...lists: Contexts[]) {
  const getContexts = vi.fn((filter: { contextTypes?: string[] }) => {
    const list = lists.length > 1 ? (lists.shift() ?? []) : (lists[0] ?? []);
    return Promise.resolve(list.filter((c) => filter.contextTypes?.includes(c.contextType) ?? true));
  });
  Object.assign(fakeBrowser.runtime, { getContexts });
  return getContexts;
}

const popupOf = (tabId: number) => ({
  contextType: 'POPUP',
  documentUrl: `chrome-extension://x/popup.html?tab=${tabId}`,
});

describe('openToolbarPopup', () => {
  it('sets the popup for the clicked tab, opens it in that window in the same turn, then unsets it', async () => {
    const calls: string[] = [];
    vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation((details) => {
      calls.push(`set:${String(details.tabId)}:${details.popup}`);
      return Promise.resolve();
    });
    vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation((options) => {
      calls.push(`open:${String(options?.windowId)}`);
      return Promise.resolve();
    });
    const opening = openToolbarPopup(4, 2);
    // Both before any await: Firefox opens a popup only inside the click's handler.
    expect(calls).toEqual(['set:4:popup.html?tab=4', 'open:2']);
    expect(await opening).toBe(true);
    expect(calls).toEqual(['set:4:popup.html?tab=4', 'open:2', 'set:4:']);
  });

  it('names the clicked tab in the popup URL, and reads it back (nothing else)', () => {
    expect(readPopupTab(new URL(popupPageFor(12), 'chrome-extension://x/').search)).toEqual({ tabId: 12 });
    expect(readPopupTab('')).toEqual({});
    expect(readPopupTab('?tab=-3')).toEqual({});
    expect(readPopupTab('?tab=1e3')).toEqual({});
    expect(readPopupTab('?tab=99999999999999999')).toEqual({});
  });

  it('focuses the clicked window and asks once more when the browser refuses an unfocused one', async () => {
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    const open = vi
      .spyOn(fakeBrowser.action, 'openPopup')
      .mockRejectedValueOnce(new Error('Cannot show popup for an inactive window.'))
      .mockResolvedValueOnce(undefined);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    // Chromium activates the window a moment after the update: the second call waits until it says so.
    const get = vi
      .spyOn(fakeBrowser.windows, 'get')
      .mockResolvedValueOnce({ focused: false } as never)
      .mockResolvedValue({ focused: true } as never);
    expect(await openToolbarPopup(4, 2)).toBe(true);
    expect(focus).toHaveBeenCalledWith(2, { focused: true });
    expect(get).toHaveBeenCalledTimes(2);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('does not open a second popup after any other refusal', async () => {
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    const open = vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('popup closed'));
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    expect(await openToolbarPopup(4, 2)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    expect(focus).not.toHaveBeenCalled();
  });

  it('resolves false when the browser cannot open it (no focused window), and still unsets it', async () => {
    const set = vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('No active browser window'));
    expect(await openToolbarPopup(4, undefined)).toBe(false);
    expect(set).toHaveBeenLastCalledWith({ tabId: 4, popup: '' });
  });
});

describe('openToolbarPopup, confirmed (Chromium: openPopup once resolved and showed nothing)', () => {
  function spyAction() {
    const set = vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    const open = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
    return { set, open };
  }

  it('trusts openPopup when the popup of the tab is listed at once: one call, no wait', async () => {
    const { open } = spyAction();
    const getContexts = fakeGetContexts([popupOf(4)]);
    expect(await openToolbarPopup(4, 2)).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['POPUP'] });
  });

  it('waits a moment for a popup listed late, without asking again', async () => {
    vi.useFakeTimers();
    const { open } = spyAction();
    fakeGetContexts([], [], [popupOf(4)]);
    const opening = openToolbarPopup(4, 2);
    await vi.runAllTimersAsync();
    expect(await opening).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('asks once more when no popup is listed after openPopup resolved, and the second one shows', async () => {
    vi.useFakeTimers();
    const { set, open } = spyAction();
    // The first request showed nothing (another tab's popup does not count); the second one shows.
    const getContexts = vi.fn(() =>
      Promise.resolve(open.mock.calls.length < 2 ? [popupOf(9)] : [popupOf(9), popupOf(4)]),
    );
    Object.assign(fakeBrowser.runtime, { getContexts });
    const opening = openToolbarPopup(4, 2);
    await vi.runAllTimersAsync();
    expect(await opening).toBe(true);
    expect(open).toHaveBeenCalledTimes(2);
    expect(open).toHaveBeenLastCalledWith({ windowId: 2 });
    expect(getContexts.mock.calls.length).toBeGreaterThan(1);
    // Still set for the tab when asked again; unset only after.
    expect(set.mock.calls.map(([d]) => d.popup)).toEqual(['popup.html?tab=4', '']);
  });

  it('resolves false (so the badge reports) when no popup shows after the second request either', async () => {
    vi.useFakeTimers();
    const { set, open } = spyAction();
    fakeGetContexts([]);
    const opening = openToolbarPopup(4, 2);
    await vi.advanceTimersByTimeAsync(POPUP_SHOWN_WAIT_MS * 3);
    expect(await opening).toBe(false);
    expect(open).toHaveBeenCalledTimes(2);
    expect(set).toHaveBeenLastCalledWith({ tabId: 4, popup: '' });
    expect(console.warn).toHaveBeenCalled();
  });

  it('in the MV2 build (browserAction, openPopup only inside the click) asks no context and never asks twice', async () => {
    const action = fakeBrowser.action;
    const getContexts = fakeGetContexts([]);
    vi.spyOn(fakeBrowser.browserAction, 'setPopup').mockResolvedValue(undefined);
    const open = vi.spyOn(fakeBrowser.browserAction, 'openPopup').mockResolvedValue(undefined);
    Reflect.deleteProperty(fakeBrowser, 'action');
    try {
      expect(await openToolbarPopup(4, 2)).toBe(true);
    } finally {
      Object.assign(fakeBrowser, { action });
    }
    expect(open).toHaveBeenCalledTimes(1);
    expect(getContexts).not.toHaveBeenCalled();
  });
});

describe('createBrowserToolbarClips', () => {
  it('takes the manifest popup away once it listens for the click, and listens for browser start', () => {
    const order: string[] = [];
    vi.spyOn(fakeBrowser.action.onClicked, 'addListener').mockImplementation(() => order.push('listen'));
    const set = vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation((details) => {
      order.push(`set:${details.popup}`);
      return Promise.resolve();
    });
    const deps: ClipperDeps = {
      queryActiveTab: () => Promise.resolve(null),
      getTab: () => Promise.resolve(null),
      executeScript: vi.fn(),
      getLibrary: () => Promise.reject<Library>(new Error('unused')),
      loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
      now: () => 0,
    };
    const onStartup = vi.spyOn(fakeBrowser.runtime.onStartup, 'addListener');
    createBrowserToolbarClips(deps, () => Promise.resolve());
    // Until the listener exists, a click must open the manifest's popup (not be lost): listener first.
    expect(order).toEqual(['listen', 'set:']);
    expect(set).toHaveBeenCalledWith({ popup: '' });
    expect(onStartup).toHaveBeenCalledTimes(1);
  });

  it('an unseen outcome says on the badge tooltip that the window did not open, in the user’s words', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
      key === 'toolbarPopupNotShown' ? `${String(subs?.[0])} (no window)` : `[${key}:${String(subs)}]`,
    );
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const title = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    await showUnseenBadge(3, { ok: false, code: 'restricted-page' });
    expect(title).toHaveBeenLastCalledWith({ tabId: 3, title: expect.stringMatching(/ \(no window\)$/) });
    expect(title.mock.lastCall?.[0].title).toMatch(/^\[badgeTitleFailed:/);
  });

  it('a click opens the popup and starts the clip; a failed opening puts the outcome on the badge', async () => {
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    const open = vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('no window'));
    vi.spyOn(fakeBrowser.windows, 'update').mockRejectedValue(new Error('no window'));
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    const executeScript = vi.fn(() => Promise.reject(new Error('Cannot access a chrome:// URL')));
    const deps: ClipperDeps = {
      queryActiveTab: () => Promise.resolve(null),
      getTab: () => Promise.resolve(null),
      executeScript,
      getLibrary: () => Promise.reject<Library>(new Error('unused')),
      loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
      now: () => 0,
    };
    const toolbar = createBrowserToolbarClips(deps, () => Promise.resolve());
    await fakeBrowser.action.onClicked.trigger(
      {
        id: 3,
        windowId: 1,
        url: 'chrome://settings/',
      } as Parameters<typeof fakeBrowser.action.onClicked.trigger>[0],
      undefined,
    );
    expect(open).toHaveBeenCalledWith({ windowId: 1 });
    const attached = await toolbar.attach(3);
    expect(attached).toMatchObject({ ok: true, value: { probe: { ok: false, code: 'restricted-page' } } });
    await vi.waitFor(() => expect(badge).toHaveBeenCalledWith({ tabId: 3, text: '!' }));
    expect(executeScript).not.toHaveBeenCalled();
  });
});
