// DOM: reads a page's signals once per clip: meta tags, JSON-LD, the title analysis, the headline element and the
// lines around it. Every finder (title, byline, site, keywords, dates) then reads this object, not the page.
import type { ArticleHints, PageSignals } from './page-signals';
import { readStructuredSignals } from './page-signals';
import { readHeadlineLines, topLinesOf } from './text-lines';
import { analyzeTitle } from './title';

/** The page's signals; `hints` (Readability's title, site name and text) take part in the title analysis. */
export function readPageSignals(doc: Document, url: string, hints: ArticleHints = {}): PageSignals {
  const structured = readStructuredSignals(doc, url);
  const title = analyzeTitle(doc, url, hints, structured);
  const around = readHeadlineLines(doc, title.headline);
  return {
    ...structured,
    title,
    headline: title.headline,
    topLines: topLinesOf(around, hints),
    lineAfterHeadline: around.from[1] ?? null,
  };
}

/** The caller's signals, else the page's read now (for a finder called on its own). */
export function signalsOf(doc: Document, url: string, hints: ArticleHints): PageSignals {
  return hints.signals ?? readPageSignals(doc, url, hints);
}
