// DOM: the article's own headline text and the site name its title carries, from the page's signals.
import { findHeadline, findHeadlineElement } from './headline';
import { articleNodes, stringProp, typesOf } from './json-ld';
import type { ArticleHints, StructuredSignals, TitleAnalysis } from './page-signals';
import { metaValue, namesOf, readStructuredSignals } from './page-signals';
import { clean, compact, countHan, normalizeSpace } from '../pure/page-text';
import {
  hostLabels,
  isChineseSiteLike,
  isHeadlineSized,
  isSiteSegment,
  isTitleConfirmedBy,
  learnSuffixes,
  removedAround,
  stripSiteName,
  stripUnknownSuffix,
} from '../pure/site-title';

/** Site names the page declares: og:site_name, JSON-LD publisher / WebSite, application-name. */
export function declaredSiteNames(signals: StructuredSignals, hints: ArticleHints): string[] {
  const names: string[] = [];
  const add = (value: string | null | undefined): void => {
    const v = clean(value);
    if (v && !names.includes(v) && v.length <= 80) names.push(v);
  };
  add(metaValue(signals, 'og:site_name'));
  for (const name of publisherNames(signals)) add(name);
  add(metaValue(signals, 'application-name', 'apple-mobile-web-app-title'));
  // Chinese government sites declare themselves in the meta tags their web standard asks for (`SiteName`).
  add(metaValue(signals, 'sitename'));
  add(hints.siteName);
  return names;
}

function publisherNames(signals: StructuredSignals): string[] {
  const nodes = signals.jsonLd;
  const sources = signals.article ? [signals.article, ...articleNodes(nodes)] : articleNodes(nodes);
  for (const node of sources) {
    const names = namesOf(node.publisher, nodes);
    if (names.length) return names;
  }
  const site = nodes.find((n) => typesOf(n).includes('WebSite'));
  const siteName = site ? clean(stringProp(site, 'name')) : '';
  return siteName ? [siteName] : [];
}

export type { TitleAnalysis } from './page-signals';

/** A site or channel name set off in a title is short; a longer part is a subtitle or a second clause. */
const MAX_CHANNEL_CHARS = 12;

export function analyzeTitle(
  doc: Document,
  url: string,
  hints: ArticleHints,
  signals: StructuredSignals,
): TitleAnalysis {
  const found = analyzeTitleCandidates(doc, url, hints, signals);
  const analysis = { ...found, headline: findHeadline(doc, found.headline, found.title, signals.docTitle) };
  // The headline the page shows (an `h2`, a `td`, a short `h1`), and a Chinese title that is that headline plus short
  // parts set off by site separators (`_ - | ｜ »`): the parts name the site and its channels (`…被端-富达传媒`,
  // `…_数据_宏观频道首页_财经网`, `…--健康·生活--人民网`, `…_要闻_电影网_1905.com`), however many there are. A part set
  // off by `：` (`专家解读：…`) or `——` is the title's own lead or subtitle and stays. Only a part that looks like a
  // site's name is kept as the site (a channel, `振兴东北`, is not the site).
  const shown = normalizeSpace(analysis.headline?.textContent);
  const extra = shown && countHan(shown) > 0 ? siteParts(analysis.title, shown) : null;
  // The part next to the headline is shorter than it: a kicker (`深度报道｜城中村改造三年之后`) is not the headline.
  const isChannelList =
    extra !== null &&
    extra.every((part) => compact(part).length <= MAX_CHANNEL_CHARS) &&
    compact(extra.at(-1) ?? '').length < compact(shown).length;
  if (extra && isHeadlineSized(shown) && isChannelList) {
    const site = extra.find((part) => isChineseSiteLike(part)) ?? null;
    return { ...analysis, title: shown, removed: analysis.removed ?? site };
  }
  if (analysis.removed) return analysis;
  // `<title>` = og:title + ` · Harbourside`: the extra part names the site even when the headline had none.
  const titles = [metaValue(signals, 'og:title'), signals.docTitle].map((t) => clean(t));
  const learned = learnSuffixes(titles.filter(Boolean)).find(
    (s) => s.length <= 40 && s.split(' ').length <= 5 && compact(s).length < compact(analysis.title).length,
  );
  return { ...analysis, removed: learned ?? null };
}

/** A site separator between a title's parts: `_`, `|`, `｜`, `»`, a run of `-`. */
const SITE_SEPARATOR = /\s*(?:_+|[|｜»]|-+)\s*/u;

/**
 * The parts of `title` around `shown` set off by site separators, outermost first (`标题_数据_财经网` → `财经网`,
 * `数据`), or null: `title` is not `shown` with such parts after it or before it. Not `：` (`专家解读：…` is the
 * title's lead) nor `——` (a subtitle).
 */
function siteParts(title: string, shown: string): string[] | null {
  const t = normalizeSpace(title);
  if (t === shown) return null;
  let parts: string[];
  if (t.startsWith(shown)) {
    parts = t.slice(shown.length).split(SITE_SEPARATOR).reverse();
  } else if (t.endsWith(shown)) {
    parts = t.slice(0, t.length - shown.length).split(SITE_SEPARATOR);
  } else return null;
  // Split at separators, the side next to the headline must be empty: the headline ends where a separator begins.
  if (parts.length < 2 || parts.at(-1) !== '') return null;
  const named = parts.slice(0, -1).map((p) => p.trim());
  return named.every(Boolean) ? named : null;
}

