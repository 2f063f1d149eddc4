// @vitest-environment jsdom
// A full disk while a clip's images are saved: the clip is kept with its images remote, nothing of the images is
// written, and the popup says why. The store's refusal is a real QuotaExceededError from the images store.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { ImageResult } from '../../components/image-result';
import type { ClipperDeps } from '../../utils/platform/clipper';
import { clipActiveTab } from '../../utils/platform/clipper';
import type { ImageFetchDeps } from '../../utils/platform/image-fetch';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { InjectedApi, PostclipGlobal } from '../../utils/pure/protocol';
import { probeThenClip } from '../../utils/pure/probe-clip';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));
// jsdom's Blob cannot be stored by fake-indexeddb's structured clone; the browsers' and Node's can.
vi.stubGlobal('Blob', NodeBlob);

const PAGE_URL = 'https://news.example/2024/03/18/tidal.html';
const IMAGES = [1, 2].map((n) => ({ url: `https://news.example/img/${n}.png`, alt: '', originalUrl: null }));

function png(n: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    0x49,
    0x48,
    0x44,
    0x52,
    n,
  ]);
}

let library: Library;
let container: HTMLElement;
beforeEach(async () => {
  library = await openLibrary(new IDBFactory());
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as PostclipGlobal).__postclip;
  library.close();
  render(null, container);
  container.remove();
});

function makeDeps(): ClipperDeps {
  const api: InjectedApi = {
    apiVersion: INJECTED_API_VERSION,
    probe: () => ({ url: PAGE_URL, title: 'Tidal', isReaderable: true, canonical: null }),
    clip: () => ({
      ok: true,
      value: { draft: makeDraft({ url: PAGE_URL, images: IMAGES }), markdown: 'Turbines.' },
    }),
    fetchImage: () => Promise.resolve({ ok: false, reason: 'fetch-failed' }),
    probeAndClip: (opts, savedKeys) => probeThenClip(api, opts, savedKeys),
  };
  const images: ImageFetchDeps = {
    fetchInPage: (url) => Promise.resolve({ ok: true, bytes: png(Number(/(\d)\.png$/.exec(url)?.[1])) }),
    fetchDirect: () => Promise.resolve({ ok: false, reason: 'fetch-failed' }),
    hasOrigins: () => Promise.resolve(false),
    now: () => Date.now(),
  };
  const tab = { id: 7, url: PAGE_URL, title: 'Tidal' };
  return {
    queryActiveTab: () => Promise.resolve(tab),
    getTab: () => Promise.resolve(tab),
    executeScript: (injection) => {
      if ('files' in injection) {
        (globalThis as PostclipGlobal).__postclip = api;
        return Promise.resolve([{ result: undefined }]);
      }
      return Promise.resolve([{ result: injection.func(injection.args[0]) }]);
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => Date.now(),
    imageDeps: () => images,
  };
}

describe('quota while saving images', () => {
  it('keeps the clip without its images, writes none of them, and the popup says why', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key,
    ) {
      if (this.name === 'images') throw new DOMException('full', 'QuotaExceededError');
      return realPut.call(this, value, key);
    });
    const result = await clipActiveTab('article', makeDeps());
    vi.restoreAllMocks();

    if (!result.ok) throw new Error(`the clip failed: ${result.code}`);
    const report = result.value.images;
    if (!report) throw new Error('the clip reported no images');
    expect(report).toEqual({
      summary: { kept: 0, remote: 2, reasons: { 'storage-failed': 2 } },
      storageFull: true,
      missingOrigins: [],
    });
    expect(await library.count()).toBe(1);
    expect(await library.imageUsage()).toEqual({ count: 0, bytes: 0 });
    const clip = await library.getClip(result.value.clip.id);
    expect(clip?.images?.map((o) => o.status)).toEqual(['remote', 'remote']);

    const i18n = { t: (key: string, subs: string[] = []) => [key, ...subs].join('|'), describeError: String };
    render(
      <I18nContext.Provider value={i18n}>
        <ImageResult report={report} isDeclined={false} isBusy={false} onAllow={() => {}} />
      </I18nContext.Provider>,
      container,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('imagesKept|0');
    expect(text).toContain('imagesRemote|2|2 imagesReasonStorage');
    expect(text).toContain('imagesStorageFull');
  });
});
