// Injected on demand into the active tab's isolated world (never a content script): extracts and converts the page,
// returns plain data. It must never touch the store: IndexedDB here would belong to the news site.
import { defineUnlistedScript } from '#imports';
import { extractArticle, isReaderable } from '../utils/dom/extract';
import { htmlToMarkdown } from '../utils/dom/markdown';
import { fail, ok } from '../utils/pure/result';
import type { InjectedApi, InjectedClipOptions, PostclipGlobal } from '../utils/platform/messages';

/** The user's selection as HTML (every range, in order), or '' when nothing is selected. */
function readSelectionHtml(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}

function readCanonical(): string | null {
  const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  const href = link?.href ?? '';
  return /^https?:\/\//i.test(href) ? href : null;
}

const api: InjectedApi = {
  // A literal, not the constant: importing messages.ts would pull the extension API into the page.
  apiVersion: 2,
  probe: () => ({
    url: location.href,
    title: document.title,
    isReaderable: isReaderable(document),
    canonical: readCanonical(),
  }),
  clip: (opts: InjectedClipOptions) => {
    try {
      const selectionHtml = opts.mode === 'selection' ? readSelectionHtml() : undefined;
      const extracted = extractArticle(document, location.href, {
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
      return ok({ draft, markdown: htmlToMarkdown(draft.contentHtml, document, draft.url, opts.style) });
    } catch (error) {
      return fail('unknown', error instanceof Error ? error.message : String(error));
    }
  },
};

export default defineUnlistedScript(() => {
  (globalThis as PostclipGlobal).__postclip = api;
});
