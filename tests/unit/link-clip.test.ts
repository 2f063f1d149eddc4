import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { clipFetchedDocument } from '../../utils/dom/clip-fetched';
import type { LinkClipDeps } from '../../utils/platform/link-clip';
import { clipLink } from '../../utils/platform/link-clip';
import { createLinkClipDeps } from '../../utils/platform/link-clip-deps';
import type { ClipperDeps } from '../../utils/platform/clipper';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import { LINK_NO_PERMISSION, LINK_PARSE_TARGET, isLinkParseRequest } from '../../utils/pure/link-clip';
import { ok } from '../../utils/pure/result';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const URL_ = 'https://news.example/2024/ferry';
const PARAS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>渡轮新航线 ${i}：港务局周二同意开通横跨海湾的第二条渡轮航线，高峰时段每二十分钟一班，学生和老人票价更低，居民说通勤时间将减半。</p>`,
).join('');
const PAGE = `<html lang="zh-CN"><head><meta charset="gbk"><title>港务局开通第二条渡轮航线</title></head><body><article><h1>港务局开通第二条渡轮航线</h1>${PARAS}</article></body></html>`;

/** The page as a GBK server sends it: TextEncoder knows only UTF-8, so the bytes come from a GBK decoder's inverse. */
function gbkBytes(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    // Find the two-byte GB18030 code of `ch` (all these characters are in the two-byte range).
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++)
      for (let lo = 0x40; lo <= 0xfe && !found; lo++)
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
        }
    if (!found) throw new Error(`no GB18030 code for ${ch}`);
  }
  return new Uint8Array(out);
}

async function makeDeps(overrides: Partial<LinkClipDeps> = {}) {
  const library = await openLibrary(new IDBFactory());
  const parsed: string[] = [];
  const deps: LinkClipDeps = {
    fetchPage: () => Promise.resolve(ok({ bytes: gbkBytes(PAGE), contentType: 'text/html', url: URL_ })),
    parseAndClip: (html, url, options) => {
      parsed.push(html);
      const { window } = new JSDOM('', { url: 'chrome-extension://abc/link-parser.html' });
      return Promise.resolve(
        clipFetchedDocument(new window.DOMParser().parseFromString(html, 'text/html'), url, options),
      );
    },
    getLibrary: () => Promise.resolve(library),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => Date.parse('2024-04-01T00:00:00Z'),
    ...overrides,
  };
  return { deps, library, parsed };
}

describe('clipLink', () => {
  it('fetches, decodes by the page’s <meta charset>, clips and saves the link into the library', async () => {
    const { deps, library, parsed } = await makeDeps();
    const result = await clipLink(URL_, Promise.resolve(true), deps);
    if (!result.ok) throw new Error(`${result.code} ${result.detail ?? ''}`);
    expect(result.value.clip.title).toBe('港务局开通第二条渡轮航线');
    expect(parsed[0]).toContain('渡轮新航线 0');
    const saved = await library.getClip(result.value.clip.id);
    expect(saved?.draft.title).toBe('港务局开通第二条渡轮航线');
    expect(saved?.markdown).toContain('渡轮新航线 5');
  });

  it('declined: nothing is fetched, and the failure names the permission', async () => {
    const fetchPage = vi.fn();
    const { deps } = await makeDeps({ fetchPage });
    expect(await clipLink(URL_, Promise.resolve(false), deps)).toEqual({
      ok: false,
      code: 'injection-failed',
      detail: LINK_NO_PERMISSION,
    });
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('refuses a link that is not a web page, and a response that is not HTML', async () => {
    const { deps } = await makeDeps();
    expect(await clipLink('javascript:alert(1)', Promise.resolve(true), deps)).toMatchObject({
      ok: false,
      code: 'restricted-page',
    });
    const pdf = await makeDeps({
      fetchPage: () =>
        Promise.resolve(ok({ bytes: new Uint8Array([37, 80]), contentType: 'application/pdf', url: URL_ })),
    });
    expect(await clipLink(URL_, Promise.resolve(true), pdf.deps)).toMatchObject({
      ok: false,
      code: 'not-an-article',
    });
  });

  it('checks what the parser page answers before saving anything', async () => {
    const { deps } = await makeDeps({ parseAndClip: () => Promise.resolve({ ok: true, value: 'junk' }) });
    expect(await clipLink(URL_, Promise.resolve(true), deps)).toMatchObject({
      ok: false,
      code: 'invalid-message',
    });
  });

  it('the browser deps hand the clipper’s library, settings and clock through', async () => {
    const library = await openLibrary(new IDBFactory());
    const clipper = {
      getLibrary: () => Promise.resolve(library),
      loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
      now: () => 42,
    } as unknown as ClipperDeps;
    const deps = createLinkClipDeps(clipper);
    expect(deps.now()).toBe(42);
    expect(await deps.getLibrary()).toBe(library);
    expect(await deps.loadSettings()).toBe(DEFAULT_SETTINGS);
  });
});

describe('isLinkParseRequest', () => {
  it('accepts only the background’s parse requests', () => {
    const options = { mode: 'article', now: 1, style: DEFAULT_MARKDOWN_STYLE };
    expect(isLinkParseRequest({ target: LINK_PARSE_TARGET, html: '', url: URL_, options })).toBe(true);
    expect(isLinkParseRequest({ type: 'probe-tab', payload: {} })).toBe(false);
    expect(isLinkParseRequest({ target: LINK_PARSE_TARGET, html: 1, url: URL_, options })).toBe(false);
    expect(isLinkParseRequest({ target: LINK_PARSE_TARGET, html: '', url: URL_, options: {} })).toBe(false);
  });
});
