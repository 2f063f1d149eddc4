// Pure: the shapes an article's images take from the page to the export, and the one count of what happened to them.
import type { SizeRefusal } from './caps';
import type { SniffRefusal } from './sniff';

/** An image worth keeping, as the DOM pass finds it (utils/dom/image-select.ts). */
export interface ArticleImage {
  /** The file to fetch: absolute URL of the best source (largest `srcset` candidate under the cap, lazy source…). */
  url: string;
  alt: string;
  /**
   * The destination the Markdown holds for this image (what the export rewrites), or null when the Markdown does not
   * show it: the lead image from the page's metadata, or an image only a `<noscript>` fallback names.
   */
  originalUrl: string | null;
}

/** Why an image stayed remote. */
export type ImageRefusal =
  | SniffRefusal
  | SizeRefusal
  /** The network or the server said no (status, CORS, offline). */
  | 'fetch-failed'
  /** Another origin, and the user has not granted the host permission. */
  | 'no-permission'
  /** `--images` without `--fetch-images` and no local copy; or the local path would leave the page's folder. */
  | 'not-local'
  /** Storing the bytes failed (quota). */
  | 'storage-failed';

/** What happened to one image of a clip: kept (its bytes stored under `hash`) or left remote, and why. */
export type ImageOutcome =
  | { url: string; originalUrl: string | null; status: 'kept'; hash: string; ext: string; size: number }
  | { url: string; originalUrl: string | null; status: 'remote'; reason: ImageRefusal };

export interface ImageSummary {
  kept: number;
  remote: number;
  /** How many stayed remote for each reason; reasons that did not occur are absent. */
  reasons: Partial<Record<ImageRefusal, number>>;
}

/** The counts a clip reports: “8 images kept, 2 stayed remote (1 too large, 1 no permission)”. */
export function summarizeImages(outcomes: readonly ImageOutcome[]): ImageSummary {
  const summary: ImageSummary = { kept: 0, remote: 0, reasons: {} };
  for (const outcome of outcomes) {
    if (outcome.status === 'kept') {
      summary.kept++;
      continue;
    }
    summary.remote++;
    summary.reasons[outcome.reason] = (summary.reasons[outcome.reason] ?? 0) + 1;
  }
  return summary;
}
