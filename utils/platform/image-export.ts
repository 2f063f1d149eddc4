// Platform: the images half of a zip export. Lays out each post's kept images for its template, rewrites the post's
// links to them, and adds one stored entry per image file that reads its bytes from IndexedDB only when written.
import type { ImageLayoutKind } from '../pure/images/layout';
import { imageLayoutKindOf } from '../pure/images/layout';
import { planEachImageExport } from '../pure/images/export-plan';
import { rewriteImageLinks } from '../pure/images/rewrite';
import { hashImageBytes } from '../pure/images/hash';
import type { ImageOutcome } from '../pure/images/types';
import { chooseTemplate } from '../pure/site-rules';
import type { TemplateSettings } from '../pure/site-rules';
import type { ImageSettings, StoredClip } from '../pure/types';
import { DEFAULT_IMAGE_SETTINGS } from '../pure/types';
import type { TextZipFile, ZipFile } from '../pure/zip';
import type { StoredImage } from './library-db';

/** What the export keeps of each clip for its images (the clip itself is not held). */
export interface ClipImages {
  kind: ImageLayoutKind;
  outcomes: readonly ImageOutcome[];
}

/** The layout the clip's template implies, and its image outcomes. */
export function clipImagesOf(clip: StoredClip, settings: TemplateSettings): ClipImages {
  return {
    kind: imageLayoutKindOf(chooseTemplate(settings, clip.draft.url).template.id),
    outcomes: clip.images ?? [],
  };
}

export interface ImageSource {
  getImage(hash: string): Promise<StoredImage | undefined>;
}

/**
 * The zip's entries: each post at its planned path (a Hugo post with images becomes its bundle's index.md) with
 * its image links rewritten, then every image file once. `posts[i]` belongs to `images[i]`. A file the store lost
 * since the clip (it should not) makes the export fail rather than write a post linking a missing file.
 */
export async function withImageFiles(
  posts: readonly TextZipFile[],
  images: readonly ClipImages[],
  source: ImageSource,
  settings: Partial<ImageSettings> = {},
  pause: () => Promise<void> = () => Promise.resolve(),
  sliceMs = 50,
): Promise<ZipFile[]> {
  const options = { ...DEFAULT_IMAGE_SETTINGS, ...settings };
  // Planned one post at a time, inside the slices below.
  const plans = planEachImageExport(
    posts.map((post, i) => ({
      path: post.path,
      kind: images[i]?.kind ?? 'plain',
      outcomes: images[i]?.outcomes ?? [],
    })),
    { kind: 'plain', baseurl: options.baseurl, obsidianLinks: options.obsidianLinks },
  );
  const out: ZipFile[] = [];
  const files: ZipFile[] = [];
  const written = new Set<string>();
  // Rewriting thousands of posts is done in slices, so the page stays responsive.
  let sliceStart = performance.now();
  for (const post of posts) {
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
    const next = plans.next();
    const plan = next.done ? undefined : next.value;
    if (!plan || plan.images.length === 0) {
      out.push(post);
      continue;
    }
    out.push({
      path: plan.path,
      content: rewriteImageLinks(post.content, plan.targets, { linkStyle: plan.linkStyle }),
    });
    for (const image of plan.images) {
      if (written.has(image.path)) continue;
      written.add(image.path);
      files.push({ path: image.path, load: () => readChecked(source, image.id) });
    }
  }
  return [...out, ...files];
}

async function readChecked(source: ImageSource, hash: string): Promise<Uint8Array> {
  const record = await source.getImage(hash);
  if (!record) throw new Error(`An image of the library is missing (${hash.slice(0, 12)}…).`);
  const bytes = new Uint8Array(await record.blob.arrayBuffer());
  // The name says what the file is: never write other bytes under it.
  if ((await hashImageBytes(bytes)) !== hash)
    throw new Error(`An image of the library is damaged (${hash.slice(0, 12)}…).`);
  return bytes;
}

/** Whether a clip has any kept image (a single-post download then becomes a small zip). */
export function hasKeptImages(clip: Pick<StoredClip, 'images'>): boolean {
  return (clip.images ?? []).some((image) => image.status === 'kept');
}
