// DOM: finds an article's published and modified dates by a cascade (JSON-LD, meta, <time>, text, URL). Takes a Document.
import type { DateParts, DateSource, FoundDate } from '../pure/types';
import { findDatesInText, parseDateString } from '../pure/date-parse';
import { isFuture, publisherOffsetMinutes } from '../pure/date-zone';
import type { JsonLdNode } from './json-ld';
import { findTitleMatchedHeadline } from './headline';
import { articleNodes, readJsonLd, stringProp, typesOf } from './json-ld';

export interface DateSearchOptions {
  /** Dates after this are never returned. */
  now: Date;
  /** The page language (`zh-CN`…), used to infer the publisher's zone. */
  lang?: string | null;
  /** A per-site CSS selector for the element holding the date. */
  dateSelector?: string;
  /** The page's JSON-LD when the caller has read it already (extraction does): not parsed again. */
  jsonLd?: JsonLdNode[];
}

type Kind = 'published' | 'modified';

/** Older dates are almost always noise (copyright lines, founding years), not an article's date. */
const MIN_YEAR = 1993;
/** Work bounds for huge pages. */
const MAX_ELEMENTS = 15_000;
const MAX_TEXT_CHARS = 400_000;
const MAX_SHORT_TEXT = 220;

const META_KEYS: Record<Kind, string[]> = {
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
  ],
};

