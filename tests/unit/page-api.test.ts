// The offline services are the smallest real implementations of the page API: an error state, never a crash.
import { describe, expect, it } from 'vitest';
import { OFFLINE_I18N, OFFLINE_OPTIONS, OFFLINE_POPUP } from '../../components/offline';
import type { OptionsServices, PopupServices } from '../../utils/pure/page-api';
import type { MessageKey } from '../../utils/pure/message-key';

describe('offline page services', () => {
  it('answer every popup call with an error or an empty library', async () => {
    const popup: PopupServices = OFFLINE_POPUP;
    expect(await popup.probe()).toEqual({ ok: false, code: 'unknown' });
    expect(await popup.clip('article')).toEqual({ ok: false, code: 'unknown' });
    expect(await popup.listSummaries({ limit: 10 })).toEqual({ ok: true, value: { items: [], next: null } });
    expect(await popup.isClipOnOpen()).toBe(false);
  });

  it('answer every options call with an error or nothing', async () => {
    const options: OptionsServices = OFFLINE_OPTIONS;
    expect(await options.loadSettings()).toEqual({ ok: false, code: 'unknown' });
    expect(await options.preview({} as never)).toEqual({ ok: true, value: null });
    expect(await options.estimateStorage()).toBeNull();
  });

  it('word every error as "extension unavailable", in English from the bundled file', () => {
    const key: MessageKey = 'extensionUnavailable';
    expect(OFFLINE_I18N.describeError('storage-failed')).toBe(OFFLINE_I18N.t(key));
    expect(OFFLINE_I18N.t(key)).not.toBe(key);
  });
});
