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
  startPickerInTab,
  toActiveTab,
} from '../utils/platform/clipper';
import { registerPickerListener } from '../utils/platform/picker-session';
import { registerHandlers } from '../utils/platform/messages';

export default defineBackground(() => {
  const deps = createBrowserDeps(createLibraryGetter());

  registerHandlers({
    'probe-tab': () => probeActiveTab(deps),
    // The popup names the tab it probed: focus may have moved to another tab or window since.
    'clip-tab': (request) => clipRequestedTab(request, deps),
    'start-picker': (request) => startPickerInTab(request, deps),
  });
  // "Remove parts…": the picker in the page answers here (a content script, so not through the handlers above).
  registerPickerListener(deps);

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
