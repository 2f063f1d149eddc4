// "Clip this link without opening it" in real headless Chromium: the context menu's handler runs in the service
// worker (dispatched there as a click on the menu item would), the linked page is fetched and parsed in the offscreen
// document, and the clip lands in the library; the page with the link stays as it was. Declined permission: nothing
// is fetched and the badge says why. Chromium's prompt cannot be answered headless, so the granted run uses the build
// with `<all_urls>` pre-granted (helpers/batch.ts), and the declined run the shipped build.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page, Worker } from 'playwright-core';
import type { ChromiumSession } from './helpers/chromium';
import { launchChromium, openExtensionPage } from './helpers/chromium';
import type { BatchServer } from './helpers/batch';
import { grantedCopy, startBatchServer } from './helpers/batch';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const DECLINED_TEXT =
  'Postclip was not allowed to read other sites, so the link was not clipped. Choose the menu item again and click Allow, or open the link and clip it with the toolbar button.';

function serviceWorker(session: ChromiumSession): Worker {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** What the browser does on a click of the link's menu item: the onClicked event, with the link and the tab. */
async function clickLinkMenu(session: ChromiumSession, page: Page, linkUrl: string): Promise<number> {
  const args = JSON.stringify({ linkUrl, pageUrl: page.url() });
  return serviceWorker(session).evaluate<number>(`(async () => {
    const { linkUrl, pageUrl } = ${args};
    // Without host access (the declined run) the tab's URL is hidden: the page just opened is the active tab.
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab || !tab.id) throw new Error('no tab for ' + pageUrl);
    chrome.contextMenus.onClicked.dispatch({ menuItemId: 'clip-link', linkUrl, pageUrl, editable: false }, tab);
    return tab.id;
  })()`);
}

async function waitForBadge(
  session: ChromiumSession,
  tabId: number,
): Promise<{ text: string; title: string }> {
  const end = Date.now() + 20_000;
  for (;;) {
    const badge = await serviceWorker(session).evaluate<{ text: string; title: string }>(`(async () => ({
      text: await chrome.action.getBadgeText({ tabId: ${tabId} }),
      title: await chrome.action.getTitle({ tabId: ${tabId} }),
    }))()`);
    if (badge.text) return badge;
    if (Date.now() > end) throw new Error('the badge never showed an outcome');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function libraryTitles(session: ChromiumSession): Promise<string[]> {
  const page = await openExtensionPage(session, 'popup.html');
  await page.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  await page.waitForTimeout(300);
  const titles = await page.locator('[data-testid="clip-row-title"]').allInnerTexts();
  await page.close();
  return titles;
}

let server: BatchServer;

describe('Clip a link without opening it (Chromium)', () => {
  before(async () => {
    server = await startBatchServer(join(ROOT, 'tests', 'e2e', 'pages'));
  });
  after(async () => {
    await server.close();
  });

  describe('permission granted', () => {
    let session: ChromiumSession;
    let copy: string;
    before(async () => {
      copy = await grantedCopy(BUILD);
      session = await launchChromium(copy);
    });
    after(async () => {
      await session.close();
      await rm(session.profileDir, { recursive: true, force: true });
      await rm(copy, { recursive: true, force: true });
    });

    it('fetches the linked article, parses it offscreen and saves it into the library', async () => {
      const page = await session.context.newPage();
      await page.goto(server.url('links.html'));
      const linkUrl = server.url('gen/7.html');
      const tabId = await clickLinkMenu(session, page, linkUrl);
      const badge = await waitForBadge(session, tabId);
      assert.equal(badge.text, '✓', badge.title);
      assert.match(badge.title, /Report 7 from the harbour/);
      const offscreen = await serviceWorker(session).evaluate<string[]>(`(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return contexts.map((c) => c.documentUrl || '');
      })()`);
      assert.equal(offscreen.length, 1);
      assert.match(offscreen[0] ?? '', /\/link-parser\.html$/);
      assert.deepEqual(await libraryTitles(session), ['Report 7 from the harbour']);
      // The page with the link was never navigated.
      assert.equal(page.url(), server.url('links.html'));
      await page.close();
    });
  });

  describe('permission declined', () => {
    let session: ChromiumSession;
    before(async () => {
      session = await launchChromium(BUILD);
    });
    after(async () => {
      await session.close();
      await rm(session.profileDir, { recursive: true, force: true });
    });

    it('fetches nothing, saves nothing, and the badge says the permission was refused', async () => {
      const page = await session.context.newPage();
      await page.goto(server.url('links.html'));
      const tabId = await clickLinkMenu(session, page, server.url('gen/8.html'));
      const badge = await waitForBadge(session, tabId);
      assert.equal(badge.text, '!');
      assert.ok(badge.title.includes(DECLINED_TEXT), badge.title);
      assert.deepEqual(await libraryTitles(session), []);
      await page.close();
    });
  });
});
