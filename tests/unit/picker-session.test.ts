import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowser } from '../kit/browser';
import type { ClipperDeps, ScriptInjection } from '../../utils/platform/clipper';
import { startPickerInTab } from '../../utils/platform/clipper';
import type { PickStore } from '../../utils/platform/pick-store';
import { finishPick, isPickerSender, pickerTabOf } from '../../utils/platform/picker-session';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { LastPick } from '../../utils/pure/pick-rule';
import type { InjectedApi, InjectedClipOptions, PostclipGlobal } from '../../utils/pure/protocol';
import { probeThenClip } from '../../utils/pure/probe-clip';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));

const URL_SHOWN = 'https://news.example/2024/03/18/tidal.html';
const libraries: Library[] = [];

async function setUp(tabUrl: string | null = URL_SHOWN) {
  const library = await openLibrary(new IDBFactory());
  libraries.push(library);
  const injections: ScriptInjection[] = [];
  const clipCalls: InjectedClipOptions[] = [];
  const draft = makeDraft({ url: URL_SHOWN, canonical: null });
  const api: InjectedApi = {
    apiVersion: INJECTED_API_VERSION,
    probe: () => ({ url: URL_SHOWN, title: 'T', isReaderable: true, canonical: null }),
    clip: (options: InjectedClipOptions) => {
      clipCalls.push(options);
      return { ok: true as const, value: { draft, markdown: 'Body.' } };
    },
    fetchImage: () => Promise.resolve({ ok: false as const, reason: 'fetch-failed' as const }),
    probeAndClip: (opts, savedKeys) => probeThenClip(api, opts, savedKeys),
  };
  const tab = { id: 7, url: tabUrl, title: 'T' };
  const deps: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: (id) => Promise.resolve(id === 7 ? tab : null),
    executeScript: (injection) => {
      injections.push(injection);
      if ('files' in injection) {
        if (injection.files[0] === '/clip.js') (globalThis as PostclipGlobal).__postclip = api;
        return Promise.resolve([{ result: undefined }]);
      }
      return Promise.resolve([{ result: injection.func(injection.args[0]) }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () =>
      Promise.resolve({
        ...DEFAULT_SETTINGS,
        rules: [
          { id: 'r', match: { type: 'host' as const, value: 'news.example' }, removeSelectors: ['.ad'] },
        ],
      }),
    now: () => 1_710_000_000_000,
  };
  const saved: LastPick[] = [];
  const store: PickStore = {
    save: (pick) => {
      saved.push(pick);
      return Promise.resolve();
    },
    take: () => Promise.resolve(saved.pop() ?? null),
  };
  return { deps, injections, clipCalls, store, saved, library };
}

beforeEach(resetBrowser);
afterEach(() => {
  delete (globalThis as PostclipGlobal).__postclip;
  for (const lib of libraries.splice(0)) lib.close();
});

describe('startPickerInTab', () => {
  it('injects the picker into the probed tab', async () => {
    const { deps, injections } = await setUp();
    expect(await startPickerInTab({ tabId: 7, expectedUrl: URL_SHOWN }, deps)).toEqual({
      ok: true,
      value: null,
    });
    expect(injections).toEqual([{ target: { tabId: 7 }, files: ['/picker.js'] }]);
  });

  it('refuses a tab that has moved on, or closed, injecting nothing', async () => {
    const { deps, injections } = await setUp();
    const moved = await startPickerInTab({ tabId: 7, expectedUrl: 'https://news.example/other' }, deps);
    expect(moved).toMatchObject({ ok: false, code: 'injection-failed', detail: 'tab-changed' });
    const closed = await startPickerInTab({ tabId: 8, expectedUrl: URL_SHOWN }, deps);
    expect(closed).toMatchObject({ ok: false, code: 'no-active-tab' });
    expect(injections).toEqual([]);
  });
});

describe('finishPick', () => {
  it("clips again without the picked blocks (and the rule's), and keeps the pick for the popup", async () => {
    const { deps, clipCalls, store, saved, library } = await setUp();
    const raw = { type: 'picker-done', payload: { selectors: ['#promo', '.ad'] } };
    const result = await finishPick(raw, 7, deps, store);
    if (!result.ok) throw new Error(result.code);
    expect(clipCalls[0]?.removeSelectors).toEqual(['.ad', '#promo']);
    expect(clipCalls[0]?.mode).toBe('article');
    expect(saved).toEqual([
      { clipId: result.value.clip.id, host: 'news.example', selectors: ['#promo', '.ad'] },
    ]);
    expect((await library.getClip(result.value.clip.id))?.markdown).toBe('Body.');
  });

  it('refuses a message that is not a pick, clipping nothing', async () => {
    const { deps, clipCalls, store, saved } = await setUp();
    expect(await finishPick({ type: 'picker-done', payload: {} }, 7, deps, store)).toMatchObject({
      ok: false,
      code: 'invalid-message',
    });
    expect(clipCalls).toEqual([]);
    expect(saved).toEqual([]);
  });
});

describe('isPickerSender', () => {
  const ORIGIN = 'chrome-extension://abc/';
  it.each([
    ['our script in a tab', { id: 'abc', url: URL_SHOWN, frameId: 0, tab: { id: 7 } }, true],
    ['another extension', { id: 'evil', url: URL_SHOWN, frameId: 0, tab: { id: 7 } }, false],
    ['our popup', { id: 'abc', url: `${ORIGIN}popup.html` }, false],
    ['our page in a tab', { id: 'abc', url: `${ORIGIN}options.html`, frameId: 0, tab: { id: 3 } }, false],
    // picker.js and clip.js go into the top frame only: a frame inside the page is not them.
    ['a frame in a tab', { id: 'abc', url: URL_SHOWN, frameId: 4, tab: { id: 7 } }, false],
    ['no frame named', { id: 'abc', url: URL_SHOWN, tab: { id: 7 } }, false],
  ])('%s: %s', (_label, sender, expected) => {
    expect(isPickerSender(sender as Parameters<typeof isPickerSender>[0], 'abc', ORIGIN)).toBe(expected);
  });
});

describe('pickerTabOf', () => {
  const ORIGIN = 'chrome-extension://abc/';
  const FROM_PICKER = { id: 'abc', url: URL_SHOWN, frameId: 0, tab: { id: 7 } } as Parameters<
    typeof pickerTabOf
  >[1];
  it('takes the picker’s answer from our picker: its tab', () => {
    expect(
      pickerTabOf({ type: 'picker-done', payload: { selectors: ['.ad'] } }, FROM_PICKER, 'abc', ORIGIN),
    ).toBe(7);
  });

  it('leaves every other message alone, objects or not: no clip again, no badge', () => {
    for (const raw of [
      'picker-done',
      null,
      undefined,
      7,
      ['picker-done'],
      { type: 'toolbar-clip-started', probe: {}, callId: 1 },
      { payload: { selectors: ['.ad'] } },
    ]) {
      expect(pickerTabOf(raw, FROM_PICKER, 'abc', ORIGIN)).toBeNull();
    }
  });

  it('leaves the answer alone from a frame in the page', () => {
    const message = { type: 'picker-done', payload: { selectors: ['.ad'] } };
    expect(pickerTabOf(message, { ...FROM_PICKER, frameId: 2 }, 'abc', ORIGIN)).toBeNull();
  });
});
