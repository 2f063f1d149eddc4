// The API the injected clip script installs in the page: reads a Document, returns plain data. Kept apart from
// index.ts (which needs WXT's runtime) so node tests can run it on a parsed page.
import { extractArticle, isReaderable } from '../../utils/dom/extract';
import { findDraftImages } from '../../utils/dom/image-select';
import { htmlToMarkdown } from '../../utils/dom/markdown';
import { findCanonical } from '../../utils/dom/metadata';
import { MAX_FIELD_CHARS } from '../../utils/pure/backup-format';
import { errorMessage } from '../../utils/pure/error-message';
import type { ExtractOptions } from '../../utils/dom/extract';
import type { ClipDraft } from '../../utils/pure/types';
import type { InjectedApi, InjectedClipOptions, InjectedClipReply } from '../../utils/pure/protocol';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { fail, ok } from '../../utils/pure/result';
import { fetchImageInPage } from './image-fetch';
import { joinFetchedPages } from './page-fetch';

/** More images than this in one article are a gallery or a page of thumbnails: the rest stay remote. */
const MAX_IMAGES_PER_CLIP = 200;

/** The user's selection as HTML (every range, in order), or '' when nothing is selected. */
function readSelectionHtml(doc: Document): string {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const box = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}

/** True when the user has selected some text (a bare caret is no selection). */
function hasSelection(doc: Document): boolean {
  const selection = doc.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}

/** The draft's images (with keep-images on) and Markdown: what the background saves. */
function toClipReply(doc: Document, draft: ClipDraft, opts: InjectedClipOptions): InjectedClipReply {
  try {
    if (opts.keepImages) {
      // Only what the post shows: the lead image from metadata has no link in the Markdown to rewrite.
      // A huge inline `data:` image is left in the Markdown as it is rather than copied into the draft twice.
      const images = findDraftImages(draft, doc).filter(
        (image) =>
          image.originalUrl !== null &&
          image.url.length <= MAX_FIELD_CHARS &&
          image.originalUrl.length <= MAX_FIELD_CHARS,
      );
      if (images.length > 0) draft.images = images.slice(0, MAX_IMAGES_PER_CLIP);
    }
    return ok({ draft, markdown: htmlToMarkdown(draft.contentHtml, doc, draft.url, opts.style) });
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}

/** `doc` is the page; `pageUrl` reads its address at call time (the page may have navigated in place since). */
export function createInjectedApi(doc: Document, pageUrl: () => string): InjectedApi {
  return {
    apiVersion: INJECTED_API_VERSION,
    // The same canonical finder as the clip's draft, so "already saved" and the save agree on the key.
    probe: () => ({
      url: pageUrl(),
      title: doc.title,
      isReaderable: isReaderable(doc),
      canonical: findCanonical(doc, pageUrl()),
      hasSelection: hasSelection(doc),
    }),
    clip: (opts: InjectedClipOptions) => {
      try {
        const url = pageUrl();
        const selectionHtml = opts.mode === 'selection' ? readSelectionHtml(doc) : undefined;
        const options: ExtractOptions = {
          now: new Date(opts.now),
          mode: opts.mode,
          ...(selectionHtml === undefined ? {} : { selectionHtml }),
          // The site rule's selectors; absent fields leave Readability and the date cascade as they are.
          ...(opts.removeSelectors?.length ? { removeSelectors: opts.removeSelectors } : {}),
          ...(opts.articleSelector ? { articleSelector: opts.articleSelector } : {}),
          ...(opts.dateSelector ? { dateSelector: opts.dateSelector } : {}),
        };
        const extracted = extractArticle(doc, url, options);
        if (!extracted.ok) return extracted;
        const finish = (draft: ClipDraft) => toClipReply(doc, draft, opts);
        const until = opts.pagesUntil;
        if (until === undefined || extracted.value.kind !== 'article') return finish(extracted.value);
        // A multi-page article: its later pages, fetched from here, until the clip's page budget is spent.
        return joinFetchedPages(doc, url, extracted.value, options, until).then(finish, () =>
          finish(extracted.value),
        );
      } catch (error) {
        return fail('unknown', errorMessage(error));
      }
    },
    fetchImage: (url, limit, timeoutMs) => fetchImageInPage(url, limit, timeoutMs),
  };
}
