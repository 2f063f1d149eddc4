// Runs in the page's isolated world: joins a multi-page article's later pages, fetched from the page itself (same
// origin only, as activeTab allows), until `until` (epoch ms). A page that fails stops the join; what was joined stays.
import type { ExtractOptions } from '../../utils/dom/extract';
import { extractArticle } from '../../utils/dom/extract';
import { joinPages } from '../../utils/dom/page-join';
import { PAGE_TIMEOUT_MS, fetchPage } from '../../utils/platform/page-fetch';
import type { ClipDraft } from '../../utils/pure/types';

export function joinFetchedPages(
  doc: Document,
  url: string,
  first: ClipDraft,
  options: ExtractOptions,
  until: number,
): Promise<ClipDraft> {
  const origin = new URL(url).origin;
  const timeout = (): number => Math.max(0, Math.min(PAGE_TIMEOUT_MS, until - Date.now()));
  return joinPages(
    doc,
    url,
    first,
    (next) => fetchPage(next, origin, doc.characterSet || 'utf-8', timeout()),
    (page, pageUrl) => extractArticle(page, pageUrl, options),
    () => Date.now() >= until,
  );
}
