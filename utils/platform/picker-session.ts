// Platform: the background's side of "Remove parts…": takes the picker's answer from the page, clips the page again
// without the marked blocks, says so on the toolbar badge, and keeps the pick so the popup can offer a site rule.
import { browser } from 'wxt/browser';
import { readPickerDone } from '../pure/pick-rule';
import type { PickStore } from './pick-store';
import { browserPickStore } from './pick-store';
import type { ClipOutcome } from '../pure/protocol';
import { PAGE_MESSAGE } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, isRecord } from '../pure/result';
import { hostOf } from '../pure/url';
import type { ClipperDeps } from './clipper';
import { clipActiveTab } from './clipper';
import { showBadge } from './clip-feedback';
import type { MessageSender } from './messages';

/**
 * Only our own picker may answer: a content script of this extension, in a tab's top frame (picker.js and clip.js
 * are injected there only), not one of our pages. The page's own scripts cannot reach runtime.sendMessage; the
 * selectors are still checked as untrusted text.
 */
export function isPickerSender(sender: MessageSender, selfId: string, selfOrigin: string): boolean {
  return (
    sender.id === selfId &&
    sender.tab?.id !== undefined &&
    sender.tab.id >= 0 &&
    sender.frameId === 0 &&
    !(typeof sender.url === 'string' && sender.url.startsWith(selfOrigin))
  );
}

/** The tab whose picker sent `raw`, its answer; null for any other message or sender (the clip script speaks too). */
export function pickerTabOf(
  raw: unknown,
  sender: MessageSender,
  selfId: string,
  selfOrigin: string,
): number | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isPickerSender(sender, selfId, selfOrigin)) return null;
  return isRecord(raw) && raw.type === PAGE_MESSAGE.pickerDone ? tabId : null;
}

/** The picker's Enter: clip the sender's tab again without the picked blocks, then keep the pick for the popup. */
export async function finishPick(
  raw: unknown,
  tabId: number,
  deps: ClipperDeps,
  store: PickStore,
): Promise<Result<ClipOutcome>> {
  const done = readPickerDone(raw);
  if (!done) return fail('invalid-message');
  const tab = await deps.getTab(tabId).catch(() => null);
  if (!tab) return fail('no-active-tab', 'tab-closed');
  const result = await clipActiveTab('article', deps, tab, undefined, done.selectors);
  if (result.ok) {
    // Rules match the address the tab shows, which may differ from the canonical URL the clip is kept under.
    const host = hostOf(tab.url ?? result.value.clip.url);
    if (host !== '') await store.save({ clipId: result.value.clip.id, host, selectors: done.selectors });
  }
  return result;
}

/**
 * Listens for the picker's answer. Fire and forget on the page's side: the result shows on the toolbar badge, and
 * the popup shows the clip (and the offer of a site rule) the next time it opens; Chromium may open it at once.
 */
export function registerPickerListener(deps: ClipperDeps, store: PickStore = browserPickStore): void {
  const selfOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    // The clip script in a tab speaks too (toolbar-clip-started.ts): only the picker's answer is this listener's.
    const tabId = pickerTabOf(raw, sender, browser.runtime.id, selfOrigin);
    if (tabId === null) return undefined;
    void finishPick(raw, tabId, deps, store).then(async (result) => {
      await showBadge(tabId, result);
      // Chrome 127+ opens the popup without a click; elsewhere (or in a window without focus) the badge says it.
      await browser.action?.openPopup?.().catch(() => undefined);
    });
    return undefined;
  });
}
