// DOM: a page's metadata with no article: title, byline, site name, language and dates, for a page refused as not-an-article.
import { readMetadata, readPageSignals } from './metadata';
import { findArticleDates } from './published-date';
import { readTextEnds } from './text-lines';
import { firstSentence } from '../pure/page-text';
import type { ClipDraft } from '../pure/types';
import { hostOf } from '../pure/url';

/** The fields of a draft that a page has whether or not it holds an article. */
export type PageMetadataFields = Pick<
  ClipDraft,
  'title' | 'byline' | 'siteName' | 'lang' | 'published' | 'modified'
>;

export interface PageMetadataOptions {
  /** The clip's reference time (year-less and relative dates, "never in the future"). */
  now: Date;
  dateSelector?: string;
}

/**
 * What extraction's metadata stage reads, with the whole body in place of the article: a page built by scripts, a
 * list or a photo page still has a title, dates and a byline in its head and markup. Never changes `doc`.
 */
export function readPageMetadata(doc: Document, url: string, opts: PageMetadataOptions): PageMetadataFields {
  const text = doc.body ? readTextEnds(doc.body) : '';
  const signals = readPageSignals(doc, url, { text });
  const meta = readMetadata(doc, url, { text, signals });
  const { published, modified } = findArticleDates(doc, url, {
    now: opts.now,
    lang: meta.lang,
    dateSelector: opts.dateSelector,
    jsonLd: signals.jsonLd,
    headline: signals.headline,
  });
  return {
    // As an article's draft: a page with no title is named by its first sentence, then its host.
    title: meta.title || firstSentence(text) || hostOf(url) || url,
    byline: meta.byline,
    siteName: meta.siteName,
    lang: meta.lang,
    published,
    modified,
  };
}
