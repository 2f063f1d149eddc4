// DOM: what every date source shares: the search context, candidates, plausibility, and the page parts
// (navigation, comments, related lists) whose dates are never the article's.
import { parseDateString } from '../pure/date-parse';
import { PUBLICATION_JOINERS, PUBLICATION_WORDS } from '../pure/date-label';
import { writesDayFirst } from '../pure/date-order';
import { isAfterReference } from '../pure/date-reference';
import { compact } from '../pure/page-text';
import {
  dayAcrossOffsets,
  partsInZone,
  publisherOffsetRange,
  publisherTimeZone,
  zoneOffsetMinutes,
} from '../pure/date-zone';
import type { DateParts, DateSource, FoundDate } from '../pure/types';
import type { JsonLdNode } from './json-ld';
import { readJsonLd } from './json-ld';
import { findArticleHeadline } from './title';

export type Kind = 'published' | 'modified';

/** Older dates are almost always noise (copyright lines, founding years), not an article's date. */
export const MIN_YEAR = 1993;
/** Work bounds for huge pages. */
export const MAX_ELEMENTS = 15_000;
export const MAX_TEXT_CHARS = 400_000;
export const MAX_SHORT_TEXT = 220;

export const META_KEYS: Record<Kind, string[]> = {
  published: [
    'article:published_time',
    'og:published_time',
    'og:article:published_time',
    'article:published',
    'article.published',
    'published_time',
    'published-time',
    'datepublished',
    'publishdate',
    'publish-date',
    'publish_date',
    'published_date',
    'published-date',
    'date_published',
    // Site-search crawlers' own tags (Swiftype, Elastic App Search) on government and NGO sites.
    'publication_date',
    'publication-date',
    // TRS WCM, the CMS of Chinese government sites (gov.cn): `2007-08-20-23:59:59`.
    'firstpublishedtime',
    'pubdate',
    'pub_date',
    'parsely-pub-date',
    'sailthru.date',
    'citation_publication_date',
    'citation_date',
    'citation_online_date',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date.created',
    'dcterms.created',
    'dc.date.published',
    'dc.date',
    'dcterms.date',
    'dc:date',
    'rnews:datepublished',
    'article_date_original',
    'originalpublicationdate',
    'cxenseparse:recs:publishtime',
    'bt:pubdate',
    'displaydate',
    'og:pubdate',
    'date',
    'created',
    'creation_date',
  ],
  modified: [
    'article:modified_time',
    'og:updated_time',
    'article:modified',
    'datemodified',
    'modified_time',
    'dcterms.modified',
    'dc.date.modified',
    'lastmod',
    'last-modified',
    'lastmodifiedtime',
  ],
};

export const RDFA_PROPERTIES: Record<Kind, string[]> = {
  published: [
    'schema:datepublished',
    'schema:datecreated',
    'dc:created',
    'dcterms:created',
    'dc:date',
    'dcterms:issued',
  ],
  modified: ['schema:datemodified', 'dcterms:modified', 'dc:modified'],
};
export const ITEMPROP: Record<Kind, string> = { published: 'datepublished', modified: 'datemodified' };
export const JSON_LD_KEYS: Record<Kind, string[]> = {
  published: ['datePublished', 'dateCreated', 'uploadDate'],
  modified: ['dateModified'],
};

// Containers whose dates belong to something else: other articles, comments, site chrome.
export const SKIP_TAGS = new Set([
  'NAV',
  'FOOTER',
  'ASIDE',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SELECT',
  'OPTION',
]);
/** A column named as beside the article. Some themes name the article's own column so (`sidebar_content`, a
 * `div.sidebar` of the story's facts inside `<article>`): the last resort reads it (see `Context.readSidebars`). */
export const SIDEBAR_TOKEN =
  /^(?:sidebar(?:[-_]?(?:left|right|primary|secondary|\d|widgets?|inner|content|area|wrapper|container))?|secondary)$/i;
