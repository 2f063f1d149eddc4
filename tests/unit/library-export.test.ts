// @vitest-environment jsdom
// Export all as a stream: the same zip, byte for byte, as rendering every post first and then zipping; each clip read
// just before its entry is written (so the export never holds the library); a library that changes mid-way stops it.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { clipImagesOf, withImageFiles } from '../../utils/platform/image-export';
import type { ExportLibrary } from '../../utils/platform/library-export';
import { writeExportZip } from '../../utils/platform/library-export';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import { hashImageBytes } from '../../utils/pure/images/hash';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { findTemplate, zipFolderFor } from '../../utils/pure/presets';
import { renderClip } from '../../utils/pure/render-clip';
import type { StoredClip } from '../../utils/pure/types';
import { postsToZipFiles, writeZipInSlices } from '../../utils/pure/zip';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));
// jsdom's Blob has no arrayBuffer(); the browsers' and Node's do. The store keeps Node's here.
vi.stubGlobal('Blob', NodeBlob);

const MTIME = new Date(Date.UTC(2024, 2, 18, 9, 0, 0));
const noPause = () => Promise.resolve();
type Settings = Parameters<typeof writeExportZip>[1];

/** Distinct small "PNG" files: the signature, then `n`. */
function png(n: number): Uint8Array {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n >> 8, n & 255]);
}

/** `count` clips, every third with the same title (so names collide), each with 0-2 kept images, one shared. */
async function fillLibrary(count: number): Promise<Library> {
  const lib = await openLibrary(new IDBFactory());
  const shared = png(0);
  for (let n = 1; n <= count; n++) {
    const files = [png(n), shared].slice(0, n % 3);
    const urls = files.map((_, i) => `https://news.example/img/${n}-${i}.png`);
    const outcomes: ImageOutcome[] = [];
    const pending = [];
    for (const [i, bytes] of files.entries()) {
      const hash = await hashImageBytes(bytes);
      const url = urls[i] ?? '';
      outcomes.push({ url, originalUrl: url, status: 'kept', hash, ext: 'png', size: bytes.length });
      pending.push({ hash, bytes, type: 'png' as const, mime: 'image/png', ext: 'png' });
    }
    const markdown = [`Story number ${n}.`, ...urls.map((u) => `![pic](${u})`)].join('\n\n');
    const title = n % 3 === 0 ? 'Same title' : `Story ${n}`;
    const draft = makeDraft({ url: `https://news.example/story-${n}`, title });
    await lib.saveDraft(draft, markdown, 1000 + n, undefined, { outcomes, pending });
  }
  return lib;
}

/** The export before it was streamed: every post rendered first, then laid out and zipped. */
async function zipRenderedFirst(lib: Library, settings: Settings): Promise<Uint8Array> {
  const clips: StoredClip[] = [];
  await lib.forEachClip((clip) => void clips.push(clip));
  const posts = clips.map((clip) => renderClip(clip, settings));
  const template = findTemplate(settings.activeTemplateId, settings.templates, settings.post);
  const files = postsToZipFiles(posts, zipFolderFor(template));
  const images = clips.map((clip) => clipImagesOf(clip, settings));
  const entries = await withImageFiles(files, images, lib, settings.images);
  return collect((sink) => writeZipInSlices(entries, sink, noPause, MTIME));
}

