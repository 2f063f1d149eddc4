// @vitest-environment jsdom
// The services the popup and options pages hand their components, over a real (fake-indexeddb) store.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseMessage } from '../../utils/platform/messages';
import { createOptionsServices, createPopupServices } from '../../utils/platform/page-services';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import { toLocalDay } from '../../utils/pure/dates';
import type { ClipDraft } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

function makeDraft(n: number): ClipDraft {
  return {
    url: `https://news.example/services-${n}`,
    canonical: null,
    title: `Services story ${n}`,
    byline: null,
    siteName: 'Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: ['harbour'],
    published: null,
    modified: null,
    contentHtml: `<p>Body ${n}</p>`,
    textContent: `Body ${n}`,
    kind: 'article',
  };
}

beforeEach(() => fakeBrowser.reset());

describe('popup services', () => {
  it('list, filter, edit and delete clips as Results, never throwing', async () => {
    const lib = await openLibrary();
    const saved = [];
    for (let i = 0; i < 3; i++) saved.push((await lib.saveDraft(makeDraft(i), `Body ${i}`, 10_000 + i)).clip);
    const services = createPopupServices();

    const page = await services.listSummaries({ limit: 2 });
    expect(page.ok && page.value.items.map((s) => s.title)).toEqual(['Services story 2', 'Services story 1']);

    const edited = await services.updateEdits(saved[0]?.id ?? '', { tags: ['edited-tag'] });
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    expect(edited.value.clip.edits.tags).toEqual(['edited-tag']);

    const missing = await services.openClip('no-such-id');
    expect(missing).toMatchObject({ ok: false, code: 'not-found' });

    const deleted = await services.deleteClips([saved[1]?.id ?? '']);
    expect(deleted.ok && deleted.value.map((c) => c.id)).toEqual([saved[1]?.id]);
    const after = await services.listSummaries({ limit: 10, query: 'services' });
    expect(after.ok && after.value.items).toHaveLength(2);
    lib.close();
  });
});

describe('popup services: clip', () => {
  it('sends the probed tab id and URL with the clip, and nothing extra without them', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: false, code: 'no-active-tab' });
    });
    const services = createPopupServices();
    const target = { tabId: 7, expectedUrl: 'https://news.example/a' };
    expect(await services.clip('article', target)).toEqual({ ok: false, code: 'no-active-tab' });
    await services.clip('page');
    expect(received).toEqual([
      // On opening, the popup takes the clips the background made for auto-publishing (menu, shortcut).
      { type: 'publish-claim-pending', payload: {} },
      { type: 'clip-tab', payload: { mode: 'article', tabId: 7, expectedUrl: 'https://news.example/a' } },
      { type: 'clip-tab', payload: { mode: 'page' } },
    ]);
    // What the popup sends is what the background's message check accepts.
    expect(received.map((m) => parseMessage(m))).toEqual(received);
  });
});

describe('options services', () => {
  it('save and load settings, count clips, and refuse a broken backup without touching the library', async () => {
    const services = createOptionsServices();
    const next = { ...DEFAULT_SETTINGS, clipOnOpen: false };
    expect(await services.saveSettings(next)).toEqual({ ok: true, value: undefined });
    const loaded = await services.loadSettings();
    expect(loaded.ok && loaded.value.clipOnOpen).toBe(false);

    const before = await services.countClips();
    expect(await services.restore('{"format": "something else"}')).toMatchObject({
      ok: false,
      code: 'invalid-backup',
    });
    expect(await services.countClips()).toEqual(before);
  });
});

describe('toLocalDay', () => {
  it('names the day in the runtime zone', () => {
    const now = new Date(2024, 0, 5, 23, 30);
    expect(toLocalDay(now)).toBe('2024-01-05');
  });
});
