// Platform: opens the action popup from the toolbar click's handler. The manifest names no popup, so the click
// reaches the background (action.onClicked) at once; the popup is set for this tab only for the opening, since
// both browsers open only a popup that is set. Both calls are made before any await: Firefox opens a popup only
// inside the click's handler.
import { browser } from 'wxt/browser';

export const POPUP_PAGE = 'popup.html';
/** Chromium: "Cannot show popup for an inactive window. To show the popup for this window, first call …". */
const INACTIVE_WINDOW = /inactive window/i;

/** The toolbar action: `action` in MV3 builds, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

/** Resolves to whether the popup opened (false: no focused window, or the browser refused). Never rejects. */
export function openToolbarPopup(tabId: number, windowId: number | undefined): Promise<boolean> {
  const action = toolbarAction();
  const setting = action.setPopup({ tabId, popup: POPUP_PAGE });
  const target = windowId === undefined ? {} : { windowId };
  // Chromium refuses a window that is not the focused one (a click in a window the browser has not focused yet):
  // focus it and ask once more. Firefox would refuse the second call outside the click; it is harmless there.
  const opening = action.openPopup(target).catch(async (error: unknown) => {
    // Only that refusal: a popup the user closed at once must not open again.
    if (windowId === undefined || !INACTIVE_WINDOW.test(String(error))) throw error;
    await browser.windows.update(windowId, { focused: true });
    await action.openPopup(target);
  });
  const reset = () => action.setPopup({ tabId, popup: '' }).catch(() => undefined);
  return Promise.all([setting, opening]).then(
    async () => {
      await reset();
      return true;
    },
    async () => {
      await reset();
      return false;
    },
  );
}
