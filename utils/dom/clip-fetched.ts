// DOM: the clip of a page that was fetched, not opened (the link menu item): its HTML parsed inertly, the same
// extraction and Markdown as a clip in the tab. Takes the parser's Document; reads no globals.
import type { InjectedClipOptions } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import { toSavedDraft } from '../pure/saved-draft';
import type { SavedDraft } from '../pure/types';
import { errorMessage } from '../pure/error-message';
import { extractDeferredParts } from './extract';
import { ownedElementToMarkdown } from './markdown';

/**
 * Points the parsed page's base at where it came from: a DOMParser document's base is the page that parsed it
 * (the extension's), and Readability resolves links against it. An own `<base href>` is resolved against `url`.
 */
export function setFetchedBase(doc: Document, url: string): void {
  const own = Array.from(doc.getElementsByTagName('base')).find((el) => el.hasAttribute('href'));
  let href = url;
  try {
    href = own ? new URL(own.getAttribute('href') ?? '', url).href : url;
  } catch {
    // An unusable <base> is ignored, as browsers do.
  }
  if (own) {
    own.setAttribute('href', href);
    return;
  }
  const base = doc.createElement('base');
  base.setAttribute('href', href);
  const head = doc.head ?? doc.documentElement;
  head?.insertBefore(base, head.firstChild);
}

/** Clips a fetched page's Document as `url`: the article, its metadata and its Markdown. Never throws. */
export function clipFetchedDocument(
  doc: Document,
  url: string,
  opts: InjectedClipOptions,
): Result<{ draft: SavedDraft; markdown: string }> {
  try {
    setFetchedBase(doc, url);
    // The HTML and text of the article are never read: the reply carries its Markdown.
    const extracted = extractDeferredParts(doc, url, {
      now: new Date(opts.now),
      // A page never opened has no selection; `page` mode is the fallback the menu uses.
      mode: opts.mode === 'selection' ? 'article' : opts.mode,
      // Parsed inertly: none of its scripts ran.
      isScriptless: true,
      ...(opts.removeSelectors?.length ? { removeSelectors: opts.removeSelectors } : {}),
      ...(opts.articleSelector ? { articleSelector: opts.articleSelector } : {}),
      ...(opts.dateSelector ? { dateSelector: opts.dateSelector } : {}),
    });
    if (!extracted.ok) return extracted;
    const { draft, content } = extracted.value;
    return ok({
      draft: toSavedDraft(draft),
      markdown: ownedElementToMarkdown(content, draft.url, opts.style),
    });
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}
