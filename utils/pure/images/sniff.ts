// Pure: an image's real type from its first bytes (magic numbers), never from its URL or a server's Content-Type.

/** The raster types a post may keep. SVG is not among them: it can carry script and we have no sanitiser here. */
export const IMAGE_TYPES = ['jpeg', 'png', 'gif', 'webp', 'avif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Why bytes are not kept as an image file. */
export type SniffRefusal =
  /** Nothing to read. */
  | 'empty'
  /** An SVG: it can hold script and external references, and is refused rather than half-sanitised. */
  | 'svg'
  /** An HTML page (an error page or a login wall served in place of the image). */
  | 'html'
  /** None of the known signatures. */
  | 'unknown';

export type ImageSniff =
  { ok: true; type: ImageType; ext: string; mime: string } | { ok: false; reason: SniffRefusal };

const KINDS: Record<ImageType, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  gif: { ext: 'gif', mime: 'image/gif' },
  webp: { ext: 'webp', mime: 'image/webp' },
  avif: { ext: 'avif', mime: 'image/avif' },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** AVIF image (`avif`) and image sequence (`avis`) brands; HEIC and MP4 share the ISO-BMFF box but not these. */
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** How far into a text file to look for `<svg` or `<html`: past an XML declaration, a doctype and comments. */
const TEXT_SCAN_BYTES = 1024;

function hasPrefix(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

function readAscii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

/** ISO-BMFF `ftyp` box: the major brand or any compatible brand says AVIF. */
function isAvif(bytes: Uint8Array): boolean {
  if (readAscii(bytes, 4, 4) !== 'ftyp') return false;
  const boxSize = readUint32(bytes, 0);
  // A box shorter than its own header, or one claiming more than we were given, is read only as far as it goes.
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : bytes.length);
  if (AVIF_BRANDS.has(readAscii(bytes, 8, 4))) return true;
  for (let at = 16; at + 4 <= end; at += 4) {
    if (AVIF_BRANDS.has(readAscii(bytes, at, 4))) return true;
  }
  return false;
}

function detectRaster(bytes: Uint8Array): ImageType | null {
  if (hasPrefix(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasPrefix(bytes, PNG_SIGNATURE)) return 'png';
  const head = readAscii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  if (readAscii(bytes, 0, 4) === 'RIFF' && readAscii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && isAvif(bytes)) return 'avif';
  return null;
}

/** Markup at the start of a text file: `svg`, `html`, or null. Skips a BOM, whitespace, `<?xml`, doctypes, comments. */
function detectMarkup(bytes: Uint8Array): 'svg' | 'html' | null {
  let text = readAscii(bytes, 0, TEXT_SCAN_BYTES);
  // UTF-8 BOM, read byte by byte above.
  text = text.replace(/^\u00EF\u00BB\u00BF/, '').toLowerCase();
  const tag = /<(svg|html|!doctype\s+(svg|html)|head|body)\b/.exec(text);
  if (!tag) return null;
  const name = tag[2] ?? tag[1] ?? '';
  // Only markup before the first tag-like thing counts: `GIF…<svg` in binary is not an SVG.
  const before = text.slice(0, tag.index);
  if (!/^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->|<!doctype[^>]*>)*$/.test(before)) return null;
  return name === 'svg' ? 'svg' : 'html';
}

/**
 * What the bytes are. Raster signatures are checked first; then markup, so an SVG or an HTML error page served
 * as `photo.jpg` is named as such. Never throws, whatever the bytes.
 */
export function sniffImageType(bytes: Uint8Array): ImageSniff {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const type = detectRaster(bytes);
  if (type) return { ok: true, type, ...KINDS[type] };
  const markup = detectMarkup(bytes);
  return { ok: false, reason: markup ?? 'unknown' };
}

/** The file extension (no dot) and MIME type of a kept image type. */
export function describeImageType(type: ImageType): { ext: string; mime: string } {
  return KINDS[type];
}
