// The background owns the library and does every clip, so a popup closing mid-clip loses nothing.
// No onMessageExternal/onConnectExternal listeners: other extensions and web pages get no way in.
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { clipWithFeedback, createContextMenus, MENU_CLIP_SELECTION } from '../utils/platform/clip-feedback';
import {
  browserImageDeps,
  clipRequestedTab,
  createBrowserDeps,
  createLibraryGetter,
  probeActiveTab,
  toActiveTab,
} from '../utils/platform/clipper';
import { refetchClipImages } from '../utils/platform/image-refetch';
import { registerHandlers } from '../utils/platform/messages';

export default defineBackground(() => {
  const deps = createBrowserDeps(createLibraryGetter());

  registerHandlers({
    'probe-tab': () => probeActiveTab(deps),
    // The popup names the tab it probed: focus may have moved to another tab or window since.
    'clip-tab': (request) => clipRequestedTab(request, deps),
    // After the user granted other sites in the popup: keep this clip's images that stayed remote.
    'refetch-images': async (request) => {
      const tab = request.tabId === undefined ? null : await deps.getTab(request.tabId).catch(() => null);
      return refetchClipImages(request, await deps.getLibrary(), browserImageDeps(deps, tab));
    },
  });

  browser.runtime.onInstalled.addListener(() => {
    void createContextMenus();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const mode = info.menuItemId === MENU_CLIP_SELECTION ? 'selection' : 'article';
    void clipWithFeedback(mode, deps, toActiveTab(tab));
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-page') void clipWithFeedback('article', deps, toActiveTab(tab));
  });
});