const RDFA_PROPERTIES: Record<Kind, string[]> = {
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
const ITEMPROP: Record<Kind, string> = { published: 'datepublished', modified: 'datemodified' };
const JSON_LD_KEYS: Record<Kind, string[]> = {
  published: ['datePublished', 'dateCreated', 'uploadDate'],
  modified: ['dateModified'],
};

// Containers whose dates belong to something else: other articles, comments, site chrome.
const SKIP_TAGS = new Set([
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
const SKIP_TOKENS: RegExp[] = [
  /^(?:[a-z]+[-_])?comments?(?:[-_](?:list|body|content|meta|item|area|wrap|wrapper|section|thread|container|form))?$/i,
  /^(?:commentlist|disqus[\w-]*|respond|replies|reply|reactions?)$/i,
  /^(?:[a-z]+[-_])?related(?:[-_][\w-]+)?$/i,
  /^(?:sidebar(?:[-_]?(?:left|right|primary|secondary|\d|widgets?|inner|content|area|wrapper|container))?|secondary)$/i,
  /^(?:[a-z]+[-_])?(?:recommend(?:ed|ations?)?|promo|newsletter|trending|outbrain|taboola|sponsored)(?:[-_][\w-]+)?$/i,
  /^(?:most[-_]?(?:read|viewed|popular)|popular(?:[-_](?:posts|articles|news|stories|list))?)$/i,
  /^(?:read[-_]?more|more[-_](?:stories|articles|news|posts)|also[-_]?read|you[-_]may[-_]like)(?:[-_][\w-]+)?$/i,
  /^(?:latest|recent)[-_]?(?:posts|news|articles|comments|entries|stories)$/i,
  /^(?:archives?|calendar|wp-calendar|tagcloud|pagination|breadcrumbs?|cookie[\w-]*)$/i,
  /^(?:(?:main|site|top|sub|primary|secondary|global|mobile|header|side|page)[-_]?)?(?:nav|navbar|navigation|menu)(?:[-_](?:bar|wrap|wrapper|container|main|top|list|items?))?$/i,
  /^(?:site|page|global|main)?[-_]?footer(?:[-_](?:wrap|wrapper|container|inner|area|widgets?|nav|menu|links|bottom|top))?$/i,
  /^(?:ads?|advert[\w-]*|ad[-_](?:slot|container|wrapper|unit))$/i,
];
// WordPress and friends put taxonomy into classes (`category-popular`, `tag-comments`): not structure.
const TAXONOMY_TOKEN =
  /^(?:category|tag|post|format|status|type|postid|page-id|single|term|topic|section)[-_]/i;

const DATE_HINT =
  /date|time|publish|posted|pubdate|byline|meta|dateline|timestamp|entry-?info|article-?info|post-?info|info|source|author|zeit|datum|fecha|data|shijian|riqi|pubtime/i;
const UPDATE_HINT = /updat|modif|edited|aktualisiert|geändert|revised|lastmod/i;
const LABEL_BEFORE =
  /(?:publi[sc]hed|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|opublikowano|gepubliceerd|发布|發布|发表|發表|时间|時間|日期|来源|來源|出处|更新时间|date|datum|fecha|am|le|on|by)\s*[:：]?\s*$/i;
// What follows a dateline: the source, the author, the read count (`2004-12-10 阅读10544次`).
const LABEL_AFTER =
  /^[\s|｜·•/\-–]*(?:来源|來源|作者|编辑|編輯|责任编辑|責任編輯|阅读|閱讀|浏览|瀏覽|点击|點擊|by\s|von\s|par\s|por\s)/i;
const UPDATE_LABEL =
  /(?:updated?|aktualisiert|geändert|mis à jour|actualizado|aggiornato|modified|last|更新|修改|编辑)\s*[:：]?\s*(?:am|on|le|el|il)?\s*$/i;

interface Context {
  url: string;
  /** The article's headline: a container holding it is the article's, whatever its class says. */
  headline: Element | null;
  now: Date;
  publisherOffset: number | null;
  skipCache: Map<Element, boolean>;
  jsonLd: JsonLdNode[];
}

interface Candidate {
  raw: string;
  source: DateSource;
  detail: string;
  parts: DateParts;
  /** The element the date was read from, for page-structure checks. */
  el?: Element;
}

function isPlausible(parts: DateParts, now: Date): boolean {
  return parts.year >= MIN_YEAR && !isFuture(parts, now);
}

/** Adds the publisher's zone to a local time that has none, and records where the zone came from. */
function finish(candidate: Candidate, ctx: Context): FoundDate {
  const parts = { ...candidate.parts };
  const found: FoundDate = { raw: candidate.raw, source: candidate.source, detail: candidate.detail, parts };
  if (parts.hour !== undefined) {
    if (parts.offsetMinutes !== undefined) {
      found.zoneFrom = 'page';
    } else if (ctx.publisherOffset !== null) {
      parts.offsetMinutes = ctx.publisherOffset;
      found.zoneFrom = 'publisher';
    }
  }
  return found;
}

function parseCandidate(raw: string | null | undefined, ctx: Context): DateParts | null {
  if (!raw) return null;
  const parts = parseDateString(raw);
  return parts && isPlausible(parts, ctx.now) ? parts : null;
}

function normalizeUrl(href: string, base: string): string | null {
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

function tokensOf(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return `${cls} ${id}`.split(/\s+/).filter(Boolean);
}

function isSkipContainer(el: Element, headline: Element | null): boolean {
  const tag = el.tagName.toUpperCase();
  // An article's own <footer> holds its byline and date; the page's footer does not.
  if ((tag === 'FOOTER' || tag === 'ASIDE') && el.parentElement?.closest('article')) return false;
  if (SKIP_TAGS.has(tag)) return true;
  // The body and root carry page-wide classes (`comments-open`…) that say nothing about where a date sits.
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  // Layout wrappers named after what sits beside the article (`right-sidebar`, `with-navigation`) hold it too.
  if (headline && el.contains(headline)) return false;
  for (const token of tokensOf(el)) {
    if (TAXONOMY_TOKEN.test(token)) continue;
    if (SKIP_TOKENS.some((re) => re.test(token))) return true;
  }
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo';
}

/** Whether an element sits in site chrome, a related list or the comments. */
function isInSkippedContainer(el: Element, ctx: Context): boolean {
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
    if (isSkipContainer(current, ctx.headline)) {
      result = true;
      break;
    }
    current = current.parentElement;
  }
  for (const visited of chain) ctx.skipCache.set(visited, result);
  return result;
}

/** Inside `<a href>` to another page: a teaser for some other article. A permalink to this page is fine. */
function isInLinkElsewhere(el: Element, ctx: Context): boolean {
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

function isExcluded(el: Element, ctx: Context): boolean {
  return isInSkippedContainer(el, ctx) || isInLinkElsewhere(el, ctx);
}

function hintText(el: Element): string {
  const attrs = ['class', 'id', 'itemprop', 'name', 'property'].map((a) => el.getAttribute(a) ?? '');
  return attrs.join(' ');
}

// ---------------------------------------------------------------- rule, JSON-LD, meta

function fromSelector(doc: Document, selector: string, ctx: Context): Candidate[] {
  let elements: Element[];
  try {
    elements = Array.from(doc.querySelectorAll(selector)).slice(0, 50);
  } catch {
    return []; // an invalid selector from the user's rules must not break the clip
  }
  for (const el of elements) {
    const values = [
      el.getAttribute('datetime'),
      el.getAttribute('content'),
      el.getAttribute('title'),
      el.getAttribute('data-date'),
      el.textContent,
    ];
    for (const value of values) {
      const raw = value?.trim();
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) return [{ raw, source: 'rule', detail: selector, parts }];
    }
  }
  return [];
}

function fromJsonLd(kind: Kind, ctx: Context): Candidate[] {
  const nodes = ctx.jsonLd;
  const articles = articleNodes(nodes);
  // Other typed nodes (VideoObject, Event…) may carry the date when no article node does; the site's own
  // WebSite/Organization nodes carry founding dates, never the article's.
  const others = nodes.filter(
    (n) =>
      !articles.includes(n) &&
      !typesOf(n).some((t) =>
        /^(WebSite|Organization|NewsMediaOrganization|Person|Corporation|Brand)$/.test(t),
      ),
  );
  const visit = (node: JsonLdNode): Candidate | null => {
    for (const key of JSON_LD_KEYS[kind]) {
      const raw = stringProp(node, key);
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) {
        const type = typesOf(node)[0] ?? 'node';
        return { raw, source: 'json-ld', detail: `${type}.${key}`, parts };
      }
    }
    return null;
  };
  const out: Candidate[] = [];
  for (const node of [...articles, ...others].slice(0, 50)) {
    const found = visit(node);
    if (found) out.push(found);
  }
  return out;
}

function fromMeta(doc: Document, keys: string[], ctx: Context): Candidate[] {
  const found: { rank: number; candidate: Candidate }[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta')).slice(0, 500)) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const rank = keys.indexOf(key);
      if (rank < 0) continue;
      const parts = parseCandidate(content, ctx);
      if (parts)
        found.push({
          rank,
          candidate: { raw: content, source: 'meta', detail: `meta[${attr}=${key}]`, parts },
        });
      break;
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.candidate);
}

/** Microdata on any element: `<span itemprop="datePublished" content=…>`, `<time itemprop=… datetime=…>`. */
function fromItemprop(doc: Document, kind: Kind, ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  // RDFa on any element: `<span property="schema:dateCreated" content=…>` (Drupal).
  const rdfa = RDFA_PROPERTIES[kind];
  for (const el of Array.from(doc.querySelectorAll('[property][content]')).slice(0, 500)) {
    if (el.tagName.toUpperCase() === 'META') continue;
    const property = (el.getAttribute('property') ?? '').toLowerCase();
    const raw = el.getAttribute('content')?.trim();
    const parts = parseCandidate(raw, ctx);
    if (raw && parts && rdfa.includes(property) && !isInSkippedContainer(el, ctx)) {
      out.push({ raw, source: 'meta', detail: `[property=${property}]`, parts });
    }
  }
  const wanted = ITEMPROP[kind];
  for (const el of Array.from(doc.querySelectorAll('[itemprop]')).slice(0, 2000)) {
    if (el.tagName.toUpperCase() === 'META') continue;
    if ((el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/).indexOf(wanted) < 0) continue;
    if (isInSkippedContainer(el, ctx)) continue;
    for (const value of [el.getAttribute('datetime'), el.getAttribute('content'), el.textContent]) {
      const raw = value?.trim();
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) {
        out.push({ raw, source: 'meta', detail: `[itemprop=${wanted}]`, parts });
        break;
      }
    }
    if (out.length >= 10) break;
  }
  return out;
}

// ---------------------------------------------------------------- <time> and <abbr>

function fromTimeElements(doc: Document, kind: Kind, ctx: Context): Candidate[] {
  const elements = Array.from(
    doc.querySelectorAll('time, abbr.published, abbr.updated, abbr[title].date'),
  ).slice(0, 500);
  const found: { score: number; candidate: Candidate }[] = [];
  for (const el of elements) {
    const isTime = el.tagName.toUpperCase() === 'TIME';
    const raw = (isTime ? el.getAttribute('datetime') : el.getAttribute('title'))?.trim();
    const parts = parseCandidate(raw, ctx);
    if (!raw || !parts) continue;
    if (isExcluded(el, ctx)) continue;
    const hints = `${hintText(el)} ${el.parentElement ? hintText(el.parentElement) : ''}`;
    const isUpdate = UPDATE_HINT.test(hints) || UPDATE_LABEL.test(precedingText(el));
    // WordPress marks one element `entry-date published updated` until a post is edited: it is both dates.
    const isMarkedPublished = /publish/i.test(hintText(el));
    if (kind === 'modified' ? !isUpdate : isUpdate && !isMarkedPublished) continue;
    let score = 1;
    if (el.hasAttribute('pubdate')) score += 4;
    if (/publish|entry-date|posted|created|pubdate|post-date|article-date/i.test(hints)) score += 3;
    if (el.closest('article, main, [role=main], header')) score += 1;
    const tag = isTime ? 'time[datetime]' : 'abbr[title]';
    found.push({ score, candidate: { raw, source: 'time-element', detail: tag, parts, el } });
  }
  // Stable sort: equal scores keep document order.
  return found.sort((a, b) => b.score - a.score).map((f) => f.candidate);
}

function precedingText(el: Element): string {
  const prev = el.previousSibling;
  const text = prev?.textContent ?? '';
  return text.slice(-40);
}

// ---------------------------------------------------------------- text near the headline

interface TextCandidate {
  el: Element;
  candidate: Candidate;
  score: number;
  position: number;
}

/** Elements in document order, bounded. `querySelectorAll('*')` rather than a walk from `body`: it also reaches
 * content that a lenient parser left outside `body` in broken legacy pages. */
function collectElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('*')).slice(0, MAX_ELEMENTS);
}

