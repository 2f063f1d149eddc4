// Benchmark: Export all of a library whose clips keep images, in a real Chromium, as a user clicks it. Prints the
// total time, the longest main-thread stall (the longest "long task" the page reports), and peak memory: the
// page's JS heap and ArrayBuffers, and the resident size of the page's renderer and of the browser process (which
// holds Blob bytes). Fails only when the zip is wrong. Called by library.ts (`npm run bench:library`); alone:
// npx tsx tests/bench/library-export.ts [--no-build] [--clips 1000] [--images 10] [--kb 20]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../e2e/helpers/chromium';
import { launchChromium, openExtensionPage } from '../e2e/helpers/chromium';
import { waitForDownload } from '../e2e/helpers/files';
import type { ImageFillReport } from './library-export-fill';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE_MS = 100;
const EXPORT_TIMEOUT_MS = 600_000;
const TARGET_STALL_MS = 200;

export interface ImageExportOptions {
  clips: number;
  imagesPerClip: number;
  kbEach: number;
}

const DEFAULTS: ImageExportOptions = { clips: 1000, imagesPerClip: 10, kbEach: 20 };

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** Watches long tasks from the page's start: installed before the popup's own scripts. */
const LONG_TASK_PROBE = `
globalThis.postclipLongTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) globalThis.postclipLongTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
`;

async function bundleFill(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'library-export-fill.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced nothing for library-export-fill.ts');
  return text;
}

async function evaluateScript(page: Page, source: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const result = (await cdp.send('Runtime.evaluate', { expression: source })) as {
    exceptionDetails?: { text: string };
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`script failed in page: ${result.exceptionDetails.text}`);
}

async function readRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

interface ProcessInfo {
  type: string;
  id: number;
}

async function listProcesses(browserCdp: CDPSession): Promise<ProcessInfo[]> {
  try {
    const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as unknown as {
      processInfo: ProcessInfo[];
    };
    return info.processInfo;
  } catch {
    return [];
  }
}

interface Peaks {
  heapUsed: number;
  arrayBuffers: number;
  rendererRss: number;
  browserRss: number;
}

/** Samples memory every SAMPLE_MS until stopped. */
function sampleMemory(pageCdp: CDPSession, browserCdp: CDPSession) {
  let isStopped = false;
  const peak: Peaks = { heapUsed: 0, arrayBuffers: 0, rendererRss: 0, browserRss: 0 };
  const done = (async () => {
    while (!isStopped) {
      const [usage, processes] = await Promise.all([
        pageCdp.send('Runtime.getHeapUsage') as Promise<{ usedSize: number; backingStorageSize?: number }>,
        listProcesses(browserCdp),
      ]);
      peak.heapUsed = Math.max(peak.heapUsed, usage.usedSize);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, usage.backingStorageSize ?? 0);
      for (const p of processes) {
        const rss = await readRss(p.id);
        if (p.type === 'renderer') peak.rendererRss = Math.max(peak.rendererRss, rss);
        if (p.type === 'browser') peak.browserRss = Math.max(peak.browserRss, rss);
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      isStopped = true;
      await done;
      return peak;
    },
  };
}

/** The entry count and central directory of a zip on disk, read from its end record (no unpacking). */
async function countZipEntries(path: string): Promise<number> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(Math.min(size, 65_557));
    await handle.read(tail, 0, tail.length, size - tail.length);
    for (let at = tail.length - 22; at >= 0; at--)
      if (tail.readUInt32LE(at) === 0x06054b50)
        return tail.readUInt16LE(at + 10) || tail.readUInt32LE(at + 10);
    return -1;
  } finally {
    await handle.close();
  }
}

