import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatchServices } from '../../utils/platform/batch-services';
import { loadSettings } from '../../utils/platform/settings';

vi.mock('wxt/browser', () => import('../kit/browser'));

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('createBatchServices', () => {
  it('asks for the permission first, remembers the choice, and names the popup’s window', async () => {
    const order: string[] = [];
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => {
      order.push('request');
      return Promise.resolve(true);
    });
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 8 } as never);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((message: unknown) => {
      order.push('send');
      return Promise.resolve({ ok: true, value: message });
    });
    const services = createBatchServices();
    const started = services.start('window', 'skip');
    // The prompt opens in the click itself, before anything is awaited.
    expect(order).toEqual(['request']);
    await started;
    expect(send).toHaveBeenCalledWith({
      type: 'batch-start',
      payload: { scope: 'window', discarded: 'skip', windowId: 8 },
    });
    expect((await loadSettings()).batchDiscarded).toBe('skip');
    expect(await services.discardedChoice()).toBe('skip');
  });

  it('declined: no message is sent and the failure says why', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await createBatchServices().start('selected', 'reload')).toEqual({
      ok: false,
      code: 'injection-failed',
      detail: 'batch-permission',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('cancel and status are messages to the background', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: null });
    const services = createBatchServices();
    await services.cancel();
    await services.status();
    expect(send.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual([
      'batch-cancel',
      'batch-status',
    ]);
  });
});
