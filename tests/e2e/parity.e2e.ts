// End-to-end parity (issue 9 item 6): the project's own test pages, clipped by the built extension in real headless
// Chromium (a toolbar click, the post read back from the library as the user sees it) and by the CLI's clip function
// (cli/clip-page.ts: its decoder, parse5 → linkedom, the same pipeline), give the same front matter and body.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clipHtmlBytes } from '../../cli/clip-page';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { splitPost } from './helpers/files';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TESTS = join(ROOT, 'tests');

/** Varied pages of our own (no corpus page): English, Chinese (UTF-8 and GBK), Japanese, Arabic, tables and code, lazy figures, three pages joined. */
const PAGES = [
  'golden/blog-post/source.html',
  'golden/en-paper-jsonld/source.html',
  'golden/cn-meta-local/source.html',
  'golden/cn-portal-gbk/source.html',
  'golden/cn-portal-text-date/source.html',
  'golden/boilerplate-blocks-en/source.html',
  'golden/ja-news/source.html',
  'golden/rtl-arabic/source.html',
  'golden/table-and-code/source.html',
  'golden/figures-lazy/source.html',
  'e2e/pages/paged/story.html',
];

/**
 * Front-matter lines that must differ, each with its reason. Only the clip time: the extension's is the click, the
 * CLI's the `now` it is given (the same second at best). The default Jekyll front matter writes no clip time today,
 * so nothing is replaced on these pages; a template that adds one gets this line, and nothing else is normalised.
 */
const CLIP_TIME_FIELDS = /^(clipped|clipped_at|clippedAt):.*$/gm;

function normalise(post: string): { frontMatter: string; body: string } {
  const { frontMatter, body } = splitPost(post.replace(/\r\n/g, '\n'));
  return { frontMatter: frontMatter.replace(CLIP_TIME_FIELDS, '$1: <clip time>'), body };
}

/**
 * Serves tests/ on 127.0.0.1 with `text/html` and no charset, as many sites do, so the browser and the CLI each
 * find the page's charset themselves (cn-portal-gbk is GBK bytes).
 */
async function startServer(): Promise<{ url(path: string): string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    readFile(join(TESTS, path)).then(
      (body) => {
        res.writeHead(200, {
          'content-type': path.endsWith('.html') ? 'text/html' : 'application/octet-stream',
        });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}/${p}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;

/** The toolbar click, and the post as the library shows it (the extension's own render of the stored clip). */
async function clipInChromium(url: string, title: string): Promise<string> {
  const page = await session.context.newPage();
  await page.goto(url);
  const popup = await clickToolbarButton(session, page);
  await pollValue(
    async () => {
      // Readerable pages clip on open; any other is clipped as the user would, with the button (once it says so:
      // a click while the auto-clip runs would clip twice).
      const text = await popup.evaluate<string>(BODY_TEXT_EXPR);
      if (/doesn.t look like an article/.test(text))
        await popup.evaluate<boolean>(clickButtonExpr('Clip this page'));
      return text;
    },
    (t) => /Saved: |Updated: /.test(t),
    `the saved line for ${url}`,
  );
  await popup.detach();
  await page.close();
  const lib = await openExtensionPage(session, 'popup.html');
  await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  await lib.getByText(title, { exact: true }).first().click();
  const post = await lib.getByLabel('Post', { exact: true }).inputValue();
  await lib.close();
  return post;
}

describe('The extension in Chromium and the CLI give the same post', () => {
  before(async () => {
    server = await startServer();
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  for (const path of PAGES) {
    it(path, async () => {
      const url = server.url(path);
      const file = join(TESTS, path);
      // The CLI's clock is the click's (to the second): year-less and relative dates resolve alike.
      const cli = clipHtmlBytes(
        new Uint8Array(await readFile(file)),
        url,
        { timeZone: '', now: new Date() },
        { path: file },
      );
      if (!cli.result.ok) return assert.fail(`the CLI did not clip ${path}: ${cli.result.code}`);
      const browserPost = await clipInChromium(url, cli.result.value.draft.title);
      const inBrowser = normalise(browserPost);
      const inCli = normalise(cli.result.value.post.content);
      assert.ok(inCli.body.trim().length > 200, `${path}: the CLI's body is an article`);
      if (path.endsWith('story.html'))
        assert.match(inCli.body, /Part 3 opens here/, 'all three pages joined');
      assert.equal(inBrowser.frontMatter, inCli.frontMatter, `${path}: front matter`);
      assert.equal(inBrowser.body, inCli.body, `${path}: body`);
    });
  }
});
