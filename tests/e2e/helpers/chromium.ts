// Drives Debian's Chromium with the built extension loaded, as a user would: toolbar clicks, the real popup, downloads.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  cdp: CDPSession;
  extensionId: string;
  profileDir: string;
  downloadsDir: string;
  /** The service worker's console (warnings and errors): why a popup did not open, when one did not. */
  backgroundLog: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Wait until the background listens for the toolbar click (it then takes the manifest's popup away), as a user's
   * click a moment after the browser started would find it. False: return at once (a test of the click before that).
   */
  isToolbarReady?: boolean;
}

/** Launches Chromium with the extension; reusing `profileDir` simulates a browser restart. */
export async function launchChromium(
  extensionDir: string,
  profileDir?: string,
  { isToolbarReady = true }: LaunchOptions = {},
): Promise<ChromiumSession> {
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'postclip-chromium-')));
  const downloadsDir = join(profile, 'downloads');
  await mkdir(join(profile, 'Default'), { recursive: true });
  await mkdir(downloadsDir, { recursive: true });
  // Extension downloads keep their own file names only with a download directory set in the profile.
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const backgroundLog: string[] = [];
  // The worker restarts after idling: listen on every one.
  const listen = (w: typeof worker) =>
    w.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error')
        backgroundLog.push(`${message.type()}: ${message.text()}`);
    });
  listen(worker);
  context.on('serviceworker', listen);
  const browser = context.browser();
  if (!browser)
    throw new Error(
      'Playwright gave no Browser for the persistent context: cannot open a browser CDP session',
    );
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default', eventsEnabled: true });
  const session: ChromiumSession = {
    context,
    cdp,
    extensionId,
    profileDir: profile,
    downloadsDir,
    backgroundLog,
    close: () => context.close(),
  };
  if (isToolbarReady) await waitForToolbarListener(session);
  return session;
}

/** Evaluates a JS expression (a string: the test runner's transpiler would add helpers a worker lacks) in the background. */
export async function evaluateInBackground<T>(session: ChromiumSession, expression: string): Promise<T> {
  const prefix = `chrome-extension://${session.extensionId}/`;
  // The worker stops after idling and a click starts a new one: ask the one running now.
  const worker = await waitFor('the service worker', () =>
    Promise.resolve(session.context.serviceWorkers().find((w) => w.url().startsWith(prefix))),
  );
  return worker.evaluate<T>(expression);
}

/** The background takes the manifest's popup away once its click listener is in place (toolbar-start.ts). */
async function waitForToolbarListener(session: ChromiumSession): Promise<void> {
  await waitFor('the background to listen for the toolbar click', async () => {
    const popup = await evaluateInBackground<string>(session, 'chrome.action.getPopup({})').catch(() => null);
    return popup === '' ? true : undefined;
  });
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function getTargets(cdp: CDPSession, type: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type }] })) as unknown as {
    targetInfos: TargetInfo[];
  };
  return targetInfos;
}

/** A real toolbar click on the tab showing `page`: grants activeTab and opens the action popup of that tab. */
export async function clickToolbarButton(session: ChromiumSession, page: Page): Promise<PopupHandle> {
  await triggerToolbarAction(session, page);
  return attachPopup(session, await clickedTabId(session, page));
}

/**
 * The extension's id of the tab showing `page`, once clicked: the active tab of the focused window (the click
 * brought it to the front). Where the click's activeTab grant shows its URL (not on chrome:// pages), it must match.
 */
export async function clickedTabId(session: ChromiumSession, page: Page): Promise<number> {
  const url = JSON.stringify(page.url());
  return waitFor('the clicked tab', async () => {
    const ids = await evaluateInBackground<number[]>(
      session,
      `chrome.tabs.query({ active: true, lastFocusedWindow: true })
        .then((tabs) => tabs.filter((t) => t.url === undefined || t.url === ${url}).map((t) => t.id))`,
    );
    return ids.length === 1 ? ids[0] : undefined;
  });
}

/**
 * The click alone: the background clips at once (and opens the popup, which this does not wait for). Chromium's
 * Extensions.triggerAction clicks the button of the window holding the named tab, for that window's active tab:
 * name the page's own tab and bring it to the front first.
 */
