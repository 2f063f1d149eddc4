// Figures for clipping many tabs: 10 article tabs in real headless Chromium, Clip all through the background's
// batch (two at a time). Prints the total (start message to last outcome) and the per-tab median. Never asserts.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../e2e/helpers/chromium';
import {
  controlPage,
  grantedCopy,
  openTabs,
  sendBatch,
  startBatchServer,
  waitForBatchEnd,
} from '../e2e/helpers/batch';

const ROOT = join(import.meta.dirname, '..', '..');
const TABS = Number(process.env.BATCH_TABS ?? 10);
const RUNS = Number(process.env.BATCH_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const server = await startBatchServer(join(ROOT, 'tests', 'e2e', 'pages'));
  const copy = await grantedCopy(join(ROOT, '.output', 'chrome-mv3'));
  const session = await launchChromium(copy);
  try {
    console.log(`bench:batch: ${TABS} article tabs, ${RUNS} runs, Chromium headless, 2 tabs at a time`);
    for (let run = 1; run <= RUNS; run++) {
      // New URLs each run, so every run saves new clips rather than updating.
      const pages = await openTabs(
        session,
        Array.from({ length: TABS }, (_, i) => server.url(`gen/${run * 100 + i}.html`)),
      );
      for (const page of session.context.pages()) if (page.url() === 'about:blank') await page.close();
      const control = await controlPage(session);
      const started = performance.now();
      await sendBatch(control, 'batch-start', { scope: 'window', discarded: 'skip' });
      const end = await waitForBatchEnd(control);
      const total = performance.now() - started;
      const ours = end.items.filter((i) => i.url?.includes('/gen/'));
      const saved = ours.filter((i) => i.status === 'saved').length;
      const perTab = ours.map((i) => i.ms ?? 0);
      console.log(
        `run ${run}: total ${total.toFixed(0)} ms, per-tab median ${median(perTab).toFixed(0)} ms ` +
          `(min ${Math.min(...perTab)}, max ${Math.max(...perTab)}), saved ${saved} of ${ours.length}`,
      );
      for (const page of [...pages, control]) await page.close();
    }
  } finally {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  }
}

await main();
