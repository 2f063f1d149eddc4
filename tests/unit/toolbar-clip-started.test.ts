import { describe, expect, it, vi } from 'vitest';
import type { MessageSender } from '../../utils/platform/messages';
import { readClipStartedFrom } from '../../utils/platform/toolbar-clip-started';
import { PAGE_MESSAGE } from '../../utils/pure/protocol';

vi.mock('wxt/browser', () => import('../kit/browser'));

const SELF = { id: 'abc', origin: 'chrome-extension://abc/' };
const URL_SHOWN = 'https://news.example/2024/03/18/tidal.html';
const PROBE = { url: URL_SHOWN, title: 'Tidal', isReaderable: true, canonical: null };
const FROM_PAGE: MessageSender = {
  id: 'abc',
  url: URL_SHOWN,
  frameId: 0,
  tab: { id: 7 } as MessageSender['tab'],
};

describe('readClipStartedFrom', () => {
  it('hears our clip script in a tab: that tab, the probe checked, and the call id', () => {
    const message = { type: PAGE_MESSAGE.clipStarted, probe: PROBE, callId: 3 };
    expect(readClipStartedFrom(message, FROM_PAGE, SELF)).toEqual({
      tabId: 7,
      started: { probe: { ...PROBE, hasSelection: false }, callId: 3 },
    });
  });

  it('hears no one else: another extension, our own pages, a message with no tab, a frame in the page', () => {
    const message = { type: PAGE_MESSAGE.clipStarted, probe: PROBE, callId: 3 };
    // clip.js is injected into the top frame only: a message from a frame is not its.
    expect(readClipStartedFrom(message, { ...FROM_PAGE, frameId: 5 }, SELF)).toBeNull();
    expect(readClipStartedFrom(message, { ...FROM_PAGE, frameId: undefined }, SELF)).toBeNull();
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
        { type: PAGE_MESSAGE.clipStarted, probe: { ...PROBE, isReaderable: 'yes' }, callId: 3 },
        FROM_PAGE,
        SELF,
      ),
    ).toBeNull();
    expect(
      readClipStartedFrom(
        { type: PAGE_MESSAGE.clipStarted, probe: { ...PROBE, url: 'chrome://settings/' }, callId: 3 },
        FROM_PAGE,
        SELF,
      ),
    ).toBeNull();
    expect(readClipStartedFrom({ type: PAGE_MESSAGE.clipStarted, probe: PROBE }, FROM_PAGE, SELF)).toBeNull();
  });
});
