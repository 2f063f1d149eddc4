// Drives Firefox ESR over its own WebDriver BiDi (no geckodriver here): install the unsigned build, click the toolbar button, read pages.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'postclip@postclip.dev';

interface BidiResponse {
  id?: number;
  type?: string;
  method?: string;
  result?: unknown;
  error?: string;
  message?: string;
  params?: unknown;
}

export interface FirefoxSession {
  uuid: string;
  downloadsDir: string;
  send<T = unknown>(method: string, params: object): Promise<T>;
  /** A new tab's browsing context id, navigated to `url`. */
  openTab(url: string): Promise<string>;
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Firefox internals: the same toolbar click a user makes, granting activeTab. */
  clickToolbarButton(): Promise<void>;
  /** Console messages and errors from every context, extension pages included, for diagnosing failures. */
  logs: string[];
  close(): Promise<void>;
}

/** `extraPrefs` go into the profile's user.js with the defaults below (a test's own switches, e.g. permission prompts). */
export async function launchFirefox(
  extensionDir: string,
  extraPrefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxSession> {
  const profile = await mkdtemp(join(tmpdir(), 'postclip-firefox-'));
  const downloadsDir = join(profile, 'downloads');
  await mkdir(downloadsDir, { recursive: true });
  const uuid = randomUUID();
  const prefs: Record<string, string | number | boolean> = {
    // A fixed internal UUID, so the test knows the moz-extension:// origin.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'browser.download.folderList': 2,
    'browser.download.dir': downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.panel.shown': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.enabled': false,
    'extensions.autoDisableScopes': 0,
    ...extraPrefs,
  };
  await writeFile(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const proc = spawn(
    FIREFOX_PATH,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port',
      '0',
      '--remote-allow-system-access',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const wsUrl = await readBidiUrl(proc);
  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const logs: string[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data: WebSocket.RawData) => {
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Buffer.from(data as ArrayBuffer).toString('utf8');
    const msg = JSON.parse(text) as BidiResponse;
    if (msg.method === 'log.entryAdded') {
      const entry = msg.params as { level?: string; text?: string; source?: { context?: string } };
      logs.push(`[${entry.level ?? 'log'}] ${entry.text ?? ''}`);
      return;
    }
    if (msg.id === undefined) return;
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.type === 'error') waiter.reject(new Error(`${msg.error ?? 'error'}: ${msg.message ?? ''}`));
    else waiter.resolve(msg.result);
  });
  const send = <T>(method: string, params: object): Promise<T> => {
    const id = nextId++;
    const promise = new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    ws.send(JSON.stringify({ id, method, params }));
    return promise;
  };
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const evaluate = async <T>(context: string, expression: string): Promise<T> => {
    const res = await send<{
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: {},
    });
    if (res.type === 'exception') throw new Error(res.exceptionDetails?.text ?? 'script exception');
    return fromRemote(res.result) as T;
  };

  return {
    uuid,
    downloadsDir,
    logs,
    send,
    async openTab(url: string) {
      const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    evaluate,
    async clickToolbarButton() {
      // Chrome-scope contexts are Firefox's own windows; these internals may change between ESR releases.
      const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
        'moz:scope': 'chrome',
      });
      const chromeWindow = tree.contexts[0]?.context;
      if (!chromeWindow)
        throw new Error('Firefox exposed no chrome-scope window: is --remote-allow-system-access set?');
      const ok = await evaluate<string>(
        chromeWindow,
        `(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
          if (!ext) return 'no extension';
          const action = ExtensionParent.apiManager.global.browserActionFor(ext);
          if (!action) return 'no browser action';
          action.triggerAction(window);
          return 'ok';
        })()`,
      );
      if (ok !== 'ok') throw new Error(`Firefox toolbar click failed: ${ok}`);
    },
    async close() {
      ws.close();
      proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

function readBidiUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start BiDi in time:\n${buffered}`)),
      30_000,
    );
    proc.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${String(code)}) before BiDi started:\n${buffered}`));
    });
  });
}

/** BiDi serialises results as typed remote values; turn the plain ones back into JS. */
function fromRemote(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as { type: string; value?: unknown };
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'array':
      return (v.value as unknown[]).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value as [string, unknown][]).map(([k, val]) => [k, fromRemote(val)]));
    default:
      return v.value;
  }
}
