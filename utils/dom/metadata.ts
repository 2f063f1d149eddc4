// DOM: reads an article's metadata (headline, site, byline, keywords, canonical URL, language, excerpt, image) from a page. Takes a Document, reads no globals.
import type { JsonLdNode } from './json-ld';
import { articleNodes, readJsonLd, stringProp, typesOf } from './json-ld';
import { withBlockTags } from './html-blocks';
import { isRecord } from '../pure/result';

/** Structured data read once per page and shared by every finder below. */
export interface PageSignals {
  /** Lower-cased meta `name` / `property` / `itemprop` → contents, in page order. */
  meta: Map<string, string[]>;
  /** Every JSON-LD node on the page. */
  jsonLd: JsonLdNode[];
  /** The JSON-LD article node that describes this page, if any. */
  article: JsonLdNode | null;
}

/** What Readability (or the caller) found; ranked below the page's own metadata. */
export interface ArticleHints {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  dir?: string | null;
  siteName?: string | null;
  /** The article's plain text, for the language fallback and the top-of-article lines. */
  text?: string | null;
  signals?: PageSignals;
}

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

const MAX_BYLINE_CHARS = 100;
const MAX_KEYWORD_CHARS = 60;
/** Lines read around the headline when looking for `来源：` / `作者：` / `By` lines. */
const LINES_AFTER_HEADLINE = 15;
const MAX_TOP_LINE_CHARS = 200;
const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'ckb', 'dv', 'sd', 'ug']);
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LETTER = /\p{L}/gu;

// ---------------------------------------------------------------- small helpers

/** Collapses runs of whitespace (incl. NBSP and ideographic space) to one space and trims. */
export function normalizeSpace(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD strings often carry HTML entities (`&amp;`, `&#8217;`). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function clean(value: string | null | undefined): string {
  return normalizeSpace(decodeEntities(value ?? ''));
}

/** Lower-cased letters and digits only: `The New York Times` → `thenewyorktimes`. */
function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function isUrlLike(value: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) || /^www\./i.test(value);
}

/** `value` resolved against `base`; null for empty values or unparseable URLs. */
export function resolveUrl(value: string | null | undefined, base: string): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

function resolveHttpUrl(value: string | null | undefined, base: string): string | null {
  const href = resolveUrl(value, base);
  return href && /^https?:/i.test(href) ? href : null;
}

/** The page URL, or the page's `<base href>` resolved against it. Linkedom documents have no usable baseURI. */
export function findBaseUrl(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return resolveUrl(href, url) ?? url;
}

// ---------------------------------------------------------------- signals

/** Reads meta tags and JSON-LD once. `url` picks the article node when a page carries several. */
export function readPageSignals(doc: Document, url: string): PageSignals {
  const meta = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = normalizeSpace(el.getAttribute('content'));
    if (!content) continue;
    const keys = [
      ...(el.getAttribute('property') ?? '').split(/\s+/),
      el.getAttribute('name') ?? '',
      el.getAttribute('itemprop') ?? '',
    ];
    for (const key of new Set(keys.map((k) => k.trim().toLowerCase()).filter(Boolean))) {
      const list = meta.get(key);
      if (list) list.push(content);
      else meta.set(key, [content]);
    }
  }
  let jsonLd: JsonLdNode[] = [];
  try {
    jsonLd = readJsonLd(doc);
  } catch {
    jsonLd = [];
  }
  return { meta, jsonLd, article: pickArticleNode(jsonLd, url) };
}

function pickArticleNode(nodes: JsonLdNode[], url: string): JsonLdNode | null {
  const articles = articleNodes(nodes).filter((n) => !typesOf(n).includes('WebPage'));
  if (articles.length <= 1) return articles[0] ?? null;
  // Pages that list several articles: prefer the one that names this page.
  const page = stripFragment(url);
  const own = articles.find((n) => {
    const ids = [n.url, n['@id'], n.mainEntityOfPage].map((v) =>
      typeof v === 'string' ? v : isRecord(v) && typeof v['@id'] === 'string' ? v['@id'] : '',
    );
    return ids.some((id) => id && stripFragment(id) === page);
  });
  return own ?? articles[0] ?? null;
}

function stripFragment(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

function metaValue(signals: PageSignals, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = signals.meta.get(key)?.[0];
    if (value) return value;
  }
  return null;
}

function metaValues(signals: PageSignals, key: string): string[] {
  return signals.meta.get(key) ?? [];
}

/** A `{ "@id": … }` reference replaced by the node it points to (publisher and author often are). */
function dereference(value: unknown, nodes: JsonLdNode[]): unknown {
  if (!isRecord(value) || typeof value['@id'] !== 'string' || typeof value.name === 'string') return value;
  const id = value['@id'];
  return nodes.find((n) => n !== value && n['@id'] === id) ?? value;
}

function namesOf(value: unknown, nodes: JsonLdNode[]): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const target = dereference(item, nodes);
    const name = typeof target === 'string' ? target : isRecord(target) ? stringProp(target, 'name') : null;
    const cleaned = clean(name);
    if (cleaned && !names.includes(cleaned)) names.push(cleaned);
  }
  return names;
}

function signalsOf(doc: Document, url: string, hints: ArticleHints): PageSignals {
  return hints.signals ?? readPageSignals(doc, url);
}

// ---------------------------------------------------------------- site names and title

const SECOND_LEVEL = new Set([
  'com',
  'co',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'or',
  'ne',
  'go',
  'mil',
  'int',
  'www',
]);

/** The distinctive labels of the host: `www.nytimes.com` → `nytimes`; `news.bbc.co.uk` → `news`, `bbc`. */
function hostLabels(url: string): string[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const labels = host.split('.');
  labels.pop(); // the TLD
  return labels.filter((l) => l.length >= 2 && !SECOND_LEVEL.has(l));
}

/** Whether `label` can be spelled by taking a prefix of each word in turn (`nytimes` ← New York Times). */
function isAbbreviation(label: string, words: string[]): boolean {
  const walk = (pos: number, index: number): boolean => {
    if (pos === label.length) return index === words.length || words.slice(index).every((w) => w.length <= 3);
    const word = words[index];
    if (word === undefined) return false;
    if (['the', 'of', 'and', 'a'].includes(word) && walk(pos, index + 1)) return true;
    for (let n = Math.min(word.length, label.length - pos); n >= 1; n -= 1) {
      if (word.slice(0, n) === label.slice(pos, pos + n) && walk(pos + n, index + 1)) return true;
    }
    return false;
  };
  return label.length >= 3 && words.length <= 8 && walk(0, 0);
}

