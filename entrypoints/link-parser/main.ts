// The link parser page (an offscreen document in Chrome, a frame of the background page in Firefox): parses a
// fetched page with DOMParser, inertly (no script runs, nothing loads), and runs the clip pipeline on it.
import { browser } from 'wxt/browser';
import { clipFetchedDocument } from '../../utils/dom/clip-fetched';
import { isLinkParseRequest } from '../../utils/pure/link-clip';

// The webextension polyfill sends a returned Promise's value as the response; the typings know only sendResponse.
const listener = ((raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
  // Only the background's parse requests: every other message is someone else's to answer.
  if (!isLinkParseRequest(raw) || sender.id !== browser.runtime.id) return undefined;
  const doc = new DOMParser().parseFromString(raw.html, 'text/html');
  return Promise.resolve(clipFetchedDocument(doc, raw.url, raw.options));
}) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0];
browser.runtime.onMessage.addListener(listener);