/** Lists of other stories (related, recommended, most read, latest): each teaser has its own date. */
const STORY_LIST_TOKENS: RegExp[] = [
  /^(?:[a-z]+[-_])?related(?:[-_][\w-]+)?$/i,
  /^(?:[a-z]+[-_])?(?:recommend(?:ed|ations?)?|promo|newsletter|trending|outbrain|taboola|sponsored)(?:[-_][\w-]+)?$/i,
  /^(?:most[-_]?(?:read|viewed|popular)|popular(?:[-_](?:posts|articles|news|stories|list))?)$/i,
  /^(?:read[-_]?more|more[-_](?:stories|articles|news|posts)|also[-_]?read|you[-_]may[-_]like)(?:[-_][\w-]+)?$/i,
  /^(?:latest|recent)[-_]?(?:posts|news|articles|comments|entries|stories)$/i,
];
export const SKIP_TOKENS: RegExp[] = [
  /^(?:[a-z]+[-_])?comments?(?:[-_](?:list|body|content|meta|item|area|wrap|wrapper|section|thread|container|form))?$/i,
  /^(?:commentlist|disqus[\w-]*|respond|replies|reply|reactions?)$/i,
  ...STORY_LIST_TOKENS,
  SIDEBAR_TOKEN,
  /^(?:archives?|calendar|wp-calendar|tagcloud|pagination|breadcrumbs?|cookie[\w-]*)$/i,
  /^(?:(?:main|site|top|sub|primary|secondary|global|mobile|header|side|page)[-_]?)?(?:nav|navbar|navigation|menu)(?:[-_](?:bar|wrap|wrapper|container|main|top|list|items?))?$/i,
  /^(?:site|page|global|main)?[-_]?footer(?:[-_](?:wrap|wrapper|container|inner|area|widgets?|nav|menu|links|bottom|top))?$/i,
  /^(?:ads?|advert[\w-]*|ad[-_](?:slot|container|wrapper|unit))$/i,
];
// WordPress and friends put taxonomy into classes (`category-popular`, `tag-comments`): not structure.
export const TAXONOMY_TOKEN =
  /^(?:category|tag|post|format|status|type|postid|page-id|single|term|topic|section)[-_]/i;

export const DATE_HINT =
  /date|time|publish|posted|pubdate|byline|meta|dateline|timestamp|entry-?info|article-?info|post-?info|info|source|author|zeit|datum|fecha|data|shijian|riqi|pubtime/i;
export const UPDATE_HINT = /updat|modif|edited|aktualisiert|geändert|revised|lastmod/i;
export const LABEL_BEFORE = new RegExp(
  `(?:(?:${PUBLICATION_WORDS})(?:${PUBLICATION_JOINERS})?|时间|時間|日期|来源|來源|出处|更新时间|date|datum|fecha|am|le|on|by)\\s*[:：]?\\s*$`,
  'i',
);
// What follows a dateline: the source, the author, the read count (`2004-12-10 阅读10544次`).
export const LABEL_AFTER =
  /^[\s|｜·•/\-–]*(?:来源|來源|作者|编辑|編輯|责任编辑|責任編輯|阅读|閱讀|浏览|瀏覽|点击|點擊|by\s|von\s|par\s|por\s)/i;
export const UPDATE_LABEL =
  /(?:updated?|aktualisiert|geändert|mis à jour|actualizado|aggiornato|modified|last|更新|修改|编辑)\s*[:：]?\s*(?:am|on|le|el|il)?\s*$/i;

