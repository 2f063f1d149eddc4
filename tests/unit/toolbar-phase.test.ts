import { describe, expect, it } from 'vitest';
import type { InjectedProbe } from '../../utils/pure/protocol';
import { PAGE_MESSAGE } from '../../utils/pure/protocol';
import { fail } from '../../utils/pure/result';
import {
  CLIP_TIMEOUT_DETAIL,
  readClipStarted,
  toClipFailure,
  toStartedProbe,
} from '../../utils/pure/toolbar-phase';

const URL_SHOWN = 'https://news.example/2024/03/18/tidal.html?utm_source=feed';
const PROBE: InjectedProbe = { url: URL_SHOWN, title: 'Tidal', isReaderable: true, canonical: null };

describe('readClipStarted', () => {
  it('takes the probe (unchecked) and call id of a clip-started message, and nothing else', () => {
    expect(readClipStarted({ type: PAGE_MESSAGE.clipStarted, probe: PROBE, callId: 4 })).toEqual({
      probe: PROBE,
      callId: 4,
    });
    expect(readClipStarted({ type: 'picker-done', probe: PROBE, callId: 4 })).toBeNull();
    expect(readClipStarted({ type: PAGE_MESSAGE.clipStarted, probe: 'x', callId: 4 })).toBeNull();
    expect(readClipStarted({ type: PAGE_MESSAGE.clipStarted, callId: 4 })).toBeNull();
    expect(readClipStarted(null)).toBeNull();
    expect(readClipStarted('toolbar-clip-started')).toBeNull();
  });

  it('needs a call id that is a finite number: a message without one fits no call', () => {
    const message = { type: PAGE_MESSAGE.clipStarted, probe: PROBE };
    expect(readClipStarted(message)).toBeNull();
    expect(readClipStarted({ ...message, callId: '4' })).toBeNull();
    expect(readClipStarted({ ...message, callId: Number.NaN })).toBeNull();
    expect(readClipStarted({ ...message, callId: Number.POSITIVE_INFINITY })).toBeNull();
  });
});

describe('toStartedProbe', () => {
  it('is the probe the popup shows: this tab, an article not saved yet', () => {
    expect(toStartedProbe(7, { ...PROBE, hasSelection: true }, [URL_SHOWN])).toEqual({
      tabId: 7,
      url: URL_SHOWN,
      title: 'Tidal',
      isReaderable: true,
      savedClipId: null,
      hasSelection: true,
    });
    expect(toStartedProbe(7, PROBE, [URL_SHOWN])?.hasSelection).toBe(false);
  });

  it('is nothing for a page the call did not ask to clip (its key saved, another key, not an article)', () => {
    expect(toStartedProbe(7, PROBE, [])).toBeNull();
    expect(
      toStartedProbe(7, { ...PROBE, canonical: 'https://news.example/other.html' }, [URL_SHOWN]),
    ).toBeNull();
    expect(toStartedProbe(7, { ...PROBE, isReaderable: false }, [URL_SHOWN])).toBeNull();
  });
});

describe('toClipFailure', () => {
  it('names a timeout as the clip’s, and keeps any other failure as it is', () => {
    expect(toClipFailure({ code: 'timeout' })).toEqual(fail('timeout', CLIP_TIMEOUT_DETAIL));
    expect(toClipFailure({ code: 'injection-failed', detail: 'tab-changed' })).toEqual(
      fail('injection-failed', 'tab-changed'),
    );
    expect(toClipFailure({ code: 'unknown' })).toEqual({ ok: false, code: 'unknown' });
  });
});
