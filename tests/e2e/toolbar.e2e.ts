// End-to-end in real headless Chromium: the toolbar click clips in the background at once (issue 13), with or
// without the popup, and the "Open Postclip first" setting still opens the popup without clipping.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './helpers/chromium';
import {
  attachPopup,
  clickToolbarButton,
  evaluateInBackground,
  launchChromium,
  openExtensionPage,
  triggerToolbarAction,
} from './helpers/chromium';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, clickButtonExpr, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = 'Harbour city opens its first tidal power station';
const PHASE_EXPR = `document.querySelector('.status[data-phase], [data-phase]')?.getAttribute('data-phase') ?? ''`;
/** The popup's busy line as `phase|text` (`probing|Looking at the page…`, `clipping|Clipping…`), or `idle`. */
const BUSY_EXPR = `(() => { const b = document.querySelector('.busy[data-phase]');
  return b ? b.getAttribute('data-phase') + '|' + b.textContent.trim() : 'idle'; })()`;

let server: PageServer;
let session: ChromiumSession;

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The library, read from popup.html in a tab (reloaded until `title` is listed, or `timeoutMs` passes). */
async function libraryTitles(until: (titles: string[]) => boolean, what: string): Promise<string[]> {
  const lib = await openExtensionPage(session, 'popup.html');
  try {
    return await pollValue(
      async () => {
        await lib.reload();
        await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
        await lib.waitForTimeout(300);
        return lib.locator('[data-testid="clip-row-title"]').allInnerTexts();
      },
      until,
      what,
      20_000,
    );
  } finally {
    await lib.close();
  }
}

async function tabTarget(page: Page): Promise<TargetInfo> {
  const { targetInfos } = (await session.cdp.send('Target.getTargets', {
    filter: [{ type: 'tab' }],
  })) as unknown as { targetInfos: TargetInfo[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  return tab;
}

describe('The toolbar button', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('clips in the background at once: the clip is saved even when the popup is closed as it opens', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('article.html'));
    await page.bringToFront();
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    // Close the popup the moment Chromium creates it. Its target may be announced blank and named popup.html a
    // moment later: watch both events.
    const closed = new Set<string>();
    const onTarget = (event: { targetInfo: TargetInfo }): void => {
      const { type, url, targetId } = event.targetInfo;
      if (type !== 'page' || !url.startsWith(popupUrl) || closed.has(targetId)) return;
      closed.add(targetId);
      void session.cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    };
    await session.cdp.send('Target.setDiscoverTargets', { discover: true });
    session.cdp.on('Target.targetCreated', onTarget);
    session.cdp.on('Target.targetInfoChanged', onTarget);
    try {
      await session.cdp.send(
        'Extensions.triggerAction' as never,
        { id: session.extensionId, targetId: (await tabTarget(page)).targetId } as never,
      );
      await pollValue(
        () => Promise.resolve(closed.size),
        (n) => n === 1,
        'the popup opened by the click, closed at once',
      );
    } finally {
      // Before the library opens popup.html in a tab, which this watcher would close too.
      session.cdp.off('Target.targetCreated', onTarget);
      session.cdp.off('Target.targetInfoChanged', onTarget);
    }
    const titles = await libraryTitles((t) => t.includes(TITLE), 'the clip in the library');
    assert.deepEqual(
      titles.filter((t) => t === TITLE),
      [TITLE],
    );
    await page.close();
  });

  it('"Open Postclip first" opens the popup without clipping; Clip this page clips', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Toolbar button').selectOption('open');
    const clipOnOpen = options.getByLabel('Clip the article as soon as the popup opens');
    await clipOnOpen.uncheck();
    await options.getByText('Saved', { exact: true }).first().waitFor();
    await options.close();

    const page = await session.context.newPage();
    await page.goto(server.url('second-article.html'));
    const popup = await clickToolbarButton(session, page);
    // The popup probed the page (its Clip button is there and idle) and clipped nothing.
    await pollValue(
      () => popup.evaluate<string>(PHASE_EXPR),
      (phase) => phase === 'idle',
      'the popup idle after its probe',
    );
    const before = await popup.evaluate<string>(BODY_TEXT_EXPR);
    assert.doesNotMatch(before, /Saved|Updated/);
    // The popup's own library: only the first test's clip (opening another tab would close the popup).
    const rows = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="clip-row-title"]')].map((e) => e.textContent.trim())`,
    );
    assert.deepEqual(rows, [TITLE], 'nothing clipped yet');
    const clicked = await popup.evaluate<boolean>(clickButtonExpr('Clip this page'));
    assert.equal(clicked, true);
    const after = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the clip saved from the popup',
    );
    assert.match(after, /城市书房延长开放时间/);
    await popup.detach();
    await page.close();
  });

  it('with "Open Postclip first" and clip-on-open, the popup clips as it opens (the flow before issue 13)', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Clip the article as soon as the popup opens').check();
    await options.getByText('Saved', { exact: true }).first().waitFor();
    await options.close();
    const page = await session.context.newPage();
    await page.goto(server.url('og-url-article.html'));
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the clip saved on open',
    );
    assert.match(text, /Night ferry returns to the harbour/);
    await popup.detach();
    await page.close();
    // Back to the default for any later test in this session.
    const reset = await openExtensionPage(session, 'options.html');
    await reset.getByLabel('Toolbar button').selectOption('clip');
    await reset.close();
  });

  it('says "Clipping…" while the page clips (a multi-page article waiting on page 2), never "Looking at the page…" after', async () => {
    // Page 2 is kept in flight until the popup has been read: the click's one call cannot answer before.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let page2: 'not asked' | 'in flight' | 'served' = 'not asked';
    const held = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'), (path) => {
      if (!path.endsWith('paged/story-2.html')) return undefined;
      page2 = 'in flight';
      return released.then(() => {
        page2 = 'served';
      });
    });
    try {
      const page = await session.context.newPage();
      await page.goto(held.url('paged/story.html'));
      const popup = await clickToolbarButton(session, page);
      const seen: string[] = [];
      const readBusy = async () => {
        // Before the app has mounted there is no status at all: that is not a state the popup shows.
        const isMounted = await popup.evaluate<boolean>(
          `document.querySelector('#app')?.childElementCount > 0`,
        );
        const busy = isMounted ? await popup.evaluate<string>(BUSY_EXPR) : 'unmounted';
        if (isMounted && seen.at(-1) !== busy) seen.push(busy);
        return busy;
      };
      const clipping = await pollValue(
        readBusy,
        (b) => b.startsWith('clipping'),
        'the popup saying it clips',
      );
      // Shown while the page still waits on page 2 (the page gives up on it after 4 s): the call had not answered.
      assert.equal(page2, 'in flight', 'Clipping… shown while the clip was still running');
      assert.equal(clipping, 'clipping|Clipping…');
      release();
      const text = await pollValue(
        () => popup.evaluate<string>(BODY_TEXT_EXPR),
        (t) => /pages joined/.test(t),
        'the joined post saved',
      );
      await readBusy();
      assert.match(text, /Saved/);
      assert.match(text, /3 pages joined/);
      assert.equal(seen.at(-1), 'idle');
      // Looking at the page (if the popup came early enough to see it), then Clipping, then done: never back.
      const order = seen.map((b) => b.split('|')[0]);
      assert.ok(
        order.join(' ') === 'clipping idle' || order.join(' ') === 'probing clipping idle',
        `the popup's states in order: ${seen.join(' → ')}`,
      );
      if (order[0] === 'probing') assert.equal(seen[0], 'probing|Looking at the page…');
      await popup.detach();
      await page.close();
    } finally {
      release();
      await held.close();
    }
  });
});

