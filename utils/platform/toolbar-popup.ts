// Platform: opens the action popup from the toolbar click's handler. The manifest names no popup, so the click
// reaches the background (action.onClicked) at once; the popup is set for this tab only for the opening, since
// both browsers open only a popup that is set. Both calls are made before any await: Firefox opens a popup only
// inside the click's handler.
import { browser } from 'wxt/browser';
import type { TabRequest } from '../pure/protocol';

export const POPUP_PAGE = 'popup.html';
/** The popup page for a click on this tab: the popup probes and attaches to that tab by id, not "the active tab". */
export function popupPageFor(tabId: number): string {
  return `${POPUP_PAGE}?tab=${tabId}`;
}

/** The tab named in the popup's URL (`location.search`), or none: the popup then asks about the active tab. */
export function readPopupTab(search: string): TabRequest {
  const raw = new URLSearchParams(search).get('tab');
  const tabId = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(tabId) ? { tabId } : {};
}

/** Chromium: "Cannot show popup for an inactive window. To show the popup for this window, first call …". */
const INACTIVE_WINDOW = /inactive window/i;

/** The toolbar action: `action` in MV3 builds, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

/** How long a window focused on request may take to report itself focused (Chromium activates it asynchronously). */
const FOCUS_WAIT_MS = 2_000;
const FOCUS_POLL_MS = 50;

/** Resolves to whether the popup opened (false: no focused window, or the browser refused). Never rejects. */
export function openToolbarPopup(tabId: number, windowId: number | undefined): Promise<boolean> {
  const action = toolbarAction();
  const setting = action.setPopup({ tabId, popup: popupPageFor(tabId) });
  const target = windowId === undefined ? {} : { windowId };
  // Chromium refuses a window that is not the focused one (a click in a window the browser has not focused yet,
  // or one it is still activating): focus it, wait until it says it is focused, and ask once more. Firefox would
  // refuse the second call outside the click; it never gets there, as it opens the popup of any window.
  const opening = action.openPopup(target).catch(async (error: unknown) => {
    // Only that refusal: a popup the user closed at once must not open again.
    if (windowId === undefined || !INACTIVE_WINDOW.test(String(error))) throw error;
    await focusWindow(windowId);
    await action.openPopup(target);
  });
  const reset = () => action.setPopup({ tabId, popup: '' }).catch(() => undefined);
  return Promise.all([setting, opening]).then(
    async () => {
      await reset();
      return true;
    },
    async (error: unknown) => {
      // Seen in the service worker's console: the badge shows the outcome instead, and this says why.
      console.warn('Postclip: the toolbar popup did not open', error);
      await reset();
      return false;
    },
  );
}

/** Focuses the window and waits (a little) until the browser reports it focused. */
async function focusWindow(windowId: number): Promise<void> {
  await browser.windows.update(windowId, { focused: true });
  const end = Date.now() + FOCUS_WAIT_MS;
  while (Date.now() < end) {
    const window = await browser.windows.get(windowId).catch(() => null);
    if (!window || window.focused) return;
    await new Promise((resolve) => setTimeout(resolve, FOCUS_POLL_MS));
  }
}
