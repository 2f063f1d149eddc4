// End-to-end in real headless Chromium: a page on 127.0.0.1 with same-origin images (plain <img>, lazy data-src,
// srcset, <picture>), one behind a Referer check, and one on another origin (localhost: no permission). Clip it with
// a toolbar click, Export all, and check every image file's bytes and that every local link resolves in the zip.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { waitForDownload } from './helpers/files';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
function png(n: number): Buffer {
  return Buffer.from([...PNG_HEAD, ...Array.from({ length: 64 }, (_, i) => (n * 31 + i) & 0xff)]);
}
const WEBP = Buffer.from([
  ...Buffer.from('RIFF'),
  40,
  0,
  0,
  0,
  ...Buffer.from('WEBPVP8 '),
  ...Array(32).fill(5),
]);

const FILES: Record<string, Buffer> = {
  '/img/plain.png': png(1),
  '/img/lazy.png': png(2),
  '/img/small.png': png(3),
  '/img/large.png': png(4),
  '/img/pic.png': png(5),
  '/img/pic.webp': WEBP,
  '/img/guarded.png': png(6),
  '/img/other.png': png(7),
  '/img/hotlink.png': png(8),
};

const PARAGRAPH =
  'Harbourton switched on its first tidal power station on Monday, ending a decade of planning and three years of construction beneath the old ferry pier. The turbines sit twelve metres below the surface.';

function articleHtml(otherOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pictures of the tidal station | Courier</title>
<meta property="article:published_time" content="2024-03-18T07:45:00+00:00"></head><body><main><article>
<h1>Pictures of the tidal station</h1>
<p>${PARAGRAPH}</p>
<p><img src="/img/plain.png" alt="plain" width="800" height="600"></p>
<p>${PARAGRAPH}</p>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy.png" alt="lazy" width="800" height="600"></p>
<p>${PARAGRAPH}</p>
<p><img src="/img/small.png" srcset="/img/small.png 400w, /img/large.png 1200w" alt="srcset" width="800" height="600"></p>
<p>${PARAGRAPH}</p>
<figure><picture><source srcset="/img/pic.webp" type="image/webp"><img src="/img/pic.png" alt="picture" width="800" height="600"></picture></figure>
<p>${PARAGRAPH}</p>
<p><img src="/img/guarded.png" alt="guarded" width="800" height="600"></p>
<p>${PARAGRAPH}</p>
<p><img src="${otherOrigin}/img/other.png" alt="other" width="800" height="600"></p>
<p>${PARAGRAPH}</p>
</article></main></body></html>`;
}

/** A page whose one picture lives on another site behind a hotlink check. */
function crossSiteHtml(otherOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The hotlinked picture | Courier</title>
<meta property="article:published_time" content="2024-03-19T07:45:00+00:00"></head><body><main><article>
<h1>The hotlinked picture</h1>
<p>${PARAGRAPH}</p>
<p><img src="${otherOrigin}/img/hotlink.png" alt="hotlinked" width="800" height="600"></p>
<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
</article></main></body></html>`;
}

let session: ChromiumSession;
let server: ReturnType<typeof createServer>;
let origin = '';
let guardedRefused = 0;
let hotlinkRefused = 0;
let hotlinkServed = 0;