async function collect(write: (sink: (chunk: Uint8Array) => void) => Promise<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await write((chunk) => chunks.push(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

function streamed(lib: ExportLibrary, settings: Settings, sink: (chunk: Uint8Array) => void) {
  return writeExportZip(lib, settings, 'all', () => {}, {
    sink,
    pause: noPause,
    sliceMs: 40,
    progressMs: 150,
    mtime: MTIME,
  });
}

/** The library, counting the clips handed to the export. */
function counting(lib: Library): { lib: ExportLibrary; reads: () => number } {
  let reads = 0;
  return {
    lib: {
      count: () => lib.count(),
      getClips: (ids) => lib.getClips(ids),
      getImage: (hash) => lib.getImage(hash),
      forEachClip: (fn) =>
        lib.forEachClip((clip) => {
          reads += 1;
          return fn(clip);
        }),
    },
    reads: () => reads,
  };
}

// A zip's local file header: each entry's first bytes, handed to the sink before the entry's data.
const isEntryHeader = (chunk: Uint8Array) =>
  chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04;

describe('writeExportZip', () => {
  it.each(['jekyll', 'hugo-yaml', 'obsidian'])(
    'writes the same zip as rendering every post first (%s)',
    async (id) => {
      const lib = await fillLibrary(30);
      const settings: Settings = {
        ...DEFAULT_SETTINGS,
        activeTemplateId: id,
        images: { keep: true, baseurl: '/blog', obsidianLinks: 'embed' },
      };
      const before = await zipRenderedFirst(lib, settings);
      let result: Awaited<ReturnType<typeof writeExportZip>> | undefined;
      const after = await collect(async (sink) => (result = await streamed(lib, settings, sink)));
      expect(result).toEqual({ ok: true, value: 30 });
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
      // And it is a real zip: 30 posts and the 30 clips' images (two shared files inside one post count once).
      const names = Object.keys(unzipSync(after));
      expect(names.filter((name) => name.endsWith('.md'))).toHaveLength(30);
      expect(names.filter((name) => name.endsWith('.png'))).toHaveLength(10 + 2 * 10);
    },
  );

  it('reads each clip again just before its entry is written: never the library at once', async () => {
    const clips = 25;
    const { lib, reads } = counting(await fillLibrary(clips));
    const readsAtEntry: number[] = [];
    const zip = await collect((sink) =>
      streamed(lib, DEFAULT_SETTINGS, (chunk) => {
        if (isEntryHeader(chunk)) readsAtEntry.push(reads());
        sink(chunk);
      }),
    );
    // First read: every clip once (names and image folders must be unique across the export). Second read: the
    // k-th post entry comes right after the k-th clip is read, and the image files need no clip at all.
    const posts = readsAtEntry.slice(0, clips);
    expect(posts).toEqual(Array.from({ length: clips }, (_, k) => clips + k + 1));
    expect(readsAtEntry.slice(clips).every((n) => n === 2 * clips)).toBe(true);
    expect(readsAtEntry.length).toBe(Object.keys(unzipSync(zip)).length);
  });

  it('stops, rather than write a zip that lacks a clip, when the library changes between its two reads', async () => {
    const base = await fillLibrary(5);
    let passes = 0;
    const lib: ExportLibrary = {
      count: () => base.count(),
      getClips: (ids) => base.getClips(ids),
      getImage: (hash) => base.getImage(hash),
      forEachClip: (fn) => {
        passes += 1;
        const skip = passes === 2;
        return base.forEachClip((clip) => (skip && clip.draft.title === 'Same title' ? undefined : fn(clip)));
      },
    };
    const result = await streamed(lib, DEFAULT_SETTINGS, () => {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toMatch(/library changed/);
  });

  it('renders a selection in the order given, reading it a page at a time', async () => {
    const base = await fillLibrary(3);
    const ids: string[] = [];
    await base.forEachClip((clip) => void ids.push(clip.id));
    const asked: string[][] = [];
    const lib: ExportLibrary = {
      ...counting(base).lib,
      getClips: (some) => {
        asked.push(some);
        return base.getClips(some);
      },
    };
    const order = [ids[2] ?? '', ids[0] ?? ''];
    const zip = await collect((sink) =>
      writeExportZip(lib, DEFAULT_SETTINGS, order, () => {}, {
        sink,
        pause: noPause,
        sliceMs: 40,
        progressMs: 150,
        mtime: MTIME,
      }),
    );
    const posts = Object.entries(unzipSync(zip)).filter(([name]) => name.endsWith('.md'));
    expect(posts.map(([, bytes]) => /Story number (\d+)/.exec(strFromU8(bytes))?.[1])).toEqual(['1', '3']);
    expect(asked).toEqual([order, order]);
  });
});
