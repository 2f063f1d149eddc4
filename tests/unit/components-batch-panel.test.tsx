// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchPanel } from '../../components/batch-panel';
import type { BatchServices } from '../../utils/pure/page-api';
import type { BatchItem, BatchState } from '../../utils/pure/protocol';
import type { Result } from '../../utils/pure/result';
import { fail, ok } from '../../utils/pure/result';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function item(tabId: number, over: Partial<BatchItem>): BatchItem {
  return { tabId, title: `Tab ${tabId}`, url: `https://news.example/${tabId}`, status: 'pending', ...over };
}

function state(status: BatchState['status'], items: BatchItem[]): BatchState {
  return { id: 'b', status, startedAt: 1, endedAt: null, items };
}

function makeServices(statuses: Array<BatchState | null>, start?: Result<BatchState>) {
  const replies = [...statuses];
  const startFn = vi.fn(() => Promise.resolve(start ?? fail('unknown')));
  const cancelFn = vi.fn(() => Promise.resolve(ok(replies[0] ?? null)));
  const services: BatchServices & { startFn: typeof startFn; cancelFn: typeof cancelFn } = {
    startFn,
    cancelFn,
    start: startFn,
    cancel: cancelFn,
    status: vi.fn(() =>
      Promise.resolve(ok(replies.length > 1 ? (replies.shift() ?? null) : (replies[0] ?? null))),
    ),
    discardedChoice: vi.fn(() => Promise.resolve('skip' as const)),
  };
  return services;
}

async function mount(services: BatchServices, onExport = vi.fn(), onClipsChanged = vi.fn()) {
  await act(() => {
    render(
      <BatchPanel services={services} onExport={onExport} onClipsChanged={onClipsChanged} pollMs={5} />,
      container,
    );
  });
  return { onExport, onClipsChanged };
}

describe('BatchPanel', () => {
  it('says why the permission is asked before any button is pressed, and starts with the remembered choice', async () => {
    const services = makeServices([null], ok(state('running', [item(1, {})])));
    await mount(services);
    expect(screen.getByText('batchPermissionReason')).toBeTruthy();
    await act(() => {
      screen.getByRole('button', { name: 'batchClipSelected' }).click();
    });
    expect(services.startFn).toHaveBeenCalledWith('selected', 'skip');
  });

  it('a declined permission: nothing starts and the alert says why', async () => {
    const services = makeServices([null], fail('injection-failed', 'batch-permission'));
    await mount(services);
    await act(() => {
      screen.getByRole('button', { name: 'batchClipWindow' }).click();
    });
    const alert = await waitFor(() => screen.getByRole('alert'));
    expect(alert.textContent).toBe('injection-failed (batch-permission)');
    expect(screen.queryByText(/batchProgress/)).toBeNull();
  });

  it('shows n of N and each tab’s outcome while it runs, and Cancel asks the background', async () => {
    const running = state('running', [
      item(1, { status: 'saved', clipId: 'c1' }),
      item(2, { status: 'skipped', code: 'restricted-page', detail: 'browser-page' }),
      item(3, { status: 'running' }),
    ]);
    const services = makeServices([running]);
    await mount(services);
    expect(screen.getByRole('status').textContent).toContain('batchProgress');
    expect(screen.getByText('batchStatusSaved')).toBeTruthy();
    expect(screen.getByText('batchStatusSkipped')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'batchClipWindow' })).toHaveProperty('disabled', true);
    await act(() => {
      screen.getByRole('button', { name: 'batchCancel' }).click();
    });
    expect(services.cancelFn).toHaveBeenCalled();
  });

  it('polls until the batch ends, reloads the library as clips land, and exports exactly the saved ones', async () => {
    const running = state('running', [item(1, { status: 'running' }), item(2, { status: 'pending' })]);
    const done = state('done', [
      item(1, { status: 'saved', clipId: 'c1' }),
      item(2, { status: 'updated', clipId: 'c2' }),
      item(3, { status: 'not-article', code: 'not-an-article' }),
    ]);
    const services = makeServices([running, done]);
    const { onExport, onClipsChanged } = await mount(services);
    await waitFor(() => expect(screen.getByText('batchSummary')).toBeTruthy());
    expect(onClipsChanged).toHaveBeenCalled();
    await act(() => {
      screen.getByRole('button', { name: 'batchExport' }).click();
    });
    expect(onExport).toHaveBeenCalledWith(['c1', 'c2']);
  });

  it('a batch the browser interrupted says so and keeps what was saved', async () => {
    const services = makeServices([state('interrupted', [item(1, { status: 'saved', clipId: 'c1' })])]);
    await mount(services);
    expect(screen.getByText('batchInterrupted')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'batchExport' })).toBeTruthy();
  });
});
