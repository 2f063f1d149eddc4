// Platform: the batch's ties to the browser: which tabs, loading an unloaded tab, the storage.session mirror,
// and the runner wired to the same clip path as a toolbar click.
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import type { BatchStartRequest, BatchState, ClipOutcome } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, isRecord } from '../pure/result';
import type { BatchDeps, BatchTab } from './batch-runner';
import { BatchRunner } from './batch-runner';
import type { ClipperDeps } from './clipper';
import { clipActiveTab } from './clipper';

export const BATCH_SESSION_KEY = 'batch';
const LOAD_POLL_MS = 200;
export const LOAD_TIMEOUT_MS = 20_000;

export function toBatchTab(tab: Browser.tabs.Tab): BatchTab | null {
  if (tab.id === undefined || tab.id < 0) return null;
  return { id: tab.id, url: tab.url || null, title: tab.title ?? null, isDiscarded: tab.discarded === true };
}

export async function listBatchTabs(request: BatchStartRequest): Promise<BatchTab[]> {
  const where = request.windowId === undefined ? { lastFocusedWindow: true } : { windowId: request.windowId };
  const tabs = await browser.tabs.query(
    request.scope === 'selected' ? { ...where, highlighted: true } : where,
  );
  return tabs.map(toBatchTab).filter((tab): tab is BatchTab => tab !== null);
}

/** Reloads an unloaded tab if asked, then waits until the tab has loaded; null if it closed or never loaded. */
export async function loadBatchTab(
  tab: BatchTab,
  reload: boolean,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<BatchTab | null> {
  try {
    if (reload) await browser.tabs.reload(tab.id);
    const end = Date.now() + timeoutMs;
    for (;;) {
      const now = await browser.tabs.get(tab.id);
      const current = toBatchTab(now);
      if (!current) return null;
      if (now.status !== 'loading' && !current.isDiscarded) return current;
      if (Date.now() > end) return null;
      await new Promise((resolve) => setTimeout(resolve, LOAD_POLL_MS));
    }
  } catch {
    // tabs.get throws for a closed tab.
    return null;
  }
}

/** storage.session (Chrome 102+, Firefox 115+) outlives a service worker restart but not the browser. */
function sessionArea(): Browser.storage.StorageArea | null {
  return (browser.storage as { session?: Browser.storage.StorageArea }).session ?? null;
}

export async function saveBatchState(state: BatchState): Promise<void> {
  await sessionArea()?.set({ [BATCH_SESSION_KEY]: state });
}

export async function loadBatchState(): Promise<BatchState | null> {
  const area = sessionArea();
  if (!area) return null;
  const all: Record<string, unknown> = await area.get(BATCH_SESSION_KEY).catch(() => ({}));
  const stored = all[BATCH_SESSION_KEY];
  return isRecord(stored) && Array.isArray(stored.items) && typeof stored.status === 'string'
    ? (stored as unknown as BatchState)
    : null;
}

/** A tab closed while its clip ran fails with the browser's "No tab with id"; say it closed, as the popup does. */
export async function explainClosed(
  tabId: number,
  result: Result<ClipOutcome>,
): Promise<Result<ClipOutcome>> {
  if (result.ok || result.code !== 'injection-failed') return result;
  const isOpen = await browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );
  return isOpen ? result : fail('no-active-tab', 'tab-closed');
}

/** The runner wired to the browser and the same clip path as a toolbar click. */
export function createBatchRunner(clipper: ClipperDeps, overrides: Partial<BatchDeps> = {}): BatchRunner {
  const runner = new BatchRunner({
    listTabs: listBatchTabs,
    loadTab: (tab, reload) => loadBatchTab(tab, reload),
    clip: async (tab, expectedUrl) =>
      explainClosed(tab.id, await clipActiveTab('article', clipper, tab, expectedUrl)),
    persist: saveBatchState,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    ...overrides,
  });
  void loadBatchState().then((saved) => runner.restore(saved));
  return runner;
}
