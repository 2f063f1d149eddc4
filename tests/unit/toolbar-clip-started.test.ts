import { describe, expect, it, vi } from 'vitest';
import type { MessageSender } from '../../utils/platform/messages';
import { readClipStartedFrom } from '../../utils/platform/toolbar-clip-started';
import { PAGE_MESSAGE } from '../../utils/pure/protocol';

vi.mock('wxt/browser', () => import('../kit/browser'));

const SELF = { id: 'abc', origin: 'chrome-extension://abc/' };
const URL_SHOWN = 'https://news.example/2024/03/18/tidal.html';
const PROBE = { url: URL_SHOWN, title: 'Tidal', isReaderable: true, canonical: null };
const FROM_PAGE: MessageSender = { id: 'abc', url: URL_SHOWN, tab: { id: 7 } as MessageSender['tab'] };

describe('readClipStartedFrom', () => {
  it('hears our clip script in a tab: that tab, and the probe checked', () => {
    expect(readClipStartedFrom({ type: PAGE_MESSAGE.clipStarted, probe: PROBE }, FROM_PAGE, SELF)).toEqual({
      tabId: 7,
      probe: { ...PROBE, hasSelection: false },
    });
  });

  it('hears no one else: another extension, our own pages, a message with no tab', () => {
    const message = { type: PAGE_MESSAGE.clipStarted, probe: PROBE };
    expect(readClipStartedFrom(message, { ...FROM_PAGE, id: 'evil' }, SELF)).toBeNull();
    expect(readClipStartedFrom(message, { id: 'abc', url: `${SELF.origin}popup.html` }, SELF)).toBeNull();
    expect(
      readClipStartedFrom(message, { ...FROM_PAGE, url: `${SELF.origin}options.html` }, SELF),
    ).toBeNull();
  });

  it('ignores other messages and probes that are not one (a browser page, a wrong shape)', () => {
    expect(readClipStartedFrom({ type: 'picker-done', payload: {} }, FROM_PAGE, SELF)).toBeNull();
    expect(
      readClipStartedFrom(
        { type: PAGE_MESSAGE.clipStarted, probe: { ...PROBE, isReaderable: 'yes' } },
        FROM_PAGE,
        SELF,
      ),
    ).toBeNull();
    expect(
      readClipStartedFrom(
        { type: PAGE_MESSAGE.clipStarted, probe: { ...PROBE, url: 'chrome://settings/' } },
        FROM_PAGE,
        SELF,
      ),
    ).toBeNull();
  });
});
