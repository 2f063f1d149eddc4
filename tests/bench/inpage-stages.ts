// Benchmark: the injected clip's in-page stages on the bench:clip pages, in headless Chromium without the extension:
// the extraction and Markdown bundled for the page, run alternately with the floor (Readability + turndown once) in
// the same page, so both see the same load. Prints the median stage split, the floor's and the ratio.
// Usage: npx tsx tests/bench/inpage-stages.ts [--runs 5] [--page large|typical] [--profile out.cpuprofile]
//   [--world isolated|main] [--floor-isolated] [--base DIR] [--probe] [--built DIR]
// `--base DIR`: a copy of another version's `utils/` (e.g. `git archive main utils | tar -x -C DIR`, with a
// node_modules link) is bundled too and run in turn with this one, for a before/after split under the same load.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/helpers/chromium';
import { startPageServer } from '../e2e/helpers/server';
import { bundleFloor } from './clip-probes';
import type { FloorRun } from './clip-probes';
import { writeBenchPages } from './clip-pages';
import { CLIP_STAGES } from '../../utils/pure/stage-timings';
import type { StageTimings } from '../../utils/pure/stage-timings';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

const ROOT = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    page: { type: 'string', default: 'large' },
    profile: { type: 'string' },
    // Where our clip runs: the extension's isolated world (as the injected script does) or the page's main world.
    world: { type: 'string', default: 'isolated' },
    // Run the floor in the isolated world too (it runs in the main world in bench:clip).
    'floor-isolated': { type: 'boolean', default: false },
    base: { type: 'string' },
    // Run the toolbar click's probe first in the same call, as probeAndClip does (entrypoints/clip/injected-api.ts).
    probe: { type: 'boolean', default: false },
    // An extension build's own clip.js (e.g. .output/chrome-mv3), run through its injected API beside the rest.
    built: { type: 'string' },
  },
});
const RUNS = Number(args.runs);

interface OwnRun {
  total: number;
  timings: StageTimings;
  markdownChars: number;
  markdownHash: string;
  title: string;
}

/** Our extraction and Markdown as the injected script runs them (entrypoints/clip/injected-api.ts, no images). */
async function bundleOwn(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { extractDeferredParts, isReaderable } from './utils/dom/extract';
        import { ownedElementToMarkdown } from './utils/dom/markdown';
        import { findCanonical } from './utils/dom/metadata';
        globalThis.__pcOwn = (probe) => {
          const timings = {};
          const clock = () => performance.now();
          const t0 = performance.now();
          // The probe's reads first, as the toolbar click's one call makes them (its answer is not needed here).
          if (probe) {
            const isArticle = isReaderable(document);
            findCanonical(document, location.href);
            if (!isArticle) throw new Error('the probe found no article');
          }
          const parts = extractDeferredParts(document, location.href, { now: new Date(), timings, clock });
          if (!parts.ok) throw new Error(parts.code + ': ' + parts.detail);
          const markdown = ownedElementToMarkdown(parts.value.content, parts.value.draft.url, undefined, { timings, clock });
          const total = performance.now() - t0;
          // A check that changes kept the Markdown as it was (FNV-1a over the UTF-16 units), outside the timing.
          let hash = 0x811c9dc5;
          for (let i = 0; i < markdown.length; i++) hash = Math.imul(hash ^ markdown.charCodeAt(i), 16777619);
          return { total, timings, markdownChars: markdown.length, markdownHash: (hash >>> 0).toString(16), title: parts.value.draft.title };
        };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no bundle');
  return text;
}

