// The toolbar click's probe and clip in one injection (issue 13), against the real injected API on parsed pages:
// one call into the page, the library's "already saved?" honoured before the call (the tab's URL) and after it (a
// canonical URL only the page knows), and the popup's cases (not an article, Open Postclip first) as before.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInjectedApi } from '../../entrypoints/clip/injected-api';
import type { ActiveTab, ClipperDeps, InjectedCall, ScriptInjection } from '../../utils/platform/clipper';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Settings } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import { probeAndClipTab, readProbeClip } from '../../utils/platform/toolbar-probe-clip';
import type { ClipStart } from '../../utils/pure/toolbar-phase';
import { CLIP_TIMEOUT_DETAIL } from '../../utils/pure/toolbar-phase';
import type { PostclipGlobal } from '../../utils/pure/protocol';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PAGE_URL = 'https://news.example/2024/03/18/tidal.html?utm_source=feed';
const CANONICAL = 'https://news.example/2024/03/18/tidal.html';
const PARAGRAPH =
  'The town council met on Tuesday to discuss the new harbour wall, which engineers say will protect the old quarter from winter storms for decades to come.';

function articleHtml(head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Tidal power</title>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Harbour city opens its first tidal power station</h1>
    <div class="ad-slot">Advertisement</div>
    ${`<p>${PARAGRAPH}</p>`.repeat(8)}</article></body></html>`;
}

/** A section front: story teasers, no article. */
function frontPageHtml(): string {
  const teasers = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="teaser"><h3><a href="/story/${i}">Story number ${i} of the day</a></h3><p>A line.</p></div>`,
  ).join('');
  return `<!doctype html><html><head><title>News</title></head><body><main>${teasers}</main></body></html>`;
}

interface Page {
  deps: ClipperDeps;
  /** The page's word that it started the click's clip, as the background hears it (toolbar-clip-started.ts). */
  clipStarted: Promise<ClipStart>;
  library: Library;
  /** Every call made into the page: 'files' for clip.js, else the call's kind. */
  calls: string[];
  /** The arguments of the page calls, in order. */
  args: InjectedCall[];
  /** How many times the page ran its clip. */
  clips: () => number;
}

const libraries: Library[] = [];

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as PostclipGlobal).__postclip;
  for (const library of libraries.splice(0)) library.close();
});

async function openPage(
  html: string,
  {
    library,
    settings = DEFAULT_SETTINGS,
    stall = false,
    hang = false,
    pageUrl = PAGE_URL,
  }: {
    library?: Library;
    settings?: Settings;
    stall?: boolean;
    /** The page runs the call (and says so) but its answer never comes back: a clip that runs too long. */
    hang?: boolean;
    pageUrl?: string;
  } = {},
): Promise<Page> {
  // A new tab: no clip.js from another page.
  delete (globalThis as PostclipGlobal).__postclip;
  const doc = new JSDOM(html, { url: pageUrl }).window.document;
  let tellStarted: (started: ClipStart) => void = () => undefined;
  const clipStarted = new Promise<ClipStart>((resolve) => {
    tellStarted = resolve;
  });
  const api = createInjectedApi(
    doc,
    () => pageUrl,
    (probe, callId) => tellStarted({ probe, callId }),
  );
  let clipCount = 0;
  const clip = api.clip.bind(api);
  api.clip = (opts) => {
    clipCount += 1;
    return clip(opts);
  };
  const lib = library ?? (await openLibrary(new IDBFactory()));
  if (!library) libraries.push(lib);
  const calls: string[] = [];
  const args: InjectedCall[] = [];
  const tab: ActiveTab = { id: 3, url: PAGE_URL, title: 'Tidal power' };
  const deps: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: () => Promise.resolve(tab),
    executeScript: (injection: ScriptInjection) => {
      if ('files' in injection) {
        calls.push('files');
        (globalThis as PostclipGlobal).__postclip = api;
        return Promise.resolve([{ result: undefined }]);
      }
      const [call] = injection.args;
      calls.push(call.kind);
      args.push(call);
      if (stall && call.kind !== 'check') return new Promise(() => undefined);
      if (hang && call.kind !== 'check') {
        void injection.func(call);
        return new Promise(() => undefined);
      }
      // As the browser does, a Promise the injected function returns is awaited.
      return Promise.resolve(injection.func(call)).then((result) => [{ result }]);
    },
    getLibrary: () => Promise.resolve(lib),
    loadSettings: () => Promise.resolve(settings),
    now: () => 1_710_000_000_000,
  };
  return { deps, clipStarted, library: lib, calls, args, clips: () => clipCount };
}

