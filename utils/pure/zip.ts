// Pure: packs posts into a zip archive with fflate. No DOM, no extension API.
import type { Zippable } from 'fflate';
import { strToU8, zipSync } from 'fflate';
import { safeArchivePath, uniqueFilenames } from './filename';
import type { Post } from './types';

export interface ZipFile {
  /** `folder/name`, `/`-separated. */
  path: string;
  /** Text, stored as UTF-8. */
  content: string;
}

// The zip format stores DOS dates: years 1980-2107; fflate accepts 1980-2099 and throws outside.
const MIN_ZIP_TIME = Date.UTC(1980, 0, 2);
const MAX_ZIP_TIME = Date.UTC(2099, 11, 30);

function toZipDate(mtime: Date): Date {
  const time = mtime.getTime();
  if (Number.isNaN(time)) return new Date(MIN_ZIP_TIME);
  return new Date(Math.min(MAX_ZIP_TIME, Math.max(MIN_ZIP_TIME, time)));
}

/**
 * A zip of UTF-8 text files (deflated). fflate marks non-ASCII names as UTF-8 (general purpose flag bit 11).
 * Throws a RangeError on a repeated path (a zip with two entries of one name unpacks to one file) and on the
 * bare path `__proto__`, which fflate's internal plain objects would turn into a prototype and drop.
 */
export function buildZip(files: ZipFile[], mtime: Date = new Date()): Uint8Array {
  const entries = Object.create(null) as Zippable;
  const date = toZipDate(mtime);
  for (const file of files) {
    if (Object.prototype.hasOwnProperty.call(entries, file.path)) {
      throw new RangeError(`Duplicate zip path: ${file.path}`);
    }
    if (file.path === '__proto__') throw new RangeError('Unsupported zip path: __proto__');
    entries[file.path] = [strToU8(file.content), { mtime: date }];
  }
  return zipSync(entries, { level: 6 });
}

/** One zip entry per post, in order, under `folder`: names made safe and unique (ignoring case). */
export function postsToZipFiles(posts: Post[], folder = '_posts'): ZipFile[] {
  // A bare `__proto__` entry would vanish inside fflate (buildZip refuses it): give it a harmless name.
  const safeNames = posts.map((post) =>
    safeArchivePath('', post.filename).replace(/^__proto__$/, '__proto___'),
  );
  const names = uniqueFilenames(safeNames);
  return posts.map((post, i) => ({
    path: safeArchivePath(folder, names[i] ?? post.filename),
    content: post.content,
  }));
}
