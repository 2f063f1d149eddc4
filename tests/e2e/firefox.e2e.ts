// End-to-end in headless Firefox ESR over WebDriver BiDi: toolbar click, library, a .md download and Export all.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { readText, readZip, splitPost, waitForDownload } from './helpers/files';
import type { FirefoxSession } from './helpers/firefox';
import { launchFirefox } from './helpers/firefox';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const TITLE = 'Harbour city opens its first tidal power station';

let server: PageServer;
let firefox: FirefoxSession;

describe('Postclip in Firefox', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    firefox = await launchFirefox(EXTENSION);
  });
  after(async () => {
    await firefox.close();
    await server.close();
    await rm(firefox.downloadsDir, { recursive: true, force: true });
  });

  it('a toolbar click clips the page; the clip is listed; Download and Export all land on disk', async () => {
    await firefox.openTab(server.url('article.html'));
    await firefox.clickToolbarButton();
    // The popup clips on open; opening another tab now would close it mid-clip, as it would for a user.
    await new Promise((r) => setTimeout(r, 3000));

    // The action popup is no BiDi context: read the library from popup.html in a tab.
    const popup = await firefox.openTab(`moz-extension://${firefox.uuid}/popup.html`);
    // The library renders after an async load: give each reload up to 3 s to show rows.
    const rowsExpr = `new Promise((resolve) => {
      const read = () => [...document.querySelectorAll('[data-testid="clip-row-title"]')].map((e) => e.textContent.trim());
      const end = Date.now() + 3000;
      const tick = () => (read().length || Date.now() > end ? resolve(read()) : setTimeout(tick, 100));
      tick();
    })`;
    await pollValue(
      async () => {
        await firefox.send('browsingContext.reload', { context: popup, wait: 'complete' });
        return firefox.evaluate<string[]>(popup, rowsExpr);
      },
      (rows) => rows.includes(TITLE),
      'the clip in the Firefox library',
      20_000,
    ).catch((error: unknown) => {
      console.error(firefox.logs.join('\n'));
      throw error;
    });

    const open = await firefox.evaluate<boolean>(
      popup,
      `(() => { const r = [...document.querySelectorAll('[data-testid="clip-row-title"]')].find((e) => e.textContent.trim() === ${JSON.stringify(TITLE)}); if (!r) return false; r.click(); return true; })()`,
    );
    assert.equal(open, true);
    await pollValue(
      () => firefox.evaluate<boolean>(popup, clickButtonExpr('Download')),
      (v) => v,
      'the Download button',
    );
    const md = await waitForDownload(firefox.downloadsDir, /^2024-03-18-.*\.md$/, 20_000);
    const { frontMatter, body } = splitPost(await readText(md));
    assert.equal((parseYaml(frontMatter) as { title: string }).title, TITLE);
    assert.match(body, /tidal power station/);

    const text = await firefox.evaluate<string>(popup, BODY_TEXT_EXPR);
    assert.ok(text.length > 0);
    await pollValue(
      () => firefox.evaluate<boolean>(popup, clickButtonExpr('Export all')),
      (v) => v,
      'the Export all button',
    );
    const zip = await readZip(await waitForDownload(firefox.downloadsDir, /^postclip-.*\.zip$/, 20_000));
    const names = [...zip.keys()];
    assert.equal(names.length, 1);
    assert.match(names[0] ?? '', /^_posts\/2024-03-18-.*\.md$/);
  });
});
