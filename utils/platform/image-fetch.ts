// Platform: a clip's images, fetched and checked before the clip is saved. Same-origin files come from the page
// (activeTab, its cookies); other sites' files from the background, only where the user granted that site (an
// optional host permission). Each file is checked by its real type and the size caps; a failed image stays remote
// with its reason and never fails the clip.
import type { ImageCaps } from '../pure/images/caps';
import { ClipImageBudget, DEFAULT_IMAGE_CAPS } from '../pure/images/caps';
import { hashImageBytes } from '../pure/images/hash';
import { sniffImageType } from '../pure/images/sniff';
import type { ArticleImage, ImageOutcome, ImageRefusal } from '../pure/images/types';
import type { PendingImage } from './image-store';

export type FetchReply = { ok: true; bytes: Uint8Array } | { ok: false; reason: ImageRefusal };

export interface ImageFetchDeps {
  /** Fetch by the page itself (same origin as the page). */
  fetchInPage(url: string, limit: number, timeoutMs: number): Promise<FetchReply>;
  /** Fetch by the extension (another site, permission granted), sending `pageUrl`'s origin as the Referer. */
  fetchDirect(url: string, limit: number, timeoutMs: number, pageUrl: string): Promise<FetchReply>;
  /** Whether the extension may read these origins now. */
  hasOrigins(patterns: string[]): Promise<boolean>;
  now(): number;
}

export interface KeptImages {
  outcomes: ImageOutcome[];
  pending: PendingImage[];
  /** Other sites (`https://host/*`) whose images stayed remote for want of a permission. */
  missingOrigins: string[];
}

/** The longest one image may take; the clip's own deadline may cut it shorter. */
const PER_IMAGE_TIMEOUT_MS = 8_000;
/** Below this much time left, no further image is started: it stays remote. */
const MIN_IMAGE_TIME_MS = 250;

/** `https://img.example.com/*` for an image URL, or null for a URL no permission can cover. */
export function originPatternOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Base64 text (the page's reply) to bytes. */
export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A `data:` image decoded in place: no network. */
function readDataUrl(url: string, limit: number): FetchReply {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!m) return { ok: false, reason: 'fetch-failed' };
  try {
    const payload = m[3] ?? '';
    const bytes = m[2] ? fromBase64(payload) : new TextEncoder().encode(decodeURIComponent(payload));
    return bytes.length > limit ? { ok: false, reason: 'image-too-large' } : { ok: true, bytes };
  } catch {
    return { ok: false, reason: 'fetch-failed' };
  }
}

/**
 * Loads, checks and hashes `images` (of the page at `pageUrl`) until `deadline` (epoch ms). Equal URLs are fetched
 * once; equal bytes under two URLs are one file, counted once against the clip's cap.
 */
export async function keepClipImages(
  images: readonly ArticleImage[],
  pageUrl: string,
  deps: ImageFetchDeps,
  deadline: number,
  caps: ImageCaps = DEFAULT_IMAGE_CAPS,
): Promise<KeptImages> {
  const budget = new ClipImageBudget(caps);
  const pageOrigin = originOf(pageUrl);
  const pending = new Map<string, PendingImage>();
  const byUrl = new Map<string, { hash: string; ext: string; size: number } | ImageRefusal>();
  const missing = new Set<string>();
  const granted = new Map<string, boolean>();
  const outcomes: ImageOutcome[] = [];

  const load = async (url: string): Promise<FetchReply> => {
    if (/^data:/i.test(url)) return readDataUrl(url, budget.remainingForOne);
    const left = deadline - deps.now();
    if (left < MIN_IMAGE_TIME_MS) return { ok: false, reason: 'fetch-failed' };
    const timeout = Math.min(PER_IMAGE_TIMEOUT_MS, left);
    const limit = budget.remainingForOne;
    if (limit <= 0) return { ok: false, reason: 'clip-too-large' };
    if (originOf(url) === pageOrigin) return deps.fetchInPage(url, limit, timeout);
    const pattern = originPatternOf(url);
    if (pattern === null) return { ok: false, reason: 'fetch-failed' };
    let isGranted = granted.get(pattern);
    if (isGranted === undefined) {
      isGranted = await deps.hasOrigins([pattern]).catch(() => false);
      granted.set(pattern, isGranted);
    }
    if (!isGranted) {
      missing.add(pattern);
      return { ok: false, reason: 'no-permission' };
    }
    return deps.fetchDirect(url, limit, timeout, pageUrl);
  };

  const check = async (url: string): Promise<{ hash: string; ext: string; size: number } | ImageRefusal> => {
    const loaded = await load(url).catch((): FetchReply => ({ ok: false, reason: 'fetch-failed' }));
    if (!loaded.ok) return loaded.reason;
    const { bytes } = loaded;
    const sniffed = sniffImageType(bytes);
    if (!sniffed.ok) return sniffed.reason;
    const hash = await hashImageBytes(bytes);
    if (!pending.has(hash)) {
      const refusal = budget.admit(bytes.length);
      if (refusal) return refusal;
      pending.set(hash, { hash, bytes, type: sniffed.type, mime: sniffed.mime, ext: sniffed.ext });
    }
    return { hash, ext: sniffed.ext, size: bytes.length };
  };

  for (const image of images) {
    let known = byUrl.get(image.url);
    if (known === undefined) {
      known = await check(image.url);
      byUrl.set(image.url, known);
    }
    const base = { url: image.url, originalUrl: image.originalUrl };
    outcomes.push(
      typeof known === 'string'
        ? { ...base, status: 'remote', reason: known }
        : { ...base, status: 'kept', ...known },
    );
  }
  return { outcomes, pending: [...pending.values()], missingOrigins: [...missing] };
}