function scoreText(
  el: Element,
  text: string,
  matchIndex: number,
  parts: DateParts,
  kind: Kind,
): { score: number; isUpdate: boolean } {
  let score = 0;
  const before = text.slice(Math.max(0, matchIndex - 24), matchIndex);
  const after = text
    .slice(matchIndex)
    .replace(/^[^\s]*\s*(?:\d{1,2}[:：]\d{2}(?::\d{2})?)?/, '')
    .slice(0, 30);
  let hints = hintText(el);
  let ancestor = el.parentElement;
  for (let i = 0; i < 2 && ancestor; i++, ancestor = ancestor.parentElement)
    hints += ` ${hintText(ancestor)}`;
  for (const child of Array.from(el.querySelectorAll('[class], [id]')).slice(0, 10))
    hints += ` ${hintText(child)}`;
  const isUpdate = UPDATE_LABEL.test(before) || (UPDATE_HINT.test(hints) && !/publish/i.test(hints));
  if (kind === 'published' && isUpdate) score -= 4;
  if (kind === 'modified' && isUpdate) score += 4;
  if (DATE_HINT.test(hints)) score += 3;
  if (LABEL_BEFORE.test(before)) score += 3;
  if (LABEL_AFTER.test(after)) score += 2;
  if (parts.hour !== undefined) score += 1;
  // A short text that is mostly the date is a dateline, not a sentence that mentions one.
  if (text.length < 80) score += 1;
  return { score, isUpdate };
}

