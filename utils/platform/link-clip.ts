// Platform: "Clip this link" from the context menu: the linked page is fetched (optional all-sites permission,
// asked in the click), decoded by its declared charset, parsed and clipped by the link parser page, and saved into
// the library as a toolbar click would save it. The background never loads Readability: the parser page does.
import { decodeFetchedHtml } from '../pure/charset';
import { toSummary } from '../pure/clip-summary';
import { errorMessage } from '../pure/error-message';
import { LINK_NO_PERMISSION } from '../pure/link-clip';
import { toMarkdownKey } from '../pure/markdown-key';
import type { ClipOutcome, InjectedClipOptions } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import { findRule } from '../pure/rule-match';
import type { SavedDraft } from '../pure/types';
import { buildInjectedOptions, readClipReply } from './clipper';
import { readImageBody } from './image-body';
import { StoreError } from './library-db';
import type { Settings } from './settings';
import type { Library } from './store';

/** A page bigger than this is not an article to clip (the same order as the store's body limit). */
export const MAX_LINK_PAGE_BYTES = 16_000_000;
export const LINK_FETCH_TIMEOUT_MS = 20_000;

export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string | null;
  /** After redirects. */
  url: string;
}

export interface LinkClipDeps {
  fetchPage(url: string): Promise<Result<FetchedPage>>;
  /** Parses `html` as `url` and runs the clip pipeline on it (in the parser page); the raw reply. */
  parseAndClip(html: string, url: string, options: InjectedClipOptions): Promise<unknown>;
  getLibrary(): Promise<Library>;
  loadSettings(): Promise<Settings>;
  now(): number;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Fetches, clips and saves the page at `linkUrl`. `asking` is the permission prompt opened in the click. */
export async function clipLink(
  linkUrl: string,
  asking: Promise<boolean>,
  deps: LinkClipDeps,
): Promise<Result<ClipOutcome>> {
  if (!(await asking)) return fail('injection-failed', LINK_NO_PERMISSION);
  if (!isWebUrl(linkUrl)) return fail('restricted-page', 'not-a-web-page');
  const now = deps.now();
  const fetched = await deps.fetchPage(linkUrl);
  if (!fetched.ok) return fetched;
  const { bytes, contentType, url } = fetched.value;
  if (contentType && !HTML_TYPES.test(contentType.trim()))
    return fail('not-an-article', `The link is ${contentType.split(';')[0] ?? contentType}, not a web page.`);
  const { text } = decodeFetchedHtml(bytes, contentType);
  const settings = await deps.loadSettings();
  const rule = findRule(settings.rules, url);
  const run = async (mode: 'article' | 'page'): Promise<Result<{ draft: SavedDraft; markdown: string }>> =>
    readClipReply(
      await deps.parseAndClip(text, url, buildInjectedOptions(mode, now, settings.markdown, rule)),
    );
  let read = await run('article');
  // As the menu's own clip does: a page Readability cannot find an article in is kept whole.
  if (!read.ok && read.code === 'not-an-article') read = await run('page');
  if (!read.ok) return read;
  try {
    const library = await deps.getLibrary();
    const saved = await library.saveDraft(
      read.value.draft,
      read.value.markdown,
      now,
      toMarkdownKey(settings.markdown),
    );
    return ok({ clip: toSummary(saved.clip), isUpdate: saved.isUpdate });
  } catch (error) {
    return error instanceof StoreError
      ? fail(error.code, error.message)
      : fail('storage-failed', errorMessage(error));
  }
}

/** The page at `url`, read up to MAX_LINK_PAGE_BYTES, with the user's cookies for it (as opening it would). */
export async function fetchLinkedPage(url: string): Promise<Result<FetchedPage>> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'include',
      headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      signal: AbortSignal.timeout(LINK_FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const isTimeout = error instanceof DOMException && error.name === 'TimeoutError';
    return isTimeout ? fail('timeout') : fail('unknown', errorMessage(error));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return response.status === 404 || response.status === 410
      ? fail('not-found', `HTTP ${response.status}`)
      : fail('unknown', `HTTP ${response.status}`);
  }
  const body = await readImageBody(response, MAX_LINK_PAGE_BYTES);
  if (!body.ok) return body.reason === 'image-too-large' ? fail('page-too-large') : fail('unknown');
  return ok({
    bytes: body.bytes,
    contentType: response.headers.get('content-type'),
    url: response.url || url,
  });
}
