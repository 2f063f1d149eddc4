// End-to-end in real headless Chromium: the built extension, real toolbar clicks, the real popup, real files on disk.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { readText, readZip, splitPost, waitForDownload } from './helpers/files';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { ALERT_TEXT_EXPR, BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = 'Harbour city opens its first tidal power station';
const CN_TITLE = '城市书房延长开放时间 市民夜读有了好去处';

let server: PageServer;
let session: ChromiumSession;

async function clipWithToolbar(url: string): Promise<{ page: Page; text: string }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const popup = await clickToolbarButton(session, page);
  const text = await pollValue(
    () => popup.evaluate<string>(BODY_TEXT_EXPR),
    (t) => /Saved|Updated|已保存|已更新/.test(t),
    'the popup to report the clip',
  );
  await popup.detach();
  return { page, text };
}

async function libraryPage(): Promise<Page> {
  const page = await openExtensionPage(session, 'popup.html');
  await page.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  return page;
}

async function rowTitles(page: Page): Promise<string[]> {
  await page.waitForTimeout(300);
  return page.locator('[data-testid="clip-row-title"]').allInnerTexts();
}

describe('Postclip in Chromium', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('a toolbar click clips the article and the popup shows it saved', async () => {
    const { text, page } = await clipWithToolbar(server.url('article.html'));
    assert.match(text, new RegExp(TITLE));
    assert.match(text, /The Coastal Courier/);
    await page.close();
  });

  it('the clip is listed when the popup is opened again', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('article.html'));
    const popup = await clickToolbarButton(session, page);
    // A saved page opens straight into its post; Back leads to the library, as a user would go.
    const text = await pollValue(
      async () => {
        await popup.evaluate<boolean>(clickButtonExpr('Back'));
        return popup.evaluate<string>(BODY_TEXT_EXPR);
      },
      (t) => /Clipped \d{1,2} \w{3}/.test(t) && t.includes(TITLE),
      'the library row',
    );
    // Rows name the date they show: the clipped day by default (sort by published to see 2024-03-18's day).
    assert.match(text, /Clipped \d{1,2} \w{3}/);
    await popup.detach();
    await page.close();
  });

  it('clipping the same page twice leaves one clip', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('article.html'));
    const popup = await clickToolbarButton(session, page);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => t.includes('Already in your library'),
      'the saved page',
    );
    // Already saved: the popup does not clip on open; the user asks for it again.
    const clicked = await pollValue(
      () => popup.evaluate<boolean>(clickButtonExpr('Clip this page')),
      (v) => v,
      'the Clip this page button',
    );
    assert.equal(clicked, true);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Updated/.test(t),
      'the Updated badge',
    );
    await popup.detach();
    await page.close();
    const lib = await libraryPage();
    assert.deepEqual(
      (await rowTitles(lib)).filter((t) => t === TITLE),
      [TITLE],
    );
    await lib.close();
  });

  it('a restricted page shows a clear error and keeps the library', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version');
    const popup = await clickToolbarButton(session, page);
    const alert = await pollValue(
      () => popup.evaluate<string>(ALERT_TEXT_EXPR),
      (t) => t.trim().length > 0,
      'an alert in the popup',
    );
    assert.match(alert, /can't|cannot|not allowed|restricted|browser page/i);
    const body = await popup.evaluate<string>(BODY_TEXT_EXPR);
    assert.match(body, new RegExp(TITLE));
    await popup.detach();
    await page.close();
  });

  it('a tag is edited and kept', async () => {
    const lib = await libraryPage();
    await lib.getByText(TITLE, { exact: true }).first().click();
    // The tag box: chips for the clip's tags, a combobox that suggests the library's tags, Enter adds one.
    const tags = lib.getByRole('combobox', { name: 'Tags', exact: true });
    const chips = () =>
      lib.getByRole('list', { name: 'Tags', exact: true }).locator('li > span').allInnerTexts();
    await tags.waitFor();
    // Keep `energy` from the page's keywords, remove the others with their buttons, add one.
    for (const tag of await chips()) {
      if (tag !== 'energy') await lib.getByRole('button', { name: `Remove tag ${tag}`, exact: true }).click();
    }
    assert.deepEqual(await chips(), ['energy']);
    await tags.fill('e2e-tag');
    await tags.press('Enter');
    await lib.getByRole('button', { name: 'Save', exact: true }).click();
    await lib.getByText(/Saved/).first().waitFor();
    await lib.reload();
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    await lib.getByText(TITLE, { exact: true }).first().click();
    await lib.getByRole('combobox', { name: 'Tags', exact: true }).waitFor();
    assert.deepEqual(await chips(), ['energy', 'e2e-tag']);
    const post = await lib.getByLabel('Post', { exact: true }).inputValue();
    assert.match(post, /- e2e-tag/);
    await lib.close();
  });

  it('Download writes the .md file with front matter and body', async () => {
    const lib = await libraryPage();
    await lib.getByText(TITLE, { exact: true }).first().click();
    await lib.getByRole('button', { name: 'Download', exact: true }).click();
    const file = await waitForDownload(session.downloadsDir, /^2024-03-18-.*\.md$/);
    const { frontMatter, body } = splitPost(await readText(file));
    const fm = parseYaml(frontMatter) as Record<string, unknown>;
    assert.equal(fm.layout, 'post');
    assert.equal(fm.title, TITLE);
    assert.equal(fm.date, '2024-03-18 07:45:00 +0000');
    assert.deepEqual(fm.tags, ['energy', 'e2e-tag']);
    assert.match(String(fm.source), /tidal-power-station\.html$/);
    assert.match(body, /## How the turbines work/);
    assert.match(body, /\| Tide \| Output \(MW\) \|/);
    assert.match(body, /Source: \[The Coastal Courier\]\(/);
    await lib.close();
  });

  it('Export all writes a zip laid out as _posts/', async () => {
    // A second clip, so the zip holds more than one post.
    const { page } = await clipWithToolbar(server.url('second-article.html'));
    await page.close();
    const lib = await libraryPage();
    await lib.getByRole('button', { name: 'Export all', exact: true }).click();
    const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/);
    const entries = await readZip(zipPath);
    const names = [...entries.keys()].sort();
    assert.equal(names.length, 2);
    assert.ok(
      names.every((n) => /^_posts\/\d{4}-\d{2}-\d{2}-[^/]+\.md$/.test(n)),
      names.join(', '),
    );
    const cn = [...entries.entries()].find(([n]) => n.startsWith('_posts/2024-05-06-'));
    assert.ok(cn, `no 2024-05-06 post in ${names.join(', ')}`);
    const fm = parseYaml(splitPost(cn[1]).frontMatter) as Record<string, unknown>;
    assert.equal(fm.title, CN_TITLE);
    assert.equal(fm.date, '2024-05-06 20:15:30 +0800');
    assert.match(cn[1], /来源：\[海滨日报网\]/);
    await lib.close();
  });

  it('restoring a backup brings back exactly what was backed up', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.getByRole('button', { name: 'Backup', exact: true }).click();
    const backupPath = await waitForDownload(session.downloadsDir, /^postclip-backup-.*\.json$/);
    const backup = JSON.parse(await readText(backupPath)) as { clips: unknown[] };
    assert.equal(backup.clips.length, 2);

    // Delete everything, then restore.
    const lib = await libraryPage();
    for (let i = 0; i < 2; i++) {
      await lib.locator('[data-testid="clip-row-title"]').first().click();
      await lib.getByRole('button', { name: 'Delete', exact: true }).click();
      await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    }
    assert.deepEqual(await rowTitles(lib), []);
    await options.getByLabel('Restore from backup').setInputFiles(backupPath);
    // Restoring replaces the settings, so the page asks first.
    await options.getByRole('button', { name: 'Restore', exact: true }).click();
    await options.getByText(/2 added/).waitFor();

    await rm(backupPath);
    await options.getByRole('button', { name: 'Backup', exact: true }).click();
    const again = JSON.parse(
      await readText(await waitForDownload(session.downloadsDir, /^postclip-backup-.*\.json$/)),
    ) as {
      clips: unknown[];
    };
    assert.deepEqual(again.clips, backup.clips);
    await lib.reload();
    assert.deepEqual((await rowTitles(lib)).sort(), [CN_TITLE, TITLE].sort());
    await lib.close();
    await options.close();
  });

  it('clips survive a browser restart with the same profile', async () => {
    const profile = session.profileDir;
    await session.close();
    session = await launchChromium(EXTENSION, profile);
    const lib = await libraryPage();
    assert.deepEqual((await rowTitles(lib)).sort(), [CN_TITLE, TITLE].sort());
    await lib.close();
    const leftovers = (await readdir(session.downloadsDir)).filter((n) => n.endsWith('.crdownload'));
    assert.deepEqual(leftovers, []);
  });

  // Last: it adds a clip, and the tests above count the library.
  it('a page with og:url and no canonical link shows as already saved when the popup opens again', async () => {
    // The address differs from og:url (a tracking parameter): only the og:url key matches the saved clip.
    const url = `${server.url('og-url-article.html')}?utm_source=feed`;
    const first = await clipWithToolbar(url);
    assert.match(first.text, /Night ferry returns/);
    await first.page.close();
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => t.includes('Already in your library'),
      'the already-saved hint',
    );
    // Recognised, so not clipped again on open.
    assert.doesNotMatch(text, /Updated/);
    await popup.detach();
    await page.close();
  });
});
