import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, resetBrowser } from '../kit/browser';
import { browserPickStore, LAST_PICK_KEY } from '../../utils/platform/pick-store';

vi.mock('wxt/browser', () => import('../kit/browser'));
beforeEach(resetBrowser);

describe('browserPickStore', () => {
  it('gives the pick back once, then nothing', async () => {
    const pick = { clipId: 'c1', host: 'news.example', selectors: ['#promo'] };
    await browserPickStore.save(pick);
    expect(await browserPickStore.take()).toEqual(pick);
    expect(await browserPickStore.take()).toBeNull();
  });

  it('ignores a stored value that is not a pick', async () => {
    await browser.storage.local.set({ [LAST_PICK_KEY]: { clipId: 'c1', host: 'x', selectors: 'nope' } });
    expect(await browserPickStore.take()).toBeNull();
  });
});
