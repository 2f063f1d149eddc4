// End-to-end in headless Firefox ESR: the grant path for another site's images. Firefox's
// `extensions.webextOptionalPermissionPrompts=false` turns the permission prompt into a grant, which no Chromium
// automation can do. A toolbar click clips a page on 127.0.0.1 whose picture is on localhost, behind a hotlink check:
// it stays remote for want of the permission; a real (BiDi) click asks for localhost, the background fetches the
// picture again with the page as Referer, and Export all carries its bytes.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { waitForDownload } from './helpers/files';
import type { FirefoxSession } from './helpers/firefox';
import { launchFirefox } from './helpers/firefox';
import { clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const PNG = Buffer.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  0x49,
  0x48,
  0x44,
  0x52,
  ...Array.from({ length: 64 }, (_, i) => (i * 7) & 0xff),
]);
const PARAGRAPH =
  'Harbourton switched on its first tidal power station on Monday, ending a decade of planning and three years of construction beneath the old ferry pier. The turbines sit twelve metres below the surface.';
const TITLE = 'The station from the air';

let server: ReturnType<typeof createServer>;
let origin = '';
let refused = 0;
let served = 0;
let firefox: FirefoxSession;

function articleHtml(otherOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Courier</title>
<meta property="article:published_time" content="2024-03-20T07:45:00+00:00"></head><body><main><article>
<h1>${TITLE}</h1><p>${PARAGRAPH}</p>
<p><img src="${otherOrigin}/img/aerial.png" alt="aerial" width="800" height="600"></p>
<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></main></body></html>`;
}

const ROW_ID_EXPR = `new Promise((resolve) => {
  const end = Date.now() + 3000;
  const tick = () => {
    const row = document.querySelector('[data-row-id]');
    if (row || Date.now() > end) resolve(row ? row.getAttribute('data-row-id') : null);
    else setTimeout(tick, 100);
  };
  tick();
})`;

describe('images in Firefox: another site, the permission granted', () => {
  before(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const port = (server.address() as AddressInfo).port;
      if (path === '/aerial.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleHtml(`http://localhost:${port}`));
        return;
      }
      if (path === '/img/aerial.png') {
        // The page's own <img> load (Sec-Fetch-Dest: image) is not the extension's fetch: it is not counted.
        const isPageLoad = req.headers['sec-fetch-dest'] === 'image';
        if (!(req.headers.referer ?? '').startsWith(origin)) {
          if (!isPageLoad) refused += 1;
          res.writeHead(403);
          res.end();
          return;
        }
        if (!isPageLoad) served += 1;
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(PNG);
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    firefox = await launchFirefox(EXTENSION, { 'extensions.webextOptionalPermissionPrompts': false });
  });
  after(async () => {
    await firefox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(firefox.downloadsDir, { recursive: true, force: true });
  });

  it('stays remote until localhost is granted, then is fetched with the page as Referer and exported', async () => {
    await firefox.openTab(`${origin}/aerial.html`);
    await firefox.clickToolbarButton();
    // The popup clips on open; give it time before another tab takes the focus (which closes it).
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(served, 0, 'fetched without a permission');

    const popup = await firefox.openTab(`moz-extension://${firefox.uuid}/popup.html`);
    const clipId = await pollValue(
      async () => {
        await firefox.send('browsingContext.reload', { context: popup, wait: 'complete' });
        return firefox.evaluate<string | null>(popup, ROW_ID_EXPR);
      },
      (id) => id !== null,
      'the clip in the Firefox library',
      20_000,
    );
    // What the popup's Allow does (use-image-result.ts): permissions.request inside a click, then refetch-images.
    // permissions.request needs real user input, so a BiDi pointer click presses the button.
    await firefox.evaluate(
      popup,
      `(() => {
        const b = document.createElement('button');
        b.textContent = 'Allow localhost';
        b.style.cssText = 'position:fixed;left:0;top:0;width:200px;height:60px;z-index:99999';
        b.onclick = () => {
          globalThis.postclipGrant = browser.permissions
            .request({ origins: ['http://localhost/*'] })
            .then((granted) => granted
              ? browser.runtime.sendMessage({ type: 'refetch-images', payload: { clipId: ${JSON.stringify('__ID__')} } })
              : { granted });
        };
        document.body.append(b);
      })()`.replace('__ID__', clipId ?? ''),
    );
    await firefox.send('input.performActions', {
      context: popup,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 20, y: 20 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    const reply = await pollValue(
      () =>
        firefox.evaluate<string>(
          popup,
          `globalThis.postclipGrant ? globalThis.postclipGrant.then((r) => JSON.stringify(r)) : ''`,
        ),
      (r) => r !== '',
      'the grant and the refetch',
      20_000,
    );
    const outcome = JSON.parse(reply) as {
      ok?: boolean;
      value?: { images?: { summary: { kept: number; remote: number } } };
    };
    assert.equal(outcome.ok, true, reply);
    assert.deepEqual(outcome.value?.images?.summary.kept, 1, reply);
    assert.equal(served, 1);
    assert.equal(refused, 0, 'the picture was asked for without the page as Referer');

    await pollValue(
      () => firefox.evaluate<boolean>(popup, clickButtonExpr('Export all')),
      (v) => v,
      'the Export all button',
    );
    const zipPath = await waitForDownload(firefox.downloadsDir, /^postclip-.*\.zip$/, 20_000);
    // Firefox may show the file under its name a moment before its last bytes are written: read until it unzips.
    let zip: Record<string, Uint8Array> = {};
    let problem = '';
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      const bytes = new Uint8Array(await readFile(zipPath));
      try {
        zip = unzipSync(bytes);
        problem = '';
        break;
      } catch (error) {
        problem = `${String(error)}: ${bytes.length} bytes, starting ${Buffer.from(bytes.subarray(0, 8)).toString('hex')}`;
      }
    }
    assert.equal(problem, '');
    const images = Object.keys(zip).filter((n) => !n.endsWith('.md'));
    assert.equal(images.length, 1, Object.keys(zip).join(', '));
    assert.equal(Buffer.from(zip[images[0] ?? ''] ?? []).toString('hex'), PNG.toString('hex'));
  });
});