const TAB: ActiveTab = { id: 3, url: PAGE_URL, title: 'Tidal power' };

describe('probeAndClipTab', () => {
  it('probes and clips a new article in one call into the page, and saves it', async () => {
    const page = await openPage(articleHtml());
    const { probe, outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({
      ok: true,
      value: { tabId: 3, url: PAGE_URL, title: 'Tidal power', isReaderable: true, savedClipId: null },
    });
    const saved = await outcome;
    expect(saved).toMatchObject({
      ok: true,
      value: { isUpdate: false, clip: { url: PAGE_URL } },
    });
    // No separate probe, no second check: clip.js once, then the one call.
    expect(page.calls).toEqual(['check', 'files', 'probe-clip']);
    expect(page.clips()).toBe(1);
    expect(await page.library.count()).toBe(1);
    const stored = saved?.ok ? await page.library.getClip(saved.value.clip.id) : undefined;
    expect(stored?.markdown).toContain('harbour wall');
  });

  it('tells the page the key found saved under the tab’s URL: the page only probes, and the popup shows the clip', async () => {
    const first = await openPage(articleHtml());
    const saved = await probeAndClipTab(first.deps, TAB, Promise.resolve(true)).outcome;
    const savedId = saved?.ok ? saved.value.clip.id : null;
    expect(savedId).not.toBeNull();

    const again = await openPage(articleHtml(), { library: first.library });
    const { probe, outcome } = probeAndClipTab(again.deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { savedClipId: savedId } });
    expect(await outcome).toBeNull();
    expect(again.args.at(-1)).toMatchObject({ kind: 'probe-clip', clearKeys: [] });
    expect(again.clips()).toBe(0);
    expect(await again.library.count()).toBe(1);
  });

  it('a page saved under a canonical URL only the page knows: looked up after the call, never extracted', async () => {
    const head = `<link rel="canonical" href="${CANONICAL}">`;
    const first = await openPage(articleHtml(head));
    const saved = await probeAndClipTab(first.deps, TAB, Promise.resolve(true)).outcome;
    if (!saved?.ok) throw new Error('the first clip failed');
    const before = await first.library.getClip(saved.value.clip.id);

    const again = await openPage(articleHtml(head), { library: first.library });
    const { probe, outcome } = probeAndClipTab(again.deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { savedClipId: saved.value.clip.id } });
    expect(await outcome).toBeNull();
    // The page's key was not the one checked before the call, so the page only probed; nothing was written.
    expect(again.args.at(-1)).toMatchObject({ kind: 'probe-clip', clearKeys: [PAGE_URL] });
    expect(again.clips()).toBe(0);
    expect(await again.library.count()).toBe(1);
    expect(await again.library.getClip(saved.value.clip.id)).toEqual(before);
  });

  it('a new page with a canonical URL of its own: looked up after the call, then clipped in a second call', async () => {
    const page = await openPage(articleHtml(`<link rel="canonical" href="${CANONICAL}">`));
    const { probe, outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { savedClipId: null, isReaderable: true } });
    expect(await outcome).toMatchObject({ ok: true, value: { isUpdate: false } });
    expect(page.calls.filter((c) => c !== 'check' && c !== 'files')).toEqual(['probe-clip', 'clip']);
    expect(page.clips()).toBe(1);
    expect(await page.library.count()).toBe(1);
  });

  it('leaves a page that is not an article to the popup: probed, not clipped', async () => {
    const page = await openPage(frontPageHtml());
    const { probe, outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { isReaderable: false, savedClipId: null } });
    expect(await outcome).toBeNull();
    expect(page.clips()).toBe(0);
    expect(await page.library.count()).toBe(0);
  });

  it('with "Open Postclip first" the page is only probed', async () => {
    const page = await openPage(articleHtml());
    const { probe, outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(false));
    expect(await probe).toMatchObject({ ok: true, value: { isReaderable: true, savedClipId: null } });
    expect(await outcome).toBeNull();
    expect(page.calls).toEqual(['check', 'files', 'probe']);
    expect(page.clips()).toBe(0);
  });

  it('passes the site rule for the tab’s URL and the page budget, as the popup’s clip does', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      rules: [{ id: 'r1', match: { type: 'host', value: 'news.example' }, removeSelectors: ['.ad-slot'] }],
    };
    const page = await openPage(articleHtml(), { settings });
    const saved = await probeAndClipTab(page.deps, TAB, Promise.resolve(true)).outcome;
    const call = page.args.at(-1);
    expect(call?.kind === 'probe-clip' && call.options).toMatchObject({
      mode: 'article',
      now: 1_710_000_000_000,
      removeSelectors: ['.ad-slot'],
      pagesUntil: 1_710_000_000_000 + 7_000,
    });
    const stored = saved?.ok ? await page.library.getClip(saved.value.clip.id) : undefined;
    expect(stored?.markdown).not.toContain('Advertisement');
  });

  it('a tab whose URL the browser hides is probed first, then clipped in a second call', async () => {
    const page = await openPage(articleHtml());
    const hidden: ActiveTab = { ...TAB, url: null };
    const { probe, outcome } = probeAndClipTab(page.deps, hidden, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { url: PAGE_URL } });
    expect(await outcome).toMatchObject({ ok: true, value: { isUpdate: false } });
    expect(page.calls.filter((c) => c !== 'check' && c !== 'files')).toEqual(['probe', 'probe', 'clip']);
  });

  it('a browser page is refused before anything is injected', async () => {
    const page = await openPage(articleHtml());
    const { probe, outcome } = probeAndClipTab(
      page.deps,
      { id: 3, url: 'chrome://settings/', title: null },
      Promise.resolve(true),
    );
    expect(await probe).toMatchObject({ ok: false, code: 'restricted-page' });
    expect(await outcome).toBeNull();
    expect(page.calls).toEqual([]);
  });

  it('a refused injection is the probe’s error; nothing is clipped', async () => {
    const page = await openPage(articleHtml());
    const deps: ClipperDeps = {
      ...page.deps,
      executeScript: () => Promise.reject(new Error('Cannot access contents of the page')),
    };
    const { probe, outcome } = probeAndClipTab(deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: false, code: 'injection-failed' });
    expect(await outcome).toBeNull();
  });

  it('a page that never answers times out: the probe says so and nothing is saved', async () => {
    const page = await openPage(articleHtml(), { stall: true });
    const { probe, outcome } = probeAndClipTab({ ...page.deps, timeoutMs: 20 }, TAB, Promise.resolve(true));
    expect(await probe).toEqual({ ok: false, code: 'timeout' });
    expect(await outcome).toBeNull();
    expect(await page.library.count()).toBe(0);
  });

  it('the page’s own refusal (no article text) is the clip’s outcome', async () => {
    const page = await openPage(articleHtml());
    const deps: ClipperDeps = {
      ...page.deps,
      executeScript: (injection) =>
        'files' in injection || injection.args[0].kind === 'check'
          ? page.deps.executeScript(injection)
          : Promise.resolve([
              {
                result: {
                  probe: { url: PAGE_URL, title: 'T', isReaderable: true, canonical: null },
                  clip: { ok: false, code: 'not-an-article' },
                },
              },
            ]),
    };
    const { probe, outcome } = probeAndClipTab(deps, TAB, Promise.resolve(true));
    expect(await probe).toMatchObject({ ok: true, value: { savedClipId: null } });
    expect(await outcome).toEqual({ ok: false, code: 'not-an-article' });
  });
});

