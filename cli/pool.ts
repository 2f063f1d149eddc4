// Node: the CLI's worker pool: pages go one at a time to whichever worker is free; lines come back in input order.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../utils/pure/result';
import type { BatchLine, ClipSettings, PageEntry } from './batch';
import { hasTemplateSettings, toFailureLine } from './batch';
import { lazyLinkedomEvents } from './linkedom-lazy-events';
import { noDomino } from './worker-stubs';

export interface BatchOptions extends ClipSettings {
  /** Worker threads; 0 clips in this thread. */
  workers?: number;
  /** A page over this fails with `timeout`, and its worker is replaced. */
  pageTimeoutMs?: number;
  /** Stops the batch: no new page starts, workers are terminated, pages in flight are dropped. */
  signal?: AbortSignal;
  /** Called each time a page finishes (in any order), with how many have finished. */
  onProgress?: (done: number, total: number) => void;
}

/** How a batch ended: `emitted` lines went to `onLine`; a cancelled batch stops short of `total`. */
export interface BatchSummary {
  emitted: number;
  total: number;
  isCancelled: boolean;
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

/**
 * `npm run clip` and `bench:corpus` start node with `--single-threaded-gc` (a process-wide V8 flag: a worker cannot
 * set it, and V8 refuses it once running). With two workers on a 2-core machine, V8's parallel and concurrent
 * collector threads only fight the workers for the cores: the flag cut the corpus bench's CPU per page by about
 * 5 % and raised its pages/s by about 8 %, for about 100 MiB more peak memory.
 */
export const DEFAULT_WORKERS = 2;
const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
/** Workers that die before finishing a single page, in a row: the loader is broken, not the pages. */
const MAX_STARTUP_FAILURES = 3;
const WORKER_PATH = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** How a worker is started: a file to run, or code to evaluate. */
type WorkerSource = { kind: 'file'; url: URL } | { kind: 'eval'; code: string };

let bundled: Promise<WorkerSource> | null = null;

/**
 * The worker as one plain JS file, built with esbuild and kept in the temp folder under its content hash.
 * Registering tsx in each worker instead costs about 0.6 s of CPU per worker (its loader thread transpiles and
 * resolves every module again), which on a 2-core machine is more than a dozen pages.
 */
function getWorkerSource(): Promise<WorkerSource> {
  bundled ??= bundleWorker().catch(() => ({ kind: 'eval', code: buildTsxBootstrap() }) as const);
  return bundled;
}

/** Where the last bundle is recorded, per checkout: the bundle's path, the files it was built from, and when. */
const BUNDLE_INDEX = join(
  tmpdir(),
  `postclip-worker-${createHash('sha256').update(WORKER_PATH).digest('hex').slice(0, 16)}.json`,
);

interface BundleIndex {
  bundle: string;
  inputs: string[];
  /** Build start (ms since epoch): a source saved after it makes the bundle stale. */
  builtAt: number;
}

/** The recorded bundle, if it exists and none of its sources changed since it was built. */
async function findFreshBundle(): Promise<string | null> {
  try {
    const index = JSON.parse(await readFile(BUNDLE_INDEX, 'utf8')) as BundleIndex;
    await stat(index.bundle);
    const times = await Promise.all(index.inputs.map(async (path) => (await stat(path)).mtimeMs));
    return times.every((time) => time < index.builtAt) ? index.bundle : null;
  } catch {
    return null;
  }
}

async function writeAtomic(path: string, data: string): Promise<void> {
  // Another run may write the same file at once: write a private name, then rename over it.
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

async function bundleWorker(): Promise<WorkerSource> {
  const fresh = await findFreshBundle();
  if (fresh) return { kind: 'file', url: pathToFileURL(fresh) };
  const builtAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [WORKER_PATH],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [lazyLinkedomEvents, noDomino],
    // linkedom asks for `canvas` inside a try; the pool's own loader is never needed in a worker.
    external: ['canvas', 'esbuild'],
    // CommonJS dependencies call require() for Node built-ins; an ES module has no require of its own.
    banner: {
      js: "import { createRequire as __pcRequire } from 'node:module'; const require = __pcRequire(import.meta.url);",
    },
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild gave no worker bundle');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const bundle = join(tmpdir(), `postclip-worker-${hash}.mjs`);
  if (!existsSync(bundle)) await writeAtomic(bundle, code);
  // The build's own settings live here and in its plugin: a change to either makes the bundle stale too.
  const inputs = [
    ...Object.keys(result.metafile.inputs).map((path) => resolve(path)),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./linkedom-lazy-events.ts', import.meta.url)),
    fileURLToPath(new URL('./worker-stubs.ts', import.meta.url)),
  ];
  const index: BundleIndex = { bundle, inputs, builtAt };
  await writeAtomic(BUNDLE_INDEX, JSON.stringify(index));
  return { kind: 'file', url: pathToFileURL(bundle) };
}

/**
 * The fallback when esbuild is missing: workers start without tsx's hooks, and on Node 20
 * `execArgv: ['--import', 'tsx']` does not reach a worker's entry, so a tiny bootstrap registers tsx and imports
 * worker.ts.
 */
function buildTsxBootstrap(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports?: Record<string, { import?: { default?: string } } | string>;
  };
  const entry = manifest.exports?.['./esm/api'];
  const relative = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!relative) throw new Error('tsx has no ./esm/api export: cannot start clip workers');
  const api = pathToFileURL(resolve(dirname(manifestPath), relative)).href;
  const worker = pathToFileURL(WORKER_PATH).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
}

