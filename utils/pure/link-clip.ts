// Pure: the message between the background and the page that parses a fetched link (offscreen document in Chrome,
// a frame of the background page in Firefox), and its check: the parser answers nothing else.
import type { InjectedClipOptions } from './protocol';
import { isRecord } from './result';

/** Marks the parser's messages so the background's own handlers and the parser never answer each other's. */
export const LINK_PARSE_TARGET = 'postclip-link-parser' as const;

export interface LinkParseRequest {
  target: typeof LINK_PARSE_TARGET;
  html: string;
  /** Where the page came from, after redirects: its links resolve against it. */
  url: string;
  options: InjectedClipOptions;
}

/** The menu's detail when the user declined the all-sites permission (worded by utils/platform/i18n.ts). */
export const LINK_NO_PERMISSION = 'link-permission';

export function isLinkParseRequest(value: unknown): value is LinkParseRequest {
  return (
    isRecord(value) &&
    value.target === LINK_PARSE_TARGET &&
    typeof value.html === 'string' &&
    typeof value.url === 'string' &&
    isRecord(value.options) &&
    typeof value.options.mode === 'string' &&
    typeof value.options.now === 'number' &&
    isRecord(value.options.style)
  );
}
