// The background owns the library and does every clip, so a popup closing mid-clip loses nothing.
// No onMessageExternal/onConnectExternal listeners: other extensions and web pages get no way in.
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { clipWithFeedback, createContextMenus, MENU_CLIP_SELECTION } from '../utils/platform/clip-feedback';
import {
  clipRequestedTab,
  createBrowserDeps,
  createLibraryGetter,
  probeActiveTab,
  toActiveTab,
} from '../utils/platform/clipper';
import { registerHandlers } from '../utils/platform/messages';
import { createBackgroundPublisher } from '../utils/platform/publish/background-publisher';

export default defineBackground(() => {
  const getLibrary = createLibraryGetter();
  const deps = createBrowserDeps(getLibrary);
  const publisher = createBackgroundPublisher(getLibrary);

  registerHandlers({
    'probe-tab': () => probeActiveTab(deps),
    // The popup names the tab it probed: focus may have moved to another tab or window since.
    'clip-tab': (request) => clipRequestedTab(request, deps),
    // Git publishing runs here, in one context, so two publishes to one clone queue up instead of racing.
    'publish-clips': (request) => publisher.publish(request),
    'publish-test': () => publisher.test(),
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
