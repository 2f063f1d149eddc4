// Node: `--images` / `--fetch-images`: keeps a clipped page's images beside its post, in the same layout as the zip.
// Images come from the page's own saved files ("Save Page As… Webpage, Complete": `<name>_files/` beside the page);
// the network is used only with --fetch-images.
import { mkdir, open, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { findDraftImages } from '../utils/dom/image-select';
import type { ImageCaps } from '../utils/pure/images/caps';
import { ClipImageBudget, DEFAULT_IMAGE_CAPS } from '../utils/pure/images/caps';
import { hashImageBytes } from '../utils/pure/images/hash';
import type { ImageLayoutKind } from '../utils/pure/images/layout';
import { planImageExport } from '../utils/pure/images/export-plan';
import { imageLayoutKindOf } from '../utils/pure/images/layout';
import { rewriteImageLinks } from '../utils/pure/images/rewrite';
import { sniffImageType } from '../utils/pure/images/sniff';
import type { ArticleImage, ImageOutcome, ImageRefusal } from '../utils/pure/images/types';
import { summarizeImages } from '../utils/pure/images/types';
import { chooseTemplate } from '../utils/pure/site-rules';
import { DEFAULT_POST_OPTIONS } from '../utils/pure/types';
import type { Post } from '../utils/pure/types';
import { postsToZipFiles } from '../utils/pure/zip';
import type { ClipSettings, PageEntry } from './batch';
import { pageReferenceTime, readPageBytes } from './batch';
import { clipHtmlBytes } from './clip-page';
import { parseHtmlDocument } from './parse';
import { errorMessage } from '../utils/pure/error-message';
import { readImageBody } from '../utils/platform/image-body';

export interface ImageRunOptions {
  /** Where the site goes: posts and images at their zip paths under it. */
  out: string;
  /** Fetch images that have no local copy (Node fetch, the page as Referer). */
  fetchImages: boolean;
  /** Jekyll's baseurl for image links. */
  baseurl: string;
  /** Per-image and per-clip caps (default 15 MB and 100 MB). */
  caps?: ImageCaps;
  /** The fetch to use; tests pass their own. */
  fetch?: typeof globalThis.fetch;
  /** How long one image download may take. */
  fetchTimeoutMs?: number;
}

export interface ImageIo {
  stderr: (text: string) => void;
}

const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** Bytes ready to write, or where to read them again (local files are not held in memory between the passes). */
type ImageSource = { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Uint8Array };

interface Loaded {
  bytes: Uint8Array;
  source: ImageSource;
}

/** A refusal, or the bytes. */
type LoadResult = { ok: true; value: Loaded } | { ok: false; reason: ImageRefusal };

/**
 * The local file a saved page holds for `imageUrl`: the page's relative `src` (`page_files/a.jpg`) resolved against
 * the page URL lands under the page URL's folder, so the rest of the path is the file's path beside the HTML file.
 * Null when the URL is elsewhere, or when the path would leave the page's folder.
 */
export function toLocalPath(imageUrl: string, pageUrl: string, htmlDir: string): string | null {
  let image: URL;
  let page: URL;
  try {
    image = new URL(imageUrl);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (image.origin !== page.origin || image.search !== '') return null;
  const folder = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
  if (!image.pathname.startsWith(folder)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(image.pathname.slice(folder.length));
  } catch {
    return null;
  }
  if (rest === '' || rest.includes('\0') || rest.includes('\\')) return null;
  const path = resolve(htmlDir, ...rest.split('/'));
  return isInside(htmlDir, path) ? path : null;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Reads a local file under the page's folder (symbolic links may not lead out), at most `limit` bytes. */
async function readLocal(path: string, htmlDir: string, limit: number): Promise<LoadResult | null> {
  let real: string;
  try {
    real = await realpath(path);
    if (!isInside(await realpath(htmlDir), real)) return { ok: false, reason: 'not-local' };
    const info = await stat(real);
    if (!info.isFile()) return null;
    if (info.size > limit) return { ok: false, reason: 'image-too-large' };
  } catch {
    return null; // no such file: try elsewhere
  }
  const handle = await open(real, 'r');
  try {
    const buffer = new Uint8Array(limit + 1);
    const { bytesRead } = await handle.read(buffer, 0, limit + 1, 0);
    if (bytesRead > limit) return { ok: false, reason: 'image-too-large' };
    const bytes = buffer.slice(0, bytesRead);
    return { ok: true, value: { bytes, source: { kind: 'file', path: real } } };
  } finally {
    await handle.close();
  }
}

/** A `data:` image decoded in place: no network. */
function readDataUrl(url: string, limit: number): LoadResult | null {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!m) return null;
  const payload = m[3] ?? '';
  let bytes: Uint8Array;
  try {
    bytes = m[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
  } catch {
    return { ok: false, reason: 'fetch-failed' };
  }
  if (bytes.length > limit) return { ok: false, reason: 'image-too-large' };
  return { ok: true, value: { bytes: new Uint8Array(bytes), source: { kind: 'bytes', bytes } } };
}

/** Downloads one image with the page as Referer (hotlink checks), stopping as soon as it passes `limit` bytes. */
async function download(
  url: string,
  pageUrl: string,
  limit: number,
  options: ImageRunOptions,
): Promise<LoadResult> {
  if (!/^https?:/i.test(url)) return { ok: false, reason: 'fetch-failed' };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Referer: pageUrl, Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9' },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'fetch-failed' };
  }
  // The same capped reader as the extension's fetches, so the CLI refuses an image exactly where they do.
  const body = await readImageBody(response, limit);
  if (!body.ok) return body;
  const { bytes } = body;
  return { ok: true, value: { bytes, source: { kind: 'bytes', bytes } } };
}

/** The bytes of one image: a `data:` URL, else the saved page's local copy, else (if allowed) the network. */
async function loadImage(
  image: ArticleImage,
  page: { url: string; htmlDir: string },
  limit: number,
  options: ImageRunOptions,
): Promise<LoadResult> {
  if (/^data:/i.test(image.url)) return readDataUrl(image.url, limit) ?? { ok: false, reason: 'unknown' };
  // The best file first; then the one the page showed (a saved page often has only that one locally).
  const candidates = [image.url, image.originalUrl].filter((u): u is string => u !== null);
  for (const candidate of candidates) {
    const local = toLocalPath(candidate, page.url, page.htmlDir);
    if (local === null) continue;
    const read = await readLocal(local, page.htmlDir, limit);
    if (read) return read;
  }
  if (!options.fetchImages) return { ok: false, reason: 'not-local' };
  return download(image.url, page.url, limit, options);
}

/** One kept image's bytes or where to read them, by hash. */
export type KeptFiles = Map<string, ImageSource>;

/**
 * Loads, checks (real type, caps) and hashes one page's images. A failed image never fails the page: it stays
 * remote with its reason. Kept sources are added to `files` (shared across pages, so equal files are read once).
 */
export async function keepImages(
  images: readonly ArticleImage[],
  page: { url: string; htmlDir: string },
  options: ImageRunOptions,
  files: KeptFiles,
): Promise<{ outcomes: ImageOutcome[] }> {
  const budget = new ClipImageBudget(options.caps ?? DEFAULT_IMAGE_CAPS);
  const counted = new Set<string>();
  const byUrl = new Map<string, { hash: string; ext: string; size: number } | ImageRefusal>();
  const outcomes: ImageOutcome[] = [];
  for (const image of images) {
    let known = byUrl.get(image.url);
    if (known === undefined) {
      known = await checkOne(image, page, options, budget, counted, files);
      byUrl.set(image.url, known);
    }
    const base = { url: image.url, originalUrl: image.originalUrl };
    if (typeof known === 'string') {
      outcomes.push({ ...base, status: 'remote', reason: known });
    } else {
      outcomes.push({ ...base, status: 'kept', ...known });
    }
  }
  return { outcomes };
}

async function checkOne(
  image: ArticleImage,
  page: { url: string; htmlDir: string },
  options: ImageRunOptions,
  budget: ClipImageBudget,
  counted: Set<string>,
  files: KeptFiles,
): Promise<{ hash: string; ext: string; size: number } | ImageRefusal> {
  const perImage = (options.caps ?? DEFAULT_IMAGE_CAPS).perImage;
  const loaded = await loadImage(image, page, perImage, options);
  if (!loaded.ok) return loaded.reason;
  const { bytes, source } = loaded.value;
  const sniffed = sniffImageType(bytes);
  if (!sniffed.ok) return sniffed.reason;
  const hash = await hashImageBytes(bytes);
  // The same bytes under two URLs are one file, counted once.
  if (!counted.has(hash)) {
    const refusal = budget.admit(bytes.length);
    if (refusal) return refusal;
    counted.add(hash);
  }
  if (!files.has(hash)) files.set(hash, source);
  return { hash, ext: sniffed.ext, size: bytes.length };
}

interface ClippedWithImages {
  file: string;
  post: Post;
  kind: ImageLayoutKind;
  outcomes: ImageOutcome[];
}

async function readSource(source: ImageSource, hash: string): Promise<Uint8Array> {
  if (source.kind === 'bytes') return source.bytes;
  const handle = await open(source.path, 'r');
  try {
    const bytes = new Uint8Array(await handle.readFile());
    // The file was hashed on the first pass; a file changed since would put wrong bytes under a checked name.
    if ((await hashImageBytes(bytes)) !== hash) throw new Error(`${source.path} changed while clipping`);
    return bytes;
  } finally {
    await handle.close();
  }
}

async function writeInside(out: string, path: string, data: string | Uint8Array): Promise<string> {
  const target = resolve(out, ...path.split('/'));
  if (!isInside(out, target)) throw new Error(`refusing to write outside ${out}: ${path}`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, data);
  return target;
}

function describeSummary(outcomes: readonly ImageOutcome[]): string {
  const { kept, remote, reasons } = summarizeImages(outcomes);
  const why = Object.entries(reasons).map(([reason, n]) => `${n} ${reason}`);
  return `${kept} image${kept === 1 ? '' : 's'} kept, ${remote} remote${why.length ? ` (${why.join(', ')})` : ''}`;
}

/**
 * Clips each page, keeps its images and writes posts and images under `options.out` at the paths the zip export
 * uses (`_posts/…`, `assets/images/…`, Hugo bundles, Obsidian attachments). Returns how many pages were written.
 */
export async function clipPagesWithImages(
  entries: readonly PageEntry[],
  settings: ClipSettings,
  options: ImageRunOptions,
  io: ImageIo,
): Promise<number> {
  const files: KeptFiles = new Map();
  const clipped: ClippedWithImages[] = [];
  const templateSettings = {
    post: { ...DEFAULT_POST_OPTIONS, timeZone: settings.timeZone },
    templates: settings.templates ?? [],
    activeTemplateId: settings.activeTemplateId ?? '',
    rules: settings.rules ?? [],
  };
  for (const entry of entries) {
    let bytes: Uint8Array;
    try {
      bytes = await readPageBytes(entry.path);
    } catch (error) {
      io.stderr(`${entry.file}: not clipped: ${errorMessage(error)}\n`);
      continue;
    }
    const now = await pageReferenceTime(entry.path, entry.now, settings.now);
    const source = entry.pages ? { path: entry.path, pages: entry.pages } : { path: entry.path };
    const page = clipHtmlBytes(bytes, entry.url, { ...settings, now }, source);
    if (!page.result.ok) {
      io.stderr(`${entry.file}: not clipped: ${page.result.code}\n`);
      continue;
    }
    const { draft, post } = page.result.value;
    const scratch = parseHtmlDocument('<!DOCTYPE html><html><head></head><body></body></html>', page.url);
    // Only what the post shows: the lead image and <noscript>-only files would be written with nothing linking them.
    const images = findDraftImages(draft, scratch).filter((image) => image.originalUrl !== null);
    const kept = await keepImages(
      images,
      { url: page.url, htmlDir: dirname(resolve(entry.path)) },
      options,
      files,
    );
    const kind = imageLayoutKindOf(chooseTemplate(templateSettings, page.url).template.id);
    clipped.push({ file: entry.file, post, kind, ...kept });
  }
  const zipPaths = postsToZipFiles(clipped.map((c) => c.post));
  const plans = planImageExport(
    clipped.map((c, i) => ({
      path: zipPaths[i]?.path ?? c.post.filename,
      kind: c.kind,
      outcomes: c.outcomes,
    })),
    { kind: 'plain', baseurl: options.baseurl },
  );
  const written = new Set<string>();
  for (const [i, c] of clipped.entries()) {
    const place = plans[i];
    if (!place) continue;
    for (const image of place.images) {
      if (written.has(image.path)) continue;
      const source = files.get(image.id);
      if (!source) continue;
      await writeInside(options.out, image.path, await readSource(source, image.id));
      written.add(image.path);
    }
    const content = rewriteImageLinks(c.post.content, place.targets, { linkStyle: place.linkStyle });
    const path = await writeInside(options.out, place.path, content);
    io.stderr(`wrote ${path}: ${describeSummary(c.outcomes)}\n`);
  }
  return clipped.length;
}
