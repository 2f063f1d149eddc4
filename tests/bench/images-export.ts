// Export all with images, printed (no pass/fail): `npx tsx tests/bench/images-export.ts [--clips N] [--kb K]`.
// N clips (default 1,000) × 10 kept images of K KB (default 20) each, all distinct, in fake-indexeddb; runs the
// extension's own exportZip (render, plan, rewrite, zip with stored image entries read one at a time) in a jsdom
// document and prints: total time, the longest main-thread stall (the gap a 5 ms ticker sees), peak RSS and heap.
// The download step itself needs the browser; here it fails after the zip is built, which is reported.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import type { PendingImage } from '../../utils/platform/image-store';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import { openLibrary } from '../../utils/platform/store';
import { hashImageBytes } from '../../utils/pure/images/hash';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { toMarkdownKey } from '../../utils/pure/markdown-key';
import { makeDraft } from '../kit/builders';

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const CLIPS = readFlag('--clips', 1000);
const KB = readFlag('--kb', 20);
const PER_CLIP = 10;
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

(globalThis as { document?: Document }).document = new JSDOM('<!doctype html><body></body>').window.document;

const lib = await openLibrary(new IDBFactory());
const markdownKey = toMarkdownKey(DEFAULT_SETTINGS.markdown);
const fillStart = performance.now();
for (let c = 0; c < CLIPS; c++) {
  const outcomes: ImageOutcome[] = [];
  const pending: PendingImage[] = [];
  const lines: string[] = [];
  for (let i = 0; i < PER_CLIP; i++) {
    const bytes = new Uint8Array(KB * 1024);
    bytes.set(PNG_HEAD);
    new DataView(bytes.buffer).setUint32(16, c * PER_CLIP + i);
    const hash = await hashImageBytes(bytes);
    const url = `https://news.example/${c}/img-${i}.png`;
    outcomes.push({ url, originalUrl: url, status: 'kept', hash, ext: 'png', size: bytes.length });
    pending.push({ hash, bytes, type: 'png', mime: 'image/png', ext: 'png' });
    lines.push(`Paragraph ${i} of story ${c}.`, `![photo ${i}](${url})`);
  }
  const draft = makeDraft({ url: `https://news.example/story-${c}`, title: `Story ${c}` });
  await lib.saveDraft(draft, lines.join('\n\n'), 1_700_000_000_000 + c, markdownKey, { outcomes, pending });
}
console.log(
  `filled ${CLIPS} clips × ${PER_CLIP} images of ${KB} KB in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
);

const { exportZip } = await import('../../utils/platform/post-rendering');
let longest = 0;
let last = performance.now();
let peakRss = 0;
let peakHeap = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  longest = Math.max(longest, now - last);
  last = now;
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed + memory.arrayBuffers);
}, 5);
const start = performance.now();
last = start;
const result = await exportZip(lib, DEFAULT_SETTINGS, 'all', () => {});
const total = performance.now() - start;
clearInterval(ticker);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `export: ${(total / 1000).toFixed(1)} s; longest stall ${longest.toFixed(0)} ms; peak RSS ${mb(peakRss)}, peak heap+buffers ${mb(peakHeap)}`,
);
console.log(
  `images: ${mb(CLIPS * PER_CLIP * KB * 1024)} in the zip; result: ${result.ok ? 'ok' : `${result.code} (${result.detail ?? ''})`}`,
);
lib.close();
