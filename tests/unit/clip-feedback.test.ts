import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  badgeTitle,
  createContextMenus,
  batchScopeOf,
  MENU_BATCH_SELECTED,
  MENU_BATCH_WINDOW,
  MENU_CLIP_LINK,
  MENU_CLIP_PAGE,
  MENU_CLIP_SELECTION,
  showBatchBadge,
} from '../../utils/platform/clip-feedback';
import type { ClipSummary } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

/** A stand-in for the locale files: the key and its substitutions, so the tests see which message was used. */
function fakeMessages() {
  return vi
    .spyOn(fakeBrowser.i18n, 'getMessage')
    .mockImplementation((key: string, subs?: string | string[]) =>
      subs === undefined ? `<${key}>` : `<${key}:${[subs].flat().join('|')}>`,
    );
}

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const SUMMARY: ClipSummary = {
  id: 'a',
  url: 'https://news.example/tidal',
  title: '潮汐电站投运',
  siteName: 'Courier',
  published: null,
  tags: [],
  clippedAt: 1,
};

describe('badgeTitle', () => {
  it("names the saved clip's title through the locale message", () => {
    fakeMessages();
    expect(badgeTitle({ ok: true, value: { clip: SUMMARY, isUpdate: false } })).toBe(
      '<badgeTitleSaved:潮汐电站投运>',
    );
  });

  it('words a failure as the popup would, not as a bare error code', () => {
    fakeMessages();
    expect(badgeTitle({ ok: false, code: 'not-an-article' })).toBe('<badgeTitleFailed:<errNotAnArticle>>');
  });
});

describe('createContextMenus', () => {
  it('titles every menu item from the locale messages, the link item on links only', async () => {
    fakeMessages();
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    await createContextMenus();
    expect(create.mock.calls.map(([item]) => [item.id, item.title])).toEqual([
      [MENU_CLIP_PAGE, '<menuClipPage>'],
      [MENU_CLIP_SELECTION, '<menuClipSelection>'],
      [MENU_CLIP_LINK, '<speedMenuClipLink>'],
      [MENU_BATCH_WINDOW, '<batchMenuWindow>'],
      [MENU_BATCH_SELECTED, '<batchMenuSelected>'],
    ]);
    expect(create.mock.calls.find(([item]) => item.id === MENU_CLIP_LINK)?.[0].contexts).toEqual(['link']);
  });

  it('puts the batch items on the page menu, and on the tab strip in Firefox', async () => {
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL').mockReturnValue('chrome-extension://abc/');
    const batchContexts = async () => {
      create.mockClear();
      await createContextMenus();
      return create.mock.calls.filter(([item]) => batchScopeOf(item.id ?? '')).map(([i]) => i.contexts);
    };
    expect(await batchContexts()).toEqual([['page'], ['page']]);
    getURL.mockReturnValue('moz-extension:///');
    expect(await batchContexts()).toEqual([
      ['page', 'tab'],
      ['page', 'tab'],
    ]);
  });
});

describe('batchScopeOf', () => {
  it('maps the batch items to their scope and everything else to null', () => {
    expect([MENU_BATCH_WINDOW, MENU_BATCH_SELECTED, MENU_CLIP_PAGE, 7].map(batchScopeOf)).toEqual([
      'window',
      'selected',
      null,
      null,
    ]);
  });
});

describe('showBatchBadge', () => {
  it('shows how many tabs were saved, or ! when the batch could not start', async () => {
    fakeMessages();
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    const title = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const item = { tabId: 1, title: 'a', url: null };
    await showBatchBadge(4, {
      ok: true,
      value: {
        id: 'b',
        status: 'done',
        startedAt: 0,
        endedAt: 1,
        items: [
          { ...item, status: 'saved' },
          { ...item, status: 'updated' },
          { ...item, status: 'failed' },
        ],
      },
    });
    await showBatchBadge(undefined, { ok: false, code: 'injection-failed', detail: 'batch-permission' });
    expect(text.mock.calls.map(([d]) => d)).toEqual([{ tabId: 4, text: '2' }, { text: '!' }]);
    expect(title.mock.calls[0]?.[0].title).toBe('<batchBadgeTitle:2|3>');
    expect(title.mock.calls[1]?.[0].title).toBe('<badgeTitleFailed:<batchErrPermission>>');
  });
});
