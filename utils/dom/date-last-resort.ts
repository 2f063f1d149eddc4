// DOM: the last places a date is looked for when the cascade found none, as htmldate's extensive search ends: the
// page's `<title>` and the path of its share image. published-date.ts runs them, after the URL and the relaxed text.
import { findDatesInText } from '../pure/date-parse';
import type { Candidate, Context } from './date-context';
import { isPlausible } from './date-context';
import { indexElements } from './date-text-search';
import { readUrlDate } from './date-url';

/** A full date in the page's `<title>` (`Headline - 07.12.2017 - Site`): the text scan skips the head. */
export function titleDate(doc: Document, ctx: Context): Candidate | null {
  const title = doc.querySelector('title')?.textContent ?? '';
  const dates = findDatesInText(title.slice(0, 500));
  const first = dates[0];
  if (dates.length !== 1 || !first || !isPlausible(first.parts, ctx.now, ctx.publisherOffset)) return null;
  return { raw: first.text, source: 'text', detail: 'title', parts: first.parts };
}

/** A full date in the path of the page's `og:image` (a CMS files uploads by day). */
export function shareImageDate(doc: Document, ctx: Context): Candidate | null {
  for (const meta of indexElements(doc, ctx).metas.slice(0, 500)) {
    if ((meta.getAttribute('property') ?? meta.getAttribute('name'))?.trim().toLowerCase() !== 'og:image')
      continue;
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    let href: string;
    try {
      href = new URL(content, ctx.url).href;
    } catch {
      continue;
    }
    const day = readUrlDate(href, ctx.now)?.candidate;
    if (day) return { ...day, detail: 'og:image url' };
  }
  return null;
}