function scoreTextCandidates(doc: Document, kind: Kind, ctx: Context): TextCandidate[] {
  const headline = ctx.headline;
  const elements = collectElements(doc);
  const headlineIndex = headline ? elements.indexOf(headline) : -1;
  const found: TextCandidate[] = [];
  let chars = 0;
  let position = 0;
  const claimed = new Set<Element>();

  const consider = (el: Element, text: string, detail: string): void => {
    for (const match of findDatesInText(text)) {
      if (!isPlausible(match.parts, ctx.now)) continue;
      const { score, isUpdate } = scoreText(el, text, match.index, match.parts, kind);
      if (kind === 'modified' && !isUpdate) continue;
      found.push({
        el,
        candidate: { raw: match.text, source: 'text', detail, parts: match.parts },
        score,
        position,
      });
    }
  };

  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (!el || chars > MAX_TEXT_CHARS) break;
    position = i;
    if (claimed.has(el)) continue;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || tag === 'HEAD' || tag === 'TITLE' || tag === 'HTML' || tag === 'BODY') continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 6) continue;
    if (text.length <= MAX_SHORT_TEXT) {
      // The outermost short element holds the whole dateline (`By X | 17 Feb 2022`); its descendants are done.
      for (const d of Array.from(el.querySelectorAll('*'))) claimed.add(d);
      chars += text.length;
      if (isExcluded(el, ctx)) continue;
      consider(el, text, `text:${describe(el)}`);
      continue;
    }
    // A long element: look at its own text nodes (`…<br>发布时间：2022-02-17 09:00<br>…`).
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 3) continue;
      const own = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (own.length < 6) continue;
      chars += own.length;
      if (isExcluded(el, ctx)) break;
      consider(el, own.slice(0, 2000), `text:${describe(el)}`);
    }
  }
  // Closeness to the headline: the article's dateline sits just before or after it.
  for (const c of found) {
    if (headlineIndex >= 0) {
      const distance = c.position - headlineIndex;
      if (distance >= 0 && distance <= 40) c.score += 4 - Math.floor(distance / 12);
      else if (distance < 0 && distance >= -15) c.score += 2;
      else if (distance < -15) c.score -= 1;
    } else if (c.position < elements.length / 3) {
      c.score += 1;
    }
  }
  // Dates in repeated siblings (`<li>title (2006-12-18)</li>` ×20) are a list of other articles.
  const siblings = new Map<Element, number>();
  for (const c of found) {
    const parent = c.el.parentElement;
    if (parent) siblings.set(parent, (siblings.get(parent) ?? 0) + 1);
  }
  for (const c of found) {
    const parent = c.el.parentElement;
    if (parent && (siblings.get(parent) ?? 0) >= 3) c.score -= 3;
  }
  // The same day seen several times (header and byline) is more likely the article's.
  const counts = new Map<string, number>();
  for (const c of found) {
    const key = `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const c of found) {
    const key = `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`;
    c.score += Math.min(2, (counts.get(key) ?? 1) - 1);
  }
  return found;
}

function fromText(doc: Document, kind: Kind, ctx: Context): Candidate[] {
  return scoreTextCandidates(doc, kind, ctx)
    .sort((a, b) => b.score - a.score)
    .slice(0, 20)
    .map((c) => c.candidate);
}

/** Every dated text on the page with its score (higher is likelier the article's own date), for review and tuning. */
export function listTextDates(
  doc: Document,
  url: string,
  opts: DateSearchOptions,
): { raw: string; detail: string; score: number; day: string }[] {
  try {
    return scoreTextCandidates(doc, 'published', makeContext(doc, url, opts)).map((c) => ({
      raw: c.candidate.raw,
      detail: c.candidate.detail,
      score: c.score,
      day: `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`,
    }));
  } catch {
    return [];
  }
}

function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  if (id) return `${tag}#${id}`;
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
  return cls ? `${tag}.${cls}` : tag;
}