export interface Context {
  url: string;
  /** The article's headline: a container holding it is the article's, whatever its class says. */
  headline: Element | null;
  now: Date;
  /** The publisher's IANA zone, when the page's language or host names one (date-zone.ts). */
  publisherZone: string | null;
  /** When the zone is unknown but the country spans zones (US, Canada…): its least and greatest UTC offsets. */
  publisherOffsets: readonly [number, number] | null;
  /** That zone's offset at the reference time: what the "never after the reference" checks read. */
  publisherOffset: number | null;
  skipCache: Map<Element, boolean>;
  jsonLd: JsonLdNode[];
  /** The page's elements in document order, listed once per clip (see collectElements). */
  elements?: Element[];
  /** The page writes all-numeric dates day first (`05/10/2018` is 5 October): see `writesDayFirst`. */
  dayFirst: boolean;
  /** The last resort's context: a column named `sidebar` is read like the rest of the page. */
  readSidebars?: boolean;
  /** The headline's place in `elements` (-1: none), found once per clip (see headlineIndexOf). */
  headlineIndex?: number;
  /** The places of the headline and of its copies (a sticky header's) in `elements`, in order (see headlineIndexesOf). */
  headlineIndexes?: number[];
  /** Metas, times and microdata among `elements`, sorted out once per clip (see indexElements). */
  index?: {
    metas: Element[];
    times: Element[];
    itemprops: Element[];
    properties: Element[];
  };
}

export interface Candidate {
  raw: string;
  source: DateSource;
  detail: string;
  parts: DateParts;
  /** The element the date was read from, for page-structure checks. */
  el?: Element;
  /** The page's own dateline settled which day this instant is on: not moved into a guessed publisher zone. */
  zoneChecked?: boolean;
}

/** Not noise, and not after the clip's reference time (the click, never the machine's clock) where the publisher is. */
export function isPlausible(parts: DateParts, now: Date, offsetMinutes: number | null = null): boolean {
  return parts.year >= MIN_YEAR && !isAfterReference(parts, now, offsetMinutes);
}

/**
 * A UTC instant (`2019-09-07T18:30:00Z`) written in the publisher's zone when that is known: its day there is the
 * article's day (the 8th in Beijing, and `2023-11-01T23:01Z` is the 2nd in Rome). The instant is unchanged.
 */
export function inPublisherZone(parts: DateParts, publisherZone: string | null): DateParts {
  if (parts.offsetMinutes !== 0 || parts.hour === undefined || !publisherZone) return { ...parts };
  const instant = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const local = partsInZone(instant, publisherZone);
  if (parts.second === undefined) delete local.second;
  return local;
}

/** Adds the publisher's zone to a local time that has none, and records where the zone came from. */
export function finish(candidate: Candidate, ctx: Context): FoundDate {
  let parts = candidate.zoneChecked
    ? { ...candidate.parts }
    : inPublisherZone(candidate.parts, ctx.publisherZone);
  let detail = candidate.detail;
  // A UTC instant from a country of several zones: the day there when all of them agree on it and UTC does not.
  const across =
    !candidate.zoneChecked && !ctx.publisherZone && ctx.publisherOffsets
      ? dayAcrossOffsets(parts, ctx.publisherOffsets)
      : null;
  if (across && across.day !== parts.day) {
    parts = across;
    detail = `${detail} (day in the publisher's country)`;
  }
  const found: FoundDate = { raw: candidate.raw, source: candidate.source, detail, parts };
  if (parts.hour !== undefined) {
    if (parts.offsetMinutes !== undefined) {
      found.zoneFrom = 'page';
    } else if (ctx.publisherZone !== null) {
      // The zone's offset at that wall time (summer or winter), not at the reference time.
      parts.offsetMinutes = zoneOffsetMinutes(ctx.publisherZone, parts);
      found.zoneFrom = 'publisher';
    }
  }
  return found;
}

export function parseCandidate(raw: string | null | undefined, ctx: Context): DateParts | null {
  if (!raw) return null;
  const parts = parseDateString(raw);
  return parts && isPlausible(parts, ctx.now, ctx.publisherOffset) ? parts : null;
}

export function normalizeUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href, base || undefined);
    return (u.host + u.pathname)
      .replace(/\/+$/, '')
      .replace(/\/index\.\w+$/, '')
      .toLowerCase();
  } catch {
    return null;
  }
}

