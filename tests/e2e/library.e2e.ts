// End-to-end in real headless Chromium: the library finds a clip by a word only its body holds (English and
// Chinese), sorts by published date with the date named, and exports exactly what Select all selected.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { readZip, waitForDownload } from './helpers/files';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = 'Harbour city opens its first tidal power station';
const CN_TITLE = '城市书房延长开放时间 市民夜读有了好去处';

let server: PageServer;
let session: ChromiumSession;

async function clip(url: string): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(url);
  const popup = await clickToolbarButton(session, page);
  await pollValue(
    () => popup.evaluate<string>(BODY_TEXT_EXPR),
    (t) => /Saved|Updated/.test(t),
    'the popup to report the clip',
  );
  await popup.detach();
  await page.close();
}

async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="clip-row-title"]').allInnerTexts();
}

/** Types a query and waits until the rows are the full-text index's answer (the index is built on first use). */
async function search(page: Page, query: string, expected: string[]): Promise<string[]> {
  await page.getByRole('searchbox', { name: 'Filter clips' }).fill(query);
  return pollValue(
    async () => ((await page.getByText('full-text index loads').count()) > 0 ? ['…'] : rowTitles(page)),
    (titles) => titles.join('|') === expected.join('|'),
    `the rows for "${query}"`,
    30_000,
  );
}

describe('The library in Chromium', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
    await clip(server.url('article.html'));
    await clip(server.url('second-article.html'));
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('finds a clip by a word only its body contains, in English and in Chinese', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    // "seabed" and "自习" are in the bodies only: not in any title, site or tag.
    assert.deepEqual(await search(lib, 'seabed', [TITLE]), [TITLE]);
    assert.deepEqual(await search(lib, '自习', [CN_TITLE]), [CN_TITLE]);
    await lib.close();
  });

  it('sorts by published date and names the date each row shows', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    await lib.getByRole('combobox', { name: 'Sort by' }).selectOption('published');
    const titles = await pollValue(
      () => rowTitles(lib),
      (t) => t.length === 2 && t[0] === CN_TITLE,
      'the rows by published date',
    );
    assert.deepEqual(titles, [CN_TITLE, TITLE]);
    const dates = await lib.locator('.row-date').allInnerTexts();
    assert.deepEqual(dates, ['Published 6 May 2024', 'Published 18 Mar 2024']);
    await lib.close();
  });

  it('Select all selects what the filter shows, and Export selected exports exactly that', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    await search(lib, 'turbines', [TITLE]);
    await lib.getByRole('button', { name: 'Select all', exact: true }).click();
    await lib.getByRole('button', { name: 'Export selected', exact: true }).click();
    const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/);
    const names = [...(await readZip(zipPath)).keys()];
    assert.equal(names.length, 1, names.join(', '));
    assert.match(names[0] ?? '', /^_posts\/2024-03-18-.*\.md$/);
    await lib.close();
  });
});

describe('the icon in the built manifests', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    it(`${dir} names the 16/32/48/128 icons for the extension and its toolbar button`, () => {
      const built = join(ROOT, '.output', dir);
      const m = JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8')) as {
        icons?: Record<string, string>;
        action?: { default_icon?: Record<string, string> };
        browser_action?: { default_icon?: Record<string, string> };
      };
      const sizes = ['16', '32', '48', '128'];
      assert.deepEqual(Object.keys(m.icons ?? {}).sort(), [...sizes].sort());
      assert.deepEqual((m.action ?? m.browser_action)?.default_icon, m.icons);
      for (const path of Object.values(m.icons ?? {})) assert.ok(existsSync(join(built, path)), path);
    });
  }
});
