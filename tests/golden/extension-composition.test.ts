// Golden pages through the extension's own composition, not the CLI's: the injected script (entrypoints/clip.ts)
// runs in the page's DOM, the background clipper (utils/platform/clipper.ts) saves its draft to the store, and the
// popup's post render (utils/platform/post-rendering.ts) turns the stored clip into the file. Same expected.md.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipperDeps } from '../../utils/platform/clipper';
import { clipActiveTab } from '../../utils/platform/clipper';
import type { PostclipGlobal } from '../../utils/pure/protocol';
import { renderPost } from '../../utils/platform/post-rendering';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Settings } from '../../utils/pure/types';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { GoldenCase } from './update';
import { listCaseNames, loadCase } from './update';
import { resetBrowser } from '../kit/browser';

vi.mock('wxt/browser', () => import('../kit/browser'));
// WXT's virtual module, outside a WXT build: the script's main() is what the extension runs on injection.
vi.mock('#imports', () => ({ defineUnlistedScript: (main: () => void) => ({ main }) }));

const CASES = listCaseNames().map(loadCase);
const libraries: Library[] = [];

beforeEach(resetBrowser);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete (globalThis as PostclipGlobal).__postclip;
});
afterAll(() => {
  for (const library of libraries) library.close();
});

/** The page in a browser-like DOM at its URL, as the injected script sees it: `document`, `location`, `window`. */
function openPage(golden: GoldenCase): void {
  const { window } = new JSDOM(golden.html, { url: golden.meta.url });
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('location', window.location);
  // What the injected script's page fetch (utils/platform/page-fetch.ts) needs: the page's parser, and the case's
  // later pages (`meta.pages`) served as the golden runner serves them to the CLI; any other URL is a 404.
  vi.stubGlobal('DOMParser', window.DOMParser);
  vi.stubGlobal('fetch', (input: string | URL) => {
    const file = golden.meta.pages?.[String(input)];
    if (file === undefined) return Promise.resolve(new Response('', { status: 404 }));
    const body = readFileSync(join(golden.dir, file));
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/html' } }));
  });
  // The page's clock is the click's, as in a browser: the clipper's page budget (now + 7 s) is measured on it.
  vi.useFakeTimers({ now: Date.parse(golden.meta.now), toFake: ['Date'] });
}

function settingsFor(golden: GoldenCase): Settings {
  return {
    ...DEFAULT_SETTINGS,
    post: { ...DEFAULT_SETTINGS.post, timeZone: golden.meta.timeZone, ...golden.meta.postOptions },
  };
}

/** Clip script → background clipper → store → popup render, with the clock frozen at the case's `now`. */
async function clipThroughExtension(golden: GoldenCase) {
  openPage(golden);
  const library = await openLibrary(new IDBFactory());
  libraries.push(library);
  const settings = settingsFor(golden);
  const { default: clipScript } = await import('../../entrypoints/clip');
  const tab = { id: 1, url: golden.meta.url, title: document.title };
  const deps: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: () => Promise.resolve(tab),
    // `files` runs the built script's main() in the page; `func` is the clipper's own call, run as it would be there.
    executeScript: (injection) => {
      if ('files' in injection) {
        clipScript.main();
        return Promise.resolve([{ result: undefined }]);
      }
      return Promise.resolve(injection.func(injection.args[0])).then((result) => [{ result }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(settings),
    now: () => Date.parse(golden.meta.now),
  };
  const outcome = await clipActiveTab('article', deps);
  if (!outcome.ok) return outcome;
  const stored = await library.getClip(outcome.value.clip.id);
  if (!stored)
    throw new Error(`${golden.name}: the clipper reported ${outcome.value.clip.id}, the store has none`);
  return { ok: true as const, post: renderPost(stored, settings), pagesJoined: outcome.value.pagesJoined };
}

describe('golden pages through the extension (clip script → clipper → popup render)', () => {
  it.each(CASES.map((golden) => [golden.name, golden] as const))('%s', async (_name, golden) => {
    const want = golden.meta.expect;
    const result = await clipThroughExtension(golden);
    if (!want.ok) {
      expect(result.ok ? 'a post' : result.code, `${golden.name} should not clip`).toBe(want.error);
      return;
    }
    if (!result.ok) return expect.fail(`${golden.name}: expected a post, got error ${result.code}`);
    expect(result.post.filename, 'filename').toBe(want.filename);
    if (want.pagesJoined !== undefined) expect(result.pagesJoined, 'pages joined').toBe(want.pagesJoined);
    expect(result.post.content, `${golden.name}/expected.md`).toBe(golden.expectedMarkdown);
  });
});