describe('the page’s word that it started clipping', () => {
  it('gives the popup the probe while the clip runs, and a clip that runs out of time fails as the clip', async () => {
    const page = await openPage(articleHtml(), { hang: true });
    // Only the call's time limit is faked: the word comes before it however loaded the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { probe, outcome } = probeAndClipTab(
      { ...page.deps, timeoutMs: 1_000 },
      TAB,
      Promise.resolve(true),
      page.clipStarted,
    );
    let isOutcomeIn = false;
    void outcome.then(() => (isOutcomeIn = true));
    // The probe comes from the page's word, before the call answers (it never does here).
    expect(await probe).toEqual({
      ok: true,
      value: {
        tabId: 3,
        url: PAGE_URL,
        title: 'Tidal power',
        isReaderable: true,
        savedClipId: null,
        hasSelection: false,
      },
    });
    expect(isOutcomeIn).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(isOutcomeIn).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(await outcome).toEqual({ ok: false, code: 'timeout', detail: CLIP_TIMEOUT_DETAIL });
    expect(await page.library.count()).toBe(0);
  });

  it('a word from another call (an earlier click’s, arriving late) for an unsaved key is not this call’s clip', async () => {
    const page = await openPage(articleHtml(), { stall: true });
    const stray = Promise.resolve<ClipStart>({
      probe: { url: PAGE_URL, title: 'Tidal power', isReaderable: true, canonical: null },
      callId: -1,
    });
    const { probe, outcome } = probeAndClipTab(
      { ...page.deps, timeoutMs: 20 },
      TAB,
      Promise.resolve(true),
      stray,
    );
    // The call never answers: its timeout is the probe's, and no clip failed.
    expect(await probe).toEqual({ ok: false, code: 'timeout' });
    expect(await outcome).toBeNull();
  });

  it('a page that never answers nor says it clips times out as before: the probe’s timeout, no clip outcome', async () => {
    const page = await openPage(articleHtml(), { stall: true });
    const { probe, outcome } = probeAndClipTab(
      { ...page.deps, timeoutMs: 20 },
      TAB,
      Promise.resolve(true),
      page.clipStarted,
    );
    expect(await probe).toEqual({ ok: false, code: 'timeout' });
    expect(await outcome).toBeNull();
  });

  it('is not heard for a page the call did not ask to clip (saved under the tab’s URL): the probe names the saved clip', async () => {
    const first = await openPage(articleHtml());
    const saved = await probeAndClipTab(first.deps, TAB, Promise.resolve(true), first.clipStarted).outcome;
    const savedId = saved?.ok ? saved.value.clip.id : null;
    expect(savedId).not.toBeNull();
    const again = await openPage(articleHtml(), { library: first.library });
    // A word naming this very call, for a key the call found saved, does not make this call a clip.
    let tell: (started: ClipStart) => void = () => undefined;
    const word = new Promise<ClipStart>((resolve) => {
      tell = resolve;
    });
    const { callId, probe, outcome } = probeAndClipTab(again.deps, TAB, Promise.resolve(true), word);
    tell({ probe: { url: PAGE_URL, title: 'T', isReaderable: true, canonical: null }, callId });
    expect(await probe).toMatchObject({ ok: true, value: { savedClipId: savedId } });
    expect(await outcome).toBeNull();
  });

  it('a clip saved as usual gives the same probe either way', async () => {
    const page = await openPage(articleHtml());
    const { probe, outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true), page.clipStarted);
    expect(await probe).toMatchObject({
      ok: true,
      value: { url: PAGE_URL, title: 'Tidal power', savedClipId: null },
    });
    expect(await page.clipStarted).toMatchObject({ probe: { url: PAGE_URL, isReaderable: true } });
    expect(await outcome).toMatchObject({ ok: true, value: { isUpdate: false } });
  });
});

