import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveTab, ClipperDeps } from '../../utils/platform/clipper';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { ToolbarClipDeps } from '../../utils/platform/toolbar-clip';
import { ATTACH_WINDOW_MS, createToolbarClips } from '../../utils/platform/toolbar-clip';
import { isClipWanted } from '../../utils/platform/toolbar-probe-clip';
import type {
  ClipOutcome,
  InjectedApi,
  InjectedClipReply,
  InjectedProbe,
  PostclipGlobal,
} from '../../utils/pure/protocol';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { probeThenClip } from '../../utils/pure/probe-clip';
import type { ClipStart } from '../../utils/pure/toolbar-phase';
import type { Result } from '../../utils/pure/result';
import type { ClipDraft } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PAGE_URL = 'https://news.example/2024/03/18/tidal.html';
const TAB: ActiveTab = { id: 7, url: PAGE_URL, title: 'Tidal' };

const DRAFT: ClipDraft = {
  url: PAGE_URL,
  canonical: null,
  title: 'Harbour city opens its first tidal power station',
  byline: null,
  siteName: 'The Coastal Courier',
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  image: null,
  keywords: [],
  published: null,
  modified: null,
  contentHtml: '<p>Turbines.</p>',
  textContent: 'Turbines.',
  kind: 'article',
};

interface Harness {
  deps: ToolbarClipDeps;
  library: Library;
  clips: string[];
  unseen: Result<ClipOutcome>[];
  unseenClips: ActiveTab[];
  clipped: Result<ClipOutcome>[];
  clock: { now: number };
  /** Where the page's word that its clip started goes (the background's listener, in the browser). */
  onClipStart: { current: (started: ClipStart) => void };
}

const libraries: Library[] = [];

async function makeHarness(
  page: { isReaderable?: boolean; url?: string; hold?: Promise<void> } = {},
  isClipAtOnce = true,
): Promise<Harness> {
  const library = await openLibrary(new IDBFactory());
  libraries.push(library);
  const clock = { now: 1_710_000_000_000 };
  const onClipStart = { current: (_started: ClipStart): void => undefined };
  const h: Omit<Harness, 'deps'> = {
    library,
    clips: [],
    unseen: [],
    unseenClips: [],
    clipped: [],
    clock,
    onClipStart,
  };
  const api: InjectedApi = {
    apiVersion: INJECTED_API_VERSION,
    probe: () => ({
      url: page.url ?? PAGE_URL,
      title: 'Tidal',
      isReaderable: page.isReaderable ?? true,
      canonical: null,
    }),
    clip: (opts) => {
      h.clips.push(opts.mode);
      const reply: InjectedClipReply = { ok: true, value: { draft: DRAFT, markdown: 'Turbines.' } };
      return page.hold ? page.hold.then(() => reply) : reply;
    },
    fetchImage: () => Promise.resolve({ ok: false, reason: 'fetch-failed' }),
    probeAndClip: (opts, savedKeys, callId) =>
      probeThenClip(api, opts, savedKeys, (probe) => onClipStart.current({ probe, callId })),
  };
  const clipper: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(TAB),
    getTab: (id) => Promise.resolve(id === TAB.id ? TAB : null),
    executeScript: (injection) => {
      if ('files' in injection) {
        (globalThis as PostclipGlobal).__postclip = api;
        return Promise.resolve([{ result: undefined }]);
      }
      return Promise.resolve(injection.func(injection.args[0])).then((result) => [{ result }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => clock.now,
  };
  const deps: ToolbarClipDeps = {
    clipper,
    isClipAtOnce: () => Promise.resolve(isClipAtOnce),
    onUnseen: (_tabId, result) => {
      h.unseen.push(result);
      return Promise.resolve();
    },
    clipUnseen: (tab) => {
      h.unseenClips.push(tab);
      return Promise.resolve();
    },
    onClipped: (result) => {
      h.clipped.push(result);
      return Promise.resolve();
    },
  };
  return { ...h, deps };
}

/**
 * Gives the background's chains time to do what a test expects they must NOT do. The page's answer (its clip
 * included) is already in by then: `attach` waits for it.
 */
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  delete (globalThis as PostclipGlobal).__postclip;
  for (const lib of libraries.splice(0)) lib.close();
});

