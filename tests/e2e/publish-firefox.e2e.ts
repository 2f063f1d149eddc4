// Publishing in headless Firefox ESR (WebDriver BiDi) against a real Git server (git http-backend on 127.0.0.1):
// the options page saves a Git destination with a real pointer click, the permission granted by Firefox's own
// switch `extensions.webextOptionalPermissionPrompts=false` (no prompt, the optional host permission granted); a
// toolbar click clips; popup.html in a tab publishes, then publishes an edit as an update. Checked with the git CLI.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cloneFiles, fsck, logSubjects } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';
import type { FirefoxSession } from './helpers/firefox';
import { launchFirefox } from './helpers/firefox';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const TITLE = 'Harbour city opens its first tidal power station';

/** Sets a labelled field as typing would (the native setter, then the event Preact listens to). */
function fillExpr(label: string, value: string): string {
  return `(() => {
    const l = [...document.querySelectorAll('label')].find((e) => e.textContent.trim() === ${JSON.stringify(label)});
    const el = l && document.getElementById(l.htmlFor);
    if (!el) return false;
    const isSelect = el.tagName === 'SELECT';
    const proto = isSelect ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event(isSelect ? 'change' : 'input', { bubbles: true }));
    return true;
  })()`;
}

/** The centre of the enabled button with this name, in viewport pixels, or null. */
function buttonCentreExpr(name: string): string {
  return `(() => {
    const b = [...document.querySelectorAll('button')].find((e) => e.textContent.trim() === ${JSON.stringify(name)} && !e.disabled);
    if (!b) return null;
    b.scrollIntoView({ block: 'center' });
    const r = b.getBoundingClientRect();
    return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
  })()`;
}

/** A real mouse click (BiDi input actions): Firefox grants permissions.request only inside user input. */
async function pointerClick(firefox: FirefoxSession, context: string, name: string): Promise<void> {
  const centre = await pollValue(
    () => firefox.evaluate<[number, number] | null>(context, buttonCentreExpr(name)),
    (c) => c !== null,
    `the ${name} button`,
  );
  const [x, y] = centre ?? [0, 0];
  await firefox.send('browsingContext.activate', { context });
  await firefox.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x, y },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await firefox.send('input.releaseActions', { context });
}

async function waitForBody(firefox: FirefoxSession, context: string, pattern: RegExp, what: string) {
  return pollValue(
    () => firefox.evaluate<string>(context, BODY_TEXT_EXPR),
    (text) => pattern.test(text),
    what,
    30_000,
  ).catch((error: unknown) => {
    console.error(firefox.logs.join('\n'));
    throw error;
  });
}

describe('Publish in Firefox', () => {
  let firefox: FirefoxSession;
  let git: GitServer;
  let pages: PageServer;

  before(async () => {
    git = await startGitServer();
    pages = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    firefox = await launchFirefox(EXTENSION, { 'extensions.webextOptionalPermissionPrompts': false });
  });
  after(async () => {
    await firefox.close();
    await git.close();
    await pages.close();
    await rm(firefox.downloadsDir, { recursive: true, force: true });
  });

  it('publishes a clip into an empty repository, then an edit as one new commit to the same file', async () => {
    const bare = git.createRepo('firefox.git');
    const options = await firefox.openTab(`moz-extension://${firefox.uuid}/options.html`);
    await pollValue(
      () => firefox.evaluate<boolean>(options, fillExpr('Where to publish', 'git')),
      (done) => done,
      'the Where to publish field',
    );
    for (const [label, value] of [
      ['Repository URL', git.urlOf('firefox.git')],
      ['Branch', 'main'],
      ['Access token', TEST_TOKEN],
    ] as const) {
      assert.equal(await firefox.evaluate<boolean>(options, fillExpr(label, value)), true, label);
    }
    await pointerClick(firefox, options, 'Save publish settings');
    await waitForBody(firefox, options, /Publish settings saved\./, 'the settings saved as allowed');
    const granted = await firefox.evaluate<boolean>(
      options,
      `browser.permissions.contains({ origins: ['http://127.0.0.1/*'] })`,
    );
    assert.equal(granted, true, 'Firefox granted the optional host permission');

    await firefox.openTab(pages.url('article.html'));
    await firefox.clickToolbarButton();
    // The popup clips on open; opening another tab at once would close it mid-clip (as in firefox.e2e.ts).
    await new Promise((r) => setTimeout(r, 3000));
    const lib = await firefox.openTab(`moz-extension://${firefox.uuid}/popup.html`);
    const openRow = `(() => { const r = [...document.querySelectorAll('[data-testid="clip-row-title"]')].find((e) => e.textContent.trim() === ${JSON.stringify(TITLE)}); if (!r) return false; r.click(); return true; })()`;
    await pollValue(
      async () => {
        await firefox.send('browsingContext.reload', { context: lib, wait: 'complete' });
        await new Promise((r) => setTimeout(r, 500));
        return firefox.evaluate<boolean>(lib, openRow);
      },
      (opened) => opened,
      'the clip in the library',
      30_000,
    );
    await pollValue(
      () => firefox.evaluate<boolean>(lib, clickButtonExpr('Publish')),
      (clicked) => clicked,
      'the Publish button',
    );
    await waitForBody(firefox, lib, /Published\./, 'the first publish');
    const first = cloneFiles(bare);
    const paths = [...first.keys()];
    assert.equal(paths.length, 1);
    assert.match(paths[0] ?? '', /^_posts\/\d{4}-\d{2}-\d{2}-.+\.md$/);
    assert.match(first.get(paths[0] ?? '')?.toString() ?? '', new RegExp(TITLE));
    assert.deepEqual(logSubjects(bare), [`Add post: ${TITLE}`]);

    assert.equal(await firefox.evaluate<boolean>(lib, fillExpr('Title', `${TITLE} (updated)`)), true);
    await pollValue(
      () => firefox.evaluate<boolean>(lib, clickButtonExpr('Save')),
      (clicked) => clicked,
      'the Save button',
    );
    await waitForBody(firefox, lib, /Saved/, 'the edit saved');
    await pollValue(
      () => firefox.evaluate<boolean>(lib, clickButtonExpr('Publish')),
      (clicked) => clicked,
      'the Publish button again',
    );
    await pollValue(
      () => Promise.resolve(logSubjects(bare).length),
      (n) => n === 2,
      'the update’s commit',
      30_000,
    );
    const second = cloneFiles(bare);
    assert.deepEqual([...second.keys()], paths, 'the same file, not a second one');
    assert.match(second.get(paths[0] ?? '')?.toString() ?? '', /\(updated\)/);
    fsck(bare);
  });
});
