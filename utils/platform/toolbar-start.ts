// Platform: the toolbar click's listener in the browser: starts the background's clip (toolbar-clip.ts) and opens
// the popup in the same handler, and forgets a closed tab's clip. The manifest names the popup, and this takes it
// away once the listener is in place: a click the background is not yet listening for (just after install, update
// or browser start, before this script ran) opens Postclip the old way instead of doing nothing.
import type { ClipOutcome, TabRequest } from '../pure/protocol';
import type { Result } from '../pure/result';
import { badgeTitle, clipWithFeedback, showBadge } from './clip-feedback';
import type { ActiveTab, ClipperDeps } from './clipper';
import { toActiveTab } from './clipper';
import { browser } from 'wxt/browser';
import { t } from './i18n';
import { loadSettings } from './settings';
import type { ToolbarClips } from './toolbar-clip';
import { createToolbarClips } from './toolbar-clip';
import { openToolbarPopup, toolbarAction } from './toolbar-popup';
import { listenForClipStarted } from './toolbar-clip-started';

export function createBrowserToolbarClips(
  deps: ClipperDeps,
  onClipped: (result: Result<ClipOutcome>) => Promise<void>,
): ToolbarClips {
  const toolbar = createToolbarClips({
    clipper: deps,
    isClipAtOnce: async () => (await loadSettings()).toolbarButton !== 'open',
    onUnseen: showUnseenBadge,
    clipUnseen: (tab) => clipWithFeedback('article', deps, tab).then(onClipped),
    onClipped,
  });
  toolbarAction().onClicked.addListener((clicked) => {
    const tab = toActiveTab(clicked);
    if (!tab) return;
    const opening = openToolbarPopup(tab.id, clicked.windowId);
    const popupOpened = toolbar.start(tab);
    void opening.then(popupOpened);
  });
  // From now on the click comes to the listener above (the manifest's popup answered it until here).
  void toolbarAction()
    .setPopup({ popup: '' })
    .catch((error: unknown) => console.warn('Postclip: could not take the toolbar popup away', error));
  // Listening wakes the background when the browser starts, so the session's first click is already the fast one.
  browser.runtime.onStartup.addListener(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => toolbar.forget(tabId));
  listenForClipStarted((tabId, started) => toolbar.noteClipStarted(tabId, started));
  return toolbar;
}

/** The outcome on the badge, and in its tooltip that Postclip's window did not open (so the user knows to click). */
export async function showUnseenBadge(tabId: number, result: Result<ClipOutcome>): Promise<void> {
  await showBadge(tabId, result);
  await toolbarAction()
    .setTitle({ tabId, title: t('toolbarPopupNotShown', [badgeTitle(result)]) })
    .catch(() => undefined);
}

/** The tab a popup asks about: the one named (a toolbar click's popup), else the active tab. Null: none, or closed. */
export async function requestedTab(deps: ClipperDeps, request: TabRequest): Promise<ActiveTab | null> {
  const tab = request.tabId === undefined ? deps.queryActiveTab() : deps.getTab(request.tabId);
  return tab.catch(() => null);
}