export function tokensOf(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return `${cls} ${id}`.split(/\s+/).filter(Boolean);
}

/** What only the date search reads: the chrome tests (readerable, site name) take every such container as chrome. */
export interface SkipOptions {
  /** A column named `sidebar` is read like the rest of the page (the last resort: see `Context.readSidebars`). */
  readSidebars?: boolean;
  /** A short `div.footer` beside the headline's block is the story's meta line (see isHeadingsFooter). */
  itemFooters?: boolean;
}

export function isSkipContainer(el: Element, headline: Element | null, opts: SkipOptions = {}): boolean {
  const tag = el.tagName.toUpperCase();
  // An article's own <footer> holds its byline and date; the page's footer does not.
  if ((tag === 'FOOTER' || tag === 'ASIDE') && el.parentElement?.closest('article')) return false;
  // Nor is an <aside> or <footer> that holds the headline: mobile portals box the title and its date line in one.
  if ((tag === 'FOOTER' || tag === 'ASIDE') && headline && el.contains(headline)) return false;
  if (SKIP_TAGS.has(tag)) return true;
  // The body and root carry page-wide classes (`comments-open`…) that say nothing about where a date sits.
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  // Layout wrappers named after what sits beside the article (`right-sidebar`, `with-navigation`) hold it too.
  if (headline && el.contains(headline)) return false;
  for (const token of tokensOf(el)) {
    if (TAXONOMY_TOKEN.test(token)) continue;
    if (opts.readSidebars && SIDEBAR_TOKEN.test(token)) continue;
    if (opts.itemFooters && token === 'footer' && headline && isHeadingsFooter(el, headline)) continue;
    if (SKIP_TOKENS.some((re) => re.test(token))) return true;
  }
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo';
}

export const HEADING_TAG = /^H[1-6]$/;

/** The headline, or a wrapper holding only it (`<div class="header"><h1>…</h1></div>`). */
function isHeadlineBlock(el: Element | null, headline: Element): boolean {
  if (!el || !el.contains(headline)) return false;
  if (HEADING_TAG.test(el.tagName.toUpperCase())) return true;
  const only = el.children.length === 1 ? el.firstElementChild : null;
  return only !== null && HEADING_TAG.test(only.tagName.toUpperCase());
}

/**
 * A short `div.footer` right beside the headline's block is the story's meta line, not the site's footer: TYPO3's
 * news extension prints the story as `div.header` (the headline) next to `div.footer` (date, categories). Beside any
 * other heading (a screen-reader `<h2>Footer</h2>`) it stays the site's footer.
 */
function isHeadingsFooter(el: Element, headline: Element): boolean {
  const beside =
    isHeadlineBlock(el.previousElementSibling, headline) || isHeadlineBlock(el.nextElementSibling, headline);
  return beside && (el.textContent ?? '').replace(/\s+/g, ' ').trim().length <= MAX_SHORT_TEXT;
}

/** Whether an element sits in site chrome, a related list or the comments. */
export function isInSkippedContainer(el: Element, ctx: Context): boolean {
  const chain: Element[] = [];
  let current: Element | null = el;
  let result = false;
  while (current) {
    const cached = ctx.skipCache.get(current);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    chain.push(current);
    if (
      isSkipContainer(current, ctx.headline, { readSidebars: ctx.readSidebars, itemFooters: true }) &&
      !isStoryListAroundArticle(current)
    ) {
      result = true;
      break;
    }
    current = current.parentElement;
  }
  for (const visited of chain) ctx.skipCache.set(visited, result);
  return result;
}

/** Tags an old layout sets a headline in when it has no h1 of its own (`<dl class="newsTitle"><dt>…`). */
const TITLE_TAGS = 'h1, h2, h3, h4, dt, td, b, strong';

