// Platform: the background's batch of tab clips: one state object, two tabs at a time, each tab bounded by its own
// timeout so a tab that closes, navigates or hangs costs only its own clip. The extension APIs come in as deps.
import { errorMessage } from '../pure/error-message';
import { findRestriction } from '../pure/restricted-url';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { BatchItem, BatchStartRequest, BatchState, ClipOutcome } from '../pure/protocol';
import { isBatchActive } from '../pure/protocol';
import type { ActiveTab } from './clipper';

/** Two at a time: enough to overlap one tab's page work with the other's store write, light on a 2-core laptop. */
export const BATCH_CONCURRENCY = 2;
/** The clip bounds itself (10 s reading + 5 s store open); this also covers waiting for a tab to load. */
export const TAB_TIMEOUT_MS = 30_000;

export interface BatchTab extends ActiveTab {
  /** Unloaded by the browser to save memory: no page to script until it is loaded again. */
  isDiscarded: boolean;
}

export interface BatchDeps {
  listTabs(request: BatchStartRequest): Promise<BatchTab[]>;
  /** Loads the tab again (when discarded) or waits for it to finish loading; null when it closed meanwhile. */
  loadTab(tab: BatchTab, reload: boolean): Promise<BatchTab | null>;
  /** The same clip a toolbar click makes; `expectedUrl` refuses a tab that has moved on to another page. */
  clip(tab: ActiveTab, expectedUrl: string | undefined): Promise<Result<ClipOutcome>>;
  /** Mirrors the state where a restarted background can find it (storage.session). */
  persist(state: BatchState): Promise<void>;
  now(): number;
  newId(): string;
  tabTimeoutMs?: number;
}

/** A reply `batch-start` gives while another batch runs. */
export const BATCH_BUSY = 'batch-running';

const TIMED_OUT = Symbol('timed out');

function raceTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/** A tab as it enters the batch: skipped at once when it can never be clipped. */
function toItem(tab: BatchTab, request: BatchStartRequest): BatchItem {
  const item: BatchItem = {
    tabId: tab.id,
    title: tab.title ?? tab.url ?? '',
    url: tab.url,
    status: 'pending',
  };
  const restriction = tab.url ? findRestriction(tab.url) : null;
  if (restriction) return { ...item, status: 'skipped', code: 'restricted-page', detail: restriction };
  if (tab.isDiscarded && request.discarded === 'skip')
    return { ...item, status: 'skipped', code: 'discarded' };
  return item;
}

/** The item's outcome from the clip's result. */
export function toOutcome(item: BatchItem, result: Result<ClipOutcome>): BatchItem {
  if (result.ok) {
    return { ...item, status: result.value.isUpdate ? 'updated' : 'saved', clipId: result.value.clip.id };
  }
  const why =
    result.detail === undefined ? { code: result.code } : { code: result.code, detail: result.detail };
  if (result.code === 'not-an-article') return { ...item, status: 'not-article', ...why };
  if (result.code === 'restricted-page') return { ...item, status: 'skipped', ...why };
  return { ...item, status: 'failed', ...why };
}

/** A batch whose background stopped while it ran: what was left undone is marked so, what was saved stays. */
export function toInterrupted(saved: BatchState, now: number): BatchState {
  if (!isBatchActive(saved)) return saved;
  return {
    ...saved,
    status: 'interrupted',
    endedAt: now,
    items: saved.items.map((item) =>
      item.status === 'pending' || item.status === 'running' ? { ...item, status: 'cancelled' } : item,
    ),
  };
}

export class BatchRunner {
  private state: BatchState | null = null;
  private isCancelled = false;
  private saving: Promise<void> = Promise.resolve();
  /** Settles when the running batch has finished; tests and the bench wait on it. */
  finished: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BatchDeps) {}

  status(): BatchState | null {
    return this.state && structuredClone(this.state);
  }

  /** Takes the state a previous background left in storage.session, marked interrupted if it was running. */
  restore(saved: BatchState | null): void {
    if (this.state || !saved) return;
    this.state = toInterrupted(saved, this.deps.now());
    this.persist();
  }

  async start(request: BatchStartRequest): Promise<Result<BatchState>> {
    if (isBatchActive(this.state)) return fail('unknown', BATCH_BUSY);
    let tabs: BatchTab[];
    try {
      tabs = await this.deps.listTabs(request);
    } catch (error) {
      return fail('no-active-tab', errorMessage(error));
    }
    if (tabs.length === 0) return fail('no-active-tab');
    const byId = new Map(tabs.map((tab) => [tab.id, tab]));
    this.isCancelled = false;
    this.state = {
      id: this.deps.newId(),
      status: 'running',
      startedAt: this.deps.now(),
      endedAt: null,
      items: tabs.map((tab) => toItem(tab, request)),
    };
    this.persist();
    const queue = this.state.items.map((item, index) => ({ index, tab: byId.get(item.tabId) }));
    const work = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (next.tab) await this.runOne(next.index, next.tab, request);
      }
    };
    const workers = Array.from({ length: BATCH_CONCURRENCY }, () => work());
    this.finished = Promise.all(workers).then(() => this.finish());
    return ok(structuredClone(this.state));
  }

  /** Stops starting new tabs; the (at most two) running ones finish, so nothing is half-saved. */
  cancel(): BatchState | null {
    if (this.state && isBatchActive(this.state)) {
      this.isCancelled = true;
      this.update((items) =>
        items.map((item) => (item.status === 'pending' ? { ...item, status: 'cancelled' } : item)),
      );
      if (this.state.status === 'running') this.state.status = 'cancelling';
      this.persist();
    }
    return this.status();
  }

  private async runOne(index: number, tab: BatchTab, request: BatchStartRequest): Promise<void> {
    const item = this.state?.items[index];
    if (!item || item.status !== 'pending' || this.isCancelled) return;
    this.setItem(index, { ...item, status: 'running' });
    const startedAt = this.deps.now();
    const run = async (): Promise<BatchItem> => {
      const loaded = await this.deps.loadTab(tab, tab.isDiscarded && request.discarded === 'reload');
      if (!loaded) return { ...item, status: 'failed', code: 'no-active-tab', detail: 'tab-closed' };
      // The URL listed at the start: a tab that navigates meanwhile is refused, not clipped as another page.
      return toOutcome(item, await this.deps.clip(loaded, tab.url ?? undefined));
    };
    let outcome: BatchItem | typeof TIMED_OUT;
    try {
      outcome = await raceTimeout(run(), this.deps.tabTimeoutMs ?? TAB_TIMEOUT_MS);
    } catch (error) {
      outcome = { ...item, status: 'failed', code: 'unknown', detail: errorMessage(error) };
    }
    const done: BatchItem = outcome === TIMED_OUT ? { ...item, status: 'failed', code: 'timeout' } : outcome;
    this.setItem(index, { ...done, ms: this.deps.now() - startedAt });
  }

  private finish(): void {
    if (!this.state) return;
    this.state.status = this.isCancelled ? 'cancelled' : 'done';
    this.state.endedAt = this.deps.now();
    this.persist();
  }

  private setItem(index: number, item: BatchItem): void {
    this.update((items) => items.map((old, i) => (i === index ? item : old)));
    this.persist();
  }

  private update(change: (items: BatchItem[]) => BatchItem[]): void {
    if (this.state) this.state = { ...this.state, items: change(this.state.items) };
  }

  /** One write at a time, in order, so the mirror never goes back to an older state. */
  private persist(): void {
    const snapshot = this.status();
    if (!snapshot) return;
    this.saving = this.saving.then(() => this.deps.persist(snapshot)).catch(() => undefined);
  }
}
