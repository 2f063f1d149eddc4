// DOM: runs Readability on a clone of the page and gathers the article's metadata into a ClipDraft. Takes a Document.
// STUB: replaced by the extraction work.
import type { Result } from '../pure/result';
import { fail } from '../pure/result';
import type { ClipDraft } from '../pure/types';

export interface ExtractOptions {
  now: Date;
  /** `article`: Readability; `page`: the whole body; `selection`: only `selectionHtml`. */
  mode?: 'article' | 'page' | 'selection';
  /** HTML of the user's selection, for `selection` mode. */
  selectionHtml?: string;
  /** Per-site CSS selectors to remove before extraction. */
  removeSelectors?: string[];
  /** A per-site CSS selector that picks the article element instead of Readability. */
  articleSelector?: string;
  dateSelector?: string;
}

export function extractArticle(_doc: Document, _url: string, _opts: ExtractOptions): Result<ClipDraft> {
  return fail('not-an-article');
}
