// Benchmark: a real toolbar click in headless Chromium against the floor (Readability + turndown run once in the
// same page), on a typical article and a 3.6 MB one; prints the ratio (click until the popup shows the clipped
// title, over the floor), click-to-saved and the time split. The click clips in the background at once and opens
// the popup beside it (utils/platform/toolbar-clip.ts).
// Usage: npm run bench:clip -- [--no-build] [--runs 5] [--settle] [--extension DIR] [--profile FILE]
//   --settle: click once the page has painted (two animation frames), as a user clicks a page they see; without it
//             the click comes at the load event, while the renderer may still lay the large page out.
//   --extension DIR: measure another build (e.g. main's .output/chrome-mv3) with this script, for side-by-side pairs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Worker } from 'playwright-core';
import type { ChromiumSession } from '../e2e/helpers/chromium';
import { launchChromium } from '../e2e/helpers/chromium';
import type { PageServer } from '../e2e/helpers/server';
import { startPageServer } from '../e2e/helpers/server';
import { writeBenchPages } from './clip-pages';
import type { StageTimings } from '../../utils/pure/stage-timings';
import { CLIP_STAGES } from '../../utils/pure/stage-timings';
import type { FloorRun, PopupTrace, WorkerTrace } from './clip-probes';
import {
  bundleFloor,
  INSTALL_POPUP_WATCH,
  INSTALL_WORKER_TRACE,
  READ_PAGE_TIMINGS,
  AWAIT_POPUP_WATCH,
  TAKE_WORKER_TRACE,
} from './clip-probes';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = join(ROOT, '.output', 'chrome-mv3');
const TARGETS = { largeRatio: 1.3, typicalSavedMs: 300 };
const CLIP_TIMEOUT_MS = 120_000;

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    settle: { type: 'boolean', default: false },
    extension: { type: 'string' },
    // Write the page's CPU profile (every world of its renderer) of the last large clip, to read in DevTools.
    profile: { type: 'string' },
  },
});
const RUNS = Number(args.runs);

const epochNow = (): number => performance.timeOrigin + performance.now();

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function ms(n: number): string {
  return Number.isFinite(n) ? `${n.toFixed(n < 100 ? 1 : 0)} ms` : 'n/a';
}

function printTable(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

/**
 * The floor in the page's main world (the floor), or in an isolated world as any extension's injected
 * script runs: there every DOM node handed to script costs more, so that floor is what an extension can reach.
 */
async function measureFloor(
  session: ChromiumSession,
  url: string,
  source: string,
  world: 'main' | 'isolated' = 'main',
): Promise<FloorRun> {
  const page = await session.context.newPage();
  await page.goto(url);
  let run: FloorRun;
  if (world === 'main') {
    await page.evaluate(source);
    run = await page.evaluate<FloorRun>('globalThis.__pcFloor()');
  } else {
    const cdp = await session.context.newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const created = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'floor',
    });
    const evaluate = async (expression: string): Promise<unknown> => {
      const reply = await cdp.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
        contextId: created.executionContextId,
      });
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
      return reply.result.value;
    };
    await evaluate(source);
    run = (await evaluate('globalThis.__pcFloor()')) as FloorRun;
    await cdp.detach();
  }
  await page.close();
  return run;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Resolves with the popup's target as soon as Chromium announces it (no polling delay). */
function waitForPopupTarget(session: ChromiumSession): Promise<TargetInfo> {
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.cdp.off('Target.targetCreated', onTarget);
      session.cdp.off('Target.targetInfoChanged', onTarget);
      reject(new Error('the popup never opened'));
    }, 20_000);
    function onTarget(event: { targetInfo: TargetInfo }): void {
      if (event.targetInfo.type !== 'page' || !event.targetInfo.url.startsWith(popupUrl)) return;
      clearTimeout(timer);
      session.cdp.off('Target.targetCreated', onTarget);
      session.cdp.off('Target.targetInfoChanged', onTarget);
      resolve(event.targetInfo);
    }
    session.cdp.on('Target.targetCreated', onTarget);
    session.cdp.on('Target.targetInfoChanged', onTarget);
  });
}

