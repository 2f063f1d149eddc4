// Pure: packs posts into a zip archive with fflate. No DOM, no extension API.
import { deflateSync, strToU8, Zip, ZipPassThrough } from 'fflate';
import { safeArchivePath, uniqueFilenames } from './filename';
import type { Post } from './types';

export interface TextZipFile {
  /** `folder/name`, `/`-separated. */
  path: string;
  /** Text, stored as UTF-8 (deflated). */
  content: string;
}

/**
 * A binary entry (an image), stored as it is: images are compressed already, deflating them again costs time for
 * nothing. `load` is called when the entry is written, one at a time, so only one file's bytes wait in memory.
 */
export interface BinaryZipFile {
  path: string;
  load: () => Uint8Array | Promise<Uint8Array>;
}

export type ZipFile = TextZipFile | BinaryZipFile;

// The zip format stores DOS dates: years 1980-2107; fflate accepts 1980-2099 and throws outside.
const MIN_ZIP_TIME = Date.UTC(1980, 0, 2);
const MAX_ZIP_TIME = Date.UTC(2099, 11, 30);

function toZipDate(mtime: Date): Date {
  const time = mtime.getTime();
  if (Number.isNaN(time)) return new Date(MIN_ZIP_TIME);
  return new Date(Math.min(MAX_ZIP_TIME, Math.max(MIN_ZIP_TIME, time)));
}

/** Refuses paths a zip cannot hold faithfully; see buildZip. */
function checkPaths(files: ZipFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new RangeError(`Duplicate zip path: ${file.path}`);
    if (file.path === '__proto__') throw new RangeError('Unsupported zip path: __proto__');
    seen.add(file.path);
  }
}

/**
 * An entry deflated in one call. fflate's streaming ZipDeflate gives the same bytes but set up a stream per
 * entry, which made 10,000 posts take 3 s longer in Chromium; pass-through with our own deflate is as fast as
 * zipSync and still lets the caller pause between entries.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, deflateSync(chunk, { level: 6 }), final);
  }
}

/** A zip written one entry at a time (fflate's streaming Zip), each output chunk handed to `sink` as it is made. */
function startZip(
  mtime: Date,
  sink: (chunk: Uint8Array) => void,
): {
  add(file: TextZipFile): void;
  addBytes(path: string, bytes: Uint8Array): void;
  finish(): void;
} {
  const date = toZipDate(mtime);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else sink(chunk);
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    add(file) {
      const entry = new DeflatedEntry(file.path);
      entry.mtime = date;
      zip.add(entry);
      entry.push(strToU8(file.content), true);
      check();
    },
    addBytes(path, bytes) {
      const entry = new ZipPassThrough(path);
      entry.mtime = date;
      zip.add(entry);
      entry.push(bytes, true);
      check();
    },
    finish() {
      zip.end();
      check();
    },
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A zip of UTF-8 text files (deflated). fflate marks non-ASCII names as UTF-8 (general purpose flag bit 11).
 * Throws a RangeError on a repeated path (a zip with two entries of one name unpacks to one file) and on the
 * bare path `__proto__`, which some unzip tools turn into a prototype and drop.
 */
export function buildZip(files: ZipFile[], mtime: Date = new Date()): Uint8Array {
  checkPaths(files);
  const chunks: Uint8Array[] = [];
  const zip = startZip(mtime, (chunk) => chunks.push(chunk));
  for (const file of files) {
    if ('content' in file) {
      zip.add(file);
      continue;
    }
    const bytes = file.load();
    if (!(bytes instanceof Uint8Array))
      throw new TypeError(`buildZip cannot wait for ${file.path}: use writeZipInSlices`);
    zip.addBytes(file.path, bytes);
  }
  zip.finish();
  return concat(chunks);
}

/**
 * The same zip as buildZip, written in slices of about `sliceMs` with `pause()` between them, so a page stays
 * responsive while it packs thousands of posts (one block of 10,000 froze the popup for ~2 s). Each chunk goes to
 * `sink` as soon as it is made, and a binary entry is loaded only when its turn comes, so the caller decides how
 * much of the archive is held in memory (export hands the chunks to Blobs). A pause also follows every
 * `sliceBytes` of binary entries: loading and copying them is the slow part, and it is not all counted in time.
 */
export async function writeZipInSlices(
  files: ZipFile[],
  sink: (chunk: Uint8Array) => void,
  pause: () => Promise<void>,
  mtime: Date = new Date(),
  sliceMs = 50,
  sliceBytes = 4 * 1024 * 1024,
): Promise<void> {
  checkPaths(files);
  const zip = startZip(mtime, sink);
  let sliceStart = Date.now();
  let bytesInSlice = 0;
  for (const file of files) {
    if ('content' in file) zip.add(file);
    else {
      const bytes = await file.load();
      zip.addBytes(file.path, bytes);
      bytesInSlice += bytes.length;
    }
    if (Date.now() - sliceStart >= sliceMs || bytesInSlice >= sliceBytes) {
      await pause();
      sliceStart = Date.now();
      bytesInSlice = 0;
    }
  }
  zip.finish();
}

/** writeZipInSlices into one array: for callers that hold the whole zip anyway (tests, the CLI). */
export async function buildZipInSlices(
  files: ZipFile[],
  pause: () => Promise<void>,
  mtime: Date = new Date(),
  sliceMs = 50,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeZipInSlices(files, (chunk) => chunks.push(chunk), pause, mtime, sliceMs);
  return concat(chunks);
}

/**
 * One zip entry per post, in order. A post whose file name has folders (Hugo's `content/posts/x.md`) keeps them;
 * the others go under `folder` (Jekyll's `_posts/`). Names are made safe and unique within each folder
 * (ignoring case, as Windows and macOS do).
 */
export function postsToZipFiles(posts: Post[], folder = '_posts'): TextZipFile[] {
  const placed = posts.map((post) => {
    const slash = post.filename.lastIndexOf('/');
    const dir = slash < 0 ? folder : safeArchivePath(post.filename.slice(0, slash), 'x').slice(0, -2);
    // A bare `__proto__` entry would vanish inside some unzip tools: give it a harmless name.
    const name = safeArchivePath('', post.filename.slice(slash + 1)).replace(/^__proto__$/, '__proto___');
    return { dir: dir || folder, name };
  });
  const byDir = new Map<string, number[]>();
  placed.forEach(({ dir }, i) => {
    const key = dir.toLowerCase();
    const indexes = byDir.get(key);
    if (indexes) indexes.push(i);
    else byDir.set(key, [i]);
  });
  const names: string[] = placed.map((p) => p.name);
  for (const indexes of byDir.values()) {
    const unique = uniqueFilenames(indexes.map((i) => placed[i]?.name ?? ''));
    indexes.forEach((i, k) => (names[i] = unique[k] ?? names[i] ?? ''));
  }
  return posts.map((post, i) => ({
    path: safeArchivePath(placed[i]?.dir ?? folder, names[i] ?? post.filename),
    content: post.content,
  }));
}

/** A single post's zip (the post with its images): the post's file name, without folders or extension, `.zip`. */
export function postZipName(postFilename: string): string {
  const name = postFilename.slice(postFilename.lastIndexOf('/') + 1).replace(/\.(md|markdown|txt)$/i, '');
  return `${safeArchivePath('', name || 'post').replace(/^__proto__$/, 'post')}.zip`;
}
