// Platform: clips started without a popup (context menu, keyboard shortcut): the menus, the fallback from article
// to page, and the toolbar badge that reports the outcome, worded in the user's language.
import { browser } from 'wxt/browser';
import type { ClipMode } from '../pure/choices';
import type { BatchScope, BatchState, ClipOutcome } from '../pure/protocol';
import type { Result } from '../pure/result';
import type { ActiveTab, ClipperDeps } from './clipper';
import { clipActiveTab } from './clipper';
import { describeError, t } from './i18n';

/**
 * Clip from the context menu or the keyboard, where no popup is open: an article that Readability cannot find
 * is saved as the whole page, and the toolbar badge reports the outcome.
 */
export async function clipWithFeedback(
  mode: ClipMode,
  deps: ClipperDeps,
  tab: ActiveTab | null,
): Promise<Result<ClipOutcome>> {
  const given = tab ?? undefined;
  let result = await clipActiveTab(mode, deps, given);
  if (!result.ok && result.code === 'not-an-article' && mode === 'article')
    result = await clipActiveTab('page', deps, given);
  const tabId = tab?.id ?? (await deps.queryActiveTab().catch(() => null))?.id;
  if (tabId !== undefined) await showBadge(tabId, result);
  return result;
}

/** The badge's tooltip: the saved title, or the error as the popup would word it. */
export function badgeTitle(result: Result<ClipOutcome>): string {
  return result.ok
    ? t('badgeTitleSaved', [result.value.clip.title])
    : t('badgeTitleFailed', [describeError(result.code, result.detail)]);
}

export async function showBadge(tabId: number, result: Result<ClipOutcome>): Promise<void> {
  // Firefox MV2 builds expose browserAction; MV3 builds expose action.
  const action = browser.action ?? browser.browserAction;
  const title = badgeTitle(result);
  try {
    await action.setBadgeBackgroundColor({ tabId, color: result.ok ? '#1a7f37' : '#cf222e' });
    await action.setBadgeText({ tabId, text: result.ok ? '✓' : '!' });
    await action.setTitle({ tabId, title });
  } catch {
    // The tab closed meanwhile; nothing to show.
  }
}

export const MENU_CLIP_PAGE = 'clip-page';
export const MENU_CLIP_SELECTION = 'clip-selection';
/** "Clip this link": the linked page, fetched and clipped without opening it (utils/platform/link-clip.ts). */
export const MENU_CLIP_LINK = 'clip-link';
export const MENU_BATCH_WINDOW = 'batch-window';
export const MENU_BATCH_SELECTED = 'batch-selected';

/** The menu item's batch scope, or null when the item is not a batch item. */
export function batchScopeOf(menuItemId: string | number): BatchScope | null {
  if (menuItemId === MENU_BATCH_WINDOW) return 'window';
  if (menuItemId === MENU_BATCH_SELECTED) return 'selected';
  return null;
}

/** The batch's outcome on the toolbar badge: how many tabs were saved, or `!` when it could not start. */
export async function showBatchBadge(tabId: number | undefined, result: Result<BatchState>): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const saved = result.ok
    ? result.value.items.filter((i) => i.status === 'saved' || i.status === 'updated').length
    : 0;
  const title = result.ok
    ? t('batchBadgeTitle', [String(saved), String(result.value.items.length)])
    : t('badgeTitleFailed', [describeError(result.code, result.detail)]);
  const where = tabId === undefined ? {} : { tabId };
  try {
    await action.setBadgeBackgroundColor({ ...where, color: result.ok ? '#1a7f37' : '#cf222e' });
    await action.setBadgeText({ ...where, text: result.ok ? String(saved) : '!' });
    await action.setTitle({ ...where, title });
  } catch {
    // The tab closed meanwhile; nothing to show.
  }
}

export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_CLIP_PAGE, title: t('menuClipPage'), contexts: ['page'] });
  browser.contextMenus.create({
    id: MENU_CLIP_SELECTION,
    title: t('menuClipSelection'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({ id: MENU_CLIP_LINK, title: t('speedMenuClipLink'), contexts: ['link'] });
  // Firefox also has a menu on the tab strip, where "selected tabs" is where the user's eyes are.
  // With the `contextMenus` permission Firefox exposes no `browser.menus`: tell it by its extension origin instead.
  const hasTabMenu = browser.runtime.getURL('/').startsWith('moz-extension:');
  const contexts = (hasTabMenu ? ['page', 'tab'] : ['page']) as ['page', ...'tab'[]];
  browser.contextMenus.create({ id: MENU_BATCH_WINDOW, title: t('batchMenuWindow'), contexts });
  browser.contextMenus.create({ id: MENU_BATCH_SELECTED, title: t('batchMenuSelected'), contexts });
}