// ---------------------------------------------------------------- URL

interface UrlDate {
  /** A full day from the URL, usable as a date. */
  candidate: Candidate | null;
  /** Year and month when the URL gives at least those (`/2019/12/slug`). */
  year: number;
  month: number;
}

/** `/2022/02/17/`, `/2022-02-17-`, `20220217`, or just `/2022/02/` in the path. */
function readUrlDate(url: string, now: Date): UrlDate | null {
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const full: RegExp[] = [
    /(?<![\d.])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-]((?:0[1-9]|[12]\d|3[01])(?![\d.])|[1-9](?=\/|$))/,
    /(?<![\d.])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/,
  ];
  for (const re of full) {
    const m = re.exec(path);
    if (!m) continue;
    const parts = parseDateString(`${m[1]}-${m[2]}-${m[3]}`);
    if (parts && parts.year >= MIN_YEAR && !isFuture(parts, now)) {
      const day = { year: parts.year, month: parts.month, day: parts.day };
      return {
        candidate: { raw: m[0], source: 'url', detail: 'url', parts: day },
        year: day.year,
        month: day.month,
      };
    }
  }
  const partial = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\//.exec(path);
  if (partial) {
    const year = Number(partial[1]);
    const month = Number(partial[2]);
    if (year >= MIN_YEAR && !isFuture({ year, month, day: 1 }, now)) return { candidate: null, year, month };
  }
  return null;
}

