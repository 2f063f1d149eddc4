// Platform: the user's language, through browser.i18n and public/_locales (the browser's language decides).
import { browser } from 'wxt/browser';
import type { MessageKey } from '../pure/message-key';
import type { RestrictionKind } from '../pure/restricted-url';
import type { ErrorCode } from '../pure/result';
import { CLIP_TIMEOUT_DETAIL } from '../pure/toolbar-phase';

/** One message per error code: a Record, so a new ErrorCode fails the type check until it has a message. */
export const ERROR_MESSAGE_KEYS: Record<ErrorCode, MessageKey> = {
  'restricted-page': 'errRestrictedPage',
  'not-an-article': 'errNotAnArticle',
  'injection-failed': 'errInjectionFailed',
  'no-active-tab': 'errNoActiveTab',
  timeout: 'errTimeout',
  'quota-exceeded': 'errQuotaExceeded',
  'storage-failed': 'errStorageFailed',
  'invalid-message': 'errInvalidMessage',
  'page-too-large': 'errPageTooLarge',
  'not-found': 'errNotFound',
  'invalid-backup': 'errInvalidBackup',
  'download-failed': 'errDownloadFailed',
  unknown: 'errUnknown',
};

/** The message in the user's language. Falls back to the key so a missing message is visible, never blank. */
export function t(key: MessageKey, subs?: string[]): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // Outside an extension page (tests, a file:// preview) there is no i18n API.
  }
  return text === '' ? key : text;
}

/** An error code (and its technical detail, if any) as one sentence in the user's language. */
// A restricted page says why in words a user can act on, not with the internal reason code.
export const RESTRICTION_KEYS: Record<RestrictionKind, MessageKey> = {
  'browser-page': 'errRestrictedPage',
  'file-access': 'errRestrictedFileAccess',
  'extension-store': 'errRestrictedStore',
  'pdf-viewer': 'errRestrictedPdf',
  'not-a-web-page': 'errRestrictedNotWebPage',
};

/** Codes whose details are developer text (a JSON parser's message, "not a Postclip backup"): never shown. */
const QUIET_DETAIL_CODES: ReadonlySet<ErrorCode> = new Set([
  'invalid-backup',
  'not-an-article',
  'invalid-message',
]);
/** utils/dom/extract.ts says why a page of links is not an article; the UI says it in the user's language. */
const LINKS_DETAIL = /^(\d+)% of the text is links/u;

// Details that name a known situation get a sentence of their own instead of the generic message.
export const DETAIL_KEYS: Readonly<Record<string, MessageKey>> = {
  'tab-closed': 'errTabClosed',
  'tab-changed': 'errTabChanged',
  'batch-permission': 'batchErrPermission',
  'batch-running': 'batchErrBusy',
  'link-permission': 'speedLinkErrPermission',
  [CLIP_TIMEOUT_DETAIL]: 'toolbarErrClipTimeout',
};

export function describeError(code: ErrorCode, detail?: string): string {
  const known = detail === undefined ? undefined : DETAIL_KEYS[detail];
  if (known) return t(known);
  const links = code === 'not-an-article' ? LINKS_DETAIL.exec(detail ?? '') : null;
  if (links?.[1]) return t('libraryErrMostlyLinks', [links[1]]);
  // The message says all a user needs; the detail is a parser's or the extractor's English.
  if (QUIET_DETAIL_CODES.has(code)) return t(ERROR_MESSAGE_KEYS[code]);
  if (code === 'restricted-page') {
    const key =
      detail && detail in RESTRICTION_KEYS ? RESTRICTION_KEYS[detail as RestrictionKind] : undefined;
    return t(key ?? 'errRestrictedPage');
  }
  const message = t(ERROR_MESSAGE_KEYS[code]);
  return detail ? t('errorWithDetail', [message, detail]) : message;
}

/** Marks the page with the UI language and direction, so screen readers and fonts pick the right ones. */
export function setPageLanguage(doc: Document): void {
  try {
    doc.documentElement.lang = browser.i18n.getUILanguage();
    doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    // No i18n API: keep the page's own lang attribute.
  }
}
