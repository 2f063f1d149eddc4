// Platform: opens the action popup from the toolbar click's handler. The popup is set for this tab only for the
// opening, since both browsers open only a popup that is set. Both calls are made before any await: Firefox opens
// a popup only inside the click's handler. In Chromium the opening is then confirmed: a popup context must exist.
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
/**
 * How long the popup may take to be listed as a context after openPopup resolved. In Chromium 156 it was always
 * listed by the time openPopup resolved; the wait only covers a slower browser.
 */
export const POPUP_SHOWN_WAIT_MS = 600;
const POPUP_SHOWN_POLL_MS = 50;

/**
 * Whether the popup page is open, from runtime.getContexts; null where that cannot be asked (an older browser,
 * Firefox's MV2 build, where nothing could be done about it anyway: openPopup works only inside the click there).
 */
async function isPopupListed(page: string): Promise<boolean | null> {
  if (!browser.action || typeof browser.runtime.getContexts !== 'function') return null;
  const contexts = await browser.runtime.getContexts({ contextTypes: ['POPUP'] }).catch(() => null);
  if (!contexts) return null;
  return contexts.some((c) => c.documentUrl?.endsWith(`/${page}`) === true);
}

/** Reads every `pollMs` until `isDone` says so or `waitMs` has passed; answers the last reading. */
async function pollUntil<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  waitMs: number,
  pollMs: number,
): Promise<T> {
  const end = Date.now() + waitMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() >= end) return value;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Waits (a little) until the popup is listed: true, false, or true when it cannot be asked. */
export async function waitForPopupShown(page: string, waitMs = POPUP_SHOWN_WAIT_MS): Promise<boolean> {
  const isShown = (listed: boolean | null) => listed !== false;
  return isShown(await pollUntil(() => isPopupListed(page), isShown, waitMs, POPUP_SHOWN_POLL_MS));
}

/** Resolves to whether the popup opened (false: no focused window, or the browser refused). Never rejects. */
export function openToolbarPopup(tabId: number, windowId: number | undefined): Promise<boolean> {
  const action = toolbarAction();
  const page = popupPageFor(tabId);
  const setting = action.setPopup({ tabId, popup: page });
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
  return Promise.all([setting, opening])
    .then(async () => {
      if (await waitForPopupShown(page)) return true;
      // openPopup resolved and no popup is there: ask once more, then believe only what is listed.
      console.warn('Postclip: openPopup resolved but no popup is open; asking once more');
      await action.openPopup(target);
      if (await waitForPopupShown(page)) return true;
      throw new Error('openPopup resolved twice and no popup is open');
    })
    .then(
      async (isShown) => {
        await reset();
        return isShown;
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
  await pollUntil(
    () => browser.windows.get(windowId).catch(() => null),
    (window) => !window || window.focused,
    FOCUS_WAIT_MS,
    FOCUS_POLL_MS,
  );
}
