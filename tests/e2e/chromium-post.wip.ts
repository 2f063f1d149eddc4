// NOT YET RUN BY tests/e2e/run.ts: this suite hung (no output within 110 s, even one test alone) on the last run and
// was not debugged before the deadline. Rename to chromium-post.e2e.ts once it passes.
// End-to-end in real headless Chromium: the post in the popup. Clip and see the body at once, edit it and find the
// edit in Export all's zip; clip a selection from the popup; remove a block with the picker (real mouse and keys
// on the page) and keep it as a site rule; switch the template at clip time.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChromiumSession, PopupHandle } from './helpers/chromium';
import { attachPopup, clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { readZip, waitForDownload } from './helpers/files';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = 'Harbour city opens its first tidal power station';
const PROMO = 'Subscribe to the Courier newsletter';

/** The body editor's text in the popup: the textarea's value, or CodeMirror's lines once it has loaded. */
const BODY_EXPR = `(() => {
  const el = document.querySelector('[aria-label="Body"]');
  if (!el) return null;
  return 'value' in el ? el.value : el.innerText;
})()`;

let server: PageServer;
let session: ChromiumSession;

async function openPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url(path));
  return page;
}

async function bodyIn(popup: PopupHandle, check: (body: string) => boolean, what: string): Promise<string> {
  const body = await pollValue(
    () => popup.evaluate<string | null>(BODY_EXPR),
    (b) => b !== null && check(b),
    what,
  );
  return body ?? '';
}

async function click(popup: PopupHandle, name: string): Promise<void> {
  await pollValue(() => popup.evaluate<boolean>(clickButtonExpr(name)), Boolean, `the ${name} button`);
}

describe('The post in the popup, in Chromium', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('a clip shows its body at once; an edit is autosaved and is in the Export all zip', async () => {
    const page = await openPage('article.html');
    const popup = await clickToolbarButton(session, page);
    const body = await bodyIn(
      popup,
      (b) => b.includes('## How the turbines work'),
      'the body after the clip',
    );
    assert.match(body, /Harbourton switched on/);
    await popup.detach();
    await page.close();

    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByText(TITLE, { exact: true }).first().click();
    const editor = lib.getByRole('textbox', { name: 'Body', exact: true });
    await editor.click();
    await lib.keyboard.press('Control+End');
    await lib.keyboard.type('\n\nAn edit made in the popup.');
    await lib.getByText('Changes saved').first().waitFor();
    await lib.getByRole('button', { name: 'Export all', exact: true }).click();
    const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/);
    const posts = [...(await readZip(zipPath)).values()];
    assert.equal(posts.length, 1);
    assert.match(posts[0] ?? '', /An edit made in the popup\./);
    await lib.close();
  });

  it('Clip selection in the popup clips only the selected text', async () => {
    const page = await openPage('second-article.html');
    // The user's selection: the first paragraph of the story.
    const selected = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find(
        (el) => (el.textContent ?? '').trim().length > 20,
      );
      if (!p) throw new Error('no paragraph');
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return (p.textContent ?? '').trim().slice(0, 12);
    });
    const popup = await clickToolbarButton(session, page);
    await click(popup, 'Clip selection');
    const body = await bodyIn(
      popup,
      (b) => b.includes(selected) && !b.includes('\n\n'),
      'the body to be the selected paragraph alone',
    );
    assert.ok(body.includes(selected), body);
    await popup.detach();
    await page.close();
  });

  it('Remove parts… picks a block with the mouse, Enter clips without it, and the site rule is kept', async () => {
    const page = await openPage('promo-article.html');
    const first = await clickToolbarButton(session, page);
    await bodyIn(first, (b) => b.includes(PROMO), 'the first clip, promo included');
    await click(first, 'Remove parts…');
    await first.detach();

    // The picker is on the page: hover, click and Enter as a user does.
    const promo = page.locator('.harbour-note');
    await promo.hover();
    await promo.click();
    await page.keyboard.press('Enter');

    // Chromium may open the popup by itself when the clip is done; otherwise the user clicks the toolbar.
    await page.waitForTimeout(1500);
    const popup = await attachPopup(session).catch(() => clickToolbarButton(session, page));
    const host = new URL(server.url('x')).hostname;
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => t.includes(`Always remove this on ${host}`),
      'the offer of a site rule',
    );
    const body = await bodyIn(
      popup,
      (b) => b.includes('How the turbines work'),
      'the clip without the block',
    );
    assert.ok(!body.includes(PROMO), body);
    await click(popup, `Always remove this on ${host}`);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => t.includes('Saved. The site rule'),
      'saved',
    );
    await popup.detach();

    const options = await openExtensionPage(session, 'options.html');
    await options.getByText(host).first().waitFor();
    const settings = await options.evaluate<unknown>('chrome.storage.local.get(null)');
    const rules = JSON.stringify(settings);
    assert.match(rules, /harbour-note/);
    await options.close();
    await page.close();
  });

  it('a template picked in the popup applies to this clip', async () => {
    const page = await openPage('article.html');
    const popup = await clickToolbarButton(session, page);
    await bodyIn(popup, (b) => b.length > 0, 'the open clip');
    const picked = await popup.evaluate<boolean>(`(() => {
      const select = document.querySelector('select#clip-template');
      if (!select) return false;
      select.value = 'hugo-yaml';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    assert.ok(picked);
    const filename = await pollValue(
      () => popup.evaluate<string>(`document.querySelector('.filename')?.textContent ?? ''`),
      (f) => f.startsWith('content/'),
      'the Hugo file name',
    );
    assert.match(filename, /^content\/posts\//);
    await popup.detach();
    await page.close();
  });
});