/** Some CMSs write the headline's markup into the attribute (`…力量<div>——热烈祝贺…</div>`): text only. */
function dropTags(value: string | null): string | null {
  return value?.replace(/<\/?[a-z][^<>]*>/gi, '') ?? null;
}

/** Site-wide Dublin Core titles name the site by its address (`gnu.org`, `Diario El Día www.eldia.com`). */
function withoutAddress(value: string): string {
  return /(?:^|\s)(?:www\.|[\w-]+\.(?:com|org|net|gov|edu)(?:\.[a-z]{2})?(?:\s|$))/i.test(value) ? '' : value;
}

/**
 * A meta title that ends where the tab title goes on with a quotation mark was cut at a quote the page left unescaped
 * (`content="… de "incapacitado""` ends the attribute at `de `): the tab title holds the whole headline.
 */
function uncut(meta: string, docTitle: string): string {
  return meta && docTitle.startsWith(meta) && /^\s*["“„]/.test(docTitle.slice(meta.length)) ? docTitle : meta;
}

function analyzeTitleCandidates(
  doc: Document,
  url: string,
  hints: ArticleHints,
  signals: StructuredSignals,
): TitleAnalysis {
  const article = signals.article;
  const jsonLdHeadline = article ? clean(stringProp(article, 'headline') ?? stringProp(article, 'name')) : '';
  const docTitle = clean(signals.docTitle);
  const og = uncut(clean(metaValue(signals, 'og:title')), docTitle);
  const twitter = uncut(clean(metaValue(signals, 'twitter:title')), docTitle);
  // Dublin Core (Readability's first choice), Parse.ly's and the Chinese government sites' `ArticleTitle`.
  const dublinCore = withoutAddress(
    clean(dropTags(metaValue(signals, 'dc:title', 'dc.title', 'dcterm:title', 'dcterms.title'))),
  );
  const declared = withoutAddress(clean(dropTags(metaValue(signals, 'parsely-title', 'articletitle'))));
  const readabilityTitle = clean(hints.title);
  const all = [jsonLdHeadline, dublinCore, og, twitter, declared, docTitle].filter(Boolean);
  const headline = findHeadlineElement(doc, all);
  const h1 = headline ? normalizeSpace(headline.textContent) : '';
  const siteNames = [...declaredSiteNames(signals, hints), ...learnSuffixes(all)];
  const labels = hostLabels(url);
  const isSiteOnly = (t: string): boolean => isSiteSegment(t, siteNames, labels);
  const removedFrom = (t: string, head: string): string | null =>
    t ? (stripSiteName(t, siteNames, url).removed ?? removedAround(t, head)) : null;

  // An h1 that og:title or <title> repeats is the headline readers see; JSON-LD may carry an SEO variant
  // (The Verge, Vox) or, on Wikipedia, a description ("Wikimedia list article").
  const witness = [dublinCore, og, twitter, declared, docTitle].find(
    (t) => h1 && t && isTitleConfirmedBy(t, h1),
  );
  if (witness) return { title: h1, removed: removedFrom(witness, h1) ?? removedFrom(docTitle, h1), headline };

  for (const candidate of [jsonLdHeadline, og, twitter, dublinCore, declared]) {
    if (!candidate || isSiteOnly(candidate)) continue;
    if (h1 && isTitleConfirmedBy(candidate, h1))
      return { title: h1, removed: removedFrom(candidate, h1), headline };
    const stripped = stripSiteName(candidate, siteNames, url);
    if (stripped.title) return { ...stripped, headline };
  }
  const stripped = docTitle ? stripSiteName(docTitle, siteNames, url) : null;
  // With no h1 to fall back on (a page its scripts had not built), a short title with the site set off
  // (`Rückraumspieler | Handballwelt`) is a headline and a site, not the site alone.
  const hasOwnPart = !h1 && !!stripped?.removed && !!stripped.title && !isSiteOnly(stripped.title);
  if (docTitle && stripped && (!isSiteOnly(docTitle) || hasOwnPart)) {
    if (h1 && isTitleConfirmedBy(docTitle, h1))
      return { title: h1, removed: removedFrom(docTitle, h1), headline };
    if (stripped.removed) return { ...stripped, headline };
    if (h1 && compact(h1) === compact(docTitle)) return { title: h1, removed: null, headline };
    return { ...stripUnknownSuffix(docTitle), headline };
  }
  if (h1) return { title: h1, removed: null, headline };
  if (readabilityTitle) return { ...stripSiteName(readabilityTitle, siteNames, url), headline };
  return { title: docTitle || og, removed: null, headline };
}

/** The article's own headline, without the site name the tab title adds. */
export function findTitle(doc: Document, url: string, hints: ArticleHints = {}): string {
  return hints.signals?.title.title ?? analyzeTitle(doc, url, hints, readStructuredSignals(doc, url)).title;
}

/** The headline element alone, for a search called without the page's signals (the date search's tests). */
export function findArticleHeadline(doc: Document, url: string): Element | null {
  return analyzeTitle(doc, url, {}, readStructuredSignals(doc, url)).headline;
}
