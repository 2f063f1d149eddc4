// Platform: the toolbar click's listener in the browser: starts the background's clip (toolbar-clip.ts) and opens
// the popup in the same handler, and forgets a closed tab's clip.
import type { ClipOutcome, TabRequest } from '../pure/protocol';
import type { Result } from '../pure/result';
import { clipWithFeedback, showBadge } from './clip-feedback';
import type { ActiveTab, ClipperDeps } from './clipper';
import { toActiveTab } from './clipper';
import { browser } from 'wxt/browser';
import { loadSettings } from './settings';
import type { ToolbarClips } from './toolbar-clip';
import { createToolbarClips } from './toolbar-clip';
import { openToolbarPopup, toolbarAction } from './toolbar-popup';

export function createBrowserToolbarClips(
  deps: ClipperDeps,
  onClipped: (result: Result<ClipOutcome>) => Promise<void>,
): ToolbarClips {
  const toolbar = createToolbarClips({
    clipper: deps,
    isClipAtOnce: async () => (await loadSettings()).toolbarButton !== 'open',
    onUnseen: showBadge,
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
  browser.tabs.onRemoved.addListener((tabId) => toolbar.forget(tabId));
  return toolbar;
}

/** The tab a popup asks about: the one named (a toolbar click's popup), else the active tab. Null: none, or closed. */
export async function requestedTab(deps: ClipperDeps, request: TabRequest): Promise<ActiveTab | null> {
  const tab = request.tabId === undefined ? deps.queryActiveTab() : deps.getTab(request.tabId);
  return tab.catch(() => null);
}
