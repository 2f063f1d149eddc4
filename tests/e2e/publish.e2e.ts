// Publishing in real headless Chromium against a real Git server (git http-backend on 127.0.0.1, started here),
// checked with the git CLI; and the local-folder writer on the origin-private file system.
// The host-permission prompt cannot be answered headless (permissions.request() after a click never settles), so
// the *granted* path runs on a copy of the build whose manifest already grants 127.0.0.1: permissions.request()
// resolves true at once (Chromium asks nothing for a permission the extension holds): everything but the prompt.
// The *unanswered/declined* path runs on the shipped build: the page shows that it waits for the answer and why,
// the user stops waiting, and a publish is then refused with the reason, the clip kept and marked not published.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cloneFiles, fsck, headOf, logSubjects } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';
import type { ChromiumSession } from './helpers/chromium';
import {
  clickToolbarButton,
  launchChromium,
  openExtensionPage,
  triggerToolbarAction,
} from './helpers/chromium';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = 'Harbour city opens its first tidal power station';

/** Waits for `text` on the page; on a timeout the error carries what the page did show. */
async function waitForText(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch (error) {
    const shown = await page.evaluate(() => document.body.innerText).catch(() => '?');
    throw new Error(`${String(text)} never showed; the page shows:\n${shown}`, { cause: error });
  }
}

async function fillGitSettings(options: Page, url: string, token: string): Promise<void> {
  await options.getByLabel('Where to publish', { exact: true }).selectOption('git');
  await options.getByLabel('Repository URL', { exact: true }).fill(url);
  await options.getByLabel('Branch', { exact: true }).fill('main');
  await options.getByLabel('Access token', { exact: true }).fill(token);
  await options.getByRole('button', { name: 'Save publish settings', exact: true }).click();
}

describe('Publish in Chromium: the permission granted', () => {
  let session: ChromiumSession;
  let git: GitServer;
  let pages: PageServer;
  let granted: string;

  before(async () => {
    git = await startGitServer();
    pages = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    granted = await mkdtemp(join(tmpdir(), 'postclip-granted-'));
    await cp(EXTENSION, granted, { recursive: true });
    const manifestPath = join(granted, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
    session = await launchChromium(granted);
  });
  after(async () => {
    await session.close();
    await git.close();
    await pages.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(granted, { recursive: true, force: true });
  });

  async function openClipInLibrary(): Promise<Page> {
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    // Not exact: the first test retitles the clip "… (updated)".
    await lib.getByText(TITLE, { exact: false }).first().click();
    return lib;
  }

  it('publishes a clip into an empty repository, then an edit as one new commit to the same path', async () => {
    const bare = git.createRepo('site.git');
    const options = await openExtensionPage(session, 'options.html');
    await fillGitSettings(options, git.urlOf('site.git'), TEST_TOKEN);
    await waitForText(options, 'Publish settings saved.');
    await options.getByRole('button', { name: 'Test connection', exact: true }).click();
    await waitForText(options, /the branch “main” does not exist yet/);

    const tab = await session.context.newPage();
    await tab.goto(pages.url('article.html'));
    const popup = await clickToolbarButton(session, tab);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the clip',
    );
    await popup.detach();

    const lib = await openClipInLibrary();
    await lib.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForText(lib, 'Published.');
    const first = cloneFiles(bare);
    const paths = [...first.keys()];
    assert.equal(paths.length, 1);
    assert.match(paths[0] ?? '', /^_posts\/\d{4}-\d{2}-\d{2}-.+\.md$/);
    assert.match(first.get(paths[0] ?? '')?.toString() ?? '', new RegExp(TITLE));
    assert.deepEqual(logSubjects(bare), [`Add post: ${TITLE}`]);

    await lib.getByLabel('Title', { exact: true }).fill(`${TITLE} (updated)`);
    await lib.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(lib, /Saved/);
    await lib.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForText(lib, 'Published.');
    const second = cloneFiles(bare);
    assert.deepEqual([...second.keys()], paths, 'the same file, not a second one');
    assert.match(second.get(paths[0] ?? '')?.toString() ?? '', /\(updated\)/);
    assert.equal(logSubjects(bare).length, 2);
    await lib.close();
    await tab.close();
    await options.close();
  });

  it('the server going away mid-push: the clip stays, not published; Try again publishes once, nothing partial', async () => {
    // Another repository than the first test's: the clip's place there is its own (not a conflict).
    const bare = git.createRepo('drop.git');
    const options = await openExtensionPage(session, 'options.html');
    await fillGitSettings(options, git.urlOf('drop.git'), TEST_TOKEN);
    await waitForText(options, 'Publish settings saved.');
    await options.close();

    // Every push is cut off after its first bytes, so a browser's own resend of the POST fails the same way.
    git.failEveryPush('drop-upload');
    const attemptsBefore = git.pushAttempts;
    const lib = await openClipInLibrary();
    await lib.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForText(lib, /the server could not be reached or the connection dropped/);
    assert.ok(git.pushAttempts > attemptsBefore, 'the push reached the server before it went away');
    assert.equal(headOf(bare), null, 'no commit, not even a partial one, landed');
    // The clip is still in the library, marked not published, after a reload too.
    await lib.reload();
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    const row = lib.locator('li', { hasText: TITLE }).first();
    await row.locator('[data-publish-state="failed"]').waitFor();
    assert.equal(await row.locator('[data-publish-state]').innerText(), 'Not published');

    git.failEveryPush('none');
    await lib.getByText(TITLE, { exact: false }).first().click();
    await lib.getByRole('button', { name: 'Try again', exact: true }).click();
    await waitForText(lib, 'Published.');
    const files = cloneFiles(bare);
    assert.equal(files.size, 1);
    assert.match([...files.values()][0]?.toString() ?? '', /\(updated\)/);
    assert.equal(logSubjects(bare).length, 1, 'one commit: the retry, nothing left from the dropped push');
    fsck(bare);
    await lib.close();
  });

  it('publish every new clip: a clip the background made with no page open is published when a page opens, once', async () => {
    // A context-menu or shortcut clip cannot be started headless: the list is written as the background's record()
    // writes it, and what is checked is the claim (through the background) and the publish.
    const bare = git.createRepo('auto.git');
    const options = await openExtensionPage(session, 'options.html');
    await fillGitSettings(options, git.urlOf('auto.git'), TEST_TOKEN);
    await waitForText(options, 'Publish settings saved.');
    await options.getByLabel('Publish every new clip automatically', { exact: true }).check();
    await options.getByRole('button', { name: 'Save publish settings', exact: true }).click();
    await waitForText(options, 'Publish settings saved.');
    // The options page stays open: it hears of the new clip and publishes it at once.
    await options.evaluate(async () => {
      const ids = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const open = indexedDB.open('postclip');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const keys = open.result.transaction('clips').objectStore('clips').getAllKeys();
          keys.onsuccess = () => {
            open.result.close();
            resolve(keys.result);
          };
          keys.onerror = () => reject(new Error(String(keys.error)));
        };
      });
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      };
      await chrome.storage.local.set({ publishAutoPending: ids });
    });
    await pollValue(
      () => Promise.resolve(headOf(bare) === null ? [] : logSubjects(bare)),
      (subjects) => subjects.length === 1,
      'the auto-publish commit',
    );
    assert.match([...cloneFiles(bare).values()][0]?.toString() ?? '', new RegExp(TITLE));
    // A popup opened afterwards finds nothing left to publish.
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    const left = await lib.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      return (await chrome.storage.local.get('publishAutoPending')).publishAutoPending ?? null;
    });
    assert.equal(left, null);
    assert.equal(logSubjects(bare).length, 1, 'published once, not by both pages');
    await lib.close();
    await options.close();
  });

  it('publishes to a folder: the origin-private file system standing in for a picked folder', async () => {
    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    // What "Choose the site's folder…" stores, with OPFS's root in place of a picked folder.
    await lib.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('postclip-publish', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('handles');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('handles', 'readwrite');
          tx.objectStore('handles').put(root, 'root');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      });
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: {
            local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
          };
        };
      };
      const stored = await chrome.storage.local.get('publish');
      await chrome.storage.local.set({ publish: { ...(stored.publish as object), destination: 'folder' } });
    });
    await lib.getByText(TITLE, { exact: false }).first().click();
    await lib.getByRole('button', { name: /^(Publish|Try again)$/ }).click();
    await waitForText(lib, 'Published.');
    const written = await lib.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const posts = await root.getDirectoryHandle('_posts');
      const out: { name: string; text: string }[] = [];
      for await (const [name, handle] of posts as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind === 'file')
          out.push({ name, text: await (await (handle as FileSystemFileHandle).getFile()).text() });
      }
      return out;
    });
    assert.equal(written.length, 1);
    assert.match(written[0]?.name ?? '', /\.md$/);
    assert.match(written[0]?.text ?? '', /^---\n/);
    await lib.close();
  });
});