describe('The toolbar button right after the browser starts', () => {
  let early: ChromiumSession;
  let pages: PageServer;
  before(async () => {
    pages = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    // No wait for the background: the click may come before it listens (issue 13's first-popup failures).
    early = await launchChromium(EXTENSION, undefined, { isToolbarReady: false });
  });
  after(async () => {
    await early.close();
    await pages.close();
    await rm(early.profileDir, { recursive: true, force: true });
  });

  it('the first click opens Postclip and saves the clip, whether or not the background listened yet', async () => {
    const page = await early.context.newPage();
    await page.goto(pages.url('article.html'));
    await triggerToolbarAction(early, page);
    // Before the background listens, the manifest's popup opens (popup.html) and clips as it opens; after, the
    // background clips and opens popup.html?tab=<id>. Either way a popup shows the clip saved.
    const popup = await attachPopup(early);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the first click’s clip saved',
    );
    assert.match(text, new RegExp(TITLE));
    await popup.detach();
    await page.close();
    // The background now listens: the manifest's popup is gone, and a click opens the popup of its own tab.
    const popupSet = await pollValue(
      () => evaluateInBackground<string>(early, 'chrome.action.getPopup({})'),
      (p) => p === '',
      'the manifest popup taken away',
    );
    assert.equal(popupSet, '');
    const second = await early.context.newPage();
    await second.goto(pages.url('second-article.html'));
    const next = await clickToolbarButton(early, second);
    const nextText = await pollValue(
      () => next.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the second click’s clip saved',
    );
    assert.match(nextText, /城市书房延长开放时间/);
    await next.detach();
    await second.close();
  });
});
