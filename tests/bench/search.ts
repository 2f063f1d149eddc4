// Benchmark: the library search index (utils/pure/search-index.ts) over 10,000 synthetic clips, 3–8 kB bodies, a
// third of them Chinese. Prints build time, saved size, heap, load time and keystroke-to-rows latency; asserts no
// timings (the 50 ms target is printed beside the number).
// Usage: npm run bench:search -- [--clips 10000] [--tokenizer segmenter|bigram] [--queries 200] [--body-chars N]
// --body-chars: index only the start of each body, as the extension does (N Latin characters, fewer CJK; 0: whole).
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { BODY_INDEX_CHARS, indexedBody } from '../../utils/platform/search-library';
import { SearchIndex } from '../../utils/pure/search-index';
import type { TokenizerKind } from '../../utils/pure/search-tokenize';
import { availableTokenizer } from '../../utils/pure/search-tokenize';
import { keystrokes, makeDoc } from './search-corpus';

const TARGET_KEYSTROKE_MS = 50;
/** Rows the popup shows first: what a keystroke must produce. */
const FIRST_ROWS = 30;

const { values: args } = parseArgs({
  options: {
    clips: { type: 'string', default: '10000' },
    tokenizer: { type: 'string', default: availableTokenizer() },
    queries: { type: 'string', default: '200' },
    'body-chars': { type: 'string', default: String(BODY_INDEX_CHARS) },
  },
});
const CLIP_COUNT = Number(args.clips);
const QUERY_COUNT = Number(args.queries);
const BODY_CHARS = Number(args['body-chars']);
const TOKENIZER: TokenizerKind = args.tokenizer === 'bigram' ? 'bigram' : 'segmenter';

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

function fmt(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

console.log(`search bench: ${CLIP_COUNT} clips, tokenizer ${TOKENIZER}, node ${process.version}`);
if (!globalThis.gc) console.log('(run with node --expose-gc for exact heap figures)');
const docs = Array.from({ length: CLIP_COUNT }, (_, i) => makeDoc(i)).map((d) =>
  BODY_CHARS > 0 ? { ...d, body: indexedBody(d.body, BODY_CHARS) } : d,
);
console.log(
  `bodies indexed: ${BODY_CHARS > 0 ? `the start, as the extension cuts it (${BODY_CHARS} Latin characters, fewer CJK)` : 'whole'}`,
);
const textMiB = docs.reduce((sum, d) => sum + Buffer.byteLength(d.body), 0) / 2 ** 20;
console.log(
  `bodies: ${textMiB.toFixed(1)} MiB of Markdown, ${docs.filter((_, i) => i % 3 === 2).length} Chinese`,
);

/** CPU milliseconds (user + system) since `from`: steadier than wall time on a loaded machine. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

const heapBefore = heapMiB();
let start = performance.now();
const cpuStart = process.cpuUsage();
const index = SearchIndex.build(docs, { tokenizer: TOKENIZER });
const buildMs = performance.now() - start;
const buildCpuMs = cpuMs(cpuStart);
const heapIndex = heapMiB() - heapBefore;

start = performance.now();
const json = index.serialize();
const serializeMs = performance.now() - start;
const gzipKiB = gzipSync(json).length / 1024;

const heapBeforeLoad = heapMiB();
start = performance.now();
const loaded = SearchIndex.load(json, { tokenizer: TOKENIZER });
const loadMs = performance.now() - start;
if (!loaded) throw new Error('the saved index did not load');
const heapLoaded = heapMiB() - heapBeforeLoad;

// A keystroke's work: search, then order by clipped date (as the list shows) and take the first rows.
const order = new Map(docs.map((d, i) => [d.id, i]));
const queries = keystrokes(QUERY_COUNT);
const latencies: number[] = [];
const byKind = { cjk: [] as number[], latin: [] as number[] };
let empty = 0;
for (const query of queries) {
  start = performance.now();
  const ids = loaded.search(query);
  const rows = ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).slice(0, FIRST_ROWS);
  const ms = performance.now() - start;
  latencies.push(ms);
  (/\p{Script=Han}/u.test(query) ? byKind.cjk : byKind.latin).push(ms);
  if (rows.length === 0) empty += 1;
}
const sorted = [...latencies].sort((a, b) => a - b);
const slowest = queries
  .map((query, i) => ({ query, ms: latencies[i] ?? 0 }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 5);

console.log(
  `index build:        ${fmt(buildMs)} wall, ${fmt(buildCpuMs)} CPU (${(buildCpuMs / CLIP_COUNT).toFixed(2)} CPU ms per clip)`,
);
console.log(`heap of the index:  ${heapIndex.toFixed(1)} MiB (built), ${heapLoaded.toFixed(1)} MiB (loaded)`);
console.log(
  `serialised:         ${(json.length / 2 ** 20).toFixed(1)} MiB JSON, ${(gzipKiB / 1024).toFixed(1)} MiB gzipped, in ${fmt(serializeMs)}`,
);
console.log(`load from JSON:     ${fmt(loadMs)}`);
for (const [kind, values] of Object.entries(byKind)) {
  const s = [...values].sort((a, b) => a - b);
  console.log(
    `keystroke (${kind}):   median ${fmt(percentile(s, 0.5))}, p95 ${fmt(percentile(s, 0.95))} over ${s.length}`,
  );
}
const p95 = percentile(sorted, 0.95);
console.log(
  `keystroke to rows:  median ${fmt(percentile(sorted, 0.5))}, p95 ${fmt(p95)}, max ${fmt(sorted[sorted.length - 1] ?? NaN)} ` +
    `over ${queries.length} keystrokes; ${empty} found nothing; target < ${TARGET_KEYSTROKE_MS} ms: ` +
    (p95 < TARGET_KEYSTROKE_MS ? 'met' : 'MISSED'),
);
console.log(`slowest keystrokes: ${slowest.map((s) => `"${s.query}" ${fmt(s.ms)}`).join(', ')}`);
console.log(
  `load average while running: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