/** A build's clip.js, then a clip through its injected API as the toolbar click makes it (no images). */
async function wrapBuilt(dir: string): Promise<string> {
  const script = await readFile(join(dir, 'clip.js'), 'utf8');
  const options = { mode: 'article', now: Date.now(), style: DEFAULT_MARKDOWN_STYLE };
  return `${script};
    globalThis.__pcOwn = (probe) => {
      const api = globalThis.__postclip;
      const t0 = performance.now();
      if (probe && !api.probe().isReaderable) throw new Error('the probe found no article');
      const found = { clip: api.clip(${JSON.stringify(options)}) };
      const total = performance.now() - t0;
      const reply = found.clip;
      if (!reply || !reply.ok) throw new Error('the built clip failed: ' + JSON.stringify(reply));
      const markdown = reply.value.markdown;
      let hash = 0x811c9dc5;
      for (let i = 0; i < markdown.length; i++) hash = Math.imul(hash ^ markdown.charCodeAt(i), 16777619);
      return { total, timings: api.lastTimings, markdownChars: markdown.length, markdownHash: (hash >>> 0).toString(16), title: reply.value.draft.title };
    };`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const dir = await mkdtemp(join(tmpdir(), 'postclip-inpage-'));
const pages = await writeBenchPages(dir);
const server = await startPageServer(dir);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const versions: { name: string; source: string }[] = [
    ...(args.base ? [{ name: 'base', source: await bundleOwn(args.base) }] : []),
    { name: args.base ? 'this' : 'own', source: await bundleOwn(ROOT) },
    ...(args.built ? [{ name: 'built', source: await wrapBuilt(args.built) }] : []),
  ];
  const floor = await bundleFloor(ROOT);
  const file = args.page === 'typical' ? pages.typical.file : pages.large.file;
  const owns = new Map<string, OwnRun[]>(versions.map((v) => [v.name, []]));
  const floors: FloorRun[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh page per run: each clip starts from the page as loaded, as a user's click does.
    for (const which of [{ name: 'floor', source: floor }, ...versions]) {
      const isOwn = which.name !== 'floor';
      const page = await browser.newPage();
      await page.goto(server.url(file));
      const cdp = await page.context().newCDPSession(page);
      const isolated = isOwn ? args.world === 'isolated' : args['floor-isolated'] === true;
      let contextId: number | undefined;
      if (isolated) {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const world = await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'postclip-bench',
        });
        contextId = world.executionContextId;
      }
      const evaluate = async <T>(expression: string): Promise<T> => {
        const reply = await cdp.send('Runtime.evaluate', {
          expression,
          returnByValue: true,
          ...(contextId === undefined ? {} : { contextId }),
        });
        if (reply.exceptionDetails) throw new Error(JSON.stringify(reply.exceptionDetails));
        return reply.result.value as T;
      };
      await evaluate(which.source);
      const profiling = args.profile !== undefined && run === RUNS - 1;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (isOwn)
        owns.get(which.name)?.push(await evaluate<OwnRun>(`globalThis.__pcOwn(${String(args.probe)})`));
      else floors.push(await evaluate<FloorRun>('globalThis.__pcFloor()'));
      if (profiling && args.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(`${args.profile}.${which.name}`, JSON.stringify(profile));
      }
      await page.close();
    }
  }
  const floorTotal = median(floors.map((f) => f.total));
  const names = versions.map((v) => v.name);
  const runsOf = (name: string): OwnRun[] => owns.get(name) ?? [];
  // The minimum beside the median: on a loaded machine it is the steadier figure.
  console.log(`${file}, ${RUNS} runs, median and minimum (ms); ${args.world} world`);
  console.log(
    `  ${'stage'.padEnd(16)} ${names.map((n) => `${n} med`.padStart(9) + `${n} min`.padStart(9)).join(' ')}`,
  );
  const row = (label: string, read: (o: OwnRun) => number): void => {
    const cells = names.map((n) => {
      const values = runsOf(n).map(read);
      return `${median(values).toFixed(1).padStart(9)}${Math.min(...values)
        .toFixed(1)
        .padStart(9)}`;
    });
    console.log(`  ${label.padEnd(16)} ${cells.join(' ')}`);
  };
  for (const stage of CLIP_STAGES) {
    if (names.every((n) => runsOf(n).every((o) => (o.timings[stage] ?? 0) === 0))) continue;
    row(stage, (o) => o.timings[stage] ?? 0);
  }
  row('total', (o) => o.total);
  const totals = names.map((n) => median(runsOf(n).map((o) => o.total)));
  console.log(
    `  ${'total / floor'.padEnd(16)} ${totals.map((v) => (v / floorTotal).toFixed(2).padStart(8)).join(' ')}`,
  );
  console.log(
    `floor: total ${floorTotal.toFixed(1)}, clone ${median(floors.map((f) => f.clone)).toFixed(1)}, ` +
      `Readability ${median(floors.map((f) => f.readability)).toFixed(1)}, turndown ${median(floors.map((f) => f.turndown)).toFixed(1)}`,
  );
  for (const name of names) {
    const first = runsOf(name)[0];
    console.log(`${name}: markdown ${first?.markdownChars} chars, hash ${first?.markdownHash}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
