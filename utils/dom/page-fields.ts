// DOM: the page's smaller fields, each from its declared sources in order: keywords, canonical URL, language,
// direction, excerpt and lead image.
import type { JsonLdNode } from './json-ld';
import { stringProp } from './json-ld';
import type { ArticleHints } from './page-signals';
import {
  dereference,
  findBaseUrl,
  metaValue,
  metaValues,
  resolveHttpUrl,
  structuredOf,
  stripFragment,
} from './page-signals';
import { guessLangFromText, isRtlLanguage, normalizeLang } from '../pure/language';
import { toKeywords } from '../pure/keywords';
import { clean } from '../pure/page-text';
import { chooseSummary } from '../pure/summary';
import { isRecord } from '../pure/result';

/**
 * meta keywords and news_keywords, article:tag, JSON-LD keywords, each split into tags (`Spain,Europe,World news`,
 * `新冠 疫苗 北京`, `、` lists); de-duplicated case-insensitively, in order.
 */
export function findKeywords(doc: Document, url: string, hints: ArticleHints = {}): string[] {
  const signals = structuredOf(doc, url, hints);
  const values: string[] = [
    ...metaValues(signals, 'keywords'),
    ...metaValues(signals, 'news_keywords'),
    ...metaValues(signals, 'article:tag'),
  ];
  const ld = signals.article?.keywords;
  if (typeof ld === 'string') values.push(clean(ld));
  else if (Array.isArray(ld)) for (const k of ld) if (typeof k === 'string') values.push(clean(k));
  return toKeywords(values);
}

/** link[rel=canonical], else og:url; absolute, http(s), without #fragment. */
export function findCanonical(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const base = findBaseUrl(doc, url);
  const signals = structuredOf(doc, url, hints);
  const candidates = [
    ...Array.from(doc.querySelectorAll('link[rel][href]'))
      .filter((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''))
      .map((l) => l.getAttribute('href')),
    metaValue(signals, 'og:url'),
  ];
  for (const c of candidates) {
    const href = resolveHttpUrl(c, base);
    if (href) return stripFragment(href);
  }
  return null;
}

/** `<html lang>`, content-language, og:locale, JSON-LD inLanguage; else a guess from the article text. */
export function findLang(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = structuredOf(doc, url, hints);
  const httpEquiv = Array.from(doc.querySelectorAll('meta[http-equiv][content]')).find(
    (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-language',
  );
  const inLanguage = signals.article ? stringProp(signals.article, 'inLanguage') : null;
  const declared = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    httpEquiv?.getAttribute('content')?.split(',')[0],
    metaValue(signals, 'og:locale'),
    inLanguage,
  ]
    .map(normalizeLang)
    .find((l) => l !== null);
  const guessed = hints.text ? guessLangFromText(hints.text) : null;
  // Templates often leave `<html lang="en">` on Chinese pages; the text is the better witness there.
  if (declared && guessed && declared.startsWith('en') && guessed !== 'en') return guessed;
  return declared ?? guessed;
}

/** `dir` on `<html>` or `<body>`, Readability's dir, else from the language (ar, he, fa, ur… → rtl). */
export function findDir(
  doc: Document,
  lang: string | null,
  readabilityDir?: string | null,
): 'ltr' | 'rtl' | null {
  const values = [doc.documentElement?.getAttribute('dir'), doc.body?.getAttribute('dir'), readabilityDir];
  for (const v of values) {
    const d = (v ?? '').trim().toLowerCase();
    if (d === 'rtl' || d === 'ltr') return d;
  }
  if (!lang) return null;
  return isRtlLanguage(lang) ? 'rtl' : 'ltr';
}

/** og:description, meta description, twitter:description, JSON-LD description, Readability's excerpt. */
export function findExcerpt(
  doc: Document,
  url: string,
  hints: ArticleHints = {},
  known: { title: string; byline: string | null } = { title: '', byline: null },
): string | null {
  const signals = structuredOf(doc, url, hints);
  const ld = signals.article ? stringProp(signals.article, 'description') : null;
  const declared = [
    ...['og:description', 'description', 'twitter:description', 'dc.description'].map((k) =>
      metaValue(signals, k),
    ),
    ld,
  ];
  // Never the headline or the byline again: a standfirst or the first paragraph instead.
  return chooseSummary(declared, hints.excerpt, { ...known, lines: (hints.text ?? '').split('\n') });
}

function jsonLdImage(value: unknown, nodes: JsonLdNode[]): string | null {
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    const target = dereference(item, nodes);
    if (typeof target === 'string' && target.trim()) return target.trim();
    if (isRecord(target)) {
      const url = target.url ?? target.contentUrl;
      if (typeof url === 'string' && url.trim()) return url.trim();
    }
  }
  return null;
}

/** og:image, twitter:image, JSON-LD image, link[rel=image_src]; absolute http(s). */
export function findImage(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const base = findBaseUrl(doc, url);
  const signals = structuredOf(doc, url, hints);
  const candidates = [
    metaValue(signals, 'og:image', 'og:image:url', 'og:image:secure_url'),
    metaValue(signals, 'twitter:image', 'twitter:image:src'),
    signals.article ? jsonLdImage(signals.article.image, signals.jsonLd) : null,
    doc.querySelector('link[rel="image_src"][href]')?.getAttribute('href'),
  ];
  for (const c of candidates) {
    const href = resolveHttpUrl(c, base);
    if (href) return href;
  }
  return null;
}
