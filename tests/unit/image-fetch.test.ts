// A clip's images before saving: same-origin from the page, other sites only where granted, real type checked,
// caps applied, equal files kept once, and a failed image never fails the rest.
import { describe, expect, it, vi } from 'vitest';
import type { FetchReply, ImageFetchDeps } from '../../utils/platform/image-fetch';
import { fromBase64, keepClipImages, originPatternOf } from '../../utils/platform/image-fetch';
import { readImageReply } from '../../utils/platform/clipper';
import type { ArticleImage } from '../../utils/pure/images/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PAGE = 'https://news.example/story';
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1,
]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');

function img(url: string): ArticleImage {
  return { url, alt: '', originalUrl: url };
}

function makeDeps(files: Record<string, Uint8Array>, granted: string[] = []) {
  const calls: string[] = [];
  const serve =
    (via: string) =>
    (url: string, limit: number): Promise<FetchReply> => {
      calls.push(`${via} ${url}`);
      const bytes = files[url];
      if (!bytes) return Promise.resolve({ ok: false, reason: 'fetch-failed' });
      return Promise.resolve(
        bytes.length > limit ? { ok: false, reason: 'image-too-large' } : { ok: true, bytes },
      );
    };
  const deps: ImageFetchDeps = {
    fetchInPage: serve('page'),
    fetchDirect: serve('direct'),
    hasOrigins: (patterns) => Promise.resolve(patterns.every((p) => granted.includes(p))),
    now: () => 0,
  };
  return { deps, calls };
}

describe('keepClipImages', () => {
  it('fetches same-origin images in the page and other sites only with their permission', async () => {
    const { deps, calls } = makeDeps(
      {
        'https://news.example/a.png': PNG,
        'https://cdn.example/b.jpg': JPEG,
        'https://granted.example/c.jpg': JPEG,
      },
      ['https://granted.example/*'],
    );
    const kept = await keepClipImages(
      [
        img('https://news.example/a.png'),
        img('https://cdn.example/b.jpg'),
        img('https://granted.example/c.jpg'),
      ],
      PAGE,
      deps,
      60_000,
    );
    expect(kept.outcomes.map((o) => (o.status === 'kept' ? o.ext : o.reason))).toEqual([
      'png',
      'no-permission',
      'jpg',
    ]);
    expect(calls).toEqual(['page https://news.example/a.png', 'direct https://granted.example/c.jpg']);
    expect(kept.missingOrigins).toEqual(['https://cdn.example/*']);
    // Same bytes twice (PNG once, JPEG from granted): two distinct files.
    expect(kept.pending.map((p) => p.type)).toEqual(['png', 'jpeg']);
  });

  it('refuses SVG and HTML by their bytes, keeps one file for equal bytes, and applies the caps', async () => {
    const big = new Uint8Array(80).fill(7);
    big.set(PNG);
    const { deps } = makeDeps({
      'https://news.example/x.jpg': SVG,
      'https://news.example/p1.png': PNG,
      'https://news.example/p2.png': PNG,
      'https://news.example/big.png': big,
    });
    const kept = await keepClipImages(
      ['x.jpg', 'p1.png', 'p2.png', 'big.png', 'gone.png'].map((n) => img(`https://news.example/${n}`)),
      PAGE,
      deps,
      60_000,
      { perImage: 60, perClip: 100 },
    );
    expect(kept.outcomes.map((o) => (o.status === 'kept' ? 'kept' : o.reason))).toEqual([
      'svg',
      'kept',
      'kept',
      'image-too-large',
      'fetch-failed',
    ]);
    expect(kept.pending).toHaveLength(1);
  });

  it('past the deadline, the remaining images stay remote instead of holding the clip', async () => {
    const { deps, calls } = makeDeps({ 'https://news.example/a.png': PNG });
    const kept = await keepClipImages(
      [img('https://news.example/a.png')],
      PAGE,
      { ...deps, now: () => 10_000 },
      10_100,
    );
    expect(kept.outcomes[0]).toMatchObject({ status: 'remote', reason: 'fetch-failed' });
    expect(calls).toEqual([]);
  });

  it('decodes data: images without any fetch', async () => {
    const { deps, calls } = makeDeps({});
    const url = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`;
    const kept = await keepClipImages([img(url)], PAGE, deps, 60_000);
    expect(kept.outcomes[0]).toMatchObject({ status: 'kept', ext: 'png' });
    expect(calls).toEqual([]);
  });
});

describe('helpers', () => {
  it('originPatternOf gives one host pattern, or null for what no permission covers', () => {
    expect(originPatternOf('https://img.cdn.example:8443/a/b.jpg?x')).toBe('https://img.cdn.example/*');
    expect(originPatternOf('data:image/png;base64,AA')).toBeNull();
    expect(originPatternOf('not a url')).toBeNull();
  });

  it('readImageReply checks what the page sent back', () => {
    const data = Buffer.from(PNG).toString('base64');
    expect(readImageReply({ ok: true, data }, 100)).toEqual({ ok: true, bytes: fromBase64(data) });
    expect(readImageReply({ ok: true, data }, 4)).toEqual({ ok: false, reason: 'image-too-large' });
    expect(readImageReply({ ok: false, reason: 'no-permission' }, 100)).toEqual({
      ok: false,
      reason: 'fetch-failed',
    });
    expect(readImageReply('junk', 100)).toEqual({ ok: false, reason: 'fetch-failed' });
  });
});
