// Node: the CLI's page runner: read a saved page (.html or .html.gz), the batch line types, and manifests. No DOM here.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ErrorCode } from '../utils/pure/result';
import type { SiteRule } from '../utils/pure/site-rules';
import type { Template } from '../utils/pure/template';
import type { DateSource, FoundDate, Post } from '../utils/pure/types';
import { toIsoString, withOffset, zoneOffsetMinutes } from '../utils/pure/dates';

/** Bigger pages are not articles anyone saved on purpose, and would stall a worker. */
export const MAX_PAGE_BYTES = 30 * 1024 * 1024;

/** One page to clip. `file` is kept as the user wrote it; `path` is where it is on disk. */
export interface PageEntry {
  file: string;
  path: string;
  /** Null: take the page's canonical or og:url, else a throwaway localhost URL. */
  url: string | null;
  /** The clip's reference time from the manifest's `"now"`; absent: the run's `--now`, else the file's mtime. */
  now?: Date;
  /** The manifest's `"pages"`: a multi-page article's later pages, URL → file (relative to the manifest). */
  pages?: Record<string, string>;
}

export interface ClipSettings {
  /** IANA zone for local times with no known offset; '' is the machine's zone. */
  timeZone: string;
  /** The clock the pipeline sees; defaults to the current time. */
  now?: Date;
  /** A built-in preset's id (`hugo-toml`…) or one of `templates`; default: Jekyll. */
  activeTemplateId?: string;
  /** Templates from a rules file, beside the built-in presets. */
  templates?: Template[];
  /** Site rules from a rules file, before the built-in ones. */
  rules?: SiteRule[];
}

/** Whether a run uses templates or rules, which the worker threads are not given (cli/worker.ts passes the zone and clock only). */
export function hasTemplateSettings(settings: ClipSettings): boolean {
  return (
    settings.activeTemplateId !== undefined ||
    (settings.templates?.length ?? 0) > 0 ||
    (settings.rules?.length ?? 0) > 0
  );
}

export interface PublishedField {
  raw: string;
  /** ISO 8601: `2022-02-17T09:00:40+08:00`, or `2022-02-17` when only the day is known. */
  value: string;
  source: DateSource;
}

export interface BatchSuccess {
  file: string;
  url: string;
  ok: true;
  /** Whether the popup would auto-clip this page (the same `isReaderable` check). */
  readerable: boolean;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: PublishedField | null;
  lang: string | null;
  canonical: string | null;
  keywords: string[];
  /** Pages of a multi-page article joined into the post (1: a single page). */
  pagesJoined: number;
  text: string;
  markdown: string;
  post: Post;
}

export interface BatchFailure extends Partial<RefusedPageFields> {
  file: string;
  url: string;
  ok: false;
  error: ErrorCode;
  detail?: string;
}

/**
 * What a `not-an-article` line still carries: the page's metadata, as the popup's "Save whole page" keeps it.
 * `error` stays, so scripts still see the page was refused; `readerable` is false, as the popup would not auto-clip.
 */
export interface RefusedPageFields {
  readerable: false;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: PublishedField | null;
  modified: PublishedField | null;
  lang: string | null;
}

export type BatchLine = BatchSuccess | BatchFailure;

/** The machine's own IANA zone (what `--tz` defaults to). */
export function getLocalTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// The one time-zone check, re-exported for the CLI's modules.
export { isValidTimeZone } from '../utils/pure/time-zone';

/** The output buffer size for inflating `gz`: its trailer's size, within zlib's bounds and the page limit. */
function inflatedSizeHint(gz: Uint8Array): number {
  const MIN_CHUNK = 64 * 1024;
  if (gz.byteLength < 4) return MIN_CHUNK;
  const at = gz.byteLength - 4;
  const size =
    ((gz[at] ?? 0) | ((gz[at + 1] ?? 0) << 8) | ((gz[at + 2] ?? 0) << 16)) + (gz[at + 3] ?? 0) * 2 ** 24;
  return Math.min(Math.max(size + 1, MIN_CHUNK), MAX_PAGE_BYTES + 1);
}