/** A Chinese site or channel name: `中国市场监管新闻网`, `新浪新闻`, `央视网(cctv.com)`, `国际新闻`. */
function isChineseSiteLike(segment: string): boolean {
  // Site names are short and plain: no spaces, quotes or punctuation apart from a `(domain)` after them.
  const s = normalizeSpace(segment).replace(/\s*[(（][^)）]{1,30}[)）]$/u, '');
  if (!/^[\p{Script=Han}A-Za-z0-9·]{2,16}$/u.test(s) || countMatches(s, HAN) < 2) return false;
  return /(?:网|網|报|報|新闻|新聞|资讯|在线|在線|频道|頻道|门户|官网|政府|电视台|电台|通讯社|客户端|周刊|杂志)$/u.test(
    s,
  );
}

/** Whether a title segment names the site: a known site name, the domain, or a Chinese site-like name. */
function isSiteSegment(segment: string, siteNames: string[], labels: string[]): boolean {
  const c = compact(segment.replace(/^the\s+/i, ''));
  if (!c) return false;
  for (const name of siteNames) {
    const n = compact(name.replace(/^the\s+/i, ''));
    if (!n) continue;
    if (c === n) return true;
    if (n.length >= 4 && c.includes(n) && normalizeSpace(segment).split(' ').length <= 6) return true;
    if (c.length >= 4 && n.includes(c)) return true;
  }
  const words = segment
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (const label of labels) {
    if (c === label) return true;
    if (label.length >= 4 && c.includes(label) && words.length <= 6) return true;
    if (c.length >= 4 && label.includes(c)) return true;
    if (isAbbreviation(label, words)) return true;
  }
  return isChineseSiteLike(segment);
}

interface Cut {
  start: number;
  end: number;
}

/** Where a title may be cut: spaced `| - – — · » :: / :`, or unspaced `| ｜ _ – — » ::` and CJK-adjacent `-`, `：`. */
function findCuts(title: string): Cut[] {
  const cuts: Cut[] = [];
  const re =
    /\s+(?:[|\-–—·•»/\\~]|::)\s+|\s*(?:[|｜_–—»]|::|-{2,}|——)\s*|(?<=[\p{Script=Han}\p{P}])\s*-\s*|(?<=\S)\s*-\s*(?=[\p{Script=Han}])|:\s+|\s*：\s*/gu;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (m.index > 0 && m.index + m[0].length < title.length)
      cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  return cuts;
}

export interface StrippedTitle {
  title: string;
  /** The site-name part that was removed (the outermost one), or null. */
  removed: string | null;
}

/**
 * Removes a site-name suffix or prefix when the removed part matches a site name, the domain, or
 * looks like a Chinese site name: `标题_中国市场监管新闻网`, `Headline | Reuters`. `Star Wars: The Last Jedi` stays.
 */
