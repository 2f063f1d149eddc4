// Benchmark steps for bench:library (library.ts) in the real popup page: the full-text index (first build with no
// saved index, then a load from the saved one, and the heap it holds), search keystroke → rows with the index
// ready (p50/p95 over words only bodies hold, English and Chinese), and opening a clip into the body editor.
// Prints nothing itself: library.ts prints the tables. Timings are reported, never judged.
import type { CDPSession, Page } from 'playwright-core';
import { FILTER_DEBOUNCE_MS } from '../../components/filter-box';
import type { FilterSample } from './library-probes';

/** Words from the bench clips' body sentences (library-fixtures.ts), never in titles, sites or tags. */
export const BODY_WORDS = [
  'consultation',
  'neighbourhood',
  'engineers',
  'financial',
  'steadily',
  'critics',
  '客流量',
  '配套设施',
  '排队',
  '措施',
  '市民',
  '统计',
];
const INDEX_TIMEOUT_MS = 600_000;
const PARTIAL = '.search-partial';
const ROW_OPEN = '[data-row-id] .row-open';
const BODY_EDITOR = '[aria-label="Body"]';

interface HeapUsage {
  usedSize: number;
}

export interface IndexRun {
  /** The first filter keystroke → the list says it searches the full text (index built or loaded, and saved). */
  readyMs: number;
  /** JS heap after GC with the index in memory, minus the same before the first keystroke. */
  heapBytes: number;
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as HeapUsage).usedSize;
}

/**
 * Types a body word into a fresh popup and waits until the partial-search note is gone, i.e. until the index is
 * ready. With no saved index this is the build; with one, the load.
 */
export async function measureIndexReady(page: Page): Promise<IndexRun> {
  const cdp = await page.context().newCDPSession(page);
  const before = await usedHeap(cdp);
  const started = performance.now();
  await page.getByLabel('Filter clips').fill(BODY_WORDS[0] ?? 'consultation');
  // The note shows once the first query came back without the index; it goes when the index answers.
  await page
    .locator(PARTIAL)
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch(() => undefined);
  await page.locator(PARTIAL).waitFor({ state: 'detached', timeout: INDEX_TIMEOUT_MS });
  const readyMs = performance.now() - started;
  const heapBytes = (await usedHeap(cdp)) - before;
  await cdp.detach();
  await page.getByLabel('Filter clips').fill('');
  return { readyMs, heapBytes };
}

export interface KeystrokeSample {
  word: string;
  /** Input event → rows replaced (includes the filter's debounce). */
  rawMs: number;
  /** The debounce firing → rows replaced: the search itself and the render. */
  searchMs: number;
}

/** One search per word, from the unfiltered list each time, with the index ready. */
export async function measureKeystrokes(page: Page, runs: number): Promise<KeystrokeSample[]> {
  const samples: KeystrokeSample[] = [];
  for (let run = 0; run < runs; run += 1) {
    for (const word of BODY_WORDS) {
      await page.evaluate('globalThis.postclipBench.armFilter()');
      await page.getByLabel('Filter clips').fill(word);
      const sample = await page.evaluate<FilterSample>('globalThis.postclipBench.filterDone');
      await page.evaluate('globalThis.postclipBench.armFilter()');
      await page.getByLabel('Filter clips').fill('');
      await page.evaluate('globalThis.postclipBench.filterDone');
      if (sample.changedAt === null || sample.inputAt === null) continue;
      // The full-text answer comes from memory, so no IndexedDB query marks its start: the debounce does.
      const issuedAt = sample.inputAt + FILTER_DEBOUNCE_MS;
      samples.push({
        word,
        rawMs: sample.changedAt - sample.inputAt,
        searchMs: sample.changedAt - issuedAt,
      });
    }
  }
  return samples;
}

/** A click on a row's title → the body editor is in the DOM with the clip's text (Playwright side, CDP included). */
export async function measureOpenEditor(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const row = page.locator(ROW_OPEN).nth(run);
    const started = performance.now();
    await row.click();
    await page.locator(BODY_EDITOR).first().waitFor({ state: 'attached' });
    times.push(performance.now() - started);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.locator(ROW_OPEN).first().waitFor();
  }
  return times;
}

/** The p-th percentile (0–1) of the values, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}