/** Runtime.evaluate in a target Playwright cannot reach as a Page (the action popup), over the browser session. */
async function attachEvaluator(session: ChromiumSession, targetId: string) {
  const { sessionId } = await session.cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<
    number,
    (msg: { result?: { result?: { value?: unknown } }; error?: unknown }) => void
  >();
  const onMessage = (event: { sessionId: string; message: string }): void => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  };
  session.cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    evaluate<T>(expression: string, awaitPromise = false): Promise<T> {
      const id = nextId++;
      const reply = new Promise<T>((resolve, reject) =>
        pending.set(id, (msg) => {
          pending.delete(id);
          if (msg.error) reject(new Error(JSON.stringify(msg.error)));
          else resolve(msg.result?.result?.value as T);
        }),
      );
      const message = JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise },
      });
      void session.cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => undefined);
      return reply;
    },
    async close(): Promise<void> {
      session.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await session.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await session.cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}

/** A Chromium trace of every process (the browser session's Tracing domain), read in chrome://tracing or Perfetto. */
const TRACE_CATEGORIES = [
  'toplevel',
  'ipc',
  'extensions',
  'v8',
  'blink',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
];

async function startTrace(session: ChromiumSession): Promise<void> {
  await session.cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  } as never);
}

async function endTrace(session: ChromiumSession): Promise<string> {
  const done = new Promise<string>((resolve) =>
    session.cdp.once('Tracing.tracingComplete' as never, (event: { stream: string }) =>
      resolve(event.stream),
    ),
  );
  await session.cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = (await session.cdp.send('IO.read', { handle })) as { data: string; eof: boolean };
    text += chunk.data;
    if (chunk.eof) break;
  }
  await session.cdp.send('IO.close', { handle });
  return text;
}

interface ClipRun {
  clickAt: number;
  popup: PopupTrace;
  worker: WorkerTrace;
  /** The injected script's own stage times (null from a build without them). */
  stages: StageTimings | null;
}

