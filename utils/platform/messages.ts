// Platform: the one typed protocol between extension contexts (popup/options -> background). Every request and its response.
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import type { Result } from '../pure/result';
import { fail, isErrorCode, isRecord } from '../pure/result';
import { errorMessage } from '../pure/error-message';
import type {
  ClipRequest,
  Message,
  MessageName,
  PublishClipsRequest,
  PublishItem,
  PublishItemFile,
  RequestOf,
  ResponseOf,
} from '../pure/protocol';
import { DISCARDED_CHOICES } from '../pure/protocol';
import { isClipMode } from '../pure/choices';

export type MessageSender = Browser.runtime.MessageSender;

/** One plain async function per message, so each can be tested without the extension runtime. */
export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>, sender: MessageSender) => Promise<ResponseOf<N>>;
};

/** Who we are, to tell our own pages from everything else. */
export interface SelfIdentity {
  id: string;
  /** The extension's origin with a trailing slash, e.g. `chrome-extension://abc/`. */
  origin: string;
}

function isResultShape(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && isErrorCode(value.code);
}

/** Longer than any URL a browser keeps in a tab; a bigger string is not a probe's answer coming back. */
const MAX_URL_CHARS = 65_536;

function parseClipRequest(payload: Record<string, unknown>): Message | null {
  const { mode, tabId, expectedUrl } = payload;
  if (!isClipMode(mode)) return null;
  // Tab ids are non-negative integers in both browsers (-1 is TAB_ID_NONE); anything else names no tab.
  const isTabIdOk = tabId === undefined || (Number.isSafeInteger(tabId) && (tabId as number) >= 0);
  const isUrlOk =
    expectedUrl === undefined || (typeof expectedUrl === 'string' && expectedUrl.length <= MAX_URL_CHARS);
  if (!isTabIdOk || !isUrlOk) return null;
  const request: ClipRequest = { mode };
  if (tabId !== undefined) request.tabId = tabId as number;
  if (expectedUrl !== undefined) request.expectedUrl = expectedUrl;
  return { type: 'clip-tab', payload: request };
}

function parseBatchStart(payload: Record<string, unknown>): Message | null {
  const { scope, discarded, windowId } = payload;
  if (scope !== 'window' && scope !== 'selected') return null;
  const choice = DISCARDED_CHOICES.find((c) => c === discarded);
  if (!choice) return null;
  if (windowId === undefined) return { type: 'batch-start', payload: { scope, discarded: choice } };
  if (!Number.isSafeInteger(windowId) || (windowId as number) < 0) return null;
  return { type: 'batch-start', payload: { scope, discarded: choice, windowId: windowId as number } };
}

const MAX_PUBLISH_ITEMS = 10_000;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function readPublishItem(raw: unknown): PublishItem | null {
  if (!isRecord(raw) || typeof raw.clipId !== 'string' || !Array.isArray(raw.files)) return null;
  const files: PublishItemFile[] = [];
  for (const file of raw.files) {
    if (!isRecord(file) || typeof file.path !== 'string' || typeof file.text !== 'string') return null;
    files.push({ path: file.path, text: file.text });
  }
  return { clipId: raw.clipId, files };
}

function parsePublishRequest(payload: Record<string, unknown>): Message | null {
  const { items, overwrite, message } = payload;
  if (!Array.isArray(items) || items.length > MAX_PUBLISH_ITEMS || typeof message !== 'string') return null;
  if (overwrite !== undefined && !isStringList(overwrite)) return null;
  const parsed = items.map(readPublishItem);
  if (parsed.some((item) => item === null)) return null;
  const request: PublishClipsRequest = { items: parsed as PublishItem[], message };
  if (overwrite !== undefined) request.overwrite = overwrite;
  return { type: 'publish-clips', payload: request };
}

