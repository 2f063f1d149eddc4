import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveTab, ClipperDeps, ScriptInjection } from '../../utils/platform/clipper';
import { clipWithFeedback } from '../../utils/platform/clip-feedback';
import {
  buildInjectedOptions,
  CLIP_TIMEOUT_MS,
  clipActiveTab,
  clipRequestedTab,
  createLibraryGetter,
  mapInjectionError,
  probeActiveTab,
} from '../../utils/platform/clipper';
import type { InjectedApi, InjectedClipOptions, PostclipGlobal } from '../../utils/pure/protocol';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { probeThenClip } from '../../utils/pure/probe-clip';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { StoreError } from '../../utils/platform/library-db';
import { openLibrary } from '../../utils/platform/store';
import type { SiteRule } from '../../utils/pure/site-rules';
import { findRule } from '../../utils/pure/site-rules';
import type { ClipDraft } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PAGE_URL = 'https://news.example/2024/03/18/tidal.html';

function makeDraft(over: Partial<ClipDraft> = {}): ClipDraft {
  return {
    url: PAGE_URL,
    canonical: 'https://news.example/tidal',
    title: 'Harbour city opens its first tidal power station',
    byline: 'Jane Doe',
    siteName: 'The Coastal Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: ['energy'],
    published: null,
    modified: null,
    contentHtml: '<p>Turbines.</p>',
    textContent: 'Turbines.',
    kind: 'article',
    ...over,
  };
}

/** A fake page: `files` injection installs the API in globalThis, `func` injection really runs the given function. */
interface FakePage {
  api: InjectedApi;
  injections: ScriptInjection[];
  clipCalls: InjectedClipOptions[];
}

function makePage(
  reply: () => unknown = () => ({ ok: true, value: { draft: makeDraft(), markdown: 'Turbines.' } }),
): FakePage {
  const page: FakePage = {
    injections: [],
    clipCalls: [],
    api: {
      apiVersion: INJECTED_API_VERSION,
      probe: () => ({
        url: PAGE_URL,
        title: 'Tidal',
        isReaderable: true,
        canonical: 'https://news.example/tidal',
      }),
      clip: (opts) => {
        page.clipCalls.push(opts);
        return reply() as ReturnType<InjectedApi['clip']>;
      },
      fetchImage: () => Promise.resolve({ ok: false, reason: 'fetch-failed' }),
      probeAndClip: (opts, savedKeys) => probeThenClip(page.api, opts, savedKeys),
    },
  };
  return page;
}

const libraries: Library[] = [];