export function stripSiteName(title: string, siteNames: string[], url: string): StrippedTitle {
  let current = normalizeSpace(title);
  let removed: string | null = null;
  const labels = hostLabels(url);
  // Repeat: `标题_国内新闻_新浪网` carries a channel name before the site name.
  for (let round = 0; round < 3; round += 1) {
    const cuts = findCuts(current);
    let changed = false;
    for (const cut of [...cuts].reverse()) {
      const tail = current.slice(cut.end).trim();
      const head = current.slice(0, cut.start).trim();
      if (head.length >= 2 && isSiteSegment(tail, siteNames, labels)) {
        removed ??= tail;
        current = head;
        changed = true;
        break;
      }
    }
    if (!changed) {
      for (const cut of cuts) {
        const lead = current.slice(0, cut.start).trim();
        const rest = current.slice(cut.end).trim();
        if (
          rest.length >= 2 &&
          compact(rest).length > compact(lead).length &&
          isSiteSegment(lead, siteNames, labels)
        ) {
          removed ??= lead;
          current = rest;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  // Portals put the channel before the site: `标题_科技_腾讯网`. Once the site is gone, a short Han channel goes too.
  if (removed) {
    const channel = /^(.{4,}?)_([\p{Script=Han}]{2,6})$/u.exec(current);
    if (channel?.[1]) current = channel[1].trim();
  }
  return { title: current, removed };
}

/** Site names the page declares: og:site_name, JSON-LD publisher / WebSite, application-name. */
function declaredSiteNames(signals: PageSignals, hints: ArticleHints): string[] {
  const names: string[] = [];
  const add = (value: string | null | undefined): void => {
    const v = clean(value);
    if (v && !names.includes(v) && v.length <= 80) names.push(v);
  };
  add(metaValue(signals, 'og:site_name'));
  for (const name of publisherNames(signals)) add(name);
  add(metaValue(signals, 'application-name', 'apple-mobile-web-app-title'));
  add(hints.siteName);
  return names;
}

function publisherNames(signals: PageSignals): string[] {
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

/** When one title is another plus a separator and more (`<title>` = og:title + `_站名`), that extra part names the site. */
function learnSuffixes(titles: string[]): string[] {
  const learned: string[] = [];
  for (const a of titles) {
    for (const b of titles) {
      if (a === b || b.length <= a.length) continue;
      if (b.startsWith(a)) {
        const rest = b
          .slice(a.length)
          .replace(/^\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*/u, '')
          .trim();
        if (rest && rest !== b.slice(a.length).trim()) learned.push(rest);
      } else if (b.endsWith(a)) {
        const rest = b
          .slice(0, b.length - a.length)
          .replace(/\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*$/u, '')
          .trim();
        if (rest && rest !== b.slice(0, b.length - a.length).trim()) learned.push(rest);
      }
    }
  }
  return learned;
}

function isHeadlineSized(text: string): boolean {
  const han = countMatches(text, HAN);
  return han >= 4 || text.split(' ').length >= 2 || text.length >= 12;
}

/** Whether `h1` is `title` with a separated suffix or prefix removed (`Headline | Site` and `Site - Headline`). */
function isTitleConfirmedBy(title: string, h1: string): boolean {
  const t = normalizeSpace(title);
  if (!h1 || !isHeadlineSized(h1) || t === h1) return t === h1;
  const sep = /^\s*(?:[|｜_\-–—·•»:：/\\~]|::)/u;
  // The headline is the longer part: in `Silicon Exposed: Open Verilog flow…` the h1 is the blog's name.
  const isLonger = (rest: string): boolean => compact(h1).length >= compact(rest).length;
  if (t.startsWith(h1) && sep.test(t.slice(h1.length)) && isLonger(t.slice(h1.length))) return true;
  const before = t.slice(0, t.length - h1.length);
  if (t.endsWith(h1) && /(?:[|｜_\-–—·•»:：/\\~]|::)\s*$/u.test(before) && isLonger(before)) return true;
  // A truncated headline (`A long headline about…`) is the start of the full one.
  const stem = t.replace(/(?:\.{3}|…)$/u, '').trim();
  return stem !== t && stem.length >= 10 && h1.startsWith(stem);
}

const HEADLINE_CONTAINER = /article|post|story|entry|content|main|news|detail|body|text/i;
const SITE_CHROME = /logo|brand|site-?name|site-?title|masthead|navbar|menu/i;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/**
 * The element holding the article's own headline: `[itemprop=headline]`, an `h1` inside the article, an `h1`
 * whose class says title, or the sole `h1`; never a logo `h1` in the site header.
 */
export function findHeadlineElement(doc: Document, titles: string[] = []): Element | null {
  const compactTitles = titles.map(compact).filter((t) => t.length >= 4);
  let best: { el: Element; score: number } | null = null;
  const candidates = [
    ...Array.from(doc.querySelectorAll('[itemprop~="headline"]')).filter((el) => el.tagName !== 'META'),
    ...Array.from(doc.querySelectorAll('h1')),
  ].slice(0, 40);
  for (const el of candidates) {
    const text = normalizeSpace(el.textContent);
    if (text.length < 2 || text.length > 300) continue;
    let score = 1;
    if (el.getAttribute('itemprop')?.includes('headline')) score += 3;
    if (el.closest('article, main, [itemprop~="articleBody"], [role="main"]')) score += 2;
    else if (el.parentElement && HEADLINE_CONTAINER.test(classAndId(el.parentElement))) score += 1;
    if (/title|headline|heading/i.test(classAndId(el))) score += 1;
    const c = compact(text);
    if (
      compactTitles.some(
        (t) => t === c || (c.length >= 6 && t.startsWith(c)) || (t.length >= 6 && c.startsWith(t)),
      )
    )
      score += 3;
    if (SITE_CHROME.test(classAndId(el)) || el.querySelector('img') || el.closest('nav, footer, aside'))
      score -= 4;
    const header = el.closest('header');
    if (header && !header.closest('article') && /site|page|global|top|masthead/i.test(classAndId(header)))
      score -= 3;
    if (!isHeadlineSized(text)) score -= 1;
    if (score > 0 && (!best || score > best.score)) best = { el, score };
  }
  return best?.el ?? null;
}

const TITLE_TEXT_TAGS = 'h2, h3, td, th, div, p, b, strong, font, span';

/**
 * No h1: old table layouts put the headline in a `<td>`, `<b>` or `<font>`. The innermost element whose whole
 * text is the title, outside links, so the byline and `来源：` lines after it can be read.
 */
function findTitleTextElement(doc: Document, title: string): Element | null {
  const wanted = compact(title);
  if (wanted.length < 4 || !doc.body) return null;
  let found: Element | null = null;
  for (const el of Array.from(doc.body.querySelectorAll(TITLE_TEXT_TAGS)).slice(0, 3000)) {
    if (compact(el.textContent ?? '') !== wanted || el.closest('a, nav, footer, aside')) continue;
    // Keep going into descendants with the same text: the innermost is the headline itself.
    if (!found || found.contains(el)) found = el;
    else break;
  }
  return found;
}

/** What a title adds around the headline (`Headline | Site` → `Site`), when it is one short segment. */
function removedAround(title: string, h1: string): string | null {
  const t = normalizeSpace(title);
  const i = t.indexOf(h1);
  if (i < 0) return null;
  const rest = (t.slice(0, i) + ' ' + t.slice(i + h1.length))
    .replace(/^\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*|\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*$/gu, '')
    .trim();
  return rest && rest.length <= 40 && findCuts(rest).length === 0 ? rest : null;
}

interface TitleAnalysis {
  title: string;
  removed: string | null;
  headline: Element | null;
}

function analyzeTitle(doc: Document, url: string, hints: ArticleHints, signals: PageSignals): TitleAnalysis {
  const found = analyzeTitleCandidates(doc, url, hints, signals);
  const analysis = found.headline ? found : { ...found, headline: findTitleTextElement(doc, found.title) };
  if (analysis.removed) return analysis;
  // `<title>` = og:title + ` · Harbourside`: the extra part names the site even when the headline had none.
  const titles = [metaValue(signals, 'og:title'), doc.querySelector('title')?.textContent].map((t) =>
    clean(t),
  );
  const learned = learnSuffixes(titles.filter(Boolean)).find(
    (s) => s.length <= 40 && s.split(' ').length <= 5 && compact(s).length < compact(analysis.title).length,
  );
  return { ...analysis, removed: learned ?? null };
}

function analyzeTitleCandidates(
  doc: Document,
  url: string,
  hints: ArticleHints,
  signals: PageSignals,
): TitleAnalysis {
  const article = signals.article;
  const jsonLdHeadline = article ? clean(stringProp(article, 'headline') ?? stringProp(article, 'name')) : '';
  const og = clean(metaValue(signals, 'og:title'));
  const twitter = clean(metaValue(signals, 'twitter:title'));
  const docTitle = clean(doc.querySelector('title')?.textContent);
  const readabilityTitle = clean(hints.title);
  const all = [jsonLdHeadline, og, twitter, docTitle].filter(Boolean);
  const headline = findHeadlineElement(doc, all);
  const h1 = headline ? normalizeSpace(headline.textContent) : '';
  const siteNames = [...declaredSiteNames(signals, hints), ...learnSuffixes(all)];
  const labels = hostLabels(url);
  const isSiteOnly = (t: string): boolean => isSiteSegment(t, siteNames, labels);
  const removedFrom = (t: string, head: string): string | null =>
    t ? (stripSiteName(t, siteNames, url).removed ?? removedAround(t, head)) : null;

  // An h1 that og:title or <title> repeats is the headline readers see; JSON-LD may carry an SEO variant
  // (The Verge, Vox) or, on Wikipedia, a description ("Wikimedia list article").
  const witness = [og, twitter, docTitle].find((t) => h1 && t && isTitleConfirmedBy(t, h1));
  if (witness) return { title: h1, removed: removedFrom(witness, h1) ?? removedFrom(docTitle, h1), headline };

  for (const candidate of [jsonLdHeadline, og, twitter]) {
    if (!candidate || isSiteOnly(candidate)) continue;
    if (h1 && isTitleConfirmedBy(candidate, h1))
      return { title: h1, removed: removedFrom(candidate, h1), headline };
    const stripped = stripSiteName(candidate, siteNames, url);
    if (stripped.title) return { ...stripped, headline };
  }
  if (docTitle && !isSiteOnly(docTitle)) {
    if (h1 && isTitleConfirmedBy(docTitle, h1))
      return { title: h1, removed: removedFrom(docTitle, h1), headline };
    const stripped = stripSiteName(docTitle, siteNames, url);
    if (stripped.removed) return { ...stripped, headline };
    if (h1 && compact(h1) === compact(docTitle)) return { title: h1, removed: null, headline };
    return { ...stripUnknownSuffix(docTitle), headline };
  }
  if (h1) return { title: h1, removed: null, headline };
  if (readabilityTitle) return { ...stripSiteName(readabilityTitle, siteNames, url), headline };
  return { title: docTitle || og, removed: null, headline };
}

/**
 * Last resort for `<title>Headline - Site</title>` when nothing names the site: a short last part
 * after a spaced `|`, `-`, `–`, `—`, `»` or `::` is taken as the site when the headline before it is longer.
 */
function stripUnknownSuffix(title: string): StrippedTitle {
  const m = /^(.*\S)\s+(?:[|\-–—»·]|::)\s+([^|\-–—»·]+)$/u.exec(title);
  if (!m?.[1] || !m[2]) return { title, removed: null };
  const head = m[1];
  const tail = m[2].trim();
  const words = (s: string): number => s.split(' ').length + Math.floor(countMatches(s, HAN) / 2);
  if (words(tail) <= 4 && words(head) >= 3 && head.length > tail.length)
    return { title: head, removed: tail };
  return { title, removed: null };
}

/** The article's own headline, without the site name the tab title adds. */
export function findTitle(doc: Document, url: string, hints: ArticleHints = {}): string {
  return analyzeTitle(doc, url, hints, signalsOf(doc, url, hints)).title;
}

// ---------------------------------------------------------------- lines near the top

// Table cells and <br> end a line of text too.
const BLOCK_TAGS = withBlockTags('BR', 'TD', 'TH', 'TR');
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'SELECT',
  'OPTION',
  'HEAD',
  'IFRAME',
]);

/**
 * The text of `root` as lines, one per block element, whitespace normalised. Stops after `maxLines`;
 * `after` starts the count at that element (earlier lines are kept, up to `keepBefore`).
 */
export function readTextLines(
  root: Node,
  maxLines = 200,
  after: Element | null = null,
  keepBefore = 3,
): string[] {
  const lines: string[] = [];
  let current = '';
  let started = after === null;
  let counted = 0;
  const flush = (): void => {
    const line = normalizeSpace(current);
    current = '';
    if (!line) return;
    lines.push(line);
    if (started) counted += 1;
    else if (lines.length > keepBefore) lines.shift();
  };
  const walk = (node: Node): boolean => {
    if (counted >= maxLines) return false;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return true;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return true;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag)) return true;
    const isBlock = BLOCK_TAGS.has(tag);
    if (node === after) {
      flush();
      started = true;
    }
    if (isBlock) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!walk(child)) return false;
    }
    if (isBlock) flush();
    return true;
  };
  walk(root);
  flush();
  return lines;
}