/** Reads a saved page, gunzipping `.gz` files. */
export async function readPageBytes(path: string): Promise<Uint8Array> {
  // Checked before reading and while inflating: a 2 GB file or a small gzip bomb must never reach memory whole.
  const { size } = await stat(path);
  if (size > MAX_PAGE_BYTES) throw new PageTooLargeError(path, size);
  const raw = await readFile(path);
  if (!path.toLowerCase().endsWith('.gz')) return new Uint8Array(raw);
  let inflated: Buffer;
  try {
    // In one piece, in this thread: the async form inflates 16 kB at a time, each piece a trip through libuv's
    // pool, about twice the CPU on a 700 kB page. The gzip trailer's size (mod 2^32, and untrusted) only sizes the
    // output buffer; `maxOutputLength` is still the limit.
    inflated = gunzipSync(raw, { maxOutputLength: MAX_PAGE_BYTES + 1, chunkSize: inflatedSizeHint(raw) });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PageTooLargeError(path, MAX_PAGE_BYTES + 1);
    }
    throw error;
  }
  if (inflated.byteLength > MAX_PAGE_BYTES) throw new PageTooLargeError(path, inflated.byteLength);
  return new Uint8Array(inflated);
}

/**
 * The reference time a page is clipped against (year-less and relative dates, the "never in the future" rule):
 * the manifest line's `now`, else the run's `--now`, else when the file was saved (its modification time).
 */
export async function pageReferenceTime(path: string, entryNow?: Date, runNow?: Date): Promise<Date> {
  if (entryNow) return entryNow;
  if (runNow) return runNow;
  try {
    return (await stat(path)).mtime;
  } catch {
    return new Date();
  }
}

/** A page over MAX_PAGE_BYTES; its `code` is the error code batch lines and messages use. */
export class PageTooLargeError extends Error {
  readonly code = 'page-too-large' as const;

  constructor(path: string, bytes: number) {
    super(`${path} has more than ${MAX_PAGE_BYTES} bytes of HTML (${bytes})`);
  }
}

/** The published date as ISO 8601; a local time with no known offset takes the user's zone. */
export function toPublishedField(found: FoundDate | null, timeZone: string): PublishedField | null {
  if (!found) return null;
  const { parts } = found;
  const resolved =
    parts.hour !== undefined && parts.offsetMinutes === undefined
      ? withOffset(parts, zoneOffsetMinutes(timeZone, parts))
      : parts;
  return { raw: found.raw, value: toIsoString(resolved), source: found.source };
}

/** Failure for a page whose clip never came back (worker timeout or crash). */
export function toFailureLine(entry: PageEntry, code: ErrorCode, detail?: string): BatchFailure {
  const line: BatchFailure = { file: entry.file, url: entry.url ?? '', ok: false, error: code };
  return detail === undefined ? line : { ...line, detail };
}

/** An ISO 8601 time (`2026-12-05T01:00:00Z`, `2026-12-05`) as a Date, or null. */
export function parseNow(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return null;
  const time = new Date(text.trim());
  return Number.isNaN(time.getTime()) ? null : time;
}

/** A manifest line's `pages` map, its files made absolute; null when it is not `{URL: file}`. */
function readPagesMap(value: unknown, folder: string): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const map: Record<string, string> = {};
  for (const [url, file] of Object.entries(value)) {
    if (typeof file !== 'string' || !file || !/^https?:\/\//i.test(url)) return null;
    map[url] = isAbsolute(file) ? file : resolve(folder, file);
  }
  return map;
}

/**
 * Reads a JSONL manifest: one `{"file": …, "url": …, "now": …, "pages": {URL: file}}` a line, all but `file` optional. Relative files are relative to the
 * manifest's folder. Blank lines are skipped; a malformed line throws (a usage error, not a page failure).
 */
export function parseManifest(text: string, manifestPath: string): PageEntry[] {
  const folder = dirname(resolve(manifestPath));
  const entries: PageEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${manifestPath}:${index + 1}: not JSON`);
    }
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const { file, url, now, pages } = record;
    if (typeof file !== 'string' || !file) throw new Error(`${manifestPath}:${index + 1}: no "file"`);
    if (url !== undefined && url !== null && typeof url !== 'string') {
      throw new Error(`${manifestPath}:${index + 1}: "url" is not a string`);
    }
    const entry: PageEntry = {
      file,
      path: isAbsolute(file) ? file : resolve(folder, file),
      url: url || null,
    };
    if (now !== undefined && now !== null) {
      const time = typeof now === 'string' ? parseNow(now) : null;
      if (!time) throw new Error(`${manifestPath}:${index + 1}: "now" is not an ISO 8601 time`);
      entry.now = time;
    }
    if (pages !== undefined && pages !== null) {
      const map = readPagesMap(pages, folder);
      if (!map) throw new Error(`${manifestPath}:${index + 1}: "pages" is not a map of URLs to files`);
      entry.pages = map;
    }
    entries.push(entry);
  });
  return entries;
}