export async function triggerToolbarAction(session: ChromiumSession, page: Page): Promise<void> {
  const tabTargetId = await tabTargetOf(session, page);
  await page.bringToFront();
  await session.cdp.send(
    'Extensions.triggerAction' as never,
    { id: session.extensionId, targetId: tabTargetId } as never,
  );
}

/**
 * The tab target holding `page` itself. Tabs are not told apart by URL: an earlier test may have left another tab
 * open on the same URL, and a click there grants activeTab to that tab, not to the one the test then reads. The
 * page's own target id comes from its own CDP session; each tab target names the page target it holds (its
 * auto-attached child). Exactly one tab must hold it, or this throws.
 */
export async function tabTargetOf(session: ChromiumSession, page: Page): Promise<string> {
  const pageSession = await session.context.newCDPSession(page);
  const { targetInfo } = (await pageSession.send('Target.getTargetInfo')) as unknown as {
    targetInfo: TargetInfo;
  };
  await pageSession.detach().catch(() => undefined);
  const holders: string[] = [];
  for (const tab of await getTargets(session.cdp, 'tab')) {
    const children = await childTargetsOf(session.cdp, tab.targetId).catch((): string[] => []);
    if (children.includes(targetInfo.targetId)) holders.push(tab.targetId);
  }
  if (holders.length !== 1)
    throw new Error(
      `${holders.length} tab targets hold the page target of ${page.url()}: cannot click it exactly`,
    );
  return holders[0] as string;
}

/** The page targets a tab target holds: attach to the tab and let it auto-attach its children, then detach. */
async function childTargetsOf(cdp: CDPSession, tabTargetId: string): Promise<string[]> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: tabTargetId, flatten: false });
  const children: string[] = [];
  let answer: ((error?: Error) => void) | undefined;
  const answered = new Promise<void>((resolve, reject) => {
    answer = (error) => (error ? reject(error) : resolve());
  });
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      params?: { targetInfo?: TargetInfo };
      error?: { message: string };
    };
    if (msg.method === 'Target.attachedToTarget' && msg.params?.targetInfo)
      children.push(msg.params.targetInfo.targetId);
    if (msg.id === 1) answer?.(msg.error ? new Error(msg.error.message) : undefined);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  try {
    const setAutoAttach = { autoAttach: true, waitForDebuggerOnStart: false, flatten: false };
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Target.setAutoAttach', params: setAutoAttach }),
    });
    // Chromium reports the targets already there before it answers setAutoAttach.
    await answered;
    return children;
  } finally {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The action popup is never a Playwright Page: talk to it through the browser's CDP target messages. */
export interface PopupHandle {
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/**
 * Attaches to the action popup of the tab `tabId` (`popup.html?tab=<id>`, as the background opens it for a click),
 * or to any action popup when no tab is named.
 */
export async function attachPopup(session: ChromiumSession, tabId?: number): Promise<PopupHandle> {
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  const isWanted = (url: string) =>
    tabId === undefined ? url.startsWith(popupUrl) : url === `${popupUrl}?tab=${tabId}`;
  const target = await waitFor(`the action popup${tabId === undefined ? '' : ` of tab ${tabId}`}`, async () =>
    (await getTargets(session.cdp, 'page')).find((t) => isWanted(t.url)),
  ).catch((error: unknown) => {
    const log = session.backgroundLog.slice(-5).join('\n');
    throw new Error(`${String(error)}; the service worker said: ${log || 'nothing'}`);
  });
  const { sessionId } = await session.cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.error) waiter.reject(new Error(msg.error.message));
    else waiter.resolve(msg.result);
  };
  session.cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method: string, params: object): Promise<unknown> => {
    const id = nextId++;
    const promise = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    // Once the popup has closed its session is gone: fail this call rather than leave an unhandled rejection.
    session.cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
      .catch((error: unknown) => {
        pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
        pending.delete(id);
      });
    return promise;
  };
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const result = (await send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      }
      return result.result.value as T;
    },
    async detach() {
      session.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await session.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** Opens an extension page (popup.html or options.html) in a normal tab, for UI steps that need no activeTab grant. */
export async function openExtensionPage(session: ChromiumSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}
