// Platform: Export all as a stream. Every post is rendered as its zip entry is written and each image is read as
// its entry is written, so a library of any size costs about one post and one image at a time, not the library.
// Two reads of the library: entry paths must be unique across the whole export (names, Hugo bundles, image
// folders), so the first read keeps only what fixes the paths; the second renders and writes.
import type { ExportTarget, ProgressFn } from '../pure/page-api';
import { imageTargets } from '../pure/images/export-plan';
import type { ImageLayoutKind, ImageToPlace, PlacedPost } from '../pure/images/layout';
import { placeImages } from '../pure/images/layout';
import { rewriteImageLinks } from '../pure/images/rewrite';
import { findTemplate, zipFolderFor } from '../pure/presets';
import type { RenderSettings } from '../pure/render-clip';
import { renderClip } from '../pure/render-clip';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { ImageSettings, StoredClip } from '../pure/types';
import { DEFAULT_IMAGE_SETTINGS } from '../pure/types';
import { createZipWriter, postsToZipFiles } from '../pure/zip';
import { clipImagesOf, readChecked } from './image-export';
import type { Library } from './store';

/** What the export reads of the library. */
export type ExportLibrary = Pick<Library, 'count' | 'forEachClip' | 'getClips' | 'getImage'>;

/** Clips asked for at once when the export names its clips (a selection). */
export const EXPORT_PAGE = 200;

export interface ExportZipOptions {
  sink: (chunk: Uint8Array) => void;
  /** Lets the page paint and handle input. */
  pause: () => Promise<void>;
  /** How long to work between pauses. */
  sliceMs: number;
  /** How long to work between progress reports. */
  progressMs: number;
  mtime: Date;
}

/** What the first read keeps of a clip: a few short strings, never its text. */
interface PlannedClip {
  id: string;
  filename: string;
  kind: ImageLayoutKind;
  images: readonly ImageToPlace[];
}

const NO_IMAGES: readonly ImageToPlace[] = [];

class LibraryChanged extends Error {}

/** Every target clip in order, read a page at a time: never the whole library at once. */
async function eachClip(
  lib: ExportLibrary,
  target: ExportTarget,
  fn: (clip: StoredClip) => Promise<void>,
): Promise<void> {
  if (target === 'all') {
    await lib.forEachClip(fn);
    return;
  }
  for (let at = 0; at < target.length; at += EXPORT_PAGE) {
    for (const clip of await lib.getClips(target.slice(at, at + EXPORT_PAGE))) await fn(clip);
  }
}

/**
 * Writes the zip of every target clip's post (rendered with the current settings) and its kept images, laid out
 * for their templates, into `options.sink`: posts first, in library order, then the image files. The same entries,
 * bytes and order as rendering every post first and zipping them (withImageFiles + writeZipInSlices). Resolves to
 * the number of posts; with none, nothing is written. A clip added or removed between the two reads stops the
 * export rather than write a zip that lacks it.
 */
export async function writeExportZip(
  lib: ExportLibrary,
  settings: RenderSettings & { images?: ImageSettings },
  target: ExportTarget,
  onProgress: ProgressFn,
  options: ExportZipOptions,
): Promise<Result<number>> {
  const { pause, sliceMs, progressMs } = options;
  const total = target === 'all' ? await lib.count() : target.length;
  let lastPause = performance.now();
  let lastProgress = lastPause;
  // Each clip is read twice: progress counts both reads, in clips.
  let steps = 0;
  const step = async (): Promise<void> => {
    steps += 1;
    const now = performance.now();
    if (now - lastProgress >= progressMs) {
      onProgress(Math.floor(steps / 2), total);
      lastProgress = now;
    }
    if (now - lastPause >= sliceMs) {
      await pause();
      lastPause = performance.now();
    }
  };

  onProgress(0, total);
  const planned: PlannedClip[] = [];
  await eachClip(lib, target, async (clip) => {
    const { kind, outcomes } = clipImagesOf(clip, settings);
    const images = outcomes.flatMap((o) => (o.status === 'kept' ? [{ id: o.hash, ext: o.ext }] : []));
    const { filename } = renderClip(clip, settings);
    planned.push({ id: clip.id, filename, kind, images: images.length === 0 ? NO_IMAGES : images });
    await step();
  });
  if (planned.length === 0) {
    onProgress(0, 0);
    return ok(0);
  }

  const template = findTemplate(settings.activeTemplateId, settings.templates, settings.post);
  const paths = postsToZipFiles(
    planned.map((clip) => ({ filename: clip.filename, content: '' })),
    zipFolderFor(template),
  ).map((file) => file.path);
  // Never a zip that silently lacks a clip: one unique entry per clip read.
  const names = new Set(paths.map((path) => path.toLowerCase()));
  if (names.size !== planned.length) {
    return fail('unknown', `Export stopped: ${planned.length} clips read, ${names.size} files.`);
  }
  const imageOptions = { ...DEFAULT_IMAGE_SETTINGS, ...settings.images };
  const place = (): Generator<PlacedPost, void, undefined> =>
    placeImages(
      planned.map((clip, i) => ({ path: paths[i] ?? '', kind: clip.kind, images: clip.images })),
      { kind: 'plain', baseurl: imageOptions.baseurl, obsidianLinks: imageOptions.obsidianLinks },
    );

  const zip = createZipWriter(options.sink, pause, options.mtime, sliceMs);
  let written = 0;
  try {
    await pause();
    // Dropped once the posts are written: its taken-paths table is as large as the export's entry list.
    let placements: Generator<PlacedPost, void, undefined> | null = place();
    await eachClip(lib, target, async (clip) => {
      const plannedClip = planned[written];
      const placed = placements?.next() ?? { done: true, value: undefined };
      if (plannedClip?.id !== clip.id || placed.done) throw new LibraryChanged();
      const { content } = renderClip(clip, settings);
      const plan = placed.value;
      await zip.add(
        plan.images.length === 0
          ? { path: paths[written] ?? plan.path, content }
          : {
              path: plan.path,
              content: rewriteImageLinks(content, imageTargets(plan, clip.images ?? []), {
                linkStyle: plan.linkStyle,
              }),
            },
      );
      written += 1;
      await step();
    });
    placements = null;
    if (written !== planned.length) throw new LibraryChanged();
    // The image files, placed again from the kept hashes rather than remembered: one post's worth at a time.
    for (const plan of place()) {
      for (const image of plan.images) {
        await zip.add({ path: image.path, load: () => readChecked(lib, image.id) });
      }
    }
    zip.finish();
  } catch (error) {
    if (error instanceof LibraryChanged) {
      return fail('unknown', `Export stopped: the library changed while it was written (${written} clips).`);
    }
    throw error;
  }
  onProgress(planned.length, planned.length);
  return ok(planned.length);
}