/** Lines around the headline (or the first lines of the article text), where bylines and `来源：` lines sit. */
function readTopLines(doc: Document, headline: Element | null, hints: ArticleHints): string[] {
  const lines: string[] = [];
  if (headline && doc.body) lines.push(...readTextLines(doc.body, LINES_AFTER_HEADLINE, headline, 3));
  if (hints.text) {
    lines.push(
      ...hints.text
        .split('\n')
        .map((l) => normalizeSpace(l))
        .filter(Boolean)
        .slice(0, 8),
    );
  }
  return lines.filter((l) => l.length <= MAX_TOP_LINE_CHARS);
}

const LABEL_STOP =
  /\s*(?:[|｜丨]|\s{2,}|(?:作者|作\s+者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|来源|來源|时间|時間|发布时间|發佈時間|发布|日期|浏览|点击|阅读|字号|Author|By|Date|Published|Updated)\s*[：:]|(?:19|20)\d{2}\s*[-年/.]|\d{4}-\d{2}-\d{2}).*$/iu;

/** `来源：中国市场监管报 作者：…` → `中国市场监管报`; `Source: Reuters` → `Reuters`. */
export function findSourceLine(lines: string[]): string | null {
  for (const line of lines) {
    const m = /(?:^|[\s|｜丨])(?:来源|來源|稿源|出处|出處|Source)\s*[：:]\s*(.+)$/iu.exec(line);
    if (!m?.[1]) continue;
    let value = m[1].replace(LABEL_STOP, '').trim();
    // A Chinese source name ends at the first space; a Latin one may have several words.
    if (countMatches(value, HAN) > 0) value = value.split(' ')[0] ?? '';
    value = value.replace(/[\s,，;；。.、:：\-–—]+$/u, '').trim();
    if (value && value.length <= 60 && !isUrlLike(value)) return value;
  }
  return null;
}

// ---------------------------------------------------------------- site name

/** og:site_name, JSON-LD publisher, application-name, the site part of the title, a `来源：` line, else null. */
export function findSiteName(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const declared = declaredSiteNames(signals, {});
  if (declared[0]) return declared[0];
  if (hints.siteName) return clean(hints.siteName);
  const analysis = analyzeTitle(doc, url, hints, signals);
  if (analysis.removed) return analysis.removed;
  return findSourceLine(readTopLines(doc, analysis.headline, hints));
}

// ---------------------------------------------------------------- credit lines (Chinese and English)

/** How sure a credit is; lower is surer. */
const RANK_LABELLED = 1; // 作者：张三, 本报记者 张三, 文／张三, By Jane Doe
const RANK_POSTER = 2; // forums and blogs: 张三 发表于 2005-…, 本帖由张三于…, … by duscha
const RANK_CLOSING = 3; // （张三 李四） closing a news paragraph
const RANK_NAME_LINE = 4; // a line holding only names under the headline
const RANK_ISSUER = 5; // 发文机关：吉林省人民政府 on government notices
const RANK_EDITOR = 6; // 编辑：张三: papers credit the editor when no writer is named
const RANK_SOURCE_PERSON = 7; // 来源：张三, a person where a paper's name usually stands

interface Credit {
  names: string[];
  rank: number;
}

