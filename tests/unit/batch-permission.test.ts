import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BATCH_PERMISSIONS,
  hasBatchPermission,
  requestBatchPermission,
} from '../../utils/platform/batch-permission';

vi.mock('wxt/browser', () => import('../kit/browser'));

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the batch host permission', () => {
  it('asks for every site, the one optional host permission in the manifest', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestBatchPermission()).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect(BATCH_PERMISSIONS).toEqual({ origins: ['<all_urls>'] });
  });

  it('a declined prompt is a no', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await requestBatchPermission()).toBe(false);
  });

  it('where the prompt cannot open, a permission already granted counts and a missing one does not', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(
      new Error('must be called during a user gesture'),
    );
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValueOnce(true);
    expect(await requestBatchPermission()).toBe(true);
    contains.mockResolvedValueOnce(false);
    expect(await requestBatchPermission()).toBe(false);
    contains.mockRejectedValueOnce(new Error('no permissions API'));
    expect(await hasBatchPermission()).toBe(false);
  });
});
