// @vitest-environment jsdom
// Export all with kept images: every image file in the zip has the stored bytes, stored once per post layout, and
// every image link in a post resolves to a file in the zip; a remote image keeps its URL.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { hasKeptImages, withImageFiles } from '../../utils/platform/image-export';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import { hashImageBytes } from '../../utils/pure/images/hash';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));
const downloaded: Uint8Array[] = [];
const downloadedNames: string[] = [];
vi.mock('../../utils/platform/downloads', () => ({
  downloadZipBlob: async (blob: Blob, filename: string) => {
    downloaded.push(new Uint8Array(await blob.arrayBuffer()));
    downloadedNames.push(filename);
    return { ok: true, value: undefined };
  },
}));

// jsdom's Blob has no arrayBuffer(); the browsers' and Node's do. The store keeps Node's here.
vi.stubGlobal('Blob', NodeBlob);

const { exportPostZip, exportZip } = await import('../../utils/platform/post-rendering');

/** A small PNG: the real signature, then `n` so each file differs. */
function png(n: number): Uint8Array {
  return new Uint8Array([
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

async function saveWithImages(lib: Awaited<ReturnType<typeof openLibrary>>, n: number, files: Uint8Array[]) {
  const urls = files.map((_, i) => `https://news.example/img/${n}-${i}.png`);
  const html =
    urls.map((u) => `<p><img src="${u}" alt="pic"></p>`).join('') +
    '<p><img src="https://cdn.other/x.jpg"></p>';
  const markdown = [...urls.map((u) => `![pic](${u})`), '![](https://cdn.other/x.jpg)'].join('\n\n');
  const outcomes: ImageOutcome[] = [];
  const pending = [];
  for (const [i, bytes] of files.entries()) {
    const hash = await hashImageBytes(bytes);
    outcomes.push({
      url: urls[i] ?? '',
      originalUrl: urls[i] ?? '',
      status: 'kept',
      hash,
      ext: 'png',
      size: bytes.length,
    });
    pending.push({ hash, bytes, type: 'png' as const, mime: 'image/png', ext: 'png' });
  }
  outcomes.push({
    url: 'https://cdn.other/x.jpg',
    originalUrl: 'https://cdn.other/x.jpg',
    status: 'remote',
    reason: 'no-permission',
  });
  const draft = makeDraft({ url: `https://news.example/story-${n}`, title: `Story ${n}`, contentHtml: html });
  return lib.saveDraft(draft, markdown, 1000 + n, undefined, { outcomes, pending });
}

function imageLinks(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

describe('export with images', () => {
  it('Jekyll: files under assets/images with the right bytes, and every local link resolves', async () => {
    const lib = await openLibrary(new IDBFactory());
    const shared = png(9);
    await saveWithImages(lib, 1, [png(1), shared]);
    await saveWithImages(lib, 2, [shared]);
    const result = await exportZip(
      lib,
      { ...DEFAULT_SETTINGS, images: { keep: true, baseurl: '/blog', obsidianLinks: 'embed' } },
      'all',
      () => {},
    );
    expect(result).toEqual({ ok: true, value: 2 });
    const zip = unzipSync(downloaded.at(-1) ?? new Uint8Array());
    const posts = Object.keys(zip).filter((name) => name.endsWith('.md'));
    const files = Object.keys(zip).filter((name) => name.endsWith('.png'));
    expect(posts).toHaveLength(2);
    expect(files).toHaveLength(3);
    expect(files.every((name) => name.startsWith('assets/images/'))).toBe(true);
    const stored = new Set([png(1), shared].map((b) => b.join(',')));
    for (const name of files) expect(stored.has(Array.from(zip[name] ?? []).join(','))).toBe(true);
    for (const name of posts) {
      const links = imageLinks(strFromU8(zip[name] ?? new Uint8Array()));
      expect(links).toContain('https://cdn.other/x.jpg');
      const local = links.filter((link) => !link.startsWith('https://'));
      expect(local.length).toBeGreaterThan(0);
      for (const link of local) {
        expect(link.startsWith('/blog/assets/images/')).toBe(true);
        expect(zip[decodeURIComponent(link.slice('/blog/'.length))]).toBeDefined();
      }
    }
  });

  it('Hugo: a post with images becomes a page bundle with its images beside index.md', async () => {
    const lib = await openLibrary(new IDBFactory());
    await saveWithImages(lib, 1, [png(1)]);
    const result = await exportZip(
      lib,
      { ...DEFAULT_SETTINGS, activeTemplateId: 'hugo-yaml' },
      'all',
      () => {},
    );
    expect(result.ok).toBe(true);
    const zip = unzipSync(downloaded.at(-1) ?? new Uint8Array());
    const post = Object.keys(zip).find((name) => name.endsWith('/index.md'));
    if (!post) throw new Error(`no bundle in ${Object.keys(zip).join(', ')}`);
    const dir = post.slice(0, -'index.md'.length);
    const local = imageLinks(strFromU8(zip[post] ?? new Uint8Array())).filter(
      (l) => !l.startsWith('https://'),
    );
    expect(local).toHaveLength(1);
    expect(Array.from(zip[dir + decodeURIComponent(local[0] ?? '')] ?? [])).toEqual(Array.from(png(1)));
  });

  it('a file missing from the store fails the export instead of writing a broken link', async () => {
    const posts = [{ path: '_posts/a.md', content: '![](https://x.test/a.png)' }];
    const outcome: ImageOutcome = {
      url: 'https://x.test/a.png',
      originalUrl: 'https://x.test/a.png',
      status: 'kept',
      hash: 'f'.repeat(64),
      ext: 'png',
      size: 3,
    };
    const files = await withImageFiles(posts, [{ kind: 'jekyll', outcomes: [outcome] }], {
      getImage: () => Promise.resolve(undefined),
    });
    const image = files.find((f) => !('content' in f));
    if (!image || 'content' in image) throw new Error('no image entry');
    await expect(Promise.resolve().then(() => image.load())).rejects.toThrow(/missing/);
    expect(hasKeptImages({ images: [outcome] })).toBe(true);
    expect(hasKeptImages({})).toBe(false);
  });

  it('a single post with images downloads as a small zip: that post and only its images, named after it', async () => {
    const lib = await openLibrary(new IDBFactory());
    await saveWithImages(lib, 1, [png(1)]);
    const { clip } = await saveWithImages(lib, 2, [png(2), png(3)]);
    const result = await exportPostZip(lib, DEFAULT_SETTINGS, clip.id);
    expect(result).toEqual({ ok: true, value: undefined });
    const zip = unzipSync(downloaded.at(-1) ?? new Uint8Array());
    const names = Object.keys(zip);
    const posts = names.filter((n) => n.endsWith('.md'));
    expect(posts).toHaveLength(1);
    const post = posts[0] ?? '';
    expect(downloadedNames.at(-1)).toBe(`${post.slice(post.lastIndexOf('/') + 1, -3)}.zip`);
    const images = names.filter((n) => !n.endsWith('.md'));
    expect(images.map((n) => zip[n]?.at(-1)).sort()).toEqual([2, 3]);
    for (const link of imageLinks(strFromU8(zip[post] ?? new Uint8Array())).filter(
      (l) => !l.startsWith('http'),
    ))
      expect(zip[link.replace(/^\//, '')], link).toBeDefined();
    expect(await exportPostZip(lib, DEFAULT_SETTINGS, 'gone')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