function dayNumber(parts: DateParts): number {
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000);
}

/** Whether a candidate agrees with the date in the URL. Zoned times may fall a day apart (UTC vs local day). */
function isConsistentWithUrl(parts: DateParts, urlDate: UrlDate): boolean {
  const full = urlDate.candidate?.parts;
  if (full) {
    const diff = Math.abs(dayNumber(parts) - dayNumber(full));
    return diff === 0 || (diff === 1 && parts.offsetMinutes !== undefined);
  }
  const months = Math.abs(parts.year * 12 + parts.month - (urlDate.year * 12 + urlDate.month));
  return months <= 1;
}

/** The same instant written in the publisher's local offset, when some other tag gives it that way. */
function preferLocalOffset(chosen: Candidate, readPool: () => Candidate[]): Candidate {
  const p = chosen.parts;
  if (p.offsetMinutes !== 0 || p.hour === undefined) return chosen;
  const pool = readPool();
  const instant = (q: DateParts): number =>
    Date.UTC(q.year, q.month - 1, q.day, q.hour ?? 0, q.minute ?? 0, q.second ?? 0) -
    (q.offsetMinutes ?? 0) * 60_000;
  const target = instant(p);
  for (const other of pool) {
    const q = other.parts;
    if (q.hour === undefined || q.offsetMinutes === undefined || q.offsetMinutes === 0) continue;
    if (Math.abs(instant(q) - target) <= 60_000)
      return {
        ...chosen,
        raw: other.raw,
        parts: q,
        detail: `${chosen.detail} (offset from ${other.detail})`,
      };
  }
  return chosen;
}

// ---------------------------------------------------------------- cascade

function makeContext(doc: Document, url: string, opts: DateSearchOptions): Context {
  const lang = opts.lang ?? doc.documentElement?.getAttribute('lang') ?? null;
  return {
    url,
    headline: findTitleMatchedHeadline(doc),
    now: opts.now,
    publisherOffset: publisherOffsetMinutes(lang, url),
    skipCache: new Map(),
    jsonLd: opts.jsonLd ?? readJsonLd(doc),
  };
}

/**
 * A day-only date gains the time of day when the article's own dateline states the same day with a time:
 * a `<time>` or a short text near the headline. Never from lists (`Latest: … 4 May 2020, 18:02`), teasers or
 * chrome, where the same day belongs to another story.
 */
function addTimeOfDay(chosen: Candidate, doc: Document, kind: Kind, ctx: Context): Candidate {
  const p = chosen.parts;
  if (p.hour !== undefined) return chosen;
  const isSameDayTimed = (c: Candidate): boolean =>
    c.parts.hour !== undefined &&
    c.parts.year === p.year &&
    c.parts.month === p.month &&
    c.parts.day === p.day;
  let timed: Candidate | undefined;
  try {
    const elements = collectElements(doc);
    const headlineIndex = ctx.headline ? elements.indexOf(ctx.headline) : -1;
    const isNearHeadline = (el: Element): boolean => {
      if (headlineIndex < 0) return el.closest('article') !== null;
      const distance = elements.indexOf(el) - headlineIndex;
      return distance >= -NEAR_BEFORE_HEADLINE && distance <= NEAR_AFTER_HEADLINE;
    };
    const isDateline = (el: Element): boolean => !isInList(el) && isNearHeadline(el);
    timed = fromTimeElements(doc, kind, ctx).find(
      (c) => isSameDayTimed(c) && c.el !== undefined && isDateline(c.el),
    );
    if (!timed && headlineIndex >= 0) {
      timed = scoreTextCandidates(doc, kind, ctx)
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .find((c) => isSameDayTimed(c.candidate) && isDateline(c.el) && hasOneDay(c.el))?.candidate;
    }
  } catch {
    return chosen;
  }
  return timed ? { ...timed, detail: `${chosen.detail} + time from ${timed.detail}` } : chosen;
}

