import { describe, expect, it } from 'vitest';
import type { BatchDeps, BatchTab } from '../../utils/platform/batch-runner';
import { BATCH_BUSY, BatchRunner, toInterrupted, toOutcome } from '../../utils/platform/batch-runner';
import type { ActiveTab } from '../../utils/platform/clipper';
import type { BatchState, ClipOutcome } from '../../utils/pure/protocol';
import type { Result } from '../../utils/pure/result';
import { fail, ok } from '../../utils/pure/result';
import { KIT_NOW } from '../kit/builders';

function tab(id: number, url: string | null, isDiscarded = false): BatchTab {
  return { id, url, title: `Tab ${id}`, isDiscarded };
}

function saved(id: string, isUpdate = false): Result<ClipOutcome> {
  const clip = { id, url: '', title: id, siteName: '', published: null, tags: [], clippedAt: KIT_NOW };
  return ok({ clip, isUpdate });
}

/** Deps whose clip answers from a table by tab id; `gate` holds a tab's clip until released. */
function makeDeps(tabs: BatchTab[], answers: Record<number, () => Promise<Result<ClipOutcome>>>) {
  const persisted: BatchState[] = [];
  const clipped: Array<{ id: number; expectedUrl: string | undefined }> = [];
  let running = 0;
  let maxRunning = 0;
  const reloaded: number[] = [];
  const deps: BatchDeps = {
    listTabs: () => Promise.resolve(tabs),
    loadTab: (t, reload) => {
      if (reload) reloaded.push(t.id);
      return Promise.resolve({ ...t, isDiscarded: false });
    },
    async clip(t: ActiveTab, expectedUrl) {
      clipped.push({ id: t.id, expectedUrl });
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      try {
        return await (answers[t.id] ?? (() => Promise.resolve(saved(`c${t.id}`))))();
      } finally {
        running -= 1;
      }
    },
    persist: (s) => {
      persisted.push(s);
      return Promise.resolve();
    },
    now: () => KIT_NOW,
    newId: () => 'batch-1',
  };
  return { deps, persisted, clipped, reloaded, maxRunning: () => maxRunning };
}

function gate<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

