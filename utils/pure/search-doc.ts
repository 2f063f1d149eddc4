// Pure: what the search index reads from a clip, kept small so the popup can build it from the store's rows.
import { formatDay, partsInZone } from './dates';
import { parseJekyllDate } from './jekyll-date';
import type { StoredClip } from './types';
import { siteHostOf } from './url';

/** One clip as the search index sees it. Dates are `YYYY-MM-DD` text so a query `2024-03` finds them. */
export interface SearchDoc {
  id: string;
  title: string;
  /** The Markdown body. */
  body: string;
  author: string;
  /** Site name and host, e.g. `The Coastal Courier coastal-courier.example`. */
  site: string;
  tags: string[];
  /** `YYYY-MM-DD` or null when the page gave no date. */
  published: string | null;
  /** `YYYY-MM-DD` in the user's zone. */
  clipped: string;
}

/**
 * The search doc of a stored clip, with the user's edits applied (title, date, tags).
 * `timeZone` names the day of `clippedAt`; '' is the runtime's own zone, as in utils/pure/dates.ts.
 */
export function toSearchDoc(clip: StoredClip, timeZone = ''): SearchDoc {
  const { draft, edits } = clip;
  const edited = edits.date === undefined ? null : parseJekyllDate(edits.date);
  const publishedParts = edited ?? draft.published?.parts ?? null;
  const host = siteHostOf(draft.canonical ?? draft.url);
  return {
    id: clip.id,
    title: edits.title ?? draft.title,
    body: clip.markdown,
    author: draft.byline ?? '',
    site: [draft.siteName ?? '', host].filter((part) => part !== '').join(' '),
    tags: edits.tags ?? draft.keywords,
    published: publishedParts ? formatDay(publishedParts) : null,
    clipped: formatDay(partsInZone(clip.clippedAt, timeZone)),
  };
}
