// The popup's "already in your library" lookup and the save must key a page alike. A page with og:url and no
// link[rel=canonical] was saved under og:url but looked up under its own URL, so it never showed as saved.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInjectedApi } from '../../entrypoints/clip/injected-api';
import type { ClipperDeps } from '../../utils/platform/clipper';
import { clipActiveTab, probeActiveTab } from '../../utils/platform/clipper';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import { pageKeyOf } from '../../utils/pure/clip-key';
import type { PostclipGlobal } from '../../utils/pure/protocol';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PAGE_URL = 'https://news.example/2024/03/18/tidal.html?utm_source=feed';
const OG_URL = 'https://news.example/2024/03/18/tidal.html';
const PARAGRAPH =
  'The town council met on Tuesday to discuss the new harbour wall, which engineers say will protect the old quarter from winter storms for decades to come.';

function pageHtml(head: string): string {
  return `<!doctype html><html lang="en"><head><title>Tidal power</title>${head}</head><body><article>
    <h1>Harbour city opens its first tidal power station</h1>
    ${`<p>${PARAGRAPH}</p>`.repeat(8)}
  </article></body></html>`;
}

const libraries: Library[] = [];

afterEach(() => {
  delete (globalThis as PostclipGlobal).__postclip;
  for (const library of libraries.splice(0)) library.close();
});

/** The clipper against the real injected API, running on a parsed page. */
async function clipAndProbe(
  html: string,
): Promise<{ savedClipId: string | null; clipId: string; library: Library }> {
  const doc = new JSDOM(html, { url: PAGE_URL }).window.document;
  const api = createInjectedApi(doc, () => PAGE_URL);
  const library = await openLibrary(new IDBFactory());
  libraries.push(library);
  const tab = { id: 3, url: PAGE_URL, title: 'Tidal power' };
  const deps: ClipperDeps = {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: () => Promise.resolve(tab),
    executeScript: (injection) => {
      if ('files' in injection) {
        (globalThis as PostclipGlobal).__postclip = api;
        return Promise.resolve([{ result: undefined }]);
      }
      // As the browser does, a Promise the injected function returns is awaited.
      return Promise.resolve(injection.func(injection.args[0])).then((result) => [{ result }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => 1_710_000_000_000,
  };
  const saved = await clipActiveTab('article', deps);
  if (!saved.ok) throw new Error(`clip failed: ${saved.code}`);
  const probe = await probeActiveTab(deps);
  if (!probe.ok) throw new Error(`probe failed: ${probe.code}`);
  return { savedClipId: probe.value.savedClipId, clipId: saved.value.clip.id, library };
}

describe('already saved?', () => {
  it('recognises a page whose only canonical URL is og:url', async () => {
    const { savedClipId, clipId } = await clipAndProbe(
      pageHtml(`<meta property="og:url" content="${OG_URL}">`),
    );
    expect(savedClipId).toBe(clipId);
  });

  it('recognises a page with link[rel=canonical]', async () => {
    const { savedClipId, clipId } = await clipAndProbe(pageHtml(`<link rel="canonical" href="${OG_URL}">`));
    expect(savedClipId).toBe(clipId);
  });

  it('saves the draft and its Markdown without the article HTML and plain text (issue 13)', async () => {
    const { clipId, library } = await clipAndProbe(pageHtml(''));
    const stored = await library.getClip(clipId);
    expect(stored?.markdown).toContain('harbour wall');
    expect(stored?.draft.url).toBe(PAGE_URL);
    expect(stored?.draft).not.toHaveProperty('contentHtml');
    expect(stored?.draft).not.toHaveProperty('textContent');
  });

  it('recognises a page with no canonical URL at all', async () => {
    const { savedClipId, clipId } = await clipAndProbe(pageHtml(''));
    expect(savedClipId).toBe(clipId);
  });

  it('probes the same canonical URL the clip saves under', async () => {
    const doc = new JSDOM(pageHtml(`<meta property="og:url" content="${OG_URL}#top">`), { url: PAGE_URL })
      .window.document;
    const api = createInjectedApi(doc, () => PAGE_URL);
    const clip = await api.clip({ mode: 'article', now: 0, style: DEFAULT_SETTINGS.markdown });
    if (!clip.ok) throw new Error(clip.code);
    expect(api.probe().canonical).toBe(OG_URL);
    expect(pageKeyOf(api.probe())).toBe(pageKeyOf(clip.value.draft));
  });
});
