// Platform: which files a publish writes for each clip, and what a publish's result does to each clip's record.
// Pure code, beside the publish service; `toPublishItems` is the one place the file list is made (images join here).
import type { PublishItem, PublishReport } from '../../pure/protocol';
import type { PublishFile } from '../../pure/publish/publish-files';
import type {
  Post,
  Publication,
  PublishDestination,
  PublishedPlace,
  PublishSettings,
  StoredClip,
} from '../../pure/types';
import { postsToZipFiles } from '../../pure/zip';

type Destination = Exclude<PublishDestination, 'none'>;

/**
 * The key a clip's place is remembered under: the repository URL and branch (`git https://…/site.git#main`), or
 * `folder`. Another repository (or branch) is another destination, with its own path and blob id.
 */
export function toTargetKey(settings: Pick<PublishSettings, 'destination' | 'repoUrl' | 'branch'>): string {
  if (settings.destination !== 'git') return settings.destination;
  return `git ${settings.repoUrl.trim().replace(/\/+$/, '')}#${settings.branch.trim()}`;
}

function kindOf(target: string): Destination {
  return target === 'folder' ? 'folder' : 'git';
}

/**
 * Where the clip is in `target`, or undefined when it was never written there. A record from before places were
 * kept per destination (no `target`) counts for any destination of its kind, as it did then.
 */
export function placeOf(publication: Publication | undefined, target: string): PublishedPlace | undefined {
  if (!publication) return undefined;
  const place = publication.places?.[target];
  if (place) return place;
  if (publication.target !== undefined || publication.destination !== kindOf(target)) return undefined;
  if (publication.state !== 'published' && publication.blobId === undefined) return undefined;
  return {
    path: publication.path,
    ...(publication.blobId === undefined ? {} : { blobId: publication.blobId }),
  };
}

/**
 * Each clip's files, at the same paths as the zip export (`_posts/…`, Hugo's `content/posts/…`). A clip already
 * published to this destination keeps its earlier path, so an edit that changes its title or date updates that
 * file instead of adding a second one. `posts[i]` is `clips[i]`'s post. Images (issue 11) are added here.
 */
export function toPublishItems(
  clips: readonly StoredClip[],
  posts: readonly Post[],
  target: string,
): PublishItem[] {
  const placed = postsToZipFiles([...posts]);
  return clips.map((clip, i) => {
    const earlier = placeOf(clip.publication, target)?.path;
    const path = earlier ?? placed[i]?.path ?? posts[i]?.filename ?? '';
    return { clipId: clip.id, files: [{ path, text: posts[i]?.content ?? '' }] };
  });
}

const encoder = new TextEncoder();

/** The items' files as bytes, as both destinations take them. */
export function toPublishFiles(items: readonly PublishItem[]): PublishFile[] {
  return items.flatMap((item) => item.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })));
}

/** path → the blob id we wrote there last time in this destination, from the clips' records: the engine's `previous`. */
export function previousBlobs(clips: readonly StoredClip[], target: string): Record<string, string> {
  const previous: Record<string, string> = {};
  for (const clip of clips) {
    const place = placeOf(clip.publication, target);
    if (place?.blobId !== undefined) previous[place.path] = place.blobId;
  }
  return previous;
}

export interface PublishResultInfo {
  destination: Destination;
  /** The destination's key (`toTargetKey`). */
  target: string;
  now: number;
  /** On success: path → blob id now there (Git), or just the paths written (folder). */
  written?: Record<string, string | undefined>;
  commit?: string;
  /** On failure: the publish error code, and the conflicting paths. */
  code?: string;
  conflictPaths?: readonly string[];
  /** With a conflict: path → the blob the remote holds there. */
  theirs?: Readonly<Record<string, string>>;
}

function withPlace(
  places: Record<string, PublishedPlace> | undefined,
  target: string,
  place: PublishedPlace | undefined,
): { places?: Record<string, PublishedPlace> } {
  const next = { ...(places ?? {}), ...(place ? { [target]: place } : {}) };
  return Object.keys(next).length > 0 ? { places: next } : {};
}

/**
 * The clips' records after a publish: `published` with the new path, blob id and commit, or `failed`/`conflict`
 * with the reason. A failed clip keeps its last good path and blob id in that destination, so the retry updates
 * the same file; its places in other destinations are kept as they were.
 */
export function applyPublishResult(
  clips: readonly StoredClip[],
  items: readonly PublishItem[],
  info: PublishResultInfo,
): StoredClip[] {
  const conflicts = new Set(info.conflictPaths ?? []);
  return clips.map((clip) => {
    const earlier = placeOf(clip.publication, info.target);
    const path = items.find((item) => item.clipId === clip.id)?.files[0]?.path ?? earlier?.path ?? '';
    const places = clip.publication?.places;
    const base = { destination: info.destination, target: info.target };
    let publication: Publication;
    if (info.written) {
      const blobId = info.written[path];
      const place: PublishedPlace = { path, ...(blobId === undefined ? {} : { blobId }) };
      publication = {
        ...base,
        ...place,
        ...withPlace(places, info.target, place),
        ...(info.commit ? { commit: info.commit } : {}),
        publishedAt: info.now,
        state: 'published',
      };
    } else {
      const isConflict = conflicts.has(path);
      const theirs = isConflict ? info.theirs?.[path] : undefined;
      const kept = clip.publication?.target === info.target ? clip.publication : undefined;
      publication = {
        ...base,
        path: earlier?.path ?? path,
        ...(earlier?.blobId === undefined ? {} : { blobId: earlier.blobId }),
        ...withPlace(places, info.target, earlier),
        ...(kept?.commit ? { commit: kept.commit } : {}),
        ...(kept?.publishedAt === undefined ? {} : { publishedAt: kept.publishedAt }),
        ...(theirs === undefined ? {} : { theirBlobId: theirs }),
        state: isConflict ? 'conflict' : 'failed',
        error: info.code ?? 'publish-failed',
      };
    }
    return { ...clip, publication };
  });
}

/**
 * "Keep theirs" after a conflict: the remote's file becomes this destination's baseline, so the next publish
 * updates it (with the user's version, by their choice) instead of finding the same conflict again. Null when the
 * clip is not in a conflict there.
 */
export function adoptTheirs(clip: StoredClip, target: string): StoredClip | null {
  const pub = clip.publication;
  if (!pub || pub.state !== 'conflict' || (pub.target ?? target) !== target) return null;
  const place: PublishedPlace = {
    path: pub.path,
    ...(pub.theirBlobId === undefined ? {} : { blobId: pub.theirBlobId }),
  };
  const { theirBlobId: _theirs, error: _error, blobId: _blob, ...rest } = pub;
  const publication: Publication = {
    ...rest,
    ...place,
    target,
    ...withPlace(pub.places, target, place),
    state: 'published',
  };
  return { ...clip, publication };
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