/** The commonest Chinese surnames (about 90% of people); bare names with no label must start with one. */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
  ),
);
const COMPOUND_SURNAMES =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|宇文|长孙|端木|西门|南宫|独孤)/u;
/** Words that end organisations, places and credits rather than names. */
const NOT_A_NAME =
  /(?:报道|记者|编辑|来源|图片|摄影|通讯员|实习生|新闻|中心|网|报|社|台|部|局|厅|委|院|办|室|处|所|站|馆|团|集团|公司|政府|大学|学院|频道|专栏|综合|整理|编译|供图|发自|文章|作品|简介|更多|主页|首页|登录|注册|评论|阅读|点击|转载|原创|本站|网络|省|市|县|区|版|分类)$/u;

function isHanWord(value: string): boolean {
  return /^[\p{Script=Han}·]+$/u.test(value);
}

/** `张三`, `欧阳修`: two to four Han characters starting with a common surname. */
function isLikelyHanName(value: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(value) || NOT_A_NAME.test(value)) return false;
  return SURNAMES.has(value[0] ?? '') || (value.length >= 3 && COMPOUND_SURNAMES.test(value));
}

/** Role words before or between names: `本报记者`, `特约记者`, `通讯员`, `实习生`, `总台记者`. */
const ROLE_AT_START =
  /^(?:本报|本刊|本台|本网|本站|总台)?(?:特约|实习|首席|见习|驻\S{1,6})?(?:记者|記者|通讯员|通訊員|实习生|實習生)\s*[：:]?\s*/u;
const ROLE_ANYWHERE = /(?:特约|实习|首席|见习)?(?:记者|記者|通讯员|通訊員|实习生|實習生)/gu;
/** A name and what may follow it: space, `、`, a closing bracket, `/文`, `发自`, `报道`, or the end. */
const NAME_THEN_STOP =
  /^(\p{Script=Han}(?:·?\p{Script=Han}){1,5}?)(?=$|[\s、／/|｜丨)）】\]]|发自|報道|报道|摄)/u;

/** `张三 李四 通讯员 王五 山东冠县报道` → 张三, 李四, 王五. Stops at the first word that is not a name. */
function readNameList(text: string): string[] {
  const names: string[] = [];
  let rest = text;
  for (let i = 0; i < 12 && rest; i += 1) {
    rest = rest.replace(/^[\s、]+/u, '');
    const role = ROLE_AT_START.exec(rest);
    if (role?.[0]) {
      rest = rest.slice(role[0].length);
      continue;
    }
    const m = NAME_THEN_STOP.exec(rest);
    const name = m?.[1];
    if (!name) break;
    rest = rest.slice(name.length);
    // `山东冠县报道` names the place; `罗科苏盈发自北京` and `马俊峰/文` end the list after the name.
    if (/^(?:报道|報道)/u.test(rest) || NOT_A_NAME.test(name)) break;
    if (!names.includes(name)) names.push(name);
    if (/^(?:发自|摄|\s*[／/]\s*[文摄图])/u.test(rest)) break;
  }
  return names;
}

/**
 * Reporter credits: `本报记者 张三`, `光明日报记者 王建宏 张文攀`, `（记者 胡晓蓉）`, `□本报记者 倪泰 通讯员 王建武`.
 * The words before the role must be short and unpunctuated, so `6月30日，本报记者在广汽…` is running text.
 */
