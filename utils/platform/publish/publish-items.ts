// Platform: which files a publish writes for each clip, and what a publish's result does to each clip's record.
// Pure code, beside the publish service; `toPublishItems` is the one place the file list is made (images join here).
import type { PublishItem, PublishReport } from '../../pure/protocol';
import type { PublishFile } from '../../pure/publish/publish-files';
import type { Post, Publication, PublishDestination, StoredClip } from '../../pure/types';
import { postsToZipFiles } from '../../pure/zip';

type Destination = Exclude<PublishDestination, 'none'>;

/**
 * Each clip's files, at the same paths as the zip export (`_posts/…`, Hugo's `content/posts/…`). A clip already
 * published to this destination keeps its earlier path, so an edit that changes its title or date updates that
 * file instead of adding a second one. `posts[i]` is `clips[i]`'s post. Images (issue 11) are added here.
 */
export function toPublishItems(
  clips: readonly StoredClip[],
  posts: readonly Post[],
  destination: Destination,
): PublishItem[] {
  const placed = postsToZipFiles([...posts]);
  return clips.map((clip, i) => {
    const earlier = clip.publication?.destination === destination ? clip.publication.path : undefined;
    const path = earlier ?? placed[i]?.path ?? posts[i]?.filename ?? '';
    return { clipId: clip.id, files: [{ path, text: posts[i]?.content ?? '' }] };
  });
}

const encoder = new TextEncoder();

/** The items' files as bytes, as both destinations take them. */
export function toPublishFiles(items: readonly PublishItem[]): PublishFile[] {
  return items.flatMap((item) => item.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })));
}

/** path → the blob id we wrote there last time, from the clips' records: the engine's `previous`. */
export function previousBlobs(clips: readonly StoredClip[]): Record<string, string> {
  const previous: Record<string, string> = {};
  for (const clip of clips) {
    const pub = clip.publication;
    if (pub?.destination === 'git' && pub.blobId !== undefined) previous[pub.path] = pub.blobId;
  }
  return previous;
}

export interface PublishResultInfo {
  destination: Destination;
  now: number;
  /** On success: path → blob id now there (Git), or just the paths written (folder). */
  written?: Record<string, string | undefined>;
  commit?: string;
  /** On failure: the publish error code, and the conflicting paths. */
  code?: string;
  conflictPaths?: readonly string[];
}

/**
 * The clips' records after a publish: `published` with the new path, blob id and commit, or `failed`/`conflict`
 * with the reason. A failed clip keeps its last good path and blob id, so the retry updates the same file.
 */
export function applyPublishResult(
  clips: readonly StoredClip[],
  items: readonly PublishItem[],
  info: PublishResultInfo,
): StoredClip[] {
  const conflicts = new Set(info.conflictPaths ?? []);
  return clips.map((clip) => {
    const path =
      items.find((item) => item.clipId === clip.id)?.files[0]?.path ?? clip.publication?.path ?? '';
    const earlier = clip.publication?.destination === info.destination ? clip.publication : undefined;
    let publication: Publication;
    if (info.written) {
      const blobId = info.written[path];
      publication = {
        destination: info.destination,
        path,
        ...(blobId === undefined ? {} : { blobId }),
        ...(info.commit ? { commit: info.commit } : {}),
        publishedAt: info.now,
        state: 'published',
      };
    } else {
      publication = {
        ...(earlier ?? { destination: info.destination, path }),
        state: conflicts.has(path) ? 'conflict' : 'failed',
        error: info.code ?? 'publish-failed',
      };
    }
    return { ...clip, publication };
  });
}

/** The report the pages get, from the clips' new records. */
export function toReport(updated: readonly StoredClip[], info: PublishResultInfo): PublishReport {
  const published = updated.filter((c) => c.publication?.state === 'published').map((c) => c.id);
  const failed = updated.filter((c) => c.publication?.state !== 'published').map((c) => c.id);
  const report: PublishReport = { published, failed };
  if (info.commit) report.commit = info.commit;
  if (info.conflictPaths) report.conflictPaths = [...info.conflictPaths];
  if (info.code !== undefined) report.code = info.code as PublishReport['code'];
  return report;
}