before(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/article.html') {
      const port = (server.address() as AddressInfo).port;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml(`http://localhost:${port}`));
      return;
    }
    if (path === '/cross-site.html') {
      const port = (server.address() as AddressInfo).port;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(crossSiteHtml(`http://localhost:${port}`));
      return;
    }
    // Another site's hotlink check: the file only for a Referer naming the page's site (127.0.0.1).
    // The page's own <img> load (Sec-Fetch-Dest: image) is not the extension's fetch: it is not counted.
    if (path === '/img/hotlink.png') {
      const isPageLoad = req.headers['sec-fetch-dest'] === 'image';
      if (!(req.headers.referer ?? '').startsWith(origin)) {
        if (!isPageLoad) hotlinkRefused += 1;
        res.writeHead(403);
        res.end();
        return;
      }
      if (!isPageLoad) hotlinkServed += 1;
    }
    const body = FILES[path];
    // A hotlink check: the guarded image only for requests that come from our page.
    if (path === '/img/guarded.png' && !(req.headers.referer ?? '').startsWith(origin)) {
      guardedRefused += 1;
      res.writeHead(403);
      res.end();
      return;
    }
    if (!body) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': path.endsWith('.webp') ? 'image/webp' : 'image/png' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('images in Chromium', () => {
  before(async () => {
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('clips the page keeping its same-origin images; the other site stays remote and the popup says why', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /images kept/.test(t),
      'the popup to report the images',
    );
    assert.match(text, /5 images kept/);
    assert.match(text, /1 stayed remote: 1 on another site/);
    assert.match(text, /Images on localhost need your permission/);
    assert.match(text, /Allow/);
    assert.equal(guardedRefused, 0);
    // The declined path: Allow pressed, the browser refuses (this click carries no user gesture, so Chromium
    // refuses to ask, as it ends when a user blocks): the image stays remote and the popup says so.
    assert.equal(await popup.evaluate<boolean>(clickButtonExpr('Allow')), true);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => t.includes('Not allowed: those images stay as links to the other site.'),
      'the declined note',
    );
    await popup.detach();
    await page.close();
  });

  it('Export all writes each image with its bytes, and every local link in the post resolves', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).click();
    const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile(zipPath)));
    const names = Object.keys(zip);
    const post = names.find((n) => n.endsWith('.md'));
    assert.ok(post, names.join(', '));
    const images = names.filter((n) => !n.endsWith('.md'));
    assert.equal(images.length, 5, names.join(', '));
    const expected = new Set(
      ['/img/plain.png', '/img/lazy.png', '/img/large.png', '/img/pic.webp', '/img/guarded.png'].map((p) =>
        (FILES[p] ?? Buffer.alloc(0)).toString('hex'),
      ),
    );
    for (const name of images) assert.ok(expected.has(Buffer.from(zip[name] ?? []).toString('hex')), name);
    const body = strFromU8(zip[post] ?? new Uint8Array());
    const links = [...body.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    const local = links.filter((l) => !/^https?:/.test(l));
    assert.equal(local.length, 5, body);
    for (const link of local) {
      const path = decodeURIComponent(link.replace(/^\//, ''));
      assert.ok(zip[path], `${link} is not in the zip (${names.join(', ')})`);
    }
    assert.ok(
      links.some((l) => l.startsWith('http://localhost:')),
      'the other site’s image stays remote',
    );
    await lib.close();
  });

  it('a single post with images downloads as a small zip: the post and its images, every link resolving', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByText('Pictures of the tidal station', { exact: false }).first().click();
    await lib.getByRole('button', { name: 'Download with images (.zip)', exact: true }).click();
    // The popup says what became of the download first, so a failure names its reason rather than a timeout.
    const said = await pollValue(
      () => lib.locator('body').innerText(),
      (t) => /the post and its images|failed|could not|couldn’t/i.test(t),
      'the popup to report the download',
    );
    assert.match(said, /the post and its images/);
    const zipPath = await waitForDownload(session.downloadsDir, /^\d{4}-\d{2}-\d{2}-.*\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile(zipPath)));
    const names = Object.keys(zip);
    const posts = names.filter((n) => n.endsWith('.md'));
    assert.equal(posts.length, 1, names.join(', '));
    const post = posts[0] ?? '';
    assert.equal(
      zipPath.slice(zipPath.lastIndexOf('/') + 1),
      `${post.slice(post.lastIndexOf('/') + 1, -3)}.zip`,
    );
    assert.equal(names.length, 6, names.join(', '));
    const body = strFromU8(zip[post] ?? new Uint8Array());
    const local = [...body.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)]
      .map((m) => m[1] ?? '')
      .filter((l) => !/^https?:/.test(l));
    assert.equal(local.length, 5, body);
    for (const link of local) assert.ok(zip[decodeURIComponent(link.replace(/^\//, ''))], link);
    await lib.close();
  });
});

describe('images in Chromium: another site granted (a pre-granted build)', () => {
  let granted: string;
  before(async () => {
    // Headless Chromium never answers permissions.request; a copy of the build granted localhost stands for "Allow".
    granted = await mkdtemp(join(tmpdir(), 'postclip-images-granted-'));
    await cp(EXTENSION, granted, { recursive: true });
    const manifestPath = join(granted, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://localhost/*'] }));
    session = await launchChromium(granted);
  });
  after(async () => {
    await session.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(granted, { recursive: true, force: true });
  });

  it('keeps a hotlink-protected image from another site: fetched with the page as Referer, the rule removed after', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/cross-site.html`);
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /image(s)? kept|stayed remote/.test(t),
      'the popup to report the images',
    );
    await popup.detach();
    assert.match(text, /1 images? kept/);
    assert.equal(hotlinkRefused, 0, 'the CDN saw a request without the page as Referer');
    assert.equal(hotlinkServed, 1);
    const worker = session.context.serviceWorkers()[0];
    assert.ok(worker, 'the background service worker');
    const rules = await worker.evaluate<unknown[]>('chrome.declarativeNetRequest.getSessionRules()');
    assert.deepEqual(rules, [], 'the Referer rule outlived its fetch');
    await page.close();

    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).click();
    const zipPath = await waitForDownload(session.downloadsDir, /^postclip-.*\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile(zipPath)));
    const images = Object.keys(zip).filter((n) => !n.endsWith('.md'));
    assert.equal(images.length, 1, Object.keys(zip).join(', '));
    assert.equal(
      Buffer.from(zip[images[0] ?? ''] ?? []).toString('hex'),
      FILES['/img/hotlink.png']?.toString('hex'),
    );
    await lib.close();
  });
});
