// Node: the CLI's page runner: read a saved page (.html or .html.gz), clip it, and report one JSON line per page.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gunzip } from 'node:zlib';
import type { ErrorCode, Result } from '../utils/pure/result';
import { isErrorCode } from '../utils/pure/result';
import type { SiteRule } from '../utils/pure/site-rules';
import type { Template } from '../utils/pure/template';
import type { DateSource, FoundDate, Post } from '../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../utils/pure/types';
import { toIsoString, withOffset, zoneOffsetMinutes } from '../utils/pure/dates';
import type { ClipOutput } from '../utils/dom/pipeline';
import { isReaderable } from '../utils/dom/extract';
import { clipDocument } from '../utils/dom/pipeline';
import { decodeHtml } from './decode';
import { findPageUrl, parseHtmlDocument, setDocumentUrl } from './parse';

const gunzipAsync = promisify(gunzip);

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
  text: string;
  markdown: string;
  post: Post;
}

export interface BatchFailure {
  file: string;
  url: string;
  ok: false;
  error: ErrorCode;
  detail?: string;
}

export type BatchLine = BatchSuccess | BatchFailure;

/** The machine's own IANA zone (what `--tz` defaults to). */
export function getLocalTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether `zone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
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
    inflated = await gunzipAsync(raw, { maxOutputLength: MAX_PAGE_BYTES + 1 });
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

export interface ClippedPage {
  /** The URL the page was clipped as: the given one, else the page's own, else a localhost placeholder. */
  url: string;
  result: Result<ClipOutput>;
  /** The popup's auto-clip check (`isReaderable`) on the page as loaded. */
  readerable: boolean;
}

/** Decodes, parses and clips one page's bytes. Never throws for a bad page: errors come back as codes. */
export function clipHtmlBytes(bytes: Uint8Array, url: string | null, settings: ClipSettings): ClippedPage {
  const placeholder = `http://localhost/${randomUUID()}.html`;
  const doc = parseHtmlDocument(decodeHtml(bytes).text, url ?? placeholder);
  let pageUrl = url;
  if (pageUrl === null) {
    pageUrl = findPageUrl(doc) ?? placeholder;
    if (pageUrl !== placeholder) setDocumentUrl(doc, pageUrl);
  }
  const readerable = isReaderable(doc);
  const result = clipDocument(doc, pageUrl, {
    now: settings.now ?? new Date(),
    post: { ...DEFAULT_POST_OPTIONS, timeZone: settings.timeZone },
    ...(settings.activeTemplateId === undefined ? {} : { activeTemplateId: settings.activeTemplateId }),
    ...(settings.templates ? { templates: settings.templates } : {}),
    ...(settings.rules ? { rules: settings.rules } : {}),
  });
  return { url: pageUrl, result, readerable };
}

/** The JSON line for one clipped page. */
export function toBatchLine(file: string, page: ClippedPage, timeZone: string): BatchLine {
  const { url, result } = page;
  if (!result.ok) {
    return result.detail === undefined
      ? { file, url, ok: false, error: result.code }
      : { file, url, ok: false, error: result.code, detail: result.detail };
  }
  const { draft, markdown, post } = result.value;
  return {
    file,
    url,
    ok: true,
    readerable: page.readerable,
    title: draft.title,
    byline: draft.byline,
    siteName: draft.siteName,
    published: toPublishedField(draft.published, timeZone),
    lang: draft.lang,
    canonical: draft.canonical,
    keywords: draft.keywords,
    text: draft.textContent,
    markdown,
    post,
  };
}

function describeError(error: unknown): { code: ErrorCode; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  const errno = (error as { code?: unknown } | null)?.code;
  if (errno === 'ENOENT' || errno === 'EISDIR') return { code: 'not-found', detail };
  if (isErrorCode(errno)) return { code: errno, detail };
  return { code: 'unknown', detail };
}

/** Reads and clips one page. A missing, huge or broken page becomes a failure line; the run goes on. */
export async function clipEntry(entry: PageEntry, settings: ClipSettings): Promise<BatchLine> {
  const fallbackUrl = entry.url ?? '';
  try {
    const bytes = await readPageBytes(entry.path);
    const now = await pageReferenceTime(entry.path, entry.now, settings.now);
    return toBatchLine(entry.file, clipHtmlBytes(bytes, entry.url, { ...settings, now }), settings.timeZone);
  } catch (error) {
    const { code, detail } = describeError(error);
    return { file: entry.file, url: fallbackUrl, ok: false, error: code, detail };
  }
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

/**
 * Reads a JSONL manifest: one `{"file": …, "url": …, "now": …}` a line, `url` and `now` optional. Relative files are relative to the
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
    const { file, url, now } = record;
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
    entries.push(entry);
  });
  return entries;
}

// ---------------------------------------------------------------- worker pool

export interface BatchOptions extends ClipSettings {
  /** Worker threads; 0 clips in this thread. */
  workers?: number;
  /** A page over this fails with `timeout`, and its worker is replaced. */
  pageTimeoutMs?: number;
}

/** What a worker is given at start (structured-clone safe). */
export interface WorkerSettings {
  timeZone: string;
  /** ISO string; null means the current time at each clip. */
  now: string | null;
}
export interface WorkerTask {
  index: number;
  entry: PageEntry;
}
/** A worker says `ready` once its modules are loaded, so page timeouts never count start-up time. */
export type WorkerReply = { kind: 'ready' } | { kind: 'line'; index: number; line: BatchLine };