function readReporters(line: string): string[] {
  for (const m of line.matchAll(ROLE_ANYWHERE)) {
    const before = line.slice(0, m.index);
    const lead = before.slice(
      Math.max(before.lastIndexOf('（'), before.lastIndexOf('('), before.lastIndexOf('【')) + 1,
    );
    if (lead.length > 16 || /[，。；！？“”"：:]/u.test(lead)) continue;
    const after = line.slice(m.index + m[0].length);
    if (after && !/^[\s：:\p{Script=Han}]/u.test(after)) continue;
    const names = readNameList(line.slice(m.index));
    if (names.length) return names;
  }
  return [];
}

const AUTHOR_LABEL =
  /(?:^|[\s|｜丨【[〓(（■□●·•])(?:作者|作\s+者|原作者|撰文|撰稿|执笔人?|執筆人?|文字|文)\s*[：:]\s*(.+)$/u;
const EDITOR_LABEL =
  /(?:^|[\s|｜丨【[〓(（■□●·•])(?:责任编辑|責任編輯|值班编辑|责编|編輯|编辑)\s*[：:]\s*(.+)$/u;
const ISSUER_LABEL = /(?:^|\s)(?:发文机关|發文機關|发布机关|发文单位|发布机构)\s*[：:]?\s*(\S.{1,30})$/u;
/** Where a labelled value ends: another label, a date, a counter (`阅读(1660)`) or a closing bracket. */
const VALUE_STOP =
  /\s*(?:〓|\s(?:阅读|閱讀|评论|評論|浏览|点击|出自|发表于|發表於|发布于|人气|字数)|[(（]\d).*$/u;

/** Cuts at a closing bracket that closes something outside the value: `（责任编辑：魏喆 ）`. */
function cutUnmatchedClose(value: string): string {
  const i = value.search(/[)）】\]]/u);
  if (i < 0 || /[(（【[]/u.test(value.slice(0, i))) return value;
  return value.slice(0, i);
}

function readLabelledValue(value: string): string[] {
  const raw = cutUnmatchedClose(value.replace(LABEL_STOP, '').replace(VALUE_STOP, '')).trim();
  if (!raw || /[=<>"{}]/.test(raw)) return [];
  const tokens = raw.split(/[\s、,，;；]+/u).filter(Boolean);
  // Several Chinese names in a row; otherwise the value as written (`周思博 (Joel Spolsky)`).
  if (tokens.length > 1 && tokens.every((t) => isHanWord(t) && t.length <= 4)) {
    return tokens.length === 2 && tokens.every((t) => t.length === 1) ? [tokens.join('')] : tokens;
  }
  const cleaned = cleanByline(raw);
  return cleaned ? [cleaned] : [];
}

/** A line that is only names: `胡平`, `赵延东、风笑天`. */
function readNameLine(line: string): string[] {
  const tokens = line.split(/[\s、，,]+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 4) return [];
  const isListed = tokens.length > 1 && line.includes('、');
  const ok = isListed
    ? tokens.every((t) => /^\p{Script=Han}{2,4}$/u.test(t) && !NOT_A_NAME.test(t)) &&
      tokens.some(isLikelyHanName)
    : tokens.every((t) => isLikelyHanName(t) && (tokens.length > 1 || t.length <= 3));
  return ok ? tokens : [];
}

/** `（袁源）`, `（常书香 马丹阳 ）`, `（姚峰 上海报道）` at the end of a paragraph. */
function readClosingCredit(line: string): string[] {
  const m = /[（(]\s*([\p{Script=Han}\s、]{2,40}?)\s*[)）]\s*$/u.exec(line);
  if (!m?.[1]) return [];
  const before = line.slice(0, m.index).trim();
  if (before && !/[。！？!?”」』]$/u.test(before)) return [];
  const tokens = m[1].split(/[\s、]+/u).filter(Boolean);
  if (tokens.length > 1 && /(?:报道|電|电)$/u.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens.length <= 5 && tokens.every(isLikelyHanName) ? tokens : [];
}

/** The surest credit one line holds. Bare name lines are read apart, only where they can stand (under the headline). */
function readCredit(line: string): Credit | null {
  const labelled = AUTHOR_LABEL.exec(line);
  if (labelled?.[1]) {
    const names = readLabelledValue(labelled[1]);
    if (names.length) return { names, rank: RANK_LABELLED };
  }
  const reporters = readReporters(line);
  if (reporters.length) return { names: reporters, rank: RANK_LABELLED };
  const slashed =
    /^文\s*[／/丨|｜]\s*(.+)$/u.exec(line)?.[1] ??
    /^(\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4}){0,4})\s*[／/]\s*文(?:\s|$)/u.exec(line)?.[1];
  if (slashed) {
    const names = readLabelledValue(slashed);
    if (names.length) return { names, rank: RANK_LABELLED };
  }
  const by =
    line.length <= 120
      ? /^(?:(?:written|words|story|text|reporting)\s+)?by\s+(\p{Lu}.*)$/iu.exec(line)
      : null;
  const byName = by?.[1] ? cleanByline(by[1].replace(LABEL_STOP, '')) : null;
  if (byName) return { names: [byName], rank: RANK_LABELLED };

  const poster =
    /^([^\s：:]{2,20})\s+(?:发表于|發表於)\s*[：:]?\s*(?:19|20)\d{2}/u.exec(line)?.[1] ??
    /本[贴帖帖]由\s*([^\s：:]{1,20}?)\s*于\s*(?:19|20)\d{2}/u.exec(line)?.[1] ??
    /(?:^|\s)(?:楼主|樓主|发帖人|發帖人|发布者|發佈者|发表人|博主)\s*[：:]\s*([^\s：:]{2,30})/u.exec(
      line,
    )?.[1] ??
    /\[\s*([^\s[\]]{2,12})\s*\][^\p{L}\p{N}]{0,4}(?:来源|來源)/u.exec(line)?.[1] ??
    (/(?:19|20)\d{2}[-/年.]\d/u.test(line)
      ? /\sby\s+([^\s〓|｜\]]{2,30})\s*[〓|｜\]]?\s*$/iu.exec(line)?.[1]
      : undefined);
  const posterName =
    poster && /\p{L}/u.test(poster) && !/[[\]【】()（）]/u.test(poster) ? cleanByline(poster) : null;
  if (posterName && !isDateLike(posterName)) return { names: [posterName], rank: RANK_POSTER };

  const closing = readClosingCredit(line);
  if (closing.length) return { names: closing, rank: RANK_CLOSING };
  const issuer = ISSUER_LABEL.exec(line)?.[1];
  if (issuer) {
    const name = issuer.split(/\s+/u)[0] ?? '';
    if (/^\p{Script=Han}{2,20}$/u.test(name)) return { names: [name], rank: RANK_ISSUER };
  }
  const editor = EDITOR_LABEL.exec(line)?.[1];
  if (editor) {
    // Only real names: `[责任编辑：alonliu]` is a CMS login, not a credit a reader would recognise.
    const names = readLabelledValue(editor).filter((n) => /^\p{Script=Han}{2,4}$/u.test(n));
    if (names.length) return { names, rank: RANK_EDITOR };
  }
  const source = /(?:^|[\s|｜丨])(?:来源|來源)\s*[：:]\s*(\p{Script=Han}{2,3})\s*$/u.exec(line)?.[1];
  if (source && isLikelyHanName(source) && !isChineseSiteLike(source))
    return { names: [source], rank: RANK_SOURCE_PERSON };
  return null;
}

/** A label alone on its line (`发文机关：` in one table cell, the value in the next) joined to the next line. */
function joinDanglingLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (next !== undefined && /(?:^|\s)[\p{Script=Han}\s]{1,6}[：:]$/u.test(line) && next.length <= 40) {
      out.push(`${line} ${next}`);
      i += 1;
    } else out.push(line);
  }
  return out;
}

/** The surest credit in `lines` at or below `maxRank`; earlier lines win ties. Adjacent reporter lines add up. */
function findCredit(lines: string[], maxRank: number): Credit | null {
  const joined = joinDanglingLabels(lines);
  let best: Credit | null = null;
  for (let i = 0; i < joined.length; i += 1) {
    const line = joined[i] ?? '';
    if (line.length > MAX_TOP_LINE_CHARS * 2) continue;
    const credit = readCredit(line);
    if (!credit || credit.rank > maxRank || (best && best.rank <= credit.rank)) continue;
    // `本报实习生 刘国栋 周炜` over `本报记者 王燕平 方云凤`: one credit on two lines.
    const names = [...credit.names];
    for (let j = i + 1; credit.rank === RANK_LABELLED && j < joined.length && j <= i + 2; j += 1) {
      const more = readReporters(joined[j] ?? '');
      if (!more.length || (joined[j] ?? '').length > 40) break;
      for (const n of more) if (!names.includes(n)) names.push(n);
    }
    best = { names, rank: credit.rank };
    if (best.rank === RANK_LABELLED) break;
  }
  return best;
}

function formatCredit(credit: Credit | null): string | null {
  if (!credit) return null;
  return cleanByline(credit.names.join(', '));
}

/** `作者：张三`, `记者 李四 王五`, `文／张三`, `By Jane Doe`, `张三 发表于 …` lines near the top. */
export function findBylineLine(lines: string[]): string | null {
  return formatCredit(findCredit(lines, RANK_SOURCE_PERSON));
}

// ---------------------------------------------------------------- byline

const BYLINE_PREFIX =
  /^(?:(?:(?:written|words|story|text|interview|reporting|report|posted|article|photos?|published)\s+)?by\b[:\s]*|(?:作者|作\s+者|撰文|撰稿|(?:本报|本報|本刊|本台|本网|总台)?(?:特约|实习|首席|见习)?(?:记者|記者|通讯员|通訊員)|实习生|实習生|责任编辑|責任編輯|编辑|編輯)\s*[：:／/丨]?\s*|文\s*[：:／/丨|｜]\s*)/iu;
const BYLINE_TAIL =
  /(?:\s*[|｜丨•·]\s*|\s+[-–—]\s+|,?\s+(?:on\s+)?(?:updated|published|posted)\b|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|(?<=\p{L})\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s+(?:19|20)\d{2}\s*[-年/.]|\s+(?:来源|來源|编辑|編輯|责任编辑|責任編輯|责编|时间|時間|日期|发布时间)\s*[：:]).*$/iu;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `^(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}|\\d{4}[-/.年]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})`,
  'i',
);
/** A Chinese byline longer than this is a sentence, not names. */
const MAX_BYLINE_HAN = 30;

function isDateLike(value: string): boolean {
  return DATE_LIKE.test(value.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, ''));
}

/** `sina.com.cn`, `51offer.com`: a domain, not a person. */
function isDomainLike(value: string): boolean {
  return /^(?:[\w-]+\.)+(?:com|net|org|cn|gov|edu|info|io|co|uk|tv|cc|me|tw|hk)(?:[/:]|$)/i.test(value);
}

/** Chinese names in a row: `王建宏 张文攀` → `王建宏, 张文攀`; `赵 培` (spaced for the layout) → `赵培`. */
function formatHanNames(value: string): string {
  const tokens = value.split(/[\s、，,]+/u).filter(Boolean);
  if (tokens.length < 2 || !tokens.every((t) => isHanWord(t) && t.length <= 4)) return value;
  return tokens.length === 2 && tokens.every((t) => t.length === 1) ? tokens.join('') : tokens.join(', ');
}

/** `By Jane Doe | Staff writer` → `Jane Doe`; `作者：张三 来源：…` → `张三`. Null for URLs, dates and sentences. */
export function cleanByline(raw: string | null | undefined): string | null {
  let s = clean(raw).replace(/^[□■●◆★☆▲△◇○]+\s*/u, '');
  if (!s || isUrlLike(s)) return null;
  // Readability sometimes takes a date line for the byline (`Last Updated: January 7, 2025`).
  if (/^(?:last\s+)?(?:updated|published|posted\s+on|modified)\b/i.test(s) || isDateLike(s)) return null;
  s = s.replace(BYLINE_TAIL, '');
  const hadBy = /^(?:\S+\s+)?by\b/i.test(s);
  for (let i = 0; i < 2; i += 1) s = s.replace(BYLINE_PREFIX, '').trim();
  // WordPress: `Posted by Alan Whitby in News`.
  if (hadBy) s = s.replace(/\s+in\s+\S+(?:\s+\S+){0,2}$/u, '');
  s = s.replace(/^[\s,，:：\-–—]+|[\s,，;；:：\-–—]+$/gu, '').trim();
  if (!s || s.length > MAX_BYLINE_CHARS || isUrlLike(s) || /^(?:by|作者|记者)$/i.test(s)) return null;
  const han = countMatches(s, HAN);
  if (han > 0) {
    // A question from an interview or a link such as `该作者文章` is no byline.
    if (
      han > MAX_BYLINE_HAN ||
      /[。？！?!]/u.test(s) ||
      /文章|作品|简介|更多|主页|登录|注册|本文|点击|收藏/u.test(s)
    )
      return null;
    s = formatHanNames(s);
  }
  return s;
}

/**
 * Whether a byline from metadata names a person rather than the site, a domain, a user id or the page's
 * software (`Discuz! Team` beside `<meta name="generator" content="Discuz! X3.4">`).
 */
function isPlausibleAuthor(value: string, siteNames: string[], labels: string[], generator: string): boolean {
  if (isDomainLike(value) || /^[A-Za-z]{0,3}[_-]?\d{3,}$/.test(value)) return false;
  const firstWord = compact(value.split(/\s+/)[0] ?? '');
  if (generator && firstWord.length >= 3 && compact(generator).startsWith(firstWord)) return false;
  if (countMatches(value, HAN) === 0) return true;
  if (isChineseSiteLike(value) || NOT_A_NAME.test(value) || /贡献者|集团|网络$/u.test(value)) return false;
  const c = compact(value);
  return !siteNames.some((n) => compact(n) === c) && !labels.includes(c);
}

/** A metadata byline cleaned and checked; a list (`www.yunnan.cn,云南日报报业集团,云南网`) keeps its plausible parts. */
function cleanMetaByline(
  raw: string | null | undefined,
  siteNames: string[],
  labels: string[],
  generator: string,
): string | null {
  const value = cleanByline(raw);
  if (!value) return null;
  if (isPlausibleAuthor(value, siteNames, labels, generator)) return value;
  const parts = value.split(/\s*[,，;；]\s*/u);
  if (parts.length < 2) return null;
  const kept = parts.filter((p) => p && isPlausibleAuthor(p, siteNames, labels, generator));
  return kept.length ? kept.join(', ') : null;
}

/**
 * A line of names alone right under the headline (`犬儒病(上)` / `胡平`), or second in the article text under
 * a short heading. Never the title itself: a page about a person shows the name as its heading.
 */
function findNameLine(doc: Document, analysis: TitleAnalysis, hints: ArticleHints): Credit | null {
  const slots: string[] = [];
  if (analysis.headline && doc.body) {
    const after = readTextLines(doc.body, 2, analysis.headline, 0);
    if (after[1]) slots.push(after[1]);
  }
  // Readability may keep the heading (once or twice) above the names, or drop it.
  const text = (hints.text ?? '').split('\n', 4).map((l) => normalizeSpace(l));
  for (const line of text.slice(0, 3)) {
    slots.push(line);
    if (line.length > 40 || /[。！？]/u.test(line)) break;
  }
  const title = compact(analysis.title);
  for (const line of slots) {
    const names = readNameLine(line);
    if (names.length && !names.some((n) => title.includes(compact(n))))
      return { names, rank: RANK_NAME_LINE };
  }
  return null;
}

/** The article text's last lines, where Chinese papers close with `（记者 张三）` or `（责任编辑：李四）`. */
const TAIL_LINES = 12;
/** Page lines read for a labelled credit when the article's own lines have none. */
const PAGE_LINES = 800;

/**
 * Readability's byline, JSON-LD author(s), meta author, article:author, then credit lines: labelled ones
 * (`作者：`, `本报记者`, `By`) near the headline or closing the article, forum posters, bare name lines,
 * the issuing office, and last the editor.
 */
export function findByline(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const siteNames = declaredSiteNames(signals, hints);
  const labels = hostLabels(url);
  const generator = metaValue(signals, 'generator') ?? '';
  const fromMeta = (raw: string | null | undefined): string | null =>
    cleanMetaByline(raw, siteNames, labels, generator);
  const fromJsonLd = (): string | null => {
    const nodes = signals.jsonLd;
    for (const node of signals.article ? [signals.article] : articleNodes(nodes)) {
      const names = namesOf(node.author, nodes)
        .map((n) => fromMeta(n))
        .filter((n): n is string => n !== null);
      if (names.length) return cleanByline(names.join(', ')) ?? names[0] ?? null;
    }
    return null;
  };
  const fromLines = (): string | null => {
    const analysis = analyzeTitle(doc, url, hints, signals);
    const top = readTopLines(doc, analysis.headline, hints);
    const tail = (hints.text ?? '')
      .split('\n')
      .map((l) => normalizeSpace(l))
      .filter(Boolean)
      .slice(-TAIL_LINES);
    const near = findCredit([...top, ...tail], RANK_SOURCE_PERSON) ?? findNameLine(doc, analysis, hints);
    if (near && near.rank <= RANK_NAME_LINE) return formatCredit(near);
    // Old portals keep the byline outside what Readability keeps (a table row above the text).
    // Only Chinese lines: an English `By …` far from the headline is as often `By clicking Submit…`.
    const pageLines = doc.body
      ? readTextLines(doc.body, PAGE_LINES).filter((l) => countMatches(l, HAN) > 0)
      : [];
    const page = findCredit(pageLines, RANK_EDITOR);
    if (page && page.rank <= RANK_POSTER) return formatCredit(page);
    if (near && (!page || near.rank <= page.rank)) return formatCredit(near);
    return formatCredit(page);
  };
  const steps: (() => string | null)[] = [
    () => fromMeta(hints.byline),
    fromJsonLd,
    () => fromMeta(metaValue(signals, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'byl')),
    () => fromMeta(metaValues(signals, 'article:author').find((v) => !isUrlLike(v))),
    fromLines,
  ];
  for (const step of steps) {
    const value = step();
    if (value) return value;
  }
  return null;
}

// ---------------------------------------------------------------- keywords

/** Splits on `, ，、;；|` and trims. */
export function splitKeywords(value: string): string[] {
  return value
    .split(/[,，、;；|｜]/u)
    .map((k) => normalizeSpace(k))
    .filter(Boolean);
}

/** meta keywords and news_keywords, article:tag, JSON-LD keywords; de-duplicated case-insensitively, in order. */
export function findKeywords(doc: Document, url: string, hints: ArticleHints = {}): string[] {
  const signals = signalsOf(doc, url, hints);
  const raw: string[] = [];
  for (const v of metaValues(signals, 'keywords')) raw.push(...splitKeywords(v));
  for (const v of metaValues(signals, 'news_keywords')) raw.push(...splitKeywords(v));
  for (const v of metaValues(signals, 'article:tag')) raw.push(normalizeSpace(v));
  const ld = signals.article?.keywords;
  if (typeof ld === 'string') raw.push(...splitKeywords(clean(ld)));
  else if (Array.isArray(ld)) for (const k of ld) if (typeof k === 'string') raw.push(clean(k));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of raw) {
    const key = k.toLowerCase();
    // Some sites stuff a sentence into keywords: that is not a tag.
    if (!k || k.length > MAX_KEYWORD_CHARS || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------- canonical, language, direction, excerpt, image

/** link[rel=canonical], else og:url; absolute, http(s), without #fragment. */
export function findCanonical(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const base = findBaseUrl(doc, url);
  const signals = signalsOf(doc, url, hints);
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

/** `zh_CN` → `zh-CN`, `EN-us` → `en-US`; null for values that are not language tags. */
export function normalizeLang(value: string | null | undefined): string | null {
  const v = normalizeSpace(value).replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(v)) return null;
  const [first, ...rest] = v.split('-');
  const parts = [(first ?? '').toLowerCase()];
  for (const part of rest) {
    if (/^[a-z]{2}$/i.test(part)) parts.push(part.toUpperCase());
    else if (/^[a-z]{4}$/i.test(part)) parts.push(part[0]?.toUpperCase() + part.slice(1).toLowerCase());
    else parts.push(part.toLowerCase());
  }
  return parts.join('-');
}

/** `zh` when the text is mostly Han characters, `ja` with kana, `ko` with Hangul; else null. */
export function guessLangFromText(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = countMatches(sample, LETTER);
  if (letters < 20) return null;
  const kana = countMatches(sample, KANA);
  const han = countMatches(sample, HAN);
  const hangul = countMatches(sample, HANGUL);
  if (kana / letters > 0.05 && (kana + han) / letters > 0.5) return 'ja';
  if (hangul / letters > 0.3) return 'ko';
  if (han / letters > 0.5) return 'zh';
  return null;
}

/** `<html lang>`, content-language, og:locale, JSON-LD inLanguage; else a guess from the article text. */
export function findLang(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
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
  return RTL_LANGS.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** og:description, meta description, twitter:description, JSON-LD description, Readability's excerpt. */
export function findExcerpt(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const ld = signals.article ? stringProp(signals.article, 'description') : null;
  const value =
    metaValue(signals, 'og:description', 'description', 'twitter:description', 'dc.description') ??
    ld ??
    hints.excerpt;
  return clean(value) || null;
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
  const signals = signalsOf(doc, url, hints);
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

// ---------------------------------------------------------------- everything at once

/** All metadata for a page, each field by its finder above, sharing one read of the meta tags and JSON-LD. */
export function readMetadata(doc: Document, url: string, hints: ArticleHints = {}): PageMetadata {
  const signals = signalsOf(doc, url, hints);
  const withSignals: ArticleHints = { ...hints, signals };
  const analysis = analyzeTitle(doc, url, withSignals, signals);
  const declared = declaredSiteNames(signals, {})[0] ?? (clean(hints.siteName) || null);
  const topLines = (): string[] => readTopLines(doc, analysis.headline, hints);
  const siteName = declared ?? analysis.removed ?? findSourceLine(topLines());
  const lang = findLang(doc, url, withSignals);
  return {
    title: analysis.title,
    siteName,
    byline: findByline(doc, url, withSignals),
    keywords: findKeywords(doc, url, withSignals),
    canonical: findCanonical(doc, url, withSignals),
    lang,
    dir: findDir(doc, lang, hints.dir),
    excerpt: findExcerpt(doc, url, withSignals),
    image: findImage(doc, url, withSignals),
  };
}
