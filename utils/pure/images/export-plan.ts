// Pure: an export's image plan: where each post and each kept image goes, and which Markdown links point where.
// The zip export (later) and the CLI's --images share it, so both lay out and rewrite alike.
import type { ImageLayoutKind, ImageLayoutOptions, PlacedPost } from './layout';
import { placeImages } from './layout';
import type { ImageOutcome } from './types';

export interface PostImages {
  /** The post's archive path, as postsToZipFiles gives it. */
  path: string;
  /** The post's layout when its template differs from the export's. */
  kind?: ImageLayoutKind;
  /** What happened to each of its images at clip time (kept images carry their hash and extension). */
  outcomes: readonly ImageOutcome[];
}

export interface PlannedPost extends PlacedPost {
  /** Markdown destination as stored → the link to write there; images that stayed remote are absent. */
  targets: Map<string, string>;
}

/**
 * Lays out every post's kept images (one file per distinct hash per post) and maps each stored Markdown URL to its
 * new link, ready for rewriteImageLinks(markdown, plan.targets, { linkStyle: plan.linkStyle }).
 */
export function planImageExport(posts: readonly PostImages[], options: ImageLayoutOptions): PlannedPost[] {
  return [...planEachImageExport(posts, options)];
}

/** planImageExport one post at a time, in order (see placeImages), so a large export can pause between posts. */
export function* planEachImageExport(
  posts: readonly PostImages[],
  options: ImageLayoutOptions,
): Generator<PlannedPost, void, undefined> {
  const placed = placeImages(
    posts.map((post) => ({
      path: post.path,
      ...(post.kind ? { kind: post.kind } : {}),
      images: post.outcomes.flatMap((o) => (o.status === 'kept' ? [{ id: o.hash, ext: o.ext }] : [])),
    })),
    options,
  );
  let i = 0;
  for (const place of placed) {
    const links = new Map(place.images.map((image) => [image.id, image.link]));
    const targets = new Map<string, string>();
    for (const outcome of posts[i]?.outcomes ?? []) {
      if (outcome.status !== 'kept' || outcome.originalUrl === null) continue;
      const link = links.get(outcome.hash);
      if (link !== undefined) targets.set(outcome.originalUrl, link);
    }
    i += 1;
    yield { ...place, targets };
  }
}