/**
 * A story list whose markup was left unclosed (`<div class="recentNews">` opened and never closed) wraps the article
 * itself: it holds, outside any link, an element whose whole text is the page title's own part (the `<title>` before
 * ` - Site`). A real list of other stories shows this page's title, if at all, as a link. Only story-list classes.
 */
function isStoryListAroundArticle(el: Element): boolean {
  if (!tokensOf(el).some((t) => !TAXONOMY_TOKEN.test(t) && STORY_LIST_TOKENS.some((re) => re.test(t))))
    return false;
  const title = el.ownerDocument?.title ?? '';
  const own = compact(title.split(/\s[-|–—]\s|[|｜]/)[0] ?? '');
  if (own.length < 8) return false;
  return Array.from(el.querySelectorAll(TITLE_TAGS))
    .slice(0, 200)
    .some((t) => compact(t.textContent ?? '') === own && !t.closest('a[href]'));
}

/** Inside `<a href>` to another page: a teaser for some other article. A permalink to this page is fine. */
export function isInLinkElsewhere(el: Element, ctx: Context): boolean {
  const link = el.closest('a[href]');
  if (!link) return false;
  const href = (link.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return false;
  const here = normalizeUrl(ctx.url, '');
  const there = normalizeUrl(href, ctx.url);
  // `Posted on <a href="/2017/08/08/">` links to the day's archive: the date is still this post's.
  if (there && /\/(?:19|20)\d{2}\/\d{1,2}(?:\/\d{1,2})?$/.test(there)) return false;
  return here === null || there === null || here !== there;
}

export function isExcluded(el: Element, ctx: Context): boolean {
  return isInSkippedContainer(el, ctx) || isInLinkElsewhere(el, ctx) || isInQuote(el, ctx);
}

/**
 * In a `<blockquote>`: an embedded post (Instagram's and X's embeds carry their own `<time>`) or a quoted text, whose
 * dates are the quote's. Old pages that indent the whole story with a blockquote hold the headline in it: not a quote.
 */
function isInQuote(el: Element, ctx: Context): boolean {
  const quote = el.closest('blockquote');
  return quote !== null && (ctx.headline === null || !quote.contains(ctx.headline));
}

export function hintText(el: Element): string {
  const attrs = ['class', 'id', 'itemprop', 'name', 'property'].map((a) => el.getAttribute(a) ?? '');
  return attrs.join(' ');
}

export interface DateSearchOptions {
  /** Dates after this are never returned. */
  now: Date;
  /** The page language (`zh-CN`…), used to infer the publisher's zone. */
  lang?: string | null;
  /** A per-site CSS selector for the element holding the date. */
  dateSelector?: string;
  /** The page's JSON-LD when the caller has read it already (extraction does): not parsed again. */
  jsonLd?: JsonLdNode[];
  /** The article's headline element when the caller has found it (extraction does): not searched again. */
  headline?: Element | null;
  /** The page's elements in document order when the caller has listed them: both cascades share the list. */
  elements?: Element[];
}

/** The search context for one page: its headline, the publisher zone, the JSON-LD. */
export function makeContext(doc: Document, url: string, opts: DateSearchOptions): Context {
  const lang = opts.lang ?? doc.documentElement?.getAttribute('lang') ?? null;
  const zone = publisherTimeZone(lang, url);
  return {
    url,
    headline: opts.headline !== undefined ? opts.headline : findArticleHeadline(doc, url),
    now: opts.now,
    publisherZone: zone,
    publisherOffsets: zone ? null : publisherOffsetRange(url),
    publisherOffset:
      zone && !Number.isNaN(opts.now.getTime())
        ? (partsInZone(opts.now.getTime(), zone).offsetMinutes ?? null)
        : null,
    dayFirst: writesDayFirst(lang, url),
    skipCache: new Map(),
    jsonLd: opts.jsonLd ?? readJsonLd(doc),
    ...(opts.elements ? { elements: opts.elements } : {}),
  };
}
