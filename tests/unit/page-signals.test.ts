import { describe, expect, it } from 'vitest';
import {
  findBaseUrl,
  metaValue,
  metaValues,
  namesOf,
  readStructuredSignals,
} from '../../utils/dom/page-signals';
import { ld, page } from './metadata-pages';

const URL = 'https://example.com/news/a.html';

describe('readStructuredSignals', () => {
  it('reads every meta key once, lower-cased, in page order', () => {
    const doc = page(
      '<meta property="og:title article:tag" content="One"><meta name="Keywords" content="a, b"><meta name="keywords" content="c">',
    );
    const signals = readStructuredSignals(doc, URL);
    expect(metaValue(signals, 'missing', 'og:title')).toBe('One');
    expect(metaValues(signals, 'article:tag')).toEqual(['One']);
    expect(metaValues(signals, 'keywords')).toEqual(['a, b', 'c']);
  });

  it('picks the JSON-LD article that names this page, and resolves author references', () => {
    const doc = page(
      ld({
        '@graph': [
          { '@type': 'NewsArticle', url: 'https://example.com/other', headline: 'Other' },
          { '@type': 'NewsArticle', url: `${URL}#top`, headline: 'Mine', author: { '@id': '#jane' } },
          { '@type': 'Person', '@id': '#jane', name: 'Jane &amp; Doe' },
        ],
      }),
    );
    const signals = readStructuredSignals(doc, URL);
    expect(signals.article?.headline).toBe('Mine');
    expect(namesOf(signals.article?.author, signals.jsonLd)).toEqual(['Jane & Doe']);
  });

  it('reads an author some CMSs encode twice, as a JSON string, by its name', () => {
    const doc = page(
      ld({
        '@type': 'NewsArticle',
        headline: 'Budget vote',
        author: '{ "@type":"Person", "name":"Alice Wu" }',
        contributor: '[{"@type":"Person","name":"Bo Li"},{"@type":"Person","name":"Cy Ng"}]',
      }),
    );
    const signals = readStructuredSignals(doc, URL);
    expect(namesOf(signals.article?.author, signals.jsonLd)).toEqual(['Alice Wu']);
    expect(namesOf(signals.article?.contributor, signals.jsonLd)).toEqual(['Bo Li', 'Cy Ng']);
    // A name that merely has brackets is still a name.
    expect(namesOf('{Staff} Reporter', signals.jsonLd)).toEqual(['{Staff} Reporter']);
  });

  it('takes <base href> against the page URL', () => {
    expect(findBaseUrl(page('<base href="/root/">'), URL)).toBe('https://example.com/root/');
    expect(findBaseUrl(page(''), URL)).toBe(URL);
  });
});
