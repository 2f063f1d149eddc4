// Pure: reads a `srcset` and picks the candidate to keep: the widest one no wider than a cap.

/** Wider than this is wasted on a post (and costs storage): the largest candidate at or below it is taken. */
export const MAX_IMAGE_WIDTH = 2000;

export interface SrcsetCandidate {
  url: string;
  /** `800w`. */
  width?: number;
  /** `2x` (a bare URL is `1x`). */
  density?: number;
}

/**
 * The candidates of a `srcset`, as the HTML spec splits them: a URL runs to the next whitespace (so commas inside it,
 * as in Cloudinary's `w_800,h_600`, are kept), a trailing comma ends it, and its descriptors run to the next comma
 * outside parentheses. Unreadable descriptors drop the candidate, as browsers do.
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset.charAt(i))) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset.charAt(i))) i++;
    let url = srcset.slice(start, i);
    if (!url) break;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const from = i;
      while (i < srcset.length && (srcset.charAt(i) !== ',' || depth > 0)) {
        if (srcset.charAt(i) === '(') depth++;
        else if (srcset.charAt(i) === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(from, i).trim();
    }
    const candidate = readDescriptor(url, descriptor);
    if (candidate) out.push(candidate);
  }
  return out;
}

function readDescriptor(url: string, descriptor: string): SrcsetCandidate | null {
  if (!url) return null;
  if (descriptor === '') return { url, density: 1 };
  let width: number | undefined;
  let density: number | undefined;
  for (const token of descriptor.split(/\s+/)) {
    const m = /^(\d+(?:\.\d+)?|\.\d+)([wxh])$/i.exec(token);
    if (!m) return null;
    const value = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    if (unit === 'w') {
      if (!Number.isInteger(value) || value <= 0 || width !== undefined) return null;
      width = value;
    } else if (unit === 'x') {
      if (value <= 0 || density !== undefined) return null;
      density = value;
    }
    // `h` is a future descriptor browsers ignore; so do we.
  }
  if (width !== undefined && density !== undefined) return null;
  if (width !== undefined) return { url, width };
  return { url, density: density ?? 1 };
}

/** A candidate's width in CSS pixels when known: its `w`, or its density times the image's layout width. */
function effectiveWidth(candidate: SrcsetCandidate, layoutWidth: number | null): number | null {
  if (candidate.width !== undefined) return candidate.width;
  if (candidate.density !== undefined && layoutWidth !== null) return candidate.density * layoutWidth;
  return null;
}

export interface PickOptions {
  /** The widest file wanted, in pixels. */
  maxWidth?: number;
  /** The image's `width` attribute, which turns `2x` into pixels. */
  layoutWidth?: number | null;
}

/**
 * The candidate to keep: the widest whose width is known and at most `maxWidth`; when all known widths exceed it,
 * the narrowest (still the best file on offer); when no width is known, the densest. Ties keep the first, as a
 * browser reading `<picture>` sources in order would. Null for no candidates.
 */
export function pickCandidate(
  candidates: readonly SrcsetCandidate[],
  options: PickOptions = {},
): string | null {
  const maxWidth = options.maxWidth ?? MAX_IMAGE_WIDTH;
  const layoutWidth = options.layoutWidth ?? null;
  let best: { url: string; width: number } | null = null;
  let narrowest: { url: string; width: number } | null = null;
  let densest: { url: string; density: number } | null = null;
  for (const candidate of candidates) {
    const width = effectiveWidth(candidate, layoutWidth);
    if (width === null) {
      const density = candidate.density ?? 1;
      if (!densest || density > densest.density) densest = { url: candidate.url, density };
      continue;
    }
    if (width <= maxWidth && (!best || width > best.width)) best = { url: candidate.url, width };
    if (!narrowest || width < narrowest.width) narrowest = { url: candidate.url, width };
  }
  return best?.url ?? narrowest?.url ?? densest?.url ?? null;
}