describe('BatchRunner', () => {
  it('clips every tab, two at a time, and reports each outcome', async () => {
    const tabs = [1, 2, 3, 4, 5].map((id) => tab(id, `https://news.example/${id}`));
    const { deps, clipped, maxRunning } = makeDeps(tabs, {
      2: () => Promise.resolve(saved('c2', true)),
      3: () => Promise.resolve(fail('not-an-article')),
      4: () => Promise.resolve(fail('injection-failed', 'tab-changed')),
    });
    const runner = new BatchRunner(deps);
    const started = await runner.start({ scope: 'window', discarded: 'reload' });
    expect(started.ok && started.value.status).toBe('running');
    await runner.finished;
    const end = runner.status();
    expect(end?.status).toBe('done');
    expect(end?.items.map((i) => [i.status, i.code ?? i.clipId])).toEqual([
      ['saved', 'c1'],
      ['updated', 'c2'],
      ['not-article', 'not-an-article'],
      ['failed', 'injection-failed'],
      ['saved', 'c5'],
    ]);
    expect(maxRunning()).toBe(2);
    // Each tab is clipped as the page it showed when the batch started.
    expect(clipped.map((c) => c.expectedUrl)).toEqual(tabs.map((t) => t.url));
  });

  it('skips restricted tabs with their reason and unloaded tabs when asked to', async () => {
    const tabs = [
      tab(1, 'chrome://version'),
      tab(2, 'https://a.example/', true),
      tab(3, 'https://b.example/'),
    ];
    const { deps, clipped } = makeDeps(tabs, {});
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'window', discarded: 'skip' });
    await runner.finished;
    expect(runner.status()?.items.map((i) => [i.status, i.code, i.detail])).toEqual([
      ['skipped', 'restricted-page', 'browser-page'],
      ['skipped', 'discarded', undefined],
      ['saved', undefined, undefined],
    ]);
    expect(clipped.map((c) => c.id)).toEqual([3]);
  });

  it('reloads unloaded tabs when asked to, and only those', async () => {
    const tabs = [tab(1, 'https://a.example/', true), tab(2, 'https://b.example/')];
    const { deps, reloaded } = makeDeps(tabs, {});
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'selected', discarded: 'reload' });
    await runner.finished;
    expect(reloaded).toEqual([1]);
    expect(runner.status()?.items.map((i) => i.status)).toEqual(['saved', 'saved']);
  });

  it('a tab that closes or hangs costs only its own clip', async () => {
    const tabs = [1, 2, 3].map((id) => tab(id, `https://news.example/${id}`));
    const { deps } = makeDeps(tabs, { 2: () => new Promise(() => undefined) });
    deps.loadTab = (t) => Promise.resolve(t.id === 1 ? null : t);
    deps.tabTimeoutMs = 50;
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'window', discarded: 'reload' });
    await runner.finished;
    expect(runner.status()?.items.map((i) => [i.status, i.code, i.detail])).toEqual([
      ['failed', 'no-active-tab', 'tab-closed'],
      ['failed', 'timeout', undefined],
      ['saved', undefined, undefined],
    ]);
  });

  it('Cancel stops new tabs, lets the running ones finish, and keeps what they saved', async () => {
    const tabs = [1, 2, 3, 4].map((id) => tab(id, `https://news.example/${id}`));
    const first = gate<Result<ClipOutcome>>();
    const { deps, clipped } = makeDeps(tabs, { 1: () => first.promise, 2: () => first.promise });
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'window', discarded: 'reload' });
    await Promise.resolve();
    expect(runner.cancel()?.status).toBe('cancelling');
    expect(runner.status()?.items.map((i) => i.status)).toEqual([
      'running',
      'running',
      'cancelled',
      'cancelled',
    ]);
    first.release(saved('c1'));
    await runner.finished;
    expect(runner.status()?.status).toBe('cancelled');
    expect(runner.status()?.items.map((i) => i.status)).toEqual(['saved', 'saved', 'cancelled', 'cancelled']);
    expect(clipped.map((c) => c.id)).toEqual([1, 2]);
  });

  it('refuses a second batch while one runs, and says none when the window has no tabs', async () => {
    const hold = gate<Result<ClipOutcome>>();
    const { deps } = makeDeps([tab(1, 'https://a.example/')], { 1: () => hold.promise });
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'window', discarded: 'reload' });
    expect(await runner.start({ scope: 'window', discarded: 'reload' })).toEqual(fail('unknown', BATCH_BUSY));
    hold.release(saved('c1'));
    await runner.finished;
    const empty = new BatchRunner(makeDeps([], {}).deps);
    expect(await empty.start({ scope: 'selected', discarded: 'skip' })).toEqual(fail('no-active-tab'));
  });

  it('mirrors every change, in order, ending with the final state', async () => {
    const { deps, persisted } = makeDeps([tab(1, 'https://a.example/')], {});
    const runner = new BatchRunner(deps);
    await runner.start({ scope: 'window', discarded: 'reload' });
    await runner.finished;
    await new Promise((r) => setTimeout(r, 0));
    expect(persisted.map((s) => [s.status, s.items[0]?.status])).toEqual([
      ['running', 'pending'],
      ['running', 'running'],
      ['running', 'saved'],
      ['done', 'saved'],
    ]);
  });

  it('a batch a restarted background finds running is marked interrupted; saved tabs stay saved', () => {
    const state: BatchState = {
      id: 'b',
      status: 'running',
      startedAt: 1,
      endedAt: null,
      items: [
        { tabId: 1, title: 'a', url: null, status: 'saved', clipId: 'c1' },
        { tabId: 2, title: 'b', url: null, status: 'running' },
        { tabId: 3, title: 'c', url: null, status: 'pending' },
      ],
    };
    const runner = new BatchRunner(makeDeps([], {}).deps);
    runner.restore(state);
    expect(runner.status()?.status).toBe('interrupted');
    expect(runner.status()?.items.map((i) => i.status)).toEqual(['saved', 'cancelled', 'cancelled']);
    const done = { ...state, status: 'done' as const };
    expect(toInterrupted(done, 5)).toBe(done);
  });
});

describe('toOutcome', () => {
  it('turns a restricted page found at injection into a skip, with its reason', () => {
    const item = { tabId: 1, title: 't', url: null, status: 'running' as const };
    expect(toOutcome(item, fail('restricted-page', 'browser-page'))).toEqual({
      ...item,
      status: 'skipped',
      code: 'restricted-page',
      detail: 'browser-page',
    });
  });
});