describe('Publish in Chromium: the permission not granted', () => {
  let session: ChromiumSession;
  let git: GitServer;
  let pages: PageServer;

  before(async () => {
    git = await startGitServer();
    pages = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await git.close();
    await pages.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('Save shows it waits for the browser’s answer and why; stopping says what happened; a publish is refused and the clip kept', async () => {
    git.createRepo('declined.git');
    const options = await openExtensionPage(session, 'options.html');
    await fillGitSettings(options, git.urlOf('declined.git'), TEST_TOKEN);
    // Headless Chromium cannot show the prompt, so its answer never comes: exactly a prompt left unanswered.
    const waiting = options.locator('.publish-waiting');
    await waiting.waitFor();
    assert.match(await waiting.innerText(), /Waiting for your answer…/);
    assert.match(await waiting.innerText(), /may reach 127\.0\.0\.1, the server of your repository/);
    await options.getByRole('button', { name: 'Stop waiting', exact: true }).click();
    await waitForText(
      options,
      /You stopped waiting, so the settings were saved but Postclip may not reach 127\.0\.0\.1/,
    );
    // Test connection is refused with the same reason, before any request.
    await options.getByRole('button', { name: 'Test connection', exact: true }).click();
    await waitForText(options, /has not allowed Postclip to reach this repository’s server/);

    await options.close();
    const tab = await session.context.newPage();
    await tab.goto(pages.url('article.html'));
    // While the prompt waits unanswered (headless cannot show it), Chromium opens no action popup
    // (action.openPopup); the click's clip is saved all the same, in the background.
    await triggerToolbarAction(session, tab);
    const lib = await openExtensionPage(session, 'popup.html');
    await pollValue(
      async () => {
        await lib.reload();
        await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
        await lib.waitForTimeout(300);
        return lib.getByText(TITLE, { exact: false }).count();
      },
      (n) => n > 0,
      'the clip in the library',
      20_000,
    );
    await lib.getByText(TITLE, { exact: false }).first().click();
    await lib.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForText(
      lib,
      /Not published: the browser has not allowed Postclip to reach this repository’s server/,
    );
    await lib.locator('.publish-control [data-publish-state="failed"]').waitFor();
    assert.deepEqual(
      git.requests.filter((r) => r.includes('declined.git')),
      [],
      'nothing was sent to a server the browser did not allow',
    );
    await lib.reload();
    await lib.getByText(TITLE, { exact: false }).first().waitFor();
    await lib.close();
    await tab.close();
  });
});