async function measureClip(
  session: ChromiumSession,
  worker: Worker,
  url: string,
  profileTo?: string,
): Promise<ClipRun> {
  const page: Page = await session.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  // The page on screen: its first layout and paint done (each evaluate waits for the renderer to be free).
  if (args.settle)
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  await worker.evaluate(INSTALL_WORKER_TRACE);
  await worker.evaluate(TAKE_WORKER_TRACE);
  const { targetInfos } = (await session.cdp.send('Target.getTargets', {
    filter: [{ type: 'tab' }],
  })) as unknown as { targetInfos: TargetInfo[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  const popupTarget = waitForPopupTarget(session);
  const profiler = profileTo === undefined ? null : await session.context.newCDPSession(page);
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  // With --profile, a CPU reading of every Chromium thread every 100 ms while the clip runs: which works when.
  const threads = profiler ? await chromiumThreads() : null;
  const cpuTimeline: { at: number; cpu: Map<string, number> }[] = [];
  let sampling = threads !== null;
  const sampler = (async () => {
    while (sampling && threads) {
      cpuTimeline.push({ at: epochNow(), cpu: await readCpu(threads) });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  if (profiler) await startTrace(session);
  const clickAt = epochNow();
  await session.cdp.send(
    'Extensions.triggerAction' as never,
    { id: session.extensionId, targetId: tab.targetId } as never,
  );
  const popup = await attachEvaluator(session, (await popupTarget).targetId);
  await popup.evaluate(INSTALL_POPUP_WATCH);
  // One call that the popup answers once the clip is shown: polling from here cost the popup and the browser CPU.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const trace = await Promise.race([
    popup.evaluate<PopupTrace>(AWAIT_POPUP_WATCH, true),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the popup never showed the clip of ${url}`)),
        CLIP_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  sampling = false;
  await sampler;
  const [first, last] = [cpuTimeline[0], cpuTimeline.at(-1)];
  if (first && last) {
    console.log(`CPU ms from click to the body shown, by thread: ${cpuSpent(first.cpu, last.cpu)}`);
    cpuTimeline.forEach((sample, i) => {
      const previous = cpuTimeline[i - 1];
      if (previous)
        console.log(`  to ${Math.round(sample.at - clickAt)} ms: ${cpuSpent(previous.cpu, sample.cpu, 10)}`);
    });
  }
  if (profiler && profileTo !== undefined) {
    await writeFile(`${profileTo}.trace.json`, await endTrace(session));
    const { profile } = await profiler.send('Profiler.stop');
    await writeFile(profileTo, JSON.stringify(profile));
    await profiler.detach();
  }
  const workerTrace = await worker.evaluate<WorkerTrace>(TAKE_WORKER_TRACE);
  const stages = await worker.evaluate<StageTimings | null>(READ_PAGE_TIMINGS).catch(() => null);
  await popup.close();
  await page.close();
  return { clickAt, popup: trace, worker: workerTrace, stages };
}

/** The parent of each process now (Linux /proc), to tell this bench's browser from others on a shared machine. */
async function parentPids(): Promise<Map<string, string>> {
  const parents = new Map<string, string>();
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const ppid = /^PPid:\s*(\d+)/m.exec(status)?.[1];
    if (ppid !== undefined) parents.set(pid, ppid);
  }
  return parents;
}

function descendsFrom(pid: string, ancestor: string, parents: Map<string, string>): boolean {
  for (let at: string | undefined = parents.get(pid), hops = 0; at !== undefined && hops < 64; hops++) {
    if (at === ancestor) return true;
    at = parents.get(at);
  }
  return false;
}

/**
 * Every thread of the Chromium this bench launched (its processes descend from this one), named `role/thread`, with
 * the path of its /proc stat file (Linux). Other browsers on the machine are left out.
 */
async function chromiumThreads(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const parents = await parentPids();
  const self = String(process.pid);
  for (const pid of parents.keys()) {
    if (!descendsFrom(pid, self, parents)) continue;
    try {
      const cmd = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split(/[\0 ]/);
      if (!cmd[0]?.includes('chrom')) continue;
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const role = `${type}${cmd.includes('--extension-process') ? '(ext)' : ''}:${pid}`;
      for (const tid of await readdir(`/proc/${pid}/task`)) {
        const comm = (await readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8')).trim();
        out.set(`${role}/${comm}:${tid}`, `/proc/${pid}/task/${tid}/stat`);
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** CPU ms (user + system) of each listed thread now; 10 ms steps (clock ticks). */
async function readCpu(threads: Map<string, string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [name, path] of threads) {
    const stat = (await readFile(path, 'utf8').catch(() => ')')).split(') ')[1]?.split(' ') ?? [];
    out.set(name, (Number(stat[11]) + Number(stat[12])) * 10);
  }
  return out;
}

/** What each thread spent between two readings, largest first, threads under 20 ms left out. */
function cpuSpent(before: Map<string, number>, after: Map<string, number>, min = 20): string {
  return [...after]
    .map(([name, ms]) => ({ name, ms: ms - (before.get(name) ?? ms) }))
    .filter((p) => p.ms >= min)
    .sort((a, b) => b.ms - a.ms)
    .map((p) => `${p.name} ${p.ms}`)
    .join('; ');
}

/** The one-call flow's probe time in the page, which READ_PAGE_TIMINGS adds beside the stages (NaN without). */
function probeInPage(stages: StageTimings | null): number {
  const probe: unknown = stages && (stages as Record<string, unknown>).probe;
  return typeof probe === 'number' ? probe : NaN;
}

/** The injected script's own stage times added up (NaN without them). */
function inPage(stages: StageTimings | null): number {
  return stages ? CLIP_STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0) : NaN;
}

/**
 * The stages one run shows from outside; NaN where the trace lacks a mark. The toolbar click starts the clip in
 * the background while Chromium loads the popup, so the popup's rows are beside the clip's, not before it.
 */
function splitRun(run: ClipRun): Record<string, number> {
  const { calls, writes } = run.worker;
  const [probeCheck] = calls;
  // The two-call flow probes, then clips; the one-call flow (probe-clip) probes inside the clip call.
  const probeCall = calls.find((c) => c.kind === 'probe');
  const injection = calls.find((c) => c.kind === 'files');
  const clipCall = calls.find((c) => c.kind === 'clip' || c.kind === 'probe-clip');
  const clipCheck = probeCall ? calls.filter((c) => c.kind === 'check').at(1) : undefined;
  const beforeClip = probeCall ?? injection ?? probeCheck;
  const write = writes.find((w) => w.stores.includes('clips')) ?? writes.at(-1);
  // The popup's own mark is exact; the watcher's time is an upper bound when it came late.
  const shown = run.popup.markedAt ?? run.popup.paintedAt;
  const span = (a: number | null | undefined, b: number | null | undefined): number =>
    a === null || a === undefined || b === null || b === undefined ? NaN : b - a;
  return {
    'click → clip starts in the background': span(run.clickAt, probeCheck?.start),
    'check, inject clip.js (, probe call)': span(probeCheck?.start, beforeClip?.end),
    '  of which clip.js injection': span(injection?.start, injection?.end),
    '  of which the probe call (two-call flow)': span(probeCall?.start, probeCall?.end),
    '→ clip call starts (store lookup, settings)': span(beforeClip?.end, clipCheck?.start ?? clipCall?.start),
    '(check +) clip call: (probe +) extraction + message back': span(
      clipCheck?.start ?? clipCall?.start,
      clipCall?.end,
    ),
    'checks → store write starts': span(clipCall?.end, write?.start),
    'store write (readwrite transaction)': span(write?.start, write?.end),
    'click → saved': span(run.clickAt, write?.end),
    '  of which outside the page’s stages': span(run.clickAt, write?.end) - inPage(run.stages),
    '  of which the probe inside the clip call (one-call flow)': probeInPage(run.stages),
    'beside it: click → popup navigation starts': span(run.clickAt, run.popup.navigationStart),
    'beside it: click → popup DOMContentLoaded': span(run.clickAt, run.popup.domContentLoaded),
    'saved → popup shows the title': span(write?.end, shown),
    'click → popup shows the title': span(run.clickAt, shown),
    'beside it: title → the post’s body first shows': span(shown, run.popup.editorAt),
    'beside it: title → the body in CodeMirror': span(shown, run.popup.codeMirrorAt),
  };
}

interface PageResult {
  name: string;
  bytes: number;
  floor: FloorRun[];
  floorIsolated: FloorRun[];
  clips: ClipRun[];
  titleOk: boolean;
}

async function measurePage(
  session: ChromiumSession,
  worker: Worker,
  server: PageServer,
  floorSource: string,
  page: { name: string; file: string; title: string; bytes: number },
): Promise<PageResult> {
  // One unmeasured round of each first: the first clip of a session also opens the store and wakes things up.
  await measureFloor(session, server.url(`${page.file}?floor=warm`), floorSource);
  await measureClip(session, worker, server.url(`${page.file}?clip=warm`));
  const floor: FloorRun[] = [];
  const floorIsolated: FloorRun[] = [];
  const clips: ClipRun[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    floor.push(await measureFloor(session, server.url(`${page.file}?floor=${run}`), floorSource));
    floorIsolated.push(
      await measureFloor(session, server.url(`${page.file}?floor-isolated=${run}`), floorSource, 'isolated'),
    );
    // A fresh URL each time: the same URL would find the clip already saved and not clip again.
    const profileTo = page.name === 'large' && run === RUNS - 1 ? args.profile : undefined;
    clips.push(
      await measureClip(session, worker, server.url(`${page.file}?clip=${run}-${Date.now()}`), profileTo),
    );
  }
  const titleOk = clips.every((c) => c.popup.title?.includes(page.title) === true);
  return { name: page.name, bytes: page.bytes, floor, floorIsolated, clips, titleOk };
}

function report(results: PageResult[]): void {
  const rows = results.map((r) => {
    const floor = median(r.floor.map((f) => f.total));
    const floorIsolated = median(r.floorIsolated.map((f) => f.total));
    const clip = median(r.clips.map((c) => splitRun(c)['click → popup shows the title'] ?? NaN));
    const saved = median(r.clips.map((c) => splitRun(c)['click → saved'] ?? NaN));
    const target =
      r.name === 'large'
        ? `ratio ≤ ${TARGETS.largeRatio}× ${clip / floor <= TARGETS.largeRatio ? 'ok' : 'MISSED'}`
        : `saved < ${TARGETS.typicalSavedMs} ms ${saved < TARGETS.typicalSavedMs ? 'ok' : 'MISSED'}`;
    return [
      `${r.name} (${(r.bytes / 1e6).toFixed(2)} MB)`,
      ms(floor),
      ms(clip),
      `${(clip / floor).toFixed(2)}×`,
      `${ms(floorIsolated)}, ${(clip / floorIsolated).toFixed(2)}×`,
      ms(saved),
      target,
      r.titleOk ? 'yes' : 'NO',
    ];
  });
  printTable(
    `Clip vs floor, median of ${RUNS} runs (fresh tab each)`,
    [
      'page',
      'floor',
      'clip (click → title shown)',
      'clip/floor',
      'floor in an isolated world, clip/it',
      'click → saved',
      'target',
      'title ok',
    ],
    rows,
  );
  for (const r of results) {
    const floorRows = (['clone', 'readability', 'turndown', 'total'] as const).map((key) => [
      key,
      ms(median(r.floor.map((f) => f[key]))),
    ]);
    printTable(`Floor on ${r.name}: Readability + turndown in the page`, ['stage', 'median'], floorRows);
    printTable(
      `The same floor in an isolated world (as an extension's injected script runs)`,
      ['stage', 'median'],
      (['clone', 'readability', 'turndown', 'total'] as const).map((key) => [
        key,
        ms(median(r.floorIsolated.map((f) => f[key]))),
      ]),
    );
    const splits = r.clips.map(splitRun);
    const names = Object.keys(splits[0] ?? {});
    printTable(
      `Clip on ${r.name}: time split seen from outside (median; min–max)`,
      ['stage', 'median', 'min', 'max'],
      names.map((name) => {
        const values = splits.map((s) => s[name] ?? NaN).filter(Number.isFinite);
        return [name, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))];
      }),
    );
    const staged = r.clips.map((c) => c.stages).filter((t): t is StageTimings => t !== null);
    if (staged.length > 0) {
      const stageRows = CLIP_STAGES.map((stage) => {
        const values = staged.map((t) => t[stage] ?? 0);
        return [stage, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))];
      });
      const sums = staged.map(inPage);
      stageRows.push([
        'extraction total (in the page)',
        ms(median(sums)),
        ms(Math.min(...sums)),
        ms(Math.max(...sums)),
      ]);
      printTable(
        `Clip on ${r.name}: extraction stages inside the page (__postclip.lastTimings; median; min–max)`,
        ['stage', 'median', 'min', 'max'],
        stageRows,
      );
    }
    const late = r.clips.filter((c) => c.popup.isLate && c.popup.markedAt === null).length;
    if (late > 0)
      console.log(
        `  (${late} runs: the row was on screen before the watcher: first render is an upper bound)`,
      );
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a positive integer');
  if (!args['no-build'] && args.extension === undefined) {
    console.log('Building the Chrome extension (npx wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`wxt build failed with status ${String(build.status)}`);
  }
  const built = args.extension ?? BUILT;
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`${built} is missing: build first`);
  // Private copies: others may rebuild .output meanwhile, and the pages are too big to keep in the repository.
  const work = await mkdtemp(join(tmpdir(), 'postclip-bench-clip-'));
  const extension = join(work, 'extension');
  const pagesDir = join(work, 'pages');
  await cp(built, extension, { recursive: true });
  await mkdir(pagesDir);
  const pages = await writeBenchPages(pagesDir);
  const floorSource = await bundleFloor(ROOT);
  const server = await startPageServer(pagesDir);
  const session = await launchChromium(extension);
  try {
    await session.cdp.send('Target.setDiscoverTargets', { discover: true });
    const worker = session.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    const results: PageResult[] = [];
    for (const name of ['typical', 'large'] as const) {
      console.log(`Measuring ${name}.html…`);
      results.push(await measurePage(session, worker, server, floorSource, { name, ...pages[name] }));
    }
    console.log(
      `\nChromium ${session.context.browser()?.version() ?? '?'}; ${RUNS} runs per page; ${built}` +
        (args.settle ? '; click after the page painted (--settle)' : '; click at the load event'),
    );
    report(results);
  } finally {
    await session.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
