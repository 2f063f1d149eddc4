// End-to-end in headless Firefox ESR over WebDriver BiDi: the post in popup.html (in a tab; the action popup is no
// BiDi context). Type into the body editor with real keys and find the edit in Export all's zip; find the clip by a
// word only its body holds. The Chinese search stays Chromium's (chromium-post.e2e.ts): its page is not clipped on
// open, and Firefox's action popup, where Clip this page is, cannot be reached over BiDi.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readZip, waitForDownload } from './helpers/files';
import type { FirefoxSession } from './helpers/firefox';
import { launchFirefox } from './helpers/firefox';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const TITLE = 'Harbour city opens its first tidal power station';
const EDIT = 'An edit typed in Firefox.';
/** A bound on each test: a hang fails the test with its name instead of stalling the whole run. */
const TEST_MS = 120_000;
/** WebDriver key values (the WebDriver spec's table). */
const KEY = { enter: '\uE007', control: '\uE009', end: '\uE010' };

const ROWS_EXPR = `[...document.querySelectorAll('[data-testid="clip-row-title"]')].map((e) => e.textContent.trim())`;
const EDITOR_READY_EXPR = `!!document.querySelector('.cm-content[aria-label="Body"]')`;

let server: PageServer;
let firefox: FirefoxSession;
let library = '';

type KeyAction = { type: 'keyDown' | 'keyUp'; value: string };

/** Real key presses into the focused element: one keyDown/keyUp pair per character. */
function keysFor(text: string): KeyAction[] {
  return [...text].flatMap((ch) => {
    const value = ch === '\n' ? KEY.enter : ch;
    return [
      { type: 'keyDown' as const, value },
      { type: 'keyUp' as const, value },
    ];
  });
}

async function pressKeys(context: string, actions: KeyAction[]): Promise<void> {
  await firefox.send('input.performActions', {
    context,
    actions: [{ type: 'key', id: 'keyboard', actions }],
  });
  await firefox.send('input.releaseActions', { context });
}

/** A toolbar click on a tab with `path`; the popup clips on open. */
async function clipPage(path: string): Promise<void> {
  await firefox.openTab(server.url(path));
  await firefox.clickToolbarButton();
  // Opening another tab would close the popup mid-clip, as it would for a user: give the clip time to finish.
  // The library check below waits for the row itself.
  await new Promise((r) => setTimeout(r, 3000));
}

/** popup.html in a tab, reloaded until the library lists `title`. */
async function libraryShowing(title: string): Promise<string> {
  library ||= await firefox.openTab(`moz-extension://${firefox.uuid}/popup.html`);
  await pollValue(
    async () => {
      await firefox.send('browsingContext.reload', { context: library, wait: 'complete' });
      return pollValue(
        () => firefox.evaluate<string[]>(library, ROWS_EXPR),
        (rows) => rows.length > 0,
        'rows after a reload',
        3000,
      ).catch(() => [] as string[]);
    },
    (rows) => rows.includes(title),
    `${title} in the Firefox library`,
    20_000,
  ).catch((error: unknown) => {
    console.error(firefox.logs.join('\n'));
    throw error;
  });
  return library;
}

describe('The post in popup.html, in Firefox', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    firefox = await launchFirefox(EXTENSION);
  });
  after(async () => {
    await firefox.close();
    await server.close();
    await rm(firefox.downloadsDir, { recursive: true, force: true });
  });

  it(
    'an edit typed into the body is autosaved and is in the Export all zip',
    { timeout: TEST_MS },
    async () => {
      await clipPage('article.html');
      const lib = await libraryShowing(TITLE);
      const opened = await firefox.evaluate<boolean>(
        lib,
        `(() => { const r = [...document.querySelectorAll('[data-testid="clip-row-title"]')].find((e) => e.textContent.trim() === ${JSON.stringify(TITLE)}); if (!r) return false; r.click(); return true; })()`,
      );
      assert.equal(opened, true);
      // The plain box is swapped for CodeMirror once its chunk loads: type into the editor that stays.
      await pollValue(
        () => firefox.evaluate<boolean>(lib, EDITOR_READY_EXPR),
        Boolean,
        'the CodeMirror editor',
      );
      await firefox.evaluate(lib, `document.querySelector('.cm-content[aria-label="Body"]').focus()`);
      await pressKeys(lib, [
        { type: 'keyDown', value: KEY.control },
        { type: 'keyDown', value: KEY.end },
        { type: 'keyUp', value: KEY.end },
        { type: 'keyUp', value: KEY.control },
        ...keysFor(`\n\n${EDIT}`),
      ]);
      // Each evaluate is also proof the page still answers (a stuck editor froze every extension page).
      await pollValue(
        () => firefox.evaluate<string>(lib, `document.body.innerText`),
        (text) => text.includes('Changes saved'),
        'the autosave',
      );
      await pollValue(
        () => firefox.evaluate<boolean>(lib, clickButtonExpr('Back')),
        Boolean,
        'the Back button',
      );
      await pollValue(
        () => firefox.evaluate<boolean>(lib, clickButtonExpr('Export all')),
        Boolean,
        'the Export all button',
      );
      const zip = await readZip(await waitForDownload(firefox.downloadsDir, /^postclip-.*\.zip$/, 20_000));
      const posts = [...zip.entries()].filter(([name]) => name.endsWith('.md'));
      assert.equal(posts.length, 1, posts.map(([name]) => name).join(', '));
      assert.ok((posts[0]?.[1] ?? '').includes(`\n\n${EDIT}`), posts[0]?.[1]);
    },
  );

  it('finds the clip by a word only its body holds', { timeout: TEST_MS }, async () => {
    const lib = await libraryShowing(TITLE);
    const filled = await firefox.evaluate<boolean>(
      lib,
      `(() => {
        const box = document.querySelector('input#filter-clips');
        if (!box) return false;
        box.value = 'turbines';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      })()`,
    );
    assert.ok(filled, 'the filter box');
    // The title, site and tags hold no such word: no row shows until the full-text index answers.
    const titles = await pollValue(
      () => firefox.evaluate<string[]>(lib, ROWS_EXPR),
      (shown) => shown.length > 0,
      'the rows for turbines',
      30_000,
    );
    assert.deepEqual(titles, [TITLE]);
  });
});