/** The message, checked field by field, or null when it is not one of ours. */
export function parseMessage(raw: unknown): Message | null {
  if (!isRecord(raw) || !isRecord(raw.payload)) return null;
  const { type, payload } = raw;
  switch (type) {
    case 'probe-tab':
    case 'toolbar-attach': {
      const { tabId } = payload;
      if (tabId === undefined) return { type, payload: {} };
      if (!Number.isSafeInteger(tabId) || (tabId as number) < 0) return null;
      return { type, payload: { tabId: tabId as number } };
    }
    case 'clip-tab':
      return parseClipRequest(payload);
    case 'start-picker': {
      const { tabId, expectedUrl } = payload;
      if (!Number.isSafeInteger(tabId) || (tabId as number) < 0) return null;
      if (typeof expectedUrl !== 'string' || expectedUrl.length > MAX_URL_CHARS) return null;
      return { type, payload: { tabId: tabId as number, expectedUrl } };
    }
    case 'batch-start':
      return parseBatchStart(payload);
    case 'batch-cancel':
    case 'batch-status':
      return { type, payload: {} };
    case 'refetch-images': {
      if (typeof payload.clipId !== 'string' || payload.clipId === '') return null;
      const tabId = payload.tabId;
      if (tabId !== undefined && !(Number.isInteger(tabId) && (tabId as number) >= 0)) return null;
      return {
        type,
        payload: { clipId: payload.clipId, ...(tabId === undefined ? {} : { tabId: tabId as number }) },
      };
    }
    case 'publish-clips':
      return parsePublishRequest(payload);
    case 'publish-test':
    case 'publish-claim-pending':
      return { type, payload: {} };
    case 'toolbar-outcome': {
      const { tabId } = payload;
      if (!Number.isSafeInteger(tabId) || (tabId as number) < 0) return null;
      return { type, payload: { tabId: tabId as number } };
    }
    default:
      return null;
  }
}

/**
 * Only our own extension pages (popup, options) may ask: same extension id and a URL inside our origin. Content
 * scripts and web pages never reach the background this way (no external listeners are registered either).
 */
export function isTrustedSender(sender: MessageSender, self: SelfIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}

/** The response for one incoming message, or undefined when it is not ours to answer. */
export function handleMessage(
  raw: unknown,
  sender: MessageSender,
  handlers: Handlers,
  self: SelfIdentity,
): Promise<Result<unknown>> | undefined {
  if (!isTrustedSender(sender, self)) return undefined;
  const message = parseMessage(raw);
  if (!message) return Promise.resolve(fail('invalid-message'));
  const run = async (): Promise<Result<unknown>> => {
    switch (message.type) {
      case 'probe-tab':
        return handlers['probe-tab'](message.payload, sender);
      case 'clip-tab':
        return handlers['clip-tab'](message.payload, sender);
      case 'start-picker':
        return handlers['start-picker'](message.payload, sender);
      case 'batch-start':
        return handlers['batch-start'](message.payload, sender);
      case 'batch-cancel':
        return handlers['batch-cancel'](message.payload, sender);
      case 'batch-status':
        return handlers['batch-status'](message.payload, sender);
      case 'refetch-images':
        return handlers['refetch-images'](message.payload, sender);
      case 'publish-clips':
        return handlers['publish-clips'](message.payload, sender);
      case 'publish-test':
        return handlers['publish-test'](message.payload, sender);
      case 'publish-claim-pending':
        return handlers['publish-claim-pending'](message.payload, sender);
      case 'toolbar-attach':
        return handlers['toolbar-attach'](message.payload, sender);
      case 'toolbar-outcome':
        return handlers['toolbar-outcome'](message.payload, sender);
    }
  };
  return run().catch((error: unknown) => fail('unknown', errorMessage(error)));
}

/** Installs the background's one runtime.onMessage listener; returns a function that removes it. */
export function registerHandlers(handlers: Handlers): () => void {
  const self: SelfIdentity = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // The webextension polyfill sends a returned Promise's value as the response, in Chrome too; the chrome
  // typings only know sendResponse, hence the cast.
  const listener = ((raw: unknown, sender: MessageSender): Promise<Result<unknown>> | undefined =>
    handleMessage(raw, sender, handlers, self)) as unknown as Parameters<
    typeof browser.runtime.onMessage.addListener
  >[0];
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Asks the background. Never throws: a closed or missing background becomes `{ ok: false, code: 'unknown' }`. */
export async function sendMessage<N extends MessageName>(
  type: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  try {
    const response: unknown = await browser.runtime.sendMessage({ type, payload });
    if (isResultShape(response)) return response as ResponseOf<N>;
    return fail('unknown', 'The background gave no answer.');
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}
