// Platform: where a fetched link is parsed. Chrome MV3's service worker has no DOM: an offscreen document (reason
// DOM_PARSER) does it. Firefox MV2's background is a page: the same parser page runs in a frame of it. Either way
// the background's bundle stays free of Readability; the parser page loads the pipeline.
import { browser } from 'wxt/browser';
import type { LinkParseRequest } from '../pure/link-clip';
import { LINK_PARSE_TARGET } from '../pure/link-clip';
import type { InjectedClipOptions } from '../pure/protocol';

export const LINK_PARSER_PATH = '/link-parser.html' as const;

let opening: Promise<void> | null = null;

async function openOffscreen(): Promise<void> {
  const offscreen = browser.offscreen;
  if (await offscreen.hasDocument().catch(() => false)) return;
  await offscreen.createDocument({
    url: LINK_PARSER_PATH,
    reasons: ['DOM_PARSER'],
    justification: 'Parse a linked page the user chose to clip without opening it.',
  });
}

function openFrame(): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(LINK_PARSER_PATH);
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error('the link parser did not load')), { once: true });
    document.body.appendChild(frame);
  });
}

/** Opens the parser page once (again if Chrome closed the offscreen document meanwhile). */
function ensureParser(): Promise<void> {
  const hasOffscreen = typeof browser.offscreen?.createDocument === 'function';
  if (hasOffscreen) {
    // Chrome may close an offscreen document: check each time, but never create two at once.
    opening ??= openOffscreen().finally(() => {
      opening = null;
    });
    return opening;
  }
  opening ??= openFrame().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Sends the page to the parser page and returns its raw reply (checked by the caller). */
export async function parseInParserPage(
  html: string,
  url: string,
  options: InjectedClipOptions,
): Promise<unknown> {
  await ensureParser();
  const request: LinkParseRequest = { target: LINK_PARSE_TARGET, html, url, options };
  return browser.runtime.sendMessage(request);
}
