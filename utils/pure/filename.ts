// Pure: Jekyll post file names and archive paths that are safe on Windows, macOS and Linux. No DOM, no extension API.
import { toWellFormed } from './text';

/** Most file systems (NTFS, APFS, ext4) cap one name at 255 bytes; UTF-8 bytes is the strictest count. */
export const MAX_NAME_BYTES = 255;
/** Keeps the slug part of a post name short enough for URLs and deep folders. */
export const MAX_SLUG_BYTES = 100;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const POST_PREFIX = /^\d{4}-\d{2}-\d{2}-/;
// Windows refuses these characters; C0/C1 controls are invisible everywhere; bidi controls can make
// `evil\u202Edm.exe` look like `evilexe.md`; a BOM is invisible.
const FORBIDDEN_CHARS = /[<>:"/\\|?*\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Device names Windows reserves with any extension (`con.txt` too); COM/LPT take 0-9 and superscripts ¹²³.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const ENCODER = new TextEncoder();

/** UTF-8 length in bytes. */
export function countUtf8Bytes(text: string): number {
  return ENCODER.encode(text).length;
}

const SEGMENTER: Intl.Segmenter | null =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** The longest prefix of at most `maxBytes` UTF-8 bytes that ends on a grapheme boundary (code point without Intl.Segmenter). */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (countUtf8Bytes(text) <= maxBytes) return text;
  const pieces = SEGMENTER ? Array.from(SEGMENTER.segment(text), (s) => s.segment) : Array.from(text);
  let out = '';
  let bytes = 0;
  for (const piece of pieces) {
    const size = countUtf8Bytes(piece);
    if (bytes + size > maxBytes) break;
    out += piece;
    bytes += size;
  }
  return out;
}

function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  // A leading dot is part of the name, not an extension; so are long or odd tails (`a.-b`, `v1.0 final`).
  if (ext.length < 2 || ext.length > 16 || !/^\.[\p{L}\p{N}]+$/u.test(ext)) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext };
}

