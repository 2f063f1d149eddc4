// Benchmark: where the CLI's CPU goes per page, in this thread (no workers): read, decode, parse, readerable and
// each clip stage, on the corpus pages of a size band. Run under `node --cpu-prof` for a profile.
// Usage: npx tsx --single-threaded-gc tests/bench/cli-stages.ts ../shared/corpus [--min-kb 500] [--max-kb 1000]
// [--rounds 2] [--default-jit] [--floor]. --floor runs, in place of the clip, only what any clipper must: a clone,
// Readability and turndown of its article (the floor of issue 13, as tests/bench/clip-probes.ts has it in the page). V8's interrupt budget is set as the workers have it (cli/pool.ts) unless
// --default-jit is given. It runs the sources through tsx, not the workers' bundle: linkedom's EventTarget is not patched here
// (cli/linkedom-lazy-events.ts), so node creation and GC cost more than in `bench:corpus`.
import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import { readPageBytes } from '../../cli/batch';
import { decodeHtml } from '../../cli/decode';
import { parseHtmlDocument } from '../../cli/parse';
import { setWorkerJitBudget } from '../../cli/pool';
import { isReaderable } from '../../utils/dom/extract';
import { clipDocument } from '../../utils/dom/pipeline';
import type { StageTimings } from '../../utils/pure/stage-timings';
import { CLIP_STAGES } from '../../utils/pure/stage-timings';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'min-kb': { type: 'string', default: '500' },
    'max-kb': { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
    'default-jit': { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
  },
});

/** Inflated size: a gzip file's trailer holds it. */
function htmlBytes(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (!path.endsWith('.gz') || size < 4) return size;
    const trailer = Buffer.alloc(4);
    readSync(fd, trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}

function listPages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listPages(path));
    else if (/\.html?(?:\.gz)?$/i.test(name)) out.push(path);
  }
  return out;
}

if (!values['default-jit']) setWorkerJitBudget();
const root = resolve(positionals[0] ?? '../shared/corpus');
const min = Number(values['min-kb']) * 1000;
const max = Number(values['max-kb']) * 1000;
const pages = listPages(root)
  .filter((p) => {
    const size = htmlBytes(p);
    return size >= min && size <= max;
  })
  .sort();
const totals: Record<string, number> = {};
const add = (key: string, ms: number): void => {
  totals[key] = (totals[key] ?? 0) + ms;
};
const now = new Date('2025-01-01T00:00:00Z');
const rounds = Number(values.rounds);
// GC pauses by kind (this thread's; with --single-threaded-gc that is all of the collector's work).
const gcMs = { scavenge: 0, other: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gcMs.scavenge += entry.duration;
    else gcMs.other += entry.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
/** Clone, Readability and turndown, as the browser floor runs them (the article handed over as an element). */
function runFloor(doc: Document): void {
  let t = performance.now();
  const clone = doc.cloneNode(true) as Document;
  add('floor clone', performance.now() - t);
  t = performance.now();
  const article = new Readability<HTMLElement>(clone, { serializer: (el) => el as HTMLElement }).parse();
  add('floor readability', performance.now() - t);
  t = performance.now();
  if (article?.content) new TurndownService().turndown(article.content);
  add('floor turndown', performance.now() - t);
}

const cpuStart = process.cpuUsage();
for (let round = 0; round < rounds; round += 1) {
  for (const path of pages) {
    let t = performance.now();
    const bytes = await readPageBytes(path);
    add('read', performance.now() - t);
    t = performance.now();
    const text = decodeHtml(bytes).text;
    add('decode', performance.now() - t);
    t = performance.now();
    const doc = parseHtmlDocument(text, 'https://example.com/page.html');
    add('parse', performance.now() - t);
    if (values.floor) {
      runFloor(doc);
      continue;
    }
    t = performance.now();
    isReaderable(doc);
    add('readerable', performance.now() - t);
    const timings: StageTimings = {};
    t = performance.now();
    clipDocument(doc, 'https://example.com/page.html', { now, timings, clock: () => performance.now() });
    add('clip (all)', performance.now() - t);
    for (const stage of CLIP_STAGES) add(`  ${stage}`, timings[stage] ?? 0);
  }
}
const cpu = process.cpuUsage(cpuStart);
gcObserver.disconnect();
const n = pages.length * rounds;
console.log(
  `${pages.length} pages of ${min / 1000}–${max / 1000} kB, ${rounds} rounds, one thread${values.floor ? ', floor only' : ''}`,
);
for (const [key, ms] of Object.entries(totals))
  console.log(`${key.padEnd(22)} ${(ms / n).toFixed(1)} ms/page`);
console.log(`cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms/page (this process, GC included)`);
console.log(
  `gc pauses ${((gcMs.scavenge + gcMs.other) / n).toFixed(1)} ms/page (scavenge ${(gcMs.scavenge / n).toFixed(1)}, other ${(gcMs.other / n).toFixed(1)})`,
);
console.log(`peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (max RSS)`);
