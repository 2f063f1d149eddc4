// Clip many tabs in real headless Chromium: the popup's Clip all, the library and an export of exactly those clips;
// Cancel; and the declined path. Chromium's permission prompt cannot be answered headless, so the granted runs use
// the build with `<all_urls>` pre-granted (helpers/batch.ts); the declined run uses the shipped build as it is.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { BatchState } from '../../utils/pure/protocol';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import type { BatchServer } from './helpers/batch';
import {
  batchStatus,
  controlPage,
  grantedCopy,
  openTabs,
  sendBatch,
  startBatchServer,
  waitForBatchEnd,
} from './helpers/batch';
import { readZip, waitForDownload } from './helpers/files';
import { ALERT_TEXT_EXPR, BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, '.output', 'chrome-mv3');

let server: BatchServer;

async function libraryTitles(session: ChromiumSession): Promise<string[]> {
  const page = await openExtensionPage(session, 'popup.html');
  await page.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  await page.waitForTimeout(300);
  const titles = await page.locator('[data-testid="clip-row-title"]').allInnerTexts();
  await page.close();
  return titles;
}

function statuses(state: BatchState): string[] {
  return state.items.map((i) => i.status);
}

async function closeBlank(session: ChromiumSession): Promise<void> {
  for (const page of session.context.pages()) if (page.url() === 'about:blank') await page.close();
}

describe('Clip many tabs (Chromium, permission granted)', () => {
  let session: ChromiumSession;
  let copy: string;
  let tabs: Page[];
  before(async () => {
    server = await startBatchServer(join(ROOT, 'tests', 'e2e', 'pages'));
    copy = await grantedCopy(BUILD);
    session = await launchChromium(copy);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  });

  it('Clip all from the popup clips 5 tabs: articles saved, a browser page skipped, a non-article said so', async () => {
    tabs = await openTabs(session, [
      server.url('gen/1.html'),
      server.url('gen/2.html'),
      server.url('article.html'),
      server.url('not-article.html'),
      'chrome://version',
    ]);
    await closeBlank(session);
    const first = tabs[0];
    assert.ok(first);
    const popup = await clickToolbarButton(session, first);
    await pollValue(
      () => popup.evaluate<boolean>(clickButtonExpr('Clip all tabs in this window')),
      (clicked) => clicked,
      'the Clip all button',
    );
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved \d+, updated/.test(t),
      'the batch summary',
      60_000,
    );
    assert.match(text, /5 of 5/);
    // The toolbar click's own clip-on-open of the first tab may land before or after the batch's: saved or updated.
    const counts = /Saved (\d+), updated (\d+), not articles 1, skipped 1, failed 0\./.exec(text);
    assert.ok(counts, text);
    assert.equal(Number(counts[1]) + Number(counts[2]), 3, text);
    assert.match(text, /Skipped: /);
    assert.match(text, /Not an article/);

    // Export these: a zip of exactly the three clips, through the popup's own export.
    assert.equal(await popup.evaluate<boolean>(clickButtonExpr('Export these')), true);
    const zip = await readZip(await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/));
    const posts = [...zip.keys()].filter((name) => name.endsWith('.md'));
    assert.equal(posts.length, 3, posts.join(', '));
    assert.ok([...zip.values()].some((text) => text.includes('Report 1 from the harbour')));
    await popup.detach();

    // Opening another tab closes the action popup: the library is read last.
    const titles = await libraryTitles(session);
    for (const title of ['Report 1 from the harbour', 'Report 2 from the harbour'])
      assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
    assert.equal(titles.length, 3);
  });

  it('the popup opened again shows where the batch stands, from the background', async () => {
    const first = tabs[0];
    assert.ok(first);
    const popup = await clickToolbarButton(session, first);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /5 of 5/.test(t),
      'the last batch in a new popup',
    );
    assert.match(text, /Saved \d, updated \d, not articles 1/);
    await popup.detach();
  });

  it('Cancel stops the batch and keeps what was saved; unloaded tabs are loaded again', async () => {
    for (const page of tabs) await page.close();
    // Each reload takes 1.5 s at the server: the first two tabs are still loading when Cancel arrives.
    const urls = [10, 11, 12, 13, 14, 15].map((n) => server.url(`gen/${n}.html?delay=1500`));
    const pages = await openTabs(session, urls);
    const control = await controlPage(session);
    await control.evaluate(`(async () => {
      const tabs = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
      for (const tab of tabs) if (!tab.active) await chrome.tabs.discard(tab.id);
    })()`);
    const started = (await sendBatch(control, 'batch-start', { scope: 'window', discarded: 'reload' })) as {
      ok: boolean;
    };
    assert.equal(started.ok, true);
    await pollValue(
      () => batchStatus(control),
      (s) => s !== null && s.items.some((i) => i.status === 'running'),
      'a tab to start',
    );
    const cancelled = (await sendBatch(control, 'batch-cancel')) as { ok: boolean; value: BatchState };
    assert.equal(cancelled.value.status, 'cancelling');
    const end = await waitForBatchEnd(control);
    assert.equal(end.status, 'cancelled');
    const ours = end.items.filter((i) => i.url?.includes('/gen/'));
    assert.equal(ours.length, 6, statuses(end).join(','));
    const saved = ours.filter((i) => i.status === 'saved');
    const skipped = ours.filter((i) => i.status === 'cancelled');
    assert.ok(saved.length >= 1 && saved.length <= 2, statuses(end).join(','));
    assert.equal(saved.length + skipped.length, 6, statuses(end).join(','));

    const titles = await libraryTitles(session);
    for (const item of saved)
      assert.ok(titles.includes(item.title.replace(/ \| Batch Times$/, '')), item.title);
    assert.equal(titles.filter((t) => /^Report 1[0-5] /.test(t)).length, saved.length);
    for (const page of [...pages, control]) await page.close();
  });
});

describe('Clip many tabs (Chromium, permission not granted)', () => {
  let session: ChromiumSession;
  before(async () => {
    server = await startBatchServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(BUILD);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('without the permission the batch does not start, and the popup says why and what to do', async () => {
    const [page] = await openTabs(session, [server.url('gen/1.html'), server.url('gen/2.html')]);
    assert.ok(page);
    const popup = await clickToolbarButton(session, page);
    // No user gesture reaches the popup here, so the prompt cannot open: the permission stays refused.
    await pollValue(
      () => popup.evaluate<boolean>(clickButtonExpr('Clip all tabs in this window')),
      (clicked) => clicked,
      'the Clip all button',
    );
    const alert = await pollValue(
      () => popup.evaluate<string>(ALERT_TEXT_EXPR),
      (t) => t.length > 0,
      'the refusal',
    );
    assert.match(alert, /not allowed to read your other tabs/);
    assert.match(alert, /choose Allow/);
    await popup.detach();
    // The background checks too: a start message without the permission is refused, and nothing is clipped.
    const control = await controlPage(session);
    const reply = (await sendBatch(control, 'batch-start', { scope: 'window', discarded: 'skip' })) as {
      ok: boolean;
      detail?: string;
    };
    assert.deepEqual([reply.ok, reply.detail], [false, 'batch-permission']);
    assert.equal(await batchStatus(control), null);
    // At most the toolbar click's own clip of the tab in front (clip on open); no other tab was clipped.
    const titles = await libraryTitles(session);
    assert.deepEqual(
      titles.filter((t) => t !== 'Report 1 from the harbour'),
      [],
    );
  });
});