describe('a tab that moved on after the click', () => {
  it('is not saved: the page it shows now was not the page clicked on', async () => {
    const page = await openPage(articleHtml(), { pageUrl: 'https://other.example/2024/03/19/else.html' });
    const { outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true));
    expect(await outcome).toEqual({ ok: false, code: 'injection-failed', detail: 'tab-changed' });
    expect(await page.library.count()).toBe(0);
  });

  it('is the same page when only its #fragment changed (an in-page link), and is saved', async () => {
    const page = await openPage(articleHtml(), { pageUrl: `${PAGE_URL}#comments` });
    const { outcome } = probeAndClipTab(page.deps, TAB, Promise.resolve(true));
    expect(await outcome).toMatchObject({ ok: true, value: { isUpdate: false } });
    expect(await page.library.count()).toBe(1);
  });
});

describe('readProbeClip', () => {
  const probe = { url: PAGE_URL, title: 'T', isReaderable: true, canonical: null };

  it('checks both halves of the page’s answer', () => {
    expect(readProbeClip({ probe, clip: null })).toMatchObject({ ok: true, value: { clip: null } });
    expect(readProbeClip(null)).toEqual({ ok: false, code: 'invalid-message' });
    expect(readProbeClip({ probe: { ...probe, isReaderable: 'yes' }, clip: null })).toEqual({
      ok: false,
      code: 'invalid-message',
    });
    expect(readProbeClip({ probe })).toMatchObject({
      ok: true,
      value: { clip: { ok: false, code: 'invalid-message' } },
    });
    expect(readProbeClip({ probe: { ...probe, url: 'chrome://newtab/' }, clip: null })).toMatchObject({
      ok: false,
      code: 'restricted-page',
    });
  });
});