async function measure(session: ChromiumSession, options: ImageExportOptions): Promise<string[]> {
  const problems: string[] = [];
  const filler = await openExtensionPage(session, 'popup.html');
  await evaluateScript(filler, await bundleFill());
  console.log(
    `Filling ${options.clips} clips × ${options.imagesPerClip} images of ${options.kbEach} KiB through saveDraft…`,
  );
  const fill = await filler.evaluate<ImageFillReport>(
    `globalThis.postclipBenchFillImages(${options.clips}, ${options.imagesPerClip}, ${options.kbEach * 1024})`,
  );
  await filler.close();
  console.log(`  ${fill.count} clips, ${fill.images} images (${mib(fill.imageBytes)}) in ${ms(fill.ms)}`);
  if (fill.images !== options.clips * options.imagesPerClip)
    problems.push(`the store holds ${fill.images} images, not ${options.clips * options.imagesPerClip}`);

  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript({ content: LONG_TASK_PROBE });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  await page.waitForTimeout(1000);
  const pageCdp = await session.context.newCDPSession(page);
  await pageCdp.send('HeapProfiler.collectGarbage');
  const before = (await pageCdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const idle = await sampleMemory(pageCdp, session.cdp).stop();
  const sampler = sampleMemory(pageCdp, session.cdp);
  const clickedAt = await page.evaluate<number>('performance.now()');
  const started = performance.now();
  await page.getByRole('button', { name: 'Export all', exact: true }).click();
  const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/, EXPORT_TIMEOUT_MS);
  const total = performance.now() - started;
  const peak = await sampler.stop();
  const tasks = await page.evaluate<{ start: number; duration: number }[]>('globalThis.postclipLongTasks');
  await pageCdp.detach();
  await page.close();

  const during = tasks.filter((t) => t.start + t.duration >= clickedAt);
  const longest = during.reduce((max, t) => Math.max(max, t.duration), 0);
  const entries = await countZipEntries(zipPath);
  const expected = options.clips * (1 + options.imagesPerClip);
  if (entries !== expected) problems.push(`the zip has ${entries} entries, not ${expected}`);
  const { size } = await stat(zipPath);

  console.log(
    `\nExport all with images (${options.clips} clips × ${options.imagesPerClip} images of ${options.kbEach} KiB; ` +
      `click → zip on disk; memory sampled every ${SAMPLE_MS} ms)`,
  );
  const rows: [string, string][] = [
    ['time to zip on disk', ms(total)],
    ['longest main-thread stall (long task)', `${ms(longest)}  (target < ${TARGET_STALL_MS} ms)`],
    ['long tasks over 50 ms during export', String(during.length)],
    ['peak JS heap used', `${mib(peak.heapUsed)}  (before: ${mib(before.usedSize)})`],
    ['peak ArrayBuffer backing', mib(peak.arrayBuffers)],
    ['peak renderer RSS (largest renderer)', `${mib(peak.rendererRss)}  (before: ${mib(idle.rendererRss)})`],
    ['peak browser process RSS', `${mib(peak.browserRss)}  (before: ${mib(idle.browserRss)})`],
    ['images in the library', mib(fill.imageBytes)],
    ['zip size / entries', `${mib(size)} / ${entries}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  return problems;
}

/** Runs on a private copy of `extensionDir` in a fresh profile; returns what was wrong (nothing if all is well). */
export async function benchImageExport(
  extensionDir: string,
  options: ImageExportOptions = DEFAULTS,
): Promise<string[]> {
  const copy = await mkdtemp(join(tmpdir(), 'postclip-bench-export-ext-'));
  await cp(extensionDir, copy, { recursive: true });
  const session = await launchChromium(copy);
  try {
    return await measure(session, options);
  } finally {
    await session.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      clips: { type: 'string', default: String(DEFAULTS.clips) },
      images: { type: 'string', default: String(DEFAULTS.imagesPerClip) },
      kb: { type: 'string', default: String(DEFAULTS.kbEach) },
    },
  });
  const extension = join(ROOT, '.output', 'chrome-mv3');
  if (!values['no-build']) {
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('wxt build failed');
  }
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`${extension} is missing: build first`);
  const problems = await benchImageExport(extension, {
    clips: Number(values.clips),
    imagesPerClip: Number(values.images),
    kbEach: Number(values.kb),
  });
  if (problems.length > 0) {
    console.error(`\nFAILED:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
}
