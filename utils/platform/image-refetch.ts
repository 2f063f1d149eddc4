// Platform: after the user grants other sites from the popup, fetches a saved clip's remote images again (those
// that stayed remote for want of that permission, or because the fetch failed) and keeps what now arrives.
import { DEFAULT_IMAGE_CAPS } from '../pure/images/caps';
import { summarizeImages } from '../pure/images/types';
import type { ArticleImage, ImageOutcome } from '../pure/images/types';
import type { ClipOutcome, RefetchImagesRequest } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import { toSummary } from '../pure/clip-summary';
import { errorMessage } from '../pure/error-message';
import type { ImageFetchDeps } from './image-fetch';
import { keepClipImages } from './image-fetch';
import { StoreError } from './library-db';
import type { Library } from './store';

/** How long a refetch may take in all; the popup waits for it. */
export const REFETCH_TIMEOUT_MS = 15_000;

const RETRIED = new Set(['no-permission', 'fetch-failed']);

export async function refetchClipImages(
  request: RefetchImagesRequest,
  library: Library,
  deps: ImageFetchDeps,
): Promise<Result<ClipOutcome>> {
  try {
    const clip = await library.getClip(request.clipId);
    if (!clip) return fail('not-found');
    const outcomes = clip.images ?? [];
    const retry: ArticleImage[] = outcomes.flatMap((o) =>
      o.status === 'remote' && RETRIED.has(o.reason)
        ? [{ url: o.url, alt: '', originalUrl: o.originalUrl }]
        : [],
    );
    // The clip's cap counts what it already keeps.
    let used = 0;
    for (const o of outcomes) if (o.status === 'kept') used += o.size;
    const caps = { ...DEFAULT_IMAGE_CAPS, perClip: Math.max(0, DEFAULT_IMAGE_CAPS.perClip - used) };
    const kept = await keepClipImages(retry, clip.draft.url, deps, deps.now() + REFETCH_TIMEOUT_MS, caps);
    const byUrl = new Map(kept.outcomes.map((o) => [o.url, o]));
    const merged: ImageOutcome[] = outcomes.map((o) => (o.status === 'remote' ? (byUrl.get(o.url) ?? o) : o));
    const saved = await library.setClipImages(clip.id, { outcomes: merged, pending: kept.pending });
    return ok({
      clip: toSummary(saved),
      isUpdate: true,
      images: { summary: summarizeImages(merged), storageFull: false, missingOrigins: kept.missingOrigins },
    });
  } catch (error) {
    return error instanceof StoreError
      ? fail(error.code, error.message)
      : fail('storage-failed', errorMessage(error));
  }
}
