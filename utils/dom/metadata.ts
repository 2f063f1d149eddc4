// DOM: reads an article's metadata (headline, site, byline, keywords, canonical URL, language, excerpt, image) from a page. Takes a Document, reads no globals.
import type { JsonLdNode } from './json-ld';
import { articleNodes, readJsonLd, stringProp, typesOf } from './json-ld';

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
      typeof v === 'string' ? v : isObject(v) && typeof v['@id'] === 'string' ? v['@id'] : '',
    );
    return ids.some((id) => id && stripFragment(id) === page);
  });
  return own ?? articles[0] ?? null;
}

function isObject(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  if (!isObject(value) || typeof value['@id'] !== 'string' || typeof value.name === 'string') return value;
  const id = value['@id'];
  return nodes.find((n) => n !== value && n['@id'] === id) ?? value;
}

function namesOf(value: unknown, nodes: JsonLdNode[]): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const target = dereference(item, nodes);
    const name = typeof target === 'string' ? target : isObject(target) ? stringProp(target, 'name') : null;
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

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
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

/** `作者：张三`, `记者 李四 王五`, `文／张三`, `By Jane Doe` lines near the top. */
export function findBylineLine(lines: string[]): string | null {
  for (const line of lines) {
    const m =
      /(?:^|[\s|｜丨])(?:作者|作\s+者|撰文|撰稿|本报记者|本報記者|记者|記者)\s*[：:]\s*(.+)$/u.exec(line) ??
      (line.length <= 40 ? /^(?:本报记者|本報記者|记者|記者)\s+(\S.*)$/u.exec(line) : null) ??
      /^文\s*[／/丨|]\s*(.+)$/u.exec(line) ??
      (line.length <= 120
        ? /^(?:(?:written|words|story|text|reporting)\s+)?by\s+(\p{Lu}.*)$/iu.exec(line)
        : null);
    if (!m?.[1]) continue;
    const value = cleanByline(m[1].replace(LABEL_STOP, ''));
    if (value) return value;
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

// ---------------------------------------------------------------- byline

const BYLINE_PREFIX =
  /^(?:(?:(?:written|words|story|text|interview|reporting|report|posted|article|photos?|published)\s+)?by\b[:\s]*|(?:作者|作\s+者|撰文|撰稿|本报记者|本報記者|记者|記者|文)\s*[：:／/丨]?\s*)/iu;
const BYLINE_TAIL =
  /(?:\s*[|｜丨•·]\s*|\s+[-–—]\s+|,?\s+(?:on\s+)?(?:updated|published|posted)\b|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|(?<=\p{L})\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s+(?:19|20)\d{2}\s*[-年/.]|\s+(?:来源|來源|编辑|編輯|责任编辑|責任編輯|责编|时间|時間|日期|发布时间)\s*[：:]).*$/iu;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `^(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}|\\d{4}[-/.年]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})`,
  'i',
);

function isDateLike(value: string): boolean {
  return DATE_LIKE.test(value.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, ''));
}

/** `By Jane Doe | Staff writer` → `Jane Doe`; `作者：张三 来源：…` → `张三`. Null for URLs and over-long text. */
export function cleanByline(raw: string | null | undefined): string | null {
  let s = clean(raw);
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
  return s;
}

/** Readability's byline, JSON-LD author(s), meta author, article:author, then `作者：` / `By` lines. */
export function findByline(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const fromJsonLd = (): string | null => {
    const nodes = signals.jsonLd;
    for (const node of signals.article ? [signals.article] : articleNodes(nodes)) {
      const names = namesOf(node.author, nodes)
        .map((n) => cleanByline(n))
        .filter((n): n is string => n !== null);
      if (names.length) return cleanByline(names.join(', ')) ?? names[0] ?? null;
    }
    return null;
  };
  const steps: (() => string | null)[] = [
    () => cleanByline(hints.byline),
    fromJsonLd,
    () => cleanByline(metaValue(signals, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'byl')),
    () => cleanByline(metaValues(signals, 'article:author').find((v) => !isUrlLike(v))),
    () => findBylineLine(readTopLines(doc, analyzeTitle(doc, url, hints, signals).headline, hints)),
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
    if (isObject(target)) {
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
