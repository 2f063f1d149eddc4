// DOM: image and link URLs for the Markdown copy: lazy-load sources, srcset, <picture>, tracking pixels, safe schemes.
import { findDescendants, hasDescendant } from './markdown-tree';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
const LAZY_SRC_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-original-src'];
/** Lazy-loading stand-ins: a tiny inline image or a file named like a placeholder. */
const PLACEHOLDER_SRC =
  /(?:^|\/)(?:blank|spacer|placeholder|pixel|transparent|loading|lazy|grey|gray)[\w.-]*\.(?:gif|png|svg)(?:$|\?)/i;
/** Inline images shorter than this are lazy-load placeholders, not content. */
const MIN_DATA_IMAGE_LENGTH = 256;

/** Sets `src` to the image's absolute URL, or removes an image with no usable one. */
export function prepareImage(img: Element, baseUrl: string): void {
  const url = chooseImageUrl(img, baseUrl);
  if (!url || isTrackingPixel(img)) {
    img.parentNode?.removeChild(img);
    return;
  }
  img.setAttribute('src', url);
}

function chooseImageUrl(img: Element, baseUrl: string): string | null {
  const src = (img.getAttribute('src') ?? '').trim();
  const isPlaceholder = src === '' || src.startsWith('data:') || PLACEHOLDER_SRC.test(src);
  const candidates: string[] = [];
  if (!isPlaceholder) candidates.push(src);
  for (const attr of LAZY_SRC_ATTRS) candidates.push(img.getAttribute(attr) ?? '');
  candidates.push(pickLargestCandidate(img.getAttribute('srcset') ?? ''));
  candidates.push(pickLargestCandidate(img.getAttribute('data-srcset') ?? ''));
  if (img.parentElement?.nodeName === 'PICTURE') {
    for (const source of Array.from(img.parentElement.children)) {
      if (source.nodeName !== 'SOURCE') continue;
      candidates.push(
        pickLargestCandidate(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? ''),
      );
    }
  }
  if (src.startsWith('data:') && src.length >= MIN_DATA_IMAGE_LENGTH) candidates.push(src);
  for (const candidate of candidates) {
    const url = resolveImageUrl(candidate, baseUrl);
    if (url) return url;
  }
  return null;
}

/** A <picture> with sources but no <img> still shows an image: give it one. */
export function preparePicture(picture: Element): void {
  if (hasDescendant(picture, (tag) => tag === 'IMG')) return;
  const source = findDescendants(picture, (tag) => tag === 'SOURCE')[0];
  if (!source) return;
  const img = picture.ownerDocument.createElement('img');
  img.setAttribute('srcset', source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
  picture.appendChild(img);
}

/** The URL of the widest (`800w`) or densest (`2x`) candidate of a srcset. */
export function pickLargestCandidate(srcset: string): string {
  let best = '';
  let bestSize = -1;
  // Per the HTML spec, a URL runs to the next whitespace (commas inside it are kept, as in
  // Cloudinary's `w_800,h_600`); its descriptors then run to the next comma.
  let rest = srcset;
  while (rest) {
    rest = rest.replace(/^[\s,]+/, '');
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    if (!url) break;
    rest = rest.slice(url.length);
    let descriptor = '';
    if (!url.endsWith(',')) {
      const end = rest.indexOf(',');
      descriptor = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end + 1);
    }
    const candidate = url.replace(/,+$/, '');
    const size = /([\d.]+)\s*[wx]/i.exec(descriptor);
    const value = size ? Number(size[1]) * (/w/i.test(descriptor) ? 1 : 1000) : 1000;
    if (candidate && value > bestSize) {
      best = candidate;
      bestSize = value;
    }
  }
  return best;
}

function isTrackingPixel(img: Element): boolean {
  const isTiny = (value: string | null): boolean => value !== null && /^\s*[01](?:px)?\s*$/.test(value);
  const style = img.getAttribute('style') ?? '';
  const styleWidth = /(?:^|;)\s*width\s*:\s*([\d.]+px)/i.exec(style)?.[1] ?? null;
  const styleHeight = /(?:^|;)\s*height\s*:\s*([\d.]+px)/i.exec(style)?.[1] ?? null;
  return (
    isTiny(img.getAttribute('width')) ||
    isTiny(img.getAttribute('height')) ||
    isTiny(styleWidth) ||
    isTiny(styleHeight)
  );
}

/** An absolute http(s) URL (or a real `data:image/*`) for an image, else null. */
export function resolveImageUrl(raw: string, baseUrl: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  if (/^data:/i.test(trimmed)) return /^data:image\/[\w.+-]+[;,]/i.test(trimmed) ? trimmed : null;
  const url = parseUrl(trimmed, baseUrl);
  return url && IMAGE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** An absolute URL for a link, or null for script schemes, `data:`, bare `#` and unparsable hrefs. */
export function resolveLinkUrl(raw: string, baseUrl: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed === '#') return null;
  const url = parseUrl(trimmed, baseUrl);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function parseUrl(raw: string, baseUrl: string): URL | null {
  try {
    return new URL(raw, baseUrl || undefined);
  } catch {
    return null;
  }
}
