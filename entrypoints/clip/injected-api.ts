// The API the injected clip script installs in the page: reads a Document, returns plain data. Kept apart from
// index.ts (which needs WXT's runtime) so node tests can run it on a parsed page.
import { extractArticle, isReaderable } from '../../utils/dom/extract';
import { htmlToMarkdown } from '../../utils/dom/markdown';
import { findCanonical } from '../../utils/dom/metadata';
import { errorMessage } from '../../utils/pure/error-message';
import type { InjectedApi, InjectedClipOptions } from '../../utils/pure/protocol';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { fail, ok } from '../../utils/pure/result';

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
        const extracted = extractArticle(doc, url, {
          now: new Date(opts.now),
          mode: opts.mode,
          ...(selectionHtml === undefined ? {} : { selectionHtml }),
          // The site rule's selectors; absent fields leave Readability and the date cascade as they are.
          ...(opts.removeSelectors?.length ? { removeSelectors: opts.removeSelectors } : {}),
          ...(opts.articleSelector ? { articleSelector: opts.articleSelector } : {}),
          ...(opts.dateSelector ? { dateSelector: opts.dateSelector } : {}),
        });
        if (!extracted.ok) return extracted;
        const draft = extracted.value;
        return ok({ draft, markdown: htmlToMarkdown(draft.contentHtml, doc, draft.url, opts.style) });
      } catch (error) {
        return fail('unknown', errorMessage(error));
      }
    },
  };
}