function trimEnds(text: string): string {
  return text.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

/**
 * One file name that every OS accepts as is: forbidden and control characters removed, no leading or trailing
 * dots or spaces (hidden files, `..`, Windows trimming), reserved device names suffixed with `_`, at most
 * `maxBytes` UTF-8 bytes with the extension kept. Never empty: `fallback` instead.
 */
export function toSafeSegment(name: string, fallback = 'untitled', maxBytes = MAX_NAME_BYTES): string {
  let clean = trimEnds(toWellFormed(name).normalize('NFC').replace(FORBIDDEN_CHARS, ''));
  if (clean === '') clean = fallback;
  const { stem: cleanStem, ext } = splitExtension(clean);
  let stem = cleanStem;
  const reservedBase = stem.split('.')[0]?.trimEnd() ?? '';
  if (WINDOWS_RESERVED.test(reservedBase)) stem = `${reservedBase}_${stem.slice(reservedBase.length)}`;
  stem = trimEnds(truncateToBytes(stem, Math.max(1, maxBytes - countUtf8Bytes(ext))));
  if (stem === '') stem = trimEnds(truncateToBytes(fallback, maxBytes - countUtf8Bytes(ext))) || '_';
  return `${stem}${ext}`;
}

function cleanSlug(slug: string): string {
  const cleaned = toWellFormed(slug)
    .normalize('NFC')
    .replace(FORBIDDEN_CHARS, '')
    // Spaces, `#` and `%` survive on disk but break Jekyll permalinks and shell commands.
    .replace(/[\s#%]+/gu, '-')
    .replace(/-{2,}/g, '-');
  return truncateToBytes(cleaned, MAX_SLUG_BYTES).replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * `YYYY-MM-DD-slug.md`, the name Jekyll wants in `_posts/`. The slug is cleaned and cut to 100 UTF-8 bytes;
 * an empty slug becomes `post`. The date prefix means no result can be a Windows device name.
 * Throws a RangeError when `day` is not `YYYY-MM-DD`: Jekyll would silently skip such a file.
 */
export function toPostFilename(day: string, slug: string): string {
  if (!DAY_PATTERN.test(day)) throw new RangeError(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return toSafeSegment(`${day}-${cleanSlug(slug) || 'post'}.md`);
}

/**
 * Names equal on a case-insensitive, normalisation-insensitive disk (default macOS and Windows) share a key.
 * Lower case alone keeps `σ`/`ς`, `i`/`ı` and `s`/`ſ` apart, but NTFS compares upper case (`Σ`, `I`, `S`) and
 * APFS folds case: through upper then lower case they meet. (`ß` → `ss` too, which only costs a needless `-2`.)
 */
function toCollisionKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The stem with `-n` appended, cut so the name stays within the byte limits (slug limit for post names). */
function withSuffix(stem: string, ext: string, n: number): string {
  const suffix = `-${n}`;
  const postPrefix = POST_PREFIX.exec(stem)?.[0];
  let room = MAX_NAME_BYTES - countUtf8Bytes(ext) - countUtf8Bytes(suffix);
  if (postPrefix) room = Math.min(room, postPrefix.length + MAX_SLUG_BYTES - countUtf8Bytes(suffix));
  const cut = truncateToBytes(stem, room);
  // A cut can end on `-` or `.`; `x--2.md` and `x.-2.md` look like mistakes.
  return `${cut.replace(/[-.\s]+$/u, '') || cut}${suffix}${ext}`;
}

/**
 * The names in the same order, made unique ignoring case: the first of each keeps its name, later ones get
 * `-2`, `-3`… before the extension, skipping any name already in the input (so `x.md, x.md, x-2.md` gives
 * `x.md, x-3.md, x-2.md`).
 */
export function uniqueFilenames(names: string[]): string[] {
  return names.map(allocateNames(new Set(names.map(toCollisionKey))));
}

/**
 * The same rule one name at a time, for a writer that must fix each name before it sees the next (the CLI
 * writes each post as it comes). It cannot skip names that come later: `x.md, x.md, x-2.md` gives
 * `x.md, x-2.md, x-2-2.md`.
 */
export function createNameAllocator(): (name: string) => string {
  return allocateNames(new Set());
}

/** `taken`: collision keys no suffixed name may use (every input name, when they are all known up front). */
function allocateNames(taken: Set<string>): (name: string) => string {
  const kept = new Set<string>();
  // Where the search for each name's next free suffix resumes: names only ever get taken, so every smaller `n`
  // is still taken. Without it, 1,000 clips of one long title cost half a million truncations (50 s).
  const nextSuffix = new Map<string, number>();
  return (name) => {
    const key = toCollisionKey(name);
    if (!kept.has(key)) {
      kept.add(key);
      taken.add(key);
      return name;
    }
    const { stem, ext } = splitExtension(name);
    for (let n = nextSuffix.get(key) ?? 2; ; n++) {
      const candidate = withSuffix(stem, ext, n);
      const candidateKey = toCollisionKey(candidate);
      if (!taken.has(candidateKey)) {
        taken.add(candidateKey);
        kept.add(candidateKey);
        nextSuffix.set(key, n + 1);
        return candidate;
      }
    }
  };
}

/**
 * `folder/name` for zip entries and downloads, where `name` always becomes one safe segment inside `folder`:
 * `..`, absolute paths, drive letters, backslashes and NUL cannot climb out. The folder's own segments are
 * cleaned the same way; an empty folder gives just the name.
 */
export function safeArchivePath(folder: string, name: string): string {
  const folderSegments = folder
    .split(/[/\\]+/)
    .filter((segment) => trimEnds(segment.replace(FORBIDDEN_CHARS, '')) !== '')
    .map((segment) => toSafeSegment(segment));
  // A name that is a path keeps its words, not its climbing: `../../etc/passwd` → `etc-passwd`.
  const words = name.split(/[/\\]+/).filter((part) => trimEnds(part.replace(FORBIDDEN_CHARS, '')) !== '');
  const segment = toSafeSegment(words.join('-'));
  return [...folderSegments, segment].join('/');
}
