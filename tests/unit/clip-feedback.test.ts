import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  badgeTitle,
  createContextMenus,
  MENU_CLIP_PAGE,
  MENU_CLIP_SELECTION,
} from '../../utils/platform/clip-feedback';
import type { ClipSummary } from '../../utils/pure/types';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

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
  it('titles both menu items from the locale messages', async () => {
    fakeMessages();
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    await createContextMenus();
    expect(create.mock.calls.map(([item]) => [item.id, item.title])).toEqual([
      [MENU_CLIP_PAGE, '<menuClipPage>'],
      [MENU_CLIP_SELECTION, '<menuClipSelection>'],
    ]);
  });
});