describe('isClipWanted', () => {
  const probe = { tabId: 1, url: PAGE_URL, title: 'T', isReaderable: true, savedClipId: null };
  it('clips a new readable page only when the toolbar button clips at once', () => {
    expect(isClipWanted({ ok: true, value: probe }, true)).toBe(true);
    expect(isClipWanted({ ok: true, value: probe }, false)).toBe(false);
    expect(isClipWanted({ ok: true, value: { ...probe, savedClipId: 'c1' } }, true)).toBe(false);
    expect(isClipWanted({ ok: true, value: { ...probe, isReaderable: false } }, true)).toBe(false);
    expect(isClipWanted({ ok: false, code: 'restricted-page' }, true)).toBe(false);
  });
});

describe('createToolbarClips', () => {
  it('clips on the click, before any popup asks; the popup attaches to that clip instead of starting one', async () => {
    const h = await makeHarness();
    const toolbar = createToolbarClips(h.deps);
    toolbar.start(TAB);
    // Saved with no popup involved at all.
    await vi.waitFor(async () => {
      expect(h.clipped).toHaveLength(1);
      expect(await h.library.count()).toBe(1);
    });
    expect(h.clips).toEqual(['article']);

    const attached = await toolbar.attach(TAB.id);
    expect(attached).toMatchObject({
      ok: true,
      value: { tabId: TAB.id, isClipping: true, probe: { ok: true, value: { url: PAGE_URL, tabId: 7 } } },
    });
    const outcome = await toolbar.outcome(TAB.id);
    expect(outcome).toMatchObject({ ok: true, value: { isUpdate: false, clip: { title: DRAFT.title } } });
    expect(h.clips).toEqual(['article']);
    // Handed over once: a popup opened later probes and decides for itself.
    expect(await toolbar.attach(TAB.id)).toEqual({ ok: true, value: null });
    expect(h.unseen).toEqual([]);
  });

  it('a popup attaches as soon as the page says it clips: the probe, and a clip to wait for, while it runs', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = await makeHarness({ hold });
    const toolbar = createToolbarClips(h.deps);
    h.onClipStart.current = (started) => toolbar.noteClipStarted(TAB.id, started);
    toolbar.start(TAB);
    // The page's clip is held: the call has not answered, and the popup is told it clips.
    const attached = await toolbar.attach(TAB.id);
    expect(attached).toMatchObject({
      ok: true,
      value: {
        tabId: TAB.id,
        isClipping: true,
        probe: { ok: true, value: { url: PAGE_URL, savedClipId: null } },
      },
    });
    expect(h.clipped).toEqual([]);
    const outcome = toolbar.outcome(TAB.id);
    release();
    expect(await outcome).toMatchObject({
      ok: true,
      value: { isUpdate: false, clip: { title: DRAFT.title } },
    });
    expect(await h.library.count()).toBe(1);
  });

  it('a word from another call on the same tab (an earlier click’s, arriving late) tells the popup nothing', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = await makeHarness({ hold });
    const toolbar = createToolbarClips(h.deps);
    h.onClipStart.current = (started) =>
      toolbar.noteClipStarted(TAB.id, { ...started, callId: started.callId + 1000 });
    toolbar.start(TAB);
    let isAttached = false;
    const attached = toolbar.attach(TAB.id).then((r) => {
      isAttached = true;
      return r;
    });
    // The page has started its clip (and sent its word, with the wrong id) before the clip itself runs.
    await vi.waitFor(() => expect(h.clips).toEqual(['article']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Only this call's own answer gives the probe: the page's clip is still held.
    expect(isAttached).toBe(false);
    release();
    expect(await attached).toMatchObject({ ok: true, value: { isClipping: true } });
  });

  it('a word for a tab with no click, or for another tab, changes nothing', async () => {
    const h = await makeHarness();
    const toolbar = createToolbarClips(h.deps);
    const probe: InjectedProbe = { url: PAGE_URL, title: 'T', isReaderable: true, canonical: null };
    toolbar.noteClipStarted(TAB.id, { probe, callId: 1 });
    expect(await toolbar.attach(TAB.id)).toEqual({ ok: true, value: null });
    h.onClipStart.current = (started) => toolbar.noteClipStarted(99, started);
    toolbar.start(TAB);
    expect(await toolbar.outcome(TAB.id)).toMatchObject({ ok: true });
    expect(await toolbar.attach(99)).toEqual({ ok: true, value: null });
  });

  it('does not clip a page already saved; the popup gets the probe that names the saved clip', async () => {
    const h = await makeHarness();
    const first = createToolbarClips(h.deps);
    first.start(TAB);
    await first.outcome(TAB.id);
    const toolbar = createToolbarClips(h.deps);
    toolbar.start(TAB);
    const attached = await toolbar.attach(TAB.id);
    expect(attached.ok && attached.value?.isClipping).toBe(false);
    expect(attached.ok && attached.value?.probe.ok && attached.value.probe.value.savedClipId).toBeTruthy();
    await settle();
    expect(h.clips).toEqual(['article']);
  });

  it('with "Open Postclip first" it only probes: the popup gets the probe and clips as it always did', async () => {
    const h = await makeHarness({}, false);
    const toolbar = createToolbarClips(h.deps);
    toolbar.start(TAB);
    const attached = await toolbar.attach(TAB.id);
    expect(attached).toMatchObject({ ok: true, value: { isClipping: false, probe: { ok: true } } });
    await settle();
    expect(h.clips).toEqual([]);
    expect(await h.library.count()).toBe(0);
  });

  it('leaves a page that is not an article to the popup’s "Save whole page" offer', async () => {
    const h = await makeHarness({ isReaderable: false });
    const toolbar = createToolbarClips(h.deps);
    const popupOpened = toolbar.start(TAB);
    const attached = await toolbar.attach(TAB.id);
    expect(attached).toMatchObject({
      ok: true,
      value: { isClipping: false, probe: { ok: true, value: { isReaderable: false } } },
    });
    popupOpened(true);
    await settle();
    expect(h.clips).toEqual([]);
    expect(h.unseenClips).toEqual([]);
  });

  it('without a popup, a page that is not an article is clipped as the context menu clips it', async () => {
    const h = await makeHarness({ isReaderable: false });
    const toolbar = createToolbarClips(h.deps);
    toolbar.start(TAB)(false);
    await vi.waitFor(() => expect(h.unseenClips).toEqual([TAB]));
  });

  it('without a popup, the clip still saves and its outcome goes on the badge', async () => {
    const h = await makeHarness();
    const toolbar = createToolbarClips(h.deps);
    toolbar.start(TAB)(false);
    await vi.waitFor(() => expect(h.unseen).toHaveLength(1));
    expect(await h.library.count()).toBe(1);
    expect(h.unseen).toMatchObject([{ ok: true, value: { clip: { title: DRAFT.title } } }]);
  });

  it('a restricted page: the popup gets the reason; without a popup the badge shows it', async () => {
    const h = await makeHarness();
    const toolbar = createToolbarClips(h.deps);
    const restricted: ActiveTab = { id: 9, url: 'chrome://settings/', title: null };
    toolbar.start(restricted);
    expect(await toolbar.attach(9)).toMatchObject({
      ok: true,
      value: { isClipping: false, probe: { ok: false, code: 'restricted-page' } },
    });
    toolbar.start(restricted)(false);
    await vi.waitFor(() => expect(h.unseen).toHaveLength(1));
    expect(h.unseen).toMatchObject([{ ok: false, code: 'restricted-page' }]);
    expect(h.clips).toEqual([]);
  });

  it('finds nothing for a tab never clicked, a closed tab, or a click long ago', async () => {
    const h = await makeHarness();
    const toolbar = createToolbarClips(h.deps);
    expect(await toolbar.attach(null)).toEqual({ ok: true, value: null });
    expect(await toolbar.attach(3)).toEqual({ ok: true, value: null });
    expect(await toolbar.outcome(3)).toMatchObject({ ok: false, code: 'unknown' });
    toolbar.start(TAB);
    toolbar.forget(TAB.id);
    expect(await toolbar.attach(TAB.id)).toEqual({ ok: true, value: null });
    toolbar.start(TAB);
    await settle();
    h.clock.now += ATTACH_WINDOW_MS + 1;
    expect(await toolbar.attach(TAB.id)).toEqual({ ok: true, value: null });
  });
});
