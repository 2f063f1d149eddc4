// DOM: reads an article's metadata (headline, site, byline, keywords, canonical URL, language, excerpt, image)
// from a page, reading its signals once. Each field has its own module; this one puts them together.
import { findByline } from './byline';
import type { ArticleHints } from './page-signals';
import { findCanonical, findDir, findExcerpt, findImage, findKeywords, findLang } from './page-fields';
import { signalsOf } from './read-signals';
import { pickSiteName } from './site-name';

export type { ArticleHints, PageSignals } from './page-signals';
export { findBaseUrl, resolveUrl } from './page-signals';
export { readPageSignals } from './read-signals';
export { findHeadlineElement } from './headline';
export { readTextLines } from './text-lines';
export { findTitle } from './title';
export { findSiteName } from './site-name';
export { findByline } from './byline';
export { findCanonical, findDir, findExcerpt, findImage, findKeywords, findLang } from './page-fields';
export { cleanByline } from '../pure/byline-text';
export { findBylineLine, findSourceLine } from '../pure/credits';
export { guessLangFromText, normalizeLang } from '../pure/language';
export { normalizeSpace, splitKeywords } from '../pure/page-text';
export { stripSiteName } from '../pure/site-title';
export type { StrippedTitle } from '../pure/site-title';

export interface PageMetadata {
  title: string;
  siteName: string | null;
  byline: string | null;
  keywords: string[];
  canonical: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  image: string | null;
}

/** All metadata for a page, each field by its finder above, sharing one read of the page's signals. */
export function readMetadata(doc: Document, url: string, hints: ArticleHints = {}): PageMetadata {
  const signals = signalsOf(doc, url, hints);
  const withSignals: ArticleHints = { ...hints, signals };
  const analysis = signals.title;
  const lang = findLang(doc, url, withSignals);
  const byline = findByline(doc, url, withSignals);
  const siteName = pickSiteName(doc, url, signals, hints.siteName, byline);
  return {
    title: analysis.title,
    siteName,
    byline,
    keywords: findKeywords(doc, url, withSignals),
    canonical: findCanonical(doc, url, withSignals),
    lang,
    dir: findDir(doc, lang, hints.dir),
    excerpt: findExcerpt(doc, url, withSignals, { title: analysis.title, byline }),
    image: findImage(doc, url, withSignals),
  };
}