async function makeDeps(
  page: FakePage,
  over: Partial<ClipperDeps> = {},
  tab: ActiveTab | null = { id: 7, url: PAGE_URL, title: 'Tidal' },
): Promise<{ deps: ClipperDeps; library: Library }> {
  const library = await openLibrary(new IDBFactory());
  libraries.push(library);
  const deps: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: (id) => Promise.resolve(tab?.id === id ? tab : null),
    executeScript: (injection) => {
      page.injections.push(injection);
      if ('files' in injection) {
        (globalThis as PostclipGlobal).__postclip = page.api;
        return Promise.resolve([{ result: undefined }]);
      }
      return Promise.resolve([{ result: injection.func(injection.args[0]) }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => 1_710_000_000_000,
    ...over,
  };
  return { deps, library };
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  delete (globalThis as PostclipGlobal).__postclip;
  for (const lib of libraries.splice(0)) lib.close();
  vi.useRealTimers();
});

describe('clipActiveTab', () => {
  it('injects the script once, clips with the current style, saves once', async () => {
    const page = makePage();
    const { deps, library } = await makeDeps(page);
    const result = await clipActiveTab('article', deps);
    expect(result).toMatchObject({
      ok: true,
      value: { isUpdate: false, clip: { title: makeDraft().title } },
    });
    expect(page.clipCalls).toEqual([
      // An article clip lets the page join a multi-page article's later pages for 7 s after the click.
      {
        mode: 'article',
        now: 1_710_000_000_000,
        style: DEFAULT_SETTINGS.markdown,
        pagesUntil: 1_710_000_007_000,
      },
    ]);
    expect(await library.count()).toBe(1);
    expect(page.injections.filter((i) => 'files' in i)).toHaveLength(1);
    // Second clip of the same canonical page: the script is already there, and the clip is updated, not added.
    const again = await clipActiveTab('article', deps);
    expect(again).toMatchObject({ ok: true, value: { isUpdate: true } });
    expect(page.injections.filter((i) => 'files' in i)).toHaveLength(1);
    expect(await library.count()).toBe(1);
  });

  it('re-injects when the page holds an older script version', async () => {
    const page = makePage();
    (globalThis as PostclipGlobal).__postclip = { ...page.api, apiVersion: 0 as typeof INJECTED_API_VERSION };
    const { deps } = await makeDeps(page);
    expect((await clipActiveTab('article', deps)).ok).toBe(true);
    expect(page.injections.filter((i) => 'files' in i)).toHaveLength(1);
  });

  it('refuses restricted pages without injecting', async () => {
    const page = makePage();
    const { deps, library } = await makeDeps(page, {}, { id: 1, url: 'chrome://version/', title: null });
    expect(await clipActiveTab('article', deps)).toEqual({
      ok: false,
      code: 'restricted-page',
      detail: 'browser-page',
    });
    expect(page.injections).toEqual([]);
    expect(await library.count()).toBe(0);
  });

  it('reports no-active-tab', async () => {
    const { deps } = await makeDeps(makePage(), {}, null);
    expect(await clipActiveTab('article', deps)).toMatchObject({ ok: false, code: 'no-active-tab' });
  });

  it.each([
    [
      null,
      'Cannot access contents of the page. Extension manifest must request permission.',
      'restricted-page',
    ],
    [
      PAGE_URL,
      'Cannot access contents of the page. Extension manifest must request permission.',
      'injection-failed',
    ],
    [PAGE_URL, 'Missing host permission for the tab', 'injection-failed'],
    [null, 'Missing host permission for the tab', 'restricted-page'],
    [null, 'The extensions gallery cannot be scripted.', 'restricted-page'],
    [PAGE_URL, 'Cannot access a chrome:// URL', 'restricted-page'],
    [PAGE_URL, 'No tab with id: 7.', 'injection-failed'],
  ] as const)('tab url %s + "%s" → %s', async (url, message, code) => {
    const { deps, library } = await makeDeps(
      makePage(),
      { executeScript: () => Promise.reject(new Error(message)) },
      { id: 7, url, title: null },
    );
    expect(await clipActiveTab('article', deps)).toEqual({ ok: false, code, detail: message });
    expect(await library.count()).toBe(0);
  });

  it('times out after 15 s and never saves a late answer', async () => {
    let answer: (value: Array<{ result?: unknown }>) => void = () => undefined;
    const late = new Promise<Array<{ result?: unknown }>>((resolve) => {
      answer = resolve;
    });
    const { deps, library } = await makeDeps(makePage(), { executeScript: () => late });
    // Only the clock: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clipping = clipActiveTab('article', deps);
    await vi.advanceTimersByTimeAsync(CLIP_TIMEOUT_MS - 1);
    let isSettled = false;
    void clipping.then(() => (isSettled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(isSettled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await clipping).toEqual({ ok: false, code: 'timeout' });
    answer([{ result: { ok: true, value: { draft: makeDraft(), markdown: 'x' } } }]);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await library.count()).toBe(0);
  });

  it.each([
    ['a string', () => 'hello', 'invalid-message'],
    ['null (script missing)', () => null, 'invalid-message'],
    ['an unknown error code', () => ({ ok: false, code: 'pwned' }), 'invalid-message'],
    [
      'a javascript: url',
      () => ({ ok: true, value: { draft: makeDraft({ url: 'javascript:alert(1)' }), markdown: '' } }),
      'invalid-message',
    ],
    [
      'a numeric title',
      () => ({ ok: true, value: { draft: { ...makeDraft(), title: 5 }, markdown: '' } }),
      'invalid-message',
    ],
    ['no markdown', () => ({ ok: true, value: { draft: makeDraft() } }), 'invalid-message'],
    [
      'a huge body',
      () => ({ ok: true, value: { draft: makeDraft(), markdown: 'x'.repeat(20_000_001) } }),
      'page-too-large',
    ],
    ['the page error', () => ({ ok: false, code: 'not-an-article' }), 'not-an-article'],
  ])('rejects %s', async (_label, reply, code) => {
    const { deps, library } = await makeDeps(makePage(reply));
    expect(await clipActiveTab('article', deps)).toMatchObject({ ok: false, code });
    expect(await library.count()).toBe(0);
  });

  it('turns a store failure into its code', async () => {
    const { deps, library } = await makeDeps(makePage());
    const failing: Library = {
      ...library,
      saveDraft: () => Promise.reject(new StoreError('quota-exceeded', 'full')),
    };
    const result = await clipActiveTab('article', { ...deps, getLibrary: () => Promise.resolve(failing) });
    expect(result).toEqual({ ok: false, code: 'quota-exceeded', detail: 'full' });
  });
});

describe('site rules at clip time', () => {
  const RULE: SiteRule = {
    id: 'r1',
    match: { type: 'host', value: 'news.example' },
    removeSelectors: ['.share', '.editor'],
    articleSelector: 'article.main',
    dateSelector: '.pubtime',
    timeZone: 'Asia/Shanghai',
  };
  const withRules = (rules: SiteRule[]): Partial<ClipperDeps> => ({
    loadSettings: () => Promise.resolve({ ...DEFAULT_SETTINGS, rules }),
  });

  it("passes the matching user rule's selectors to the injected script", async () => {
    const page = makePage();
    const { deps } = await makeDeps(page, withRules([RULE]));
    expect((await clipActiveTab('article', deps)).ok).toBe(true);
    expect(page.clipCalls).toEqual([
      {
        mode: 'article',
        now: 1_710_000_000_000,
        style: DEFAULT_SETTINGS.markdown,
        removeSelectors: ['.share', '.editor'],
        articleSelector: 'article.main',
        dateSelector: '.pubtime',
        pagesUntil: 1_710_000_007_000,
      },
    ]);
  });

  it('passes no selectors when no rule matches', async () => {
    const page = makePage();
    const other: SiteRule = { ...RULE, match: { type: 'host', value: 'elsewhere.example' } };
    const { deps } = await makeDeps(page, withRules([other]));
    expect((await clipActiveTab('article', deps)).ok).toBe(true);
    expect(page.clipCalls[0]).toEqual({
      mode: 'article',
      now: 1_710_000_000_000,
      style: DEFAULT_SETTINGS.markdown,
      pagesUntil: 1_710_000_007_000,
    });
  });

  it('uses a built-in rule when the user has none for the site', async () => {
    const page = makePage();
    const { deps } = await makeDeps(page, withRules([]), {
      id: 7,
      url: 'https://www.people.com.cn/n1/a.html',
      title: 'x',
    });
    expect((await clipActiveTab('article', deps)).ok).toBe(true);
    expect(page.clipCalls[0]?.removeSelectors).toEqual(
      findRule([], 'https://www.people.com.cn/')?.removeSelectors,
    );
    expect(page.clipCalls[0]?.removeSelectors?.length).toBeGreaterThan(0);
  });

  it("reads the page's URL from the page when the browser hides the tab's", async () => {
    const page = makePage();
    const { deps } = await makeDeps(page, withRules([RULE]), { id: 7, url: null, title: null });
    expect((await clipActiveTab('article', deps)).ok).toBe(true);
    expect(page.clipCalls[0]?.articleSelector).toBe('article.main');
  });

  it('buildInjectedOptions copies the selectors, leaving out empty ones', () => {
    expect(
      buildInjectedOptions('page', 5, DEFAULT_SETTINGS.markdown, {
        id: 'x',
        match: RULE.match,
        removeSelectors: [],
      }),
    ).toEqual({
      mode: 'page',
      now: 5,
      style: DEFAULT_SETTINGS.markdown,
    });
  });
});

describe('probeActiveTab', () => {
  it('reports readerable and, once clipped, the saved clip id', async () => {
    const { deps } = await makeDeps(makePage());
    expect(await probeActiveTab(deps)).toEqual({
      ok: true,
      value: {
        tabId: 7,
        url: PAGE_URL,
        title: 'Tidal',
        hasSelection: false,
        isReaderable: true,
        savedClipId: null,
      },
    });
    const clipped = await clipActiveTab('article', deps);
    if (!clipped.ok) throw new Error(clipped.code);
    expect(await probeActiveTab(deps)).toMatchObject({
      ok: true,
      value: { savedClipId: clipped.value.clip.id },
    });
  });

  it('treats a page that turns out to be a file as restricted (url was hidden)', async () => {
    const page = makePage();
    page.api.probe = () => ({ url: 'file:///tmp/a.html', title: 'a', isReaderable: true, canonical: null });
    const { deps } = await makeDeps(page, {}, { id: 3, url: null, title: null });
    expect(await probeActiveTab(deps)).toEqual({ ok: false, code: 'restricted-page', detail: 'file-access' });
  });

  it('rejects a malformed probe', async () => {
    const page = makePage();
    page.api.probe = () => ({ url: PAGE_URL, title: 'a', isReaderable: 'yes', canonical: null }) as never;
    const { deps } = await makeDeps(page);
    expect(await probeActiveTab(deps)).toMatchObject({ ok: false, code: 'invalid-message' });
  });
});

/** Several tabs, each with its own page; `active` is whichever has focus now. */
function makeTabs(pages: Record<number, { url: string; page: FakePage }>) {
  const tabs = {
    active: 7,
    closed: new Set<number>(),
    installed: new Set<number>(),
    clippedTabs: [] as number[],
    toTab(id: number): ActiveTab | null {
      const entry = pages[id];
      return entry && !tabs.closed.has(id) ? { id, url: entry.url, title: null } : null;
    },
  };
  const over: Partial<ClipperDeps> = {
    queryActiveTab: () => Promise.resolve(tabs.toTab(tabs.active)),
    getTab: (id) => Promise.resolve(tabs.toTab(id)),
    executeScript: (injection) => {
      const { tabId } = injection.target;
      const entry = pages[tabId];
      if (!entry || tabs.closed.has(tabId)) return Promise.reject(new Error(`No tab with id: ${tabId}.`));
      if ('files' in injection) {
        tabs.installed.add(tabId);
        return Promise.resolve([{ result: undefined }]);
      }
      // The injected function reads globalThis: give it this tab's page, as the tab's isolated world would.
      const g = globalThis as PostclipGlobal;
      if (tabs.installed.has(tabId)) g.__postclip = entry.page.api;
      else delete g.__postclip;
      if (injection.args[0].kind === 'clip') tabs.clippedTabs.push(tabId);
      return Promise.resolve([{ result: injection.func(injection.args[0]) }]);
    },
  };
  return { tabs, over };
}

const OTHER_URL = 'https://other.example/sports/final.html';

function pageAt(url: string, title: string): FakePage {
  const page = makePage(() => ({
    ok: true,
    value: { draft: makeDraft({ url, canonical: null, title }), markdown: title },
  }));
  page.api.probe = () => ({ url, title, isReaderable: true, canonical: null });
  return page;
}

describe('clipRequestedTab (the popup names the tab it probed)', () => {
  it('clips tab 7 when asked for tab 7, even though tab 9 is active by now', async () => {
    const { tabs, over } = makeTabs({
      7: { url: PAGE_URL, page: pageAt(PAGE_URL, 'Tidal power') },
      9: { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') },
    });
    const { deps, library } = await makeDeps(makePage(), over);
    const probe = await probeActiveTab(deps);
    expect(probe).toMatchObject({ ok: true, value: { tabId: 7, url: PAGE_URL } });
    tabs.active = 9; // Focus moves to another window between the probe and the click.
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result).toMatchObject({ ok: true, value: { clip: { url: PAGE_URL, title: 'Tidal power' } } });
    expect(tabs.clippedTabs).toEqual([7]);
    expect((await library.listSummaries({ limit: 10 })).items.map((s) => s.title)).toEqual(['Tidal power']);
  });

  it('without a tab id still clips the active tab, as before', async () => {
    const { tabs, over } = makeTabs({
      7: { url: PAGE_URL, page: pageAt(PAGE_URL, 'Tidal power') },
      9: { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') },
    });
    tabs.active = 9;
    const { deps } = await makeDeps(makePage(), over);
    expect(await clipRequestedTab({ mode: 'article' }, deps)).toMatchObject({
      ok: true,
      value: { clip: { title: 'Cup final' } },
    });
    expect(tabs.clippedTabs).toEqual([9]);
  });

  it('refuses a named tab that has closed, and clips nothing else', async () => {
    const { tabs, over } = makeTabs({
      7: { url: PAGE_URL, page: pageAt(PAGE_URL, 'Tidal power') },
      9: { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') },
    });
    const { deps, library } = await makeDeps(makePage(), over);
    tabs.closed.add(7);
    tabs.active = 9;
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result).toMatchObject({ ok: false, code: 'no-active-tab' });
    expect(!result.ok && result.detail).toContain('closed');
    expect(tabs.clippedTabs).toEqual([]);
    expect(await library.count()).toBe(0);
  });

  it('refuses a named tab that now shows another URL, and saves nothing', async () => {
    const pages = {
      7: { url: PAGE_URL, page: pageAt(PAGE_URL, 'Tidal power') },
      9: { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') },
    };
    const { tabs, over } = makeTabs(pages);
    const { deps, library } = await makeDeps(makePage(), over);
    pages[7] = { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') }; // Tab 7 navigated.
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result).toMatchObject({ ok: false, code: 'injection-failed' });
    expect(!result.ok && result.detail).toBe('tab-changed');
    expect(tabs.clippedTabs).toEqual([]);
    expect(await library.count()).toBe(0);
  });

  it('refuses a tab whose URL is hidden when its page turns out to be another one', async () => {
    const pages = { 7: { url: OTHER_URL, page: pageAt(OTHER_URL, 'Cup final') } };
    const { tabs, over } = makeTabs(pages);
    const { deps, library } = await makeDeps(makePage(), {
      ...over,
      getTab: (id) => Promise.resolve(id === 7 ? { id, url: null, title: null } : null),
    });
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result).toMatchObject({ ok: false, code: 'injection-failed' });
    expect(tabs.clippedTabs).toEqual([]);
    expect(await library.count()).toBe(0);
  });

  it('refuses a page that navigated while it was read (the draft names another URL)', async () => {
    const page = pageAt(PAGE_URL, 'Tidal power');
    page.api.clip = () => ({ ok: true, value: { draft: makeDraft({ url: OTHER_URL }), markdown: 'x' } });
    const { over } = makeTabs({ 7: { url: PAGE_URL, page } });
    const { deps, library } = await makeDeps(makePage(), over);
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result).toMatchObject({ ok: false, code: 'injection-failed' });
    expect(await library.count()).toBe(0);
  });

  it('takes a URL that differs only by its #fragment as the same page', async () => {
    const { tabs, over } = makeTabs({ 7: { url: `${PAGE_URL}#comments`, page: pageAt(PAGE_URL, 'Tidal') } });
    const { deps } = await makeDeps(makePage(), over);
    const result = await clipRequestedTab({ mode: 'article', tabId: 7, expectedUrl: PAGE_URL }, deps);
    expect(result.ok).toBe(true);
    expect(tabs.clippedTabs).toEqual([7]);
  });
});

describe('keyboard and menu clips', () => {
  it('fall back to the whole page when no article is found, and show a ✓ badge', async () => {
    const page = makePage();
    page.api.clip = (opts) => {
      page.clipCalls.push(opts);
      return opts.mode === 'article'
        ? { ok: false, code: 'not-an-article' }
        : { ok: true, value: { draft: makeDraft({ kind: 'page' }), markdown: 'all' } };
    };
    const { deps } = await makeDeps(page);
    const result = await clipWithFeedback('article', deps, { id: 7, url: PAGE_URL, title: null });
    expect(result.ok).toBe(true);
    expect(page.clipCalls.map((c) => c.mode)).toEqual(['article', 'page']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
  });

  it('show ! on failure', async () => {
    const { deps } = await makeDeps(makePage());
    await clipWithFeedback('article', deps, { id: 9, url: 'about:blank', title: null });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('!');
  });
});

describe('createLibraryGetter and mapInjectionError', () => {
  it('opens once and retries after a failed open', async () => {
    const lib = {} as Library;
    const open = vi
      .fn<() => Promise<Library>>()
      .mockRejectedValueOnce(new Error('no'))
      .mockResolvedValue(lib);
    const get = createLibraryGetter(open);
    await expect(get()).rejects.toThrow('no');
    expect(await get()).toBe(lib);
    expect(await get()).toBe(lib);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('keeps non-Error throwables readable', () => {
    expect(mapInjectionError('weird', PAGE_URL)).toEqual({
      ok: false,
      code: 'injection-failed',
      detail: 'weird',
    });
  });
});
