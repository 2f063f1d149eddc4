// Pure: a stored clip's list entry, as the library, the popup and the export name it.
import { toIsoString } from './dates';
import { parseJekyllDate } from './jekyll-date';
import type { ClipSummary, StoredClip } from './types';
import { hostOf } from './url';

/** Edits keep Jekyll's `2024-03-18 07:45:00 +0000`; lists show ISO 8601 like extracted dates. */
function toIsoFromJekyll(date: string): string {
  const parts = parseJekyllDate(date);
  return parts ? toIsoString(parts) : date;
}

export function toSummary(clip: StoredClip): ClipSummary {
  const { draft, edits } = clip;
  const published = edits.date
    ? toIsoFromJekyll(edits.date)
    : draft.published
      ? toIsoString(draft.published.parts)
      : null;
  return {
    id: clip.id,
    url: clip.url,
    title: edits.title ?? draft.title,
    siteName: draft.siteName ?? hostOf(draft.url),
    published,
    tags: edits.tags ?? draft.keywords,
    clippedAt: clip.clippedAt,
    ...imageTotalsOf(clip),
    ...(clip.publication ? { publishState: clip.publication.state } : {}),
  };
}

/** A clip's kept images: how many distinct files, and their bytes. Nothing for a clip without kept images. */
export function imageTotalsOf(clip: StoredClip): { imageCount?: number; imageBytes?: number } {
  const sizes = new Map<string, number>();
  for (const image of clip.images ?? []) if (image.status === 'kept') sizes.set(image.hash, image.size);
  if (sizes.size === 0) return {};
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { imageCount: sizes.size, imageBytes: bytes };
}
