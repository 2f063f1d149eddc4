import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openToolbarPopup, popupPageFor, readPopupTab } from '../../utils/platform/toolbar-popup';
import { createBrowserToolbarClips } from '../../utils/platform/toolbar-start';
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

describe('createBrowserToolbarClips', () => {
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
