// The background owns the library and does every clip, so a popup closing mid-clip loses nothing.
// No onMessageExternal/onConnectExternal listeners: other extensions and web pages get no way in.
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import {
  batchScopeOf,
  clipWithFeedback,
  createContextMenus,
  MENU_CLIP_LINK,
  MENU_CLIP_SELECTION,
  showBadge,
  showBatchBadge,
} from '../utils/platform/clip-feedback';
import {
  browserImageDeps,
  clipRequestedTab,
  createBrowserDeps,
  createLibraryGetter,
  probeActiveTab,
  startPickerInTab,
  toActiveTab,
} from '../utils/platform/clipper';
import { registerPickerListener } from '../utils/platform/picker-session';
import { createBatchRunner } from '../utils/platform/batch-browser';
import { requestBatchPermission } from '../utils/platform/batch-permission';
import { startBatchIfAllowed, startBatchFromMenu } from '../utils/platform/batch-start';
import { refetchClipImages } from '../utils/platform/image-refetch';
import { browserRefererRules } from '../utils/platform/image-referer';
import { registerHandlers } from '../utils/platform/messages';
import { fail, ok } from '../utils/pure/result';
import { createBackgroundPublisher } from '../utils/platform/publish/background-publisher';
import { createPendingAutoPublish } from '../utils/platform/publish/auto-publish-pending';
import { createLinkClipDeps } from '../utils/platform/link-clip-deps';
import { clipLink } from '../utils/platform/link-clip';
import { createBrowserToolbarClips, requestedTab } from '../utils/platform/toolbar-start';

export default defineBackground(() => {
  const getLibrary = createLibraryGetter();
  const deps = createBrowserDeps(getLibrary);
  const batch = createBatchRunner(deps);
  const publisher = createBackgroundPublisher(getLibrary);
  // New clips made here (menu, link, shortcut) wait for a page to publish them: pages render posts.
  const pending = createPendingAutoPublish();
  // The toolbar click clips at once; the popup it opens attaches to that clip (utils/platform/toolbar-clip.ts).
  const toolbar = createBrowserToolbarClips(deps, pending.record);

  registerHandlers({
    'probe-tab': async (request) => {
      const tab = await requestedTab(deps, request);
      return tab ? probeActiveTab(deps, tab) : fail('no-active-tab');
    },
    // The popup names the tab it probed: focus may have moved to another tab or window since.
    'clip-tab': (request) => clipRequestedTab(request, deps),
    'start-picker': (request) => startPickerInTab(request, deps),
    'batch-start': (request) => startBatchIfAllowed(batch, request),
    'batch-cancel': () => Promise.resolve(ok(batch.cancel())),
    'batch-status': () => Promise.resolve(ok(batch.status())),
    // After the user granted other sites in the popup: keep this clip's images that stayed remote.
    'refetch-images': async (request) => {
      const tab = request.tabId === undefined ? null : await deps.getTab(request.tabId).catch(() => null);
      return refetchClipImages(request, await deps.getLibrary(), browserImageDeps(deps, tab));
    },
    // Git publishing runs here, in one context, so two publishes to one clone queue up instead of racing.
    'publish-clips': (request) => publisher.publish(request),
    'publish-test': () => publisher.test(),
    'publish-claim-pending': () => pending.claim(),
    'toolbar-attach': async (request) => toolbar.attach((await requestedTab(deps, request))?.id ?? null),
    'toolbar-outcome': (request) => toolbar.outcome(request.tabId),
  });
  // "Remove parts…": the picker in the page answers here (a content script, so not through the handlers above).
  registerPickerListener(deps);
  void browserRefererRules().sweep();

  browser.runtime.onInstalled.addListener(() => {
    void createContextMenus();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const scope = batchScopeOf(info.menuItemId);
    if (scope) {
      // The prompt must open inside the click's handler, before any await.
      const asking = requestBatchPermission();
      void startBatchFromMenu(batch, scope, tab?.windowId, asking).then((r) => showBatchBadge(tab?.id, r));
      return;
    }
    if (info.menuItemId === MENU_CLIP_LINK) {
      // Fetching another page needs the all-sites permission: the prompt opens in the click, before any await.
      const asking = requestBatchPermission();
      void clipLink(info.linkUrl ?? '', asking, createLinkClipDeps(deps)).then(async (result) => {
        if (tab?.id !== undefined) await showBadge(tab.id, result);
        await pending.record(result);
      });
      return;
    }
    const mode = info.menuItemId === MENU_CLIP_SELECTION ? 'selection' : 'article';
    void clipWithFeedback(mode, deps, toActiveTab(tab)).then(pending.record);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-page')
      void clipWithFeedback('article', deps, toActiveTab(tab)).then(pending.record);
  });
});