/** How far (in elements, document order) from the headline the article's own dateline sits. */
const NEAR_BEFORE_HEADLINE = 15;
const NEAR_AFTER_HEADLINE = 40;

/** In or around a list: a list of other stories, each with its own date. */
function isInList(el: Element): boolean {
  return el.closest('li, dd, dt') !== null || el.querySelector('li') !== null;
}

/** Text naming a single day: a dateline, not a run of dated teasers. */
function hasOneDay(el: Element): boolean {
  const days = new Set(
    findDatesInText((el.textContent ?? '').slice(0, 2000)).map(
      (m) => `${m.parts.year}-${m.parts.month}-${m.parts.day}`,
    ),
  );
  return days.size <= 1;
}

const GENERIC_META = new Set(['dc.date', 'dcterms.date', 'dc:date', 'date', 'created', 'creation_date']);

function runCascade(doc: Document, url: string, opts: DateSearchOptions, kind: Kind): FoundDate | null {
  const ctx = makeContext(doc, url, opts);
  const keys = META_KEYS[kind];
  // Generic `date` metas are often the last change, so they rank below the page's own <time> markup.
  const steps: (() => Candidate[])[] = [
    () => (opts.dateSelector && kind === 'published' ? fromSelector(doc, opts.dateSelector, ctx) : []),
    () => fromJsonLd(kind, ctx),
    () =>
      fromMeta(
        doc,
        keys.filter((k) => !GENERIC_META.has(k)),
        ctx,
      ),
    () => fromItemprop(doc, kind, ctx),
    () => fromTimeElements(doc, kind, ctx),
    () =>
      fromMeta(
        doc,
        keys.filter((k) => GENERIC_META.has(k)),
        ctx,
      ),
    () => fromText(doc, kind, ctx),
  ];
  const urlDate = kind === 'published' ? readUrlDate(url, ctx.now) : null;
  const readPool = (): Candidate[] => {
    try {
      return [...fromJsonLd(kind, ctx), ...fromMeta(doc, keys, ctx), ...fromTimeElements(doc, kind, ctx)];
    } catch {
      return [];
    }
  };
  let first: Candidate | null = null;
  for (const [index, step] of steps.entries()) {
    let candidates: Candidate[] = [];
    try {
      candidates = step();
    } catch {
      candidates = []; // one odd page structure must not lose the other sources
    }
    // A per-site rule is the user's word: no second-guessing.
    if (index === 0 && candidates[0]) return finish(candidates[0], ctx);
    for (const candidate of candidates) {
      first ??= candidate;
      // Like htmldate: a date in the URL is strong evidence, so a structured date far from it is doubted.
      if (!urlDate || isConsistentWithUrl(candidate.parts, urlDate)) {
        return finish(addTimeOfDay(preferLocalOffset(candidate, readPool), doc, kind, ctx), ctx);
      }
    }
  }
  if (urlDate?.candidate) return finish(urlDate.candidate, ctx);
  return first ? finish(preferLocalOffset(first, readPool), ctx) : null;
}

/** The article's published date, most trusted source first; null when the page gives none. Never throws. */
export function findPublishedDate(doc: Document, url: string, opts: DateSearchOptions): FoundDate | null {
  try {
    return runCascade(doc, url, opts, 'published');
  } catch {
    return null;
  }
}

/** The article's last-modified date, from structured data, meta tags, or an "Updated" time or label. Never throws. */
export function findModifiedDate(doc: Document, url: string, opts: DateSearchOptions): FoundDate | null {
  try {
    return runCascade(doc, url, opts, 'modified');
  } catch {
    return null;
  }
}