export const DEFAULT_WORKERS = 2;
const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
/** Workers that die before finishing a single page, in a row: the loader is broken, not the pages. */
const MAX_STARTUP_FAILURES = 3;
const WORKER_URL = new URL('./worker.ts', import.meta.url);

/**
 * Workers start without tsx's hooks, and on Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's
 * entry. A tiny JS bootstrap registers tsx's ESM API in the worker, then imports worker.ts.
 */
function buildWorkerBootstrap(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports?: Record<string, { import?: { default?: string } } | string>;
  };
  const entry = manifest.exports?.['./esm/api'];
  const relative = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!relative) throw new Error('tsx has no ./esm/api export: cannot start clip workers');
  const api = pathToFileURL(resolve(dirname(manifestPath), relative)).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
}

interface Slot {
  worker: Worker;
  index: number | null;
  timer: NodeJS.Timeout | undefined;
  completed: number;
}

function runInWorkers(
  entries: PageEntry[],
  options: BatchOptions,
  count: number,
  emit: (index: number, line: BatchLine) => void,
): Promise<void> {
  const timeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const workerData: WorkerSettings = { timeZone: options.timeZone, now: options.now?.toISOString() ?? null };
  const bootstrap = buildWorkerBootstrap();
  return new Promise<void>((resolveRun, rejectRun) => {
    const slots = new Set<Slot>();
    let next = 0;
    let done = 0;
    let startupFailures = 0;
    let isSettled = false;

    const stopAll = (): void => {
      for (const slot of slots) {
        clearTimeout(slot.timer);
        slot.worker.removeAllListeners();
        void slot.worker.terminate();
      }
      slots.clear();
    };
    const settleIfDone = (): boolean => {
      if (isSettled || done < entries.length) return isSettled;
      isSettled = true;
      stopAll();
      resolveRun();
      return true;
    };
    const record = (index: number, line: BatchLine): void => {
      done += 1;
      emit(index, line);
    };
    const dispatch = (slot: Slot): void => {
      const entry = entries[next];
      if (!entry) {
        slots.delete(slot);
        slot.worker.removeAllListeners();
        void slot.worker.terminate();
        return;
      }
      const task: WorkerTask = { index: next, entry };
      next += 1;
      slot.index = task.index;
      slot.timer = setTimeout(() => retire(slot, 'timeout', `no result after ${timeoutMs} ms`), timeoutMs);
      slot.worker.postMessage(task);
    };
    // A worker that hung or died: fail its page, replace it, go on.
    const retire = (slot: Slot, code: ErrorCode, detail: string): void => {
      if (isSettled || !slots.has(slot)) return;
      clearTimeout(slot.timer);
      slots.delete(slot);
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      const entry = slot.index === null ? undefined : entries[slot.index];
      if (slot.index !== null && entry) record(slot.index, toFailureLine(entry, code, detail));
      // A page that times out is the page's problem; a worker that dies before its first page is the loader's.
      if (code !== 'timeout') startupFailures = slot.completed === 0 ? startupFailures + 1 : 0;
      if (startupFailures >= MAX_STARTUP_FAILURES) {
        isSettled = true;
        stopAll();
        rejectRun(new Error(`clip workers keep failing at start: ${detail}`));
        return;
      }
      if (!settleIfDone() && next < entries.length) spawn();
    };
    const spawn = (): void => {
      const worker = new Worker(bootstrap, { eval: true, workerData });
      const slot: Slot = { worker, index: null, timer: undefined, completed: 0 };
      slots.add(slot);
      worker.on('message', (reply: WorkerReply) => {
        if (isSettled) return;
        if (reply.kind === 'ready') {
          dispatch(slot);
          return;
        }
        if (slot.index !== reply.index) return;
        clearTimeout(slot.timer);
        slot.index = null;
        slot.completed += 1;
        startupFailures = 0;
        record(reply.index, reply.line);
        if (!settleIfDone()) dispatch(slot);
      });
      worker.on('error', (error: Error) => retire(slot, 'unknown', `worker failed: ${error.message}`));
      worker.on('exit', (code: number) => retire(slot, 'unknown', `worker exited with code ${code}`));
    };
    for (let i = 0; i < count; i += 1) spawn();
  });
}

/**
 * Clips every entry and calls `onLine` once per page **in input order**, as soon as each line and all before it
 * are ready. Pages run on `workers` threads (default 2); a page that fails still gets its line.
 */
export async function runBatch(
  entries: PageEntry[],
  options: BatchOptions,
  onLine: (line: BatchLine, index: number) => void,
): Promise<void> {
  const ready = new Map<number, BatchLine>();
  let cursor = 0;
  const emit = (index: number, line: BatchLine): void => {
    ready.set(index, line);
    for (let head = ready.get(cursor); head; head = ready.get(cursor)) {
      ready.delete(cursor);
      onLine(head, cursor);
      cursor += 1;
    }
  };
  // Templates and rules stay in this thread: the workers are started with the zone and the clock only.
  const workers = hasTemplateSettings(options) ? 0 : (options.workers ?? DEFAULT_WORKERS);
  const count = Math.min(workers, entries.length);
  if (count <= 0) {
    for (const [index, entry] of entries.entries()) emit(index, await clipEntry(entry, options));
    return;
  }
  await runInWorkers(entries, options, count, emit);
}