/**
 * How much a function runs before V8 considers optimising it (V8 11's default is 67,584). A worker lives for a few
 * dozen pages, and at the default V8's optimising compiler re-compiled and threw away so much of the cold bundle on
 * its background threads that it took a quarter of the CPU of the 500 kB–1 MB band: at 1,000,000 it compiles only
 * what stays hot. V8 flags are the process's, so it is set in this thread before the workers' isolates are made.
 */
export const WORKER_INTERRUPT_BUDGET = 1_000_000;
let isBudgetSet = false;

/** Sets the workers' interrupt budget, once per process (also used by tests/bench/cli-stages.ts, to split the same code). */
export function setWorkerJitBudget(): void {
  if (isBudgetSet) return;
  isBudgetSet = true;
  setFlagsFromString(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
}

function startWorker(source: WorkerSource, workerData: WorkerSettings): Worker {
  setWorkerJitBudget();
  // The bundle is plain JS: a worker that inherited tsx's `--import` loader (when the CLI runs under tsx) would
  // start it and route its loading through it, about 65 ms of CPU per worker for nothing. V8 flags such as
  // `--single-threaded-gc` are the process's and still apply. Not a filtered copy of process.execArgv: an explicit
  // list refuses per-process flags (ERR_WORKER_INVALID_EXEC_ARGV for `--single-threaded-gc`), which inheriting skips.
  return source.kind === 'file'
    ? new Worker(source.url, { workerData, execArgv: [] })
    : new Worker(source.code, { eval: true, workerData });
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
  source: WorkerSource,
  record: (index: number, line: BatchLine) => void,
): Promise<void> {
  const timeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const workerData: WorkerSettings = { timeZone: options.timeZone, now: options.now?.toISOString() ?? null };
  const { signal } = options;
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
      signal?.removeEventListener('abort', onAbort);
    };
    const settle = (): void => {
      isSettled = true;
      stopAll();
      resolveRun();
    };
    function onAbort(): void {
      if (!isSettled) settle();
    }
    const settleIfDone = (): boolean => {
      if (isSettled || done < entries.length) return isSettled;
      settle();
      return true;
    };
    const finish = (index: number, line: BatchLine): void => {
      done += 1;
      record(index, line);
    };
    // Work-stealing in its simplest form: a worker asks for the next page only when it is free, so a slow page
    // never holds up pages queued behind it on the same worker.
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
      if (slot.index !== null && entry) finish(slot.index, toFailureLine(entry, code, detail));
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
      const worker = startWorker(source, workerData);
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
        finish(reply.index, reply.line);
        if (!settleIfDone()) dispatch(slot);
      });
      worker.on('error', (error: Error) => retire(slot, 'unknown', `worker failed: ${error.message}`));
      worker.on('exit', (code: number) => retire(slot, 'unknown', `worker exited with code ${code}`));
    };
    if (signal?.aborted) {
      settle();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    for (let i = 0; i < count; i += 1) spawn();
  });
}

/**
 * Clips every entry and calls `onLine` once per page **in input order**, as soon as each line and all before it
 * are ready. Pages run on `workers` threads (default 2); a page that fails still gets its line. When `signal`
 * aborts, the batch stops at once: lines already given stay given, later ones never come.
 */
export async function runBatch(
  entries: PageEntry[],
  options: BatchOptions,
  onLine: (line: BatchLine, index: number) => void,
): Promise<BatchSummary> {
  const ready = new Map<number, BatchLine>();
  let cursor = 0;
  let done = 0;
  const record = (index: number, line: BatchLine): void => {
    done += 1;
    options.onProgress?.(done, entries.length);
    ready.set(index, line);
    // Once aborted, nothing more is given, not even lines that were already waiting for an earlier one.
    for (let head = ready.get(cursor); head && !options.signal?.aborted; head = ready.get(cursor)) {
      ready.delete(cursor);
      onLine(head, cursor);
      cursor += 1;
    }
  };
  const summary = (): BatchSummary => ({
    emitted: cursor,
    total: entries.length,
    isCancelled: cursor < entries.length,
  });
  // Templates and rules stay in this thread: the workers are started with the zone and the clock only.
  const workers = hasTemplateSettings(options) ? 0 : (options.workers ?? DEFAULT_WORKERS);
  const count = Math.min(workers, entries.length);
  if (count <= 0) {
    // The pipeline loads only when this thread clips: with workers, it stays out of the main thread.
    const { clipEntry } = await import('./clip-page');
    for (const [index, entry] of entries.entries()) {
      if (options.signal?.aborted) break;
      record(index, await clipEntry(entry, options));
    }
    return summary();
  }
  await runInWorkers(entries, options, count, await getWorkerSource(), record);
  return summary();
}
