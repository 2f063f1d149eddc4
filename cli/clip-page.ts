// Node: one saved page through the pipeline: decode, parse once, clip, and the JSON line. Loaded only where pages are clipped.
import { randomBytes } from 'node:crypto';
import { isReaderable } from '../utils/dom/extract';
import type { PageMetadataFields } from '../utils/dom/page-metadata';
import { readPageMetadata } from '../utils/dom/page-metadata';
import type { ClipOutput } from '../utils/dom/pipeline';
import { clipDocument } from '../utils/dom/pipeline';
import type { ErrorCode, Result } from '../utils/pure/result';
import { isErrorCode } from '../utils/pure/result';
import { DEFAULT_POST_OPTIONS } from '../utils/pure/types';
import type { BatchFailure, BatchLine, ClipSettings, PageEntry, RefusedPageFields } from './batch';
import { pageReferenceTime, readPageBytes, toPublishedField } from './batch';
import { decodeHtml } from './decode';
import { joinLocalPages } from './local-pages';
import { findPageUrl, parseHtmlDocument, setDocumentUrl } from './parse';
import { errorMessage } from '../utils/pure/error-message';

export interface ClippedPage {
  /** The URL the page was clipped as: the given one, else the page's own, else a localhost placeholder. */
  url: string;
  result: Result<ClipOutput>;
  /** The popup's auto-clip check (`isReaderable`) on the page as loaded. */
  readerable: boolean;
  /** For a page refused as not-an-article: its metadata, read from the whole page. */
  refused?: PageMetadataFields;
}

/** Where a page was read from, so the later pages of a multi-page article can be found beside it. */
export interface PageSource {
  path: string;
  /** The manifest line's `pages`: later pages' URLs → files. */
  pages?: Readonly<Record<string, string>>;
}

/**
 * A unique address for a page that names none: 20 random letters, no digit, so the date readers never find a day in
 * it (a UUID's hex held `20220126` on one page, and its post was dated by it).
 */
export function placeholderUrl(): string {
  const letters = Array.from(randomBytes(20), (byte) => String.fromCharCode(0x61 + (byte % 26))).join('');
  return `http://localhost/${letters}.html`;
}

/**
 * Decodes, parses and clips one page's bytes. Never throws for a bad page: errors come back as codes. With
 * `source`, a multi-page article's later pages saved beside it (or mapped) are joined, as the extension fetches them.
 */
export function clipHtmlBytes(
  bytes: Uint8Array,
  url: string | null,
  settings: ClipSettings,
  source?: PageSource,
): ClippedPage {
  const placeholder = placeholderUrl();
  const doc = parseHtmlDocument(decodeHtml(bytes).text, url ?? placeholder);
  let pageUrl = url;
  if (pageUrl === null) {
    pageUrl = findPageUrl(doc) ?? placeholder;
    if (pageUrl !== placeholder) setDocumentUrl(doc, pageUrl);
  }
  const readerable = isReaderable(doc);
  const options = {
    now: settings.now ?? new Date(),
    // A saved page: none of its scripts ran.
    isScriptless: true,
    post: { ...DEFAULT_POST_OPTIONS, timeZone: settings.timeZone },
    ...(settings.activeTemplateId === undefined ? {} : { activeTemplateId: settings.activeTemplateId }),
    ...(settings.templates ? { templates: settings.templates } : {}),
    ...(settings.rules ? { rules: settings.rules } : {}),
  };
  const result = clipDocument(doc, pageUrl, {
    ...options,
    ...(source ? { joinPages: joinLocalPages(source.path, source.pages) } : {}),
  });
  if (result.ok || result.code !== 'not-an-article') return { url: pageUrl, result, readerable };
  // A refused page still has a title, dates and a byline (the popup's "Save whole page" keeps them): so has its line.
  return { url: pageUrl, result, readerable, refused: readPageMetadata(doc, pageUrl, { now: options.now }) };
}

/** The metadata fields of a not-an-article line. */
function toRefusedFields(draft: PageMetadataFields, timeZone: string): RefusedPageFields {
  return {
    readerable: false,
    title: draft.title,
    byline: draft.byline,
    siteName: draft.siteName,
    published: toPublishedField(draft.published, timeZone),
    modified: toPublishedField(draft.modified, timeZone),
    lang: draft.lang,
  };
}

/** The JSON line for one clipped page. */
export function toBatchLine(file: string, page: ClippedPage, timeZone: string): BatchLine {
  const { url, result } = page;
  if (!result.ok) {
    const failure: BatchFailure =
      result.detail === undefined
        ? { file, url, ok: false, error: result.code }
        : { file, url, ok: false, error: result.code, detail: result.detail };
    return page.refused ? { ...failure, ...toRefusedFields(page.refused, timeZone) } : failure;
  }
  const { draft, markdown, post } = result.value;
  return {
    file,
    url,
    ok: true,
    readerable: page.readerable,
    title: draft.title,
    byline: draft.byline,
    siteName: draft.siteName,
    published: toPublishedField(draft.published, timeZone),
    lang: draft.lang,
    canonical: draft.canonical,
    keywords: draft.keywords,
    pagesJoined: draft.pagesJoined ?? 1,
    text: draft.textContent,
    markdown,
    post,
  };
}

function describeError(error: unknown): { code: ErrorCode; detail: string } {
  const detail = errorMessage(error);
  const errno = (error as { code?: unknown } | null)?.code;
  if (errno === 'ENOENT' || errno === 'EISDIR') return { code: 'not-found', detail };
  if (isErrorCode(errno)) return { code: errno, detail };
  return { code: 'unknown', detail };
}

/** Reads and clips one page. A missing, huge or broken page becomes a failure line; the run goes on. */
export async function clipEntry(entry: PageEntry, settings: ClipSettings): Promise<BatchLine> {
  const fallbackUrl = entry.url ?? '';
  try {
    const bytes = await readPageBytes(entry.path);
    const now = await pageReferenceTime(entry.path, entry.now, settings.now);
    const source = entry.pages ? { path: entry.path, pages: entry.pages } : { path: entry.path };
    const page = clipHtmlBytes(bytes, entry.url, { ...settings, now }, source);
    return toBatchLine(entry.file, page, settings.timeZone);
  } catch (error) {
    const { code, detail } = describeError(error);
    return { file: entry.file, url: fallbackUrl, ok: false, error: code, detail };
  }
}
