// Batches of tabs in real Chromium: a build copy with the optional host permission pre-granted (headless Chromium
// cannot answer the permission prompt), a page server that makes as many distinct articles as asked, and readers.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BatchState } from '../../../utils/pure/protocol';
import type { ChromiumSession } from './chromium';
import { openExtensionPage } from './chromium';

/**
 * The built extension with `<all_urls>` moved from optional to granted at install: what a user who clicked Allow
 * has. Everything else (code, messages, the permission check) is the shipped build.
 */
export async function grantedCopy(buildDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postclip-granted-'));
  await cp(buildDir, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['<all_urls>'];
  await writeFile(path, JSON.stringify(manifest));
  return dir;
}

/** A distinct article per number, so each tab is its own clip (no canonical link: the URL is the key). */
export function generatedArticle(n: number): string {
  const para = (i: number) =>
    `<p>Paragraph ${i} of report ${n}: the council met on Tuesday to discuss the new harbour wall, the budget for ` +
    `the coming year and the plans for the old market hall, which has stood empty since the fire of last spring.</p>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report ${n} from the harbour | Batch Times</title>` +
    `<meta property="article:published_time" content="2024-05-0${(n % 9) + 1}T08:00:00+01:00"></head><body>` +
    `<article><h1>Report ${n} from the harbour</h1>${Array.from({ length: 8 }, (_, i) => para(i)).join('')}</article>` +
    `</body></html>`
  );
}

export interface BatchServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** `/gen/N.html` is article N; `?delay=MS` holds the answer that long (a slow reload); anything else is from `root`. */
export async function startBatchServer(root: string): Promise<BatchServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    const gen = /^\/gen\/(\d+)\.html$/.exec(url.pathname);
    const answer = async () => {
      const body = gen ? generatedArticle(Number(gen[1])) : await readFile(join(root, url.pathname));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    setTimeout(() => {
      answer().catch(() => {
        res.writeHead(404);
        res.end('not found');
      });
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An extension page in a tab, trusted by the background, to send batch messages as the popup does. */
export async function controlPage(session: ChromiumSession): Promise<Page> {
  return openExtensionPage(session, 'popup.html');
}

export async function sendBatch(page: Page, type: string, payload: object = {}): Promise<unknown> {
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
}

export async function batchStatus(page: Page): Promise<BatchState | null> {
  const reply = (await sendBatch(page, 'batch-status')) as { ok: boolean; value?: BatchState | null };
  return reply.ok ? (reply.value ?? null) : null;
}

export async function waitForBatchEnd(page: Page, timeoutMs = 60_000): Promise<BatchState> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await batchStatus(page);
    if (state && state.status !== 'running' && state.status !== 'cancelling') return state;
    if (Date.now() > end) throw new Error(`batch still running: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens each URL in its own tab of the browser's window and waits for it to load. */
export async function openTabs(session: ChromiumSession, urls: string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const url of urls) {
    const page = await session.context.newPage();
    await page.goto(url).catch(() => undefined);
    pages.push(page);
  }
  return pages;
}
