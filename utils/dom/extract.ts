// DOM: runs Readability on a clone of the page and gathers the article's metadata into a ClipDraft. Takes a Document.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import { findDatesInText } from '../pure/date-parse';
import type { ClipDraft, FoundDate } from '../pure/types';
import { findCodeLanguage } from './markdown';
import { parseInert } from './markdown-prepare';
import type { ArticleHints } from './metadata';
import { findBaseUrl, normalizeSpace, readMetadata, readPageSignals, readTextLines } from './metadata';
import { findModifiedDate, findPublishedDate } from './published-date';
import { BLOCK_TAGS } from './html-blocks';

export interface ExtractOptions {
  now: Date;
  /** `article`: Readability; `page`: the whole body; `selection`: only `selectionHtml`. */
  mode?: 'article' | 'page' | 'selection';
  /** HTML of the user's selection, for `selection` mode. */
  selectionHtml?: string;
  /** Per-site CSS selectors to remove before extraction. */
  removeSelectors?: string[];
  /** A per-site CSS selector that picks the article element instead of Readability. */
  articleSelector?: string;
  dateSelector?: string;
}

/**
 * Pages above this many elements are refused with `page-too-large`. Readability makes several passes
 * over the tree; a 60k-element page takes about a second in linkedom, so 100k keeps the worst case a few
 * seconds while staying far above real articles (news pages run 1k–15k elements; long Wikipedia pages ~40k).
 */
export const MAX_ELEMENTS = 100_000;
/** Refused above this much body text (a 20 MB text dump is not an article a reader mode can clean). */
export const MAX_TEXT_CHARS = 5_000_000;
/**
 * Less article text than this (non-space characters outside links, a CJK character counting 2.5) is
 * not an article. 140 Latin characters is about two sentences; 56 Han characters is a short news brief.
 */
export const MIN_ARTICLE_CHARS = 140;
const CJK_WEIGHT = 2.5;
/** Share of the article's text inside links above which it is a list of links (measured: corpus max 0.36). */
const MAX_LINK_DENSITY = 0.6;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Removed from every non-Readability result (and from the page in `page` mode): active or invisible content. */
const ACTIVE_CONTENT =
  'script, style, noscript, template, link, meta, base, object, embed, frame, frameset, iframe';
const PAGE_CHROME = 'nav, [role="navigation"], dialog';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'poster',
  'cite',
  'data',
  'data-src',
  'data-original',
  'data-lazy-src',
];
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/** Whether the page looks like an article (Readability's quick check). Never throws. */
export function isReaderable(doc: Document): boolean {
  try {
    if (isProbablyReaderable(doc)) return true;
    // Readability's thresholds count characters as Latin text does: a Chinese news brief of four 50-character
    // paragraphs scores 0. CJK text carries about 2.5 times the meaning per character, so scale the bar down.
    const sample = (doc.body?.textContent ?? '').slice(0, 20_000);
    const han =
      sample.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
    if (han < 100 || han / Math.max(1, sample.replace(/\s+/g, '').length) < 0.3) return false;
    return isProbablyReaderable(doc, { minContentLength: 40, minScore: 8 });
  } catch {
    return false;
  }
}

/** Extracts the article (or the page, or the selection) and its metadata. Never changes `doc`. */
export function extractArticle(doc: Document, url: string, opts: ExtractOptions): Result<ClipDraft> {
  try {
    const result = extract(doc, url, opts);
    if (result.ok || result.code !== 'not-an-article' || (opts.mode ?? 'article') !== 'article')
      return result;
    // Some sites frame the story in a same-origin iframe (old CMSs, print views): try the largest one.
    const frame = findArticleFrame(doc);
    return frame ? extract(frame, url, opts) : result;
  } catch (error) {
    return fail('unknown', error instanceof Error ? error.message : String(error));
  }
}

/** The same-origin iframe document with the most text, when it has enough to be an article. */
function findArticleFrame(doc: Document): Document | null {
  let best: Document | null = null;
  let bestLength = 500;
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      // Cross-origin: not ours to read.
    }
    const length = inner?.body?.textContent?.length ?? 0;
    if (inner && length > bestLength) {
      best = inner;
      bestLength = length;
    }
  }
  return best;
}

/**
 * Copies each open shadow root's content into the clone, after its host's light children: `cloneNode` leaves
 * shadow trees behind, and web-component sites put the whole story in one. Both trees list elements in the
 * same order, so the i-th element of one is the i-th of the other.
 */
function inlineShadowRoots(live: Document, clone: Document): void {
  const liveElements = live.querySelectorAll('*');
  let cloneElements: NodeListOf<Element> | null = null;
  for (let i = 0; i < liveElements.length; i++) {
    const root = (liveElements[i] as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!root) continue;
    cloneElements ??= clone.querySelectorAll('*');
    const host = cloneElements[i];
    if (!host) continue;
    for (const child of Array.from(root.childNodes)) host.appendChild(clone.importNode(child, true));
  }
}

/** Deepest element nesting, counted without recursion (a 5,000-deep page must not overflow the stack). */
function measureDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [el, depth] = item;
    if (depth > deepest) deepest = depth;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1]);
  }
  return deepest;
}

const WRAPPER_TAGS = new Set(['DIV', 'SPAN', 'SECTION', 'FONT', 'CENTER', 'MAIN', 'ARTICLE']);

/**
 * Readability slows down sharply with nesting (2,000 levels took 10 s in Chromium): unwrap chains of
 * wrappers that hold one element and no text of their own, which is what such pages are made of.
 */
function flattenWrapperChains(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!WRAPPER_TAGS.has(el.tagName.toUpperCase()) || el.childElementCount !== 1) continue;
    const hasOwnText = Array.from(el.childNodes).some(
      (n) => n.nodeType === 3 && (n.textContent ?? '').trim(),
    );
    const child = el.firstElementChild;
    if (!hasOwnText && child) el.replaceWith(child);
  }
}

const DEEP_NESTING = 300;

interface Picked {
  content: Element;
  kind: ClipDraft['kind'];
  hints: ArticleHints;
  /** A per-site article element keeps its own tag; Readability's wrapper, the body and our selection wrapper do not. */
  isOuter?: boolean;
}

function extract(doc: Document, url: string, opts: ExtractOptions): Result<ClipDraft> {
  const mode = opts.mode ?? 'article';
  const elements = doc.querySelectorAll('*').length;
  if (elements > MAX_ELEMENTS) {
    return fail('page-too-large', `${elements} elements; the limit is ${MAX_ELEMENTS}.`);
  }
  const bodyChars = doc.body?.textContent?.length ?? 0;
  if (bodyChars > MAX_TEXT_CHARS) {
    return fail('page-too-large', `${bodyChars} characters of text; the limit is ${MAX_TEXT_CHARS}.`);
  }

  const picked = mode === 'selection' ? pickSelection(doc, opts) : pickFromClone(doc, opts, mode);
  if (!picked.ok) return picked;
  const { content, kind, hints, isOuter } = picked.value;

  absolutizeUrls(content, findBaseUrl(doc, url));
  // Metadata reads the untrimmed text: the byline and `来源：` lines it may need are trimmed below.
  const fullText = readTextLines(content, Number.POSITIVE_INFINITY).join('\n');
  const signals = readPageSignals(doc, url);
  const meta = readMetadata(doc, url, { ...hints, text: fullText, signals });
  // One JSON-LD parse per clip: metadata's, reused by both date searches.
  const dateOptions = {
    now: opts.now,
    lang: meta.lang,
    dateSelector: opts.dateSelector,
    jsonLd: signals.jsonLd,
  };
  const published = findPublishedDate(doc, url, dateOptions);
  const modified = findModifiedDate(doc, url, dateOptions);
  if (kind === 'article') {
    trimArticleEdges(content, {
      titles: [meta.title, hints.title ?? ''],
      byline: meta.byline,
      dates: [published, modified],
    });
  }
  const contentHtml = isOuter ? content.outerHTML : content.innerHTML;
  const textContent = readTextLines(content, Number.POSITIVE_INFINITY).join('\n');
  return ok({
    url,
    canonical: meta.canonical,
    title: meta.title || normalizeSpace(hints.title) || hostOf(url),
    byline: meta.byline,
    siteName: meta.siteName,
    lang: meta.lang,
    dir: meta.dir,
    excerpt: meta.excerpt,
    image: meta.image,
    keywords: meta.keywords,
    published,
    modified,
    contentHtml,
    textContent,
    kind,
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function pickSelection(doc: Document, opts: ExtractOptions): Result<Picked> {
  const html = opts.selectionHtml ?? '';
  if (!html.trim()) return fail('not-an-article', 'The selection is empty.');
  const container = parseInert(html, doc);
  removeAll(container, ACTIVE_CONTENT);
  cleanAttributes(container);
  const text = normalizeSpace(container.textContent);
  if (!text && !container.querySelector('img')) return fail('not-an-article', 'The selection has no text.');
  return ok({ content: container, kind: 'selection', hints: {} });
}

function pickFromClone(doc: Document, opts: ExtractOptions, mode: 'article' | 'page'): Result<Picked> {
  const clone = doc.cloneNode(true) as Document;
  inlineShadowRoots(doc, clone);
  if (clone.body && measureDepth(clone.body) > DEEP_NESTING) flattenWrapperChains(clone.body);
  for (const selector of opts.removeSelectors ?? []) removeAll(clone, selector);

  if (mode === 'page') {
    const body = clone.body;
    if (!body) return fail('not-an-article', 'The page has no body.');
    removeAll(body, `${ACTIVE_CONTENT}, ${PAGE_CHROME}`);
    cleanAttributes(body);
    if (!normalizeSpace(body.textContent) && !body.querySelector('img')) {
      return fail('not-an-article', 'The page has no text.');
    }
    return ok({ content: body, kind: 'page', hints: {} });
  }

  removeBoilerplate(clone);
  markCodeLanguages(clone);
  const chosen = opts.articleSelector ? querySafe(clone, opts.articleSelector) : null;
  if (chosen) {
    removeAll(chosen, ACTIVE_CONTENT);
    cleanAttributes(chosen);
    return ok({ content: chosen, kind: 'article', hints: {}, isOuter: true });
  }

  const article = new Readability<Node>(clone, {
    charThreshold: isCjkPage(doc) ? 250 : 500,
    keepClasses: false,
    maxElemsToParse: MAX_ELEMENTS,
    serializer: (node) => node,
  }).parse();
  const content = article?.content;
  if (!article || !content || content.nodeType !== 1) {
    return fail('not-an-article', 'Readability found no article on this page.');
  }
  const el = content as Element;
  const why = whyNotAnArticle(el);
  if (why) return fail('not-an-article', why);
  return ok({
    content: el,
    kind: 'article',
    hints: {
      title: article.title ?? null,
      byline: article.byline ?? null,
      excerpt: article.excerpt ?? null,
      dir: article.dir ?? null,
      siteName: article.siteName ?? null,
    },
  });
}

/** Readability's own retry threshold is in characters: CJK articles reach it with a third of the text. */
function isCjkPage(doc: Document): boolean {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  if (/^(?:zh|ja|ko)\b/.test(lang)) return true;
  const title = doc.querySelector('title')?.textContent ?? '';
  return (title.match(CJK)?.length ?? 0) >= 4;
}

/** Article-sized text, measured in characters: CJK characters count CJK_WEIGHT each, whitespace nothing. */
export function measureText(text: string): number {
  const compactText = text.replace(/\s+/g, '');
  const cjk = compactText.match(CJK)?.length ?? 0;
  return compactText.length - cjk + cjk * CJK_WEIGHT;
}

/** Why Readability's result is not an article (too little text outside links), or null when it is. */
function whyNotAnArticle(content: Element): string | null {
  const total = measureText(content.textContent ?? '');
  const linked = Array.from(content.querySelectorAll('a')).reduce(
    (sum, a) => sum + measureText(a.textContent ?? ''),
    0,
  );
  const prose = total - linked;
  // Real articles stay under 0.4 (Wikipedia lists ~0.3); link lists and home pages run 0.8.
  if (total > 0 && linked / total > MAX_LINK_DENSITY) {
    return `${Math.round((100 * linked) / total)}% of the text is links: a list of links, not an article.`;
  }
  if (prose >= MIN_ARTICLE_CHARS) return null;
  // A photo post may have no more than a caption; a linked thumbnail is a teaser for another page, though.
  const hasImage = Array.from(content.querySelectorAll('img')).some((img) => {
    const src = img.getAttribute('src') ?? '';
    return src !== '' && !src.startsWith('data:') && !img.closest('a');
  });
  if (hasImage) return null;
  return `Only ${Math.round(prose)} characters of text outside links (at least ${MIN_ARTICLE_CHARS} needed).`;
}

function querySafe(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // a broken per-site rule must not break the clip
  }
}

function removeAll(root: ParentNode, selector: string): void {
  let found: Element[];
  try {
    found = Array.from(root.querySelectorAll(selector));
  } catch {
    return;
  }
  for (const el of found) el.remove();
}

/** Event handlers and `javascript:` links have no place in a clip. */
function cleanAttributes(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of el.getAttributeNames()) {
      if (name.toLowerCase().startsWith('on')) el.removeAttribute(name);
    }
    const href = el.getAttribute('href');
    if (href && /^\s*javascript:/i.test(href)) el.removeAttribute('href');
  }
}

/** Makes link, image and media URLs absolute against the page's base. `#fragment` links stay as they are. */
export function absolutizeUrls(root: Element, base: string): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const resolved = resolveReference(value, base);
      if (resolved !== value) el.setAttribute(name, resolved);
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, resolveSrcset(value, base));
    }
  }
}

function resolveReference(value: string, base: string): string {
  const trimmed = value.trim();
  // Fragments point inside the article; absolute URLs (and mailto:, data:) need nothing.
  if (!trimmed || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

/** `a.jpg 1x, /b.jpg 2x` with each URL resolved; URLs may contain commas (`w_100,h_80`), so parse as the spec does. */
export function resolveSrcset(value: string, base: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] ?? '')) i += 1;
    if (i >= value.length) break;
    let end = i;
    while (end < value.length && !/\s/.test(value[end] ?? '')) end += 1;
    let url = value.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = i;
      while (i < value.length && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth += 1;
        if (value[i] === ')') depth -= 1;
        i += 1;
      }
      descriptor = value.slice(start, i).trim();
    }
    if (url)
      out.push(descriptor ? `${resolveReference(url, base)} ${descriptor}` : resolveReference(url, base));
  }
  return out.join(', ');
}

// ---------------------------------------------------------------- boilerplate before Readability

/** Class or id tokens of ad slots: `ad`, `ad-slot`, `ads_top`, `advert`, `banner-ad`, `sponsored`… */
const AD_TOKEN =
  /^(?:(?:ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|sponsors)(?:[-_][\w-]+)?|[\w-]+[-_](?:ad|ads|advert|advertisement))$/i;
const BREADCRUMB_TOKEN = /breadcrumb/i;
/** Author boxes that follow the article (`author-bio`, `about-the-author`): the byline lives in the front matter. */
const AUTHOR_BOX_TOKEN =
  /^(?:author[-_]?(?:bio|box|card|profile|about|description)|about[-_]?(?:the[-_]?)?author|bio[-_]?box|(?:post|entry)[-_]author[-_]?(?:bio|box|info))$/i;
/** The whole text of an ad label. */
const AD_LABEL =
  /^(?:advertisement|advertising|anzeige|publicité|publicidad|pubblicità|reklame|广告|廣告|広告|광고)$/i;
/** `当前位置：首页 > 地方 > 正文`, `您现在的位置：…`. */
const BREADCRUMB_LABEL = /^(?:当前|您的|你的|您现在的|你现在的|现在|所在)位置\s*[：:]/u;
/** Ads and breadcrumbs hold little text; a bigger element so named is a layout wrapper. */
const MAX_AD_CHARS = 500;
const MAX_BREADCRUMB_CHARS = 200;
const MAX_AUTHOR_BOX_CHARS = 1500;
const LAYOUT_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
/** Marks, before Readability, what is removed from its result; Readability keeps `data-` attributes. */
const DROP_ATTRIBUTE = 'data-postclip-drop';

function tokensOf(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
}

/**
 * Removes ad slots, breadcrumbs and author boxes from the clone: Readability keeps them when they sit in the
 * article's container. Conservative: each must be small and must not hold an h1 (the headline's container).
 */
/** `ads-active`, `ad-free`, `has-ads`: page states, not the ad's own box. */
const AD_STATE_TOKEN =
  /^(?:(?:has|no|with)[-_]ads?|ads?[-_](?:active|enabled|disabled|free|loaded|ready|on|off|hidden|visible))$/i;

function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const isRemovable = (el: Element, maxChars: number): boolean =>
    !LAYOUT_TAGS.has(el.tagName.toUpperCase()) &&
    el.querySelector('h1') === null &&
    normalizeSpace(el.textContent).length <= maxChars;
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!body.contains(el)) continue; // inside something already removed
    const tokens = tokensOf(el);
    const isAd =
      tokens.some((t) => AD_TOKEN.test(t) && !AD_STATE_TOKEN.test(t)) && isRemovable(el, MAX_AD_CHARS);
    const isCrumb =
      (tokens.some((t) => BREADCRUMB_TOKEN.test(t)) ||
        /BreadcrumbList/i.test(el.getAttribute('itemtype') ?? '')) &&
      isRemovable(el, MAX_BREADCRUMB_CHARS);
    if (isAd || isCrumb) el.remove();
    // Marked, not removed: Readability may read the byline from it. trimArticleEdges removes it.
    else if (tokens.some((t) => AUTHOR_BOX_TOKEN.test(t)) && isRemovable(el, MAX_AUTHOR_BOX_CHARS))
      el.setAttribute(DROP_ATTRIBUTE, '');
  }
  // Labels are found from their text nodes, so no element's whole text is read unless a label starts it.
  for (const node of listTextNodes(body)) {
    const start = node.parentElement;
    const own = normalizeSpace(node.nodeValue);
    if (!start || !body.contains(start) || !own) continue;
    const isCrumb = BREADCRUMB_LABEL.test(own);
    if (!isCrumb && !AD_LABEL.test(own)) continue;
    // The label's box: the outermost ancestor that is still only the breadcrumb, or only the label and its ad.
    const isSameBox = (el: Element): boolean => {
      const text = normalizeSpace(el.textContent);
      return isCrumb ? BREADCRUMB_LABEL.test(text) && isRemovable(el, MAX_BREADCRUMB_CHARS) : text === own;
    };
    if (!isSameBox(start) || LAYOUT_TAGS.has(start.tagName.toUpperCase())) continue;
    let box = start;
    while (
      box.parentElement &&
      !LAYOUT_TAGS.has(box.parentElement.tagName.toUpperCase()) &&
      isSameBox(box.parentElement)
    )
      box = box.parentElement;
    box.remove();
  }
}

function listTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * Readability drops classes (keepClasses false), and with them `language-python`: copy the language a code
 * block names into `data-lang`, which Readability keeps and the Markdown converter reads.
 */
function markCodeLanguages(doc: Document): void {
  for (const pre of Array.from(doc.querySelectorAll('pre'))) {
    const language = findCodeLanguage(pre);
    if (language && !pre.hasAttribute('data-lang')) pre.setAttribute('data-lang', language);
  }
}

// ---------------------------------------------------------------- trimming the article's edges

interface EdgeContext {
  /** The headline as found, and as Readability saw it. */
  titles: string[];
  byline: string | null;
  dates: (FoundDate | null)[];
}

/** A block of the article: one block element, or a run of inline nodes between blocks. */
interface Unit {
  nodes: Node[];
  text: string;
}

const BLOCK_SELECTOR = Array.from(BLOCK_TAGS, (t) => t.toLowerCase()).join(', ');
/** Blocks taken whole, never split into their parts: they are content, not header or footer lines. */
const WHOLE_TAGS = new Set(['BLOCKQUOTE', 'DL', 'FIGURE', 'OL', 'PRE', 'TABLE', 'UL']);
const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, svg, figure, object, embed';
/** How many text blocks at each end of the article may be header or footer lines. */
const MAX_EDGE_UNITS = 6;
/** Header and footer lines are short; a kicker or standfirst above a byline stays under this. */
const MAX_META_LINE_CHARS = 200;
const MAX_HEADER_LINE_CHARS = 300;

/** `来源：`, `作者：`, `责任编辑：`, `字号：` — the labels of a Chinese portal's dateline and footer. */
const CJK_META_LABEL =
  /(?:来源|來源|稿源|作者|作\s+者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編|字号|字號|发布时间|發佈時間|发布日期|發佈日期|点击|點擊|浏览|瀏覽|阅读|閱讀)\s*[：:]/u;
/** Words a dateline adds around its date: `Published … at …`, `Updated`, zones, `发布时间`. */
const DATELINE_WORDS =
  /\b(?:published|updated|posted|last|modified|on|at|by|am|pm|a\.m\.|p\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?|发布|發佈|时间|時間|日期|更新|于/giu;
/** Zone abbreviations, capitals only (`EST`, `GMT`, `ET`). */
const ZONE_NAMES = /\b(?:[A-Z]{1,4}T|UTC|GMT)\b/g;
const TIME_OF_DAY = /\d{1,2}[:：.]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?)?/giu;
const BYLINE_LINE =
  /^(?:(?:written|words|story|text|reporting)\s+)?by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|da|del|la|le)){0,5}$/u;
/** Headings of lists of other stories that Readability keeps when they share the article's column. */
const LIST_HEADING =
  /^(?:热点排行|热门排行|排行榜|点击排行|热点推荐|热门推荐|热门文章|热门新闻|相关新闻|相关阅读|相关文章|相关报道|推荐阅读|猜你喜欢|今日推荐|最新文章|最新新闻|精彩推荐|related(?: (?:stories|articles|posts|news|coverage|reading))?|most (?:read|popular|viewed)|trending(?: now)?|popular (?:posts|stories|articles|now)|read next|more stories|you may also like|recommended for you|recent posts)$/iu;
/** Separators between the links of a navigation line (`Back to news | Subscribe`). */
const LINK_SEPARATORS = /[\s|｜·•/\\\-–—【】[\]()（）<>«»,，、]/gu;

function isBlock(node: Node): node is Element {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

function listUnits(root: Element): Unit[] {
  const units: Unit[] = [];
  const push = (nodes: Node[]): void => {
    const text = normalizeSpace(nodes.map((n) => n.textContent ?? '').join(' '));
    units.push({ nodes, text });
  };
  const walk = (el: Element): void => {
    let run: Node[] = [];
    const flush = (): void => {
      if (run.length) push(run);
      run = [];
    };
    for (const child of Array.from(el.childNodes)) {
      if (isBlock(child)) {
        flush();
        if (WHOLE_TAGS.has(child.tagName.toUpperCase()) || !child.querySelector(BLOCK_SELECTOR))
          push([child]);
        else walk(child);
      } else if (child.nodeType === 1 || child.nodeType === 3) {
        run.push(child);
      }
    }
    flush();
  };
  walk(root);
  return units;
}

function hasMedia(unit: Unit): boolean {
  return unit.nodes.some(
    (n) =>
      n.nodeType === 1 &&
      ((n as Element).matches(MEDIA_SELECTOR) || (n as Element).querySelector(MEDIA_SELECTOR)),
  );
}

function isWhole(unit: Unit): boolean {
  const first = unit.nodes[0];
  return (
    unit.nodes.length === 1 &&
    first !== undefined &&
    isBlock(first) &&
    WHOLE_TAGS.has(first.tagName.toUpperCase())
  );
}

function linkedText(unit: Unit): string {
  return unit.nodes
    .flatMap((n) =>
      n.nodeType !== 1
        ? []
        : (n as Element).tagName.toUpperCase() === 'A'
          ? [n as Element]
          : Array.from((n as Element).querySelectorAll('a')),
    )
    .map((a) => a.textContent ?? '')
    .join(' ');
}

function countLinks(unit: Unit): number {
  return unit.nodes.reduce(
    (sum, n) =>
      n.nodeType !== 1
        ? sum
        : sum +
          ((n as Element).tagName.toUpperCase() === 'A' ? 1 : (n as Element).querySelectorAll('a').length),
    0,
  );
}

function compactText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The headline repeated at the top of the body. */
function isTitleLine(unit: Unit, ctx: EdgeContext): boolean {
  const text = compactText(unit.text);
  return text.length >= 4 && ctx.titles.some((t) => compactText(t) === text);
}

/** A byline, dateline, `来源：` or `责任编辑：` line: what the front matter already says. */
function isMetaLine(unit: Unit, ctx: EdgeContext): boolean {
  const text = unit.text;
  if (!text || text.length > MAX_META_LINE_CHARS || isWhole(unit)) return false;
  if (CJK_META_LABEL.test(text) || BREADCRUMB_LABEL.test(text)) return true;
  if (BYLINE_LINE.test(text)) return true;
  let rest = text;
  const byline = ctx.byline?.trim();
  if (byline) {
    if (compactText(text) === compactText(byline)) return true;
    rest = rest.replace(new RegExp(escapeRegExp(byline), 'giu'), ' ');
  }
  let hasDate = false;
  for (const found of ctx.dates) {
    if (found && found.raw.length >= 6 && rest.includes(found.raw)) {
      rest = rest.split(found.raw).join(' ');
      hasDate = true;
    }
  }
  for (const match of findDatesInText(rest)) {
    rest = rest.replace(match.text, ' ');
    hasDate = true;
  }
  if (!hasDate && rest === text) return false;
  // Nothing is left once the date, the byline and the dateline's own words are gone.
  const left = rest.replace(ZONE_NAMES, ' ').replace(TIME_OF_DAY, ' ').replace(DATELINE_WORDS, ' ');
  return compactText(left).length <= 2;
}

/** A line of links only, two or more (`Back to news | Subscribe to the print edition`). */
function isLinkLine(unit: Unit): boolean {
  if (!unit.text || unit.text.length > MAX_META_LINE_CHARS || isWhole(unit) || countLinks(unit) < 2)
    return false;
  const linked = linkedText(unit).replace(LINK_SEPARATORS, '');
  return unit.text.replace(LINK_SEPARATORS, '').length === linked.length;
}

function removeUnit(unit: Unit, root: Element): void {
  for (const node of unit.nodes) {
    let parent = node.parentNode;
    node.parentNode?.removeChild(node);
    // Wrappers left with nothing to show go too.
    while (parent && parent !== root && parent.nodeType === 1) {
      const el = parent as Element;
      if (normalizeSpace(el.textContent) || el.querySelector(MEDIA_SELECTOR)) break;
      parent = el.parentNode;
      el.remove();
    }
  }
}

/** `热点排行` + a list of links: a list of other stories. */
function removeStoryLists(root: Element): void {
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div'))) {
    if (!root.contains(heading) || !LIST_HEADING.test(normalizeSpace(heading.textContent))) continue;
    const list = heading.nextElementSibling;
    if (!list || !/^(?:UL|OL|TABLE|DIV)$/.test(list.tagName.toUpperCase())) continue;
    const text = compactText(list.textContent ?? '');
    const linked = compactText(Array.from(list.querySelectorAll('a'), (a) => a.textContent ?? '').join(''));
    if (text.length === 0 || linked.length / text.length < 0.8) continue;
    removeUnit({ nodes: [heading, list], text: '' }, root);
  }
}

/**
 * Removes what the front matter already holds from the article's edges: at the top, the repeated headline,
 * byline and dateline lines (with a kicker or standfirst above them); at the bottom, `责任编辑：` and
 * dateline lines and link-only navigation lines. Stops at the first real paragraph, list, table or code.
 */
function trimArticleEdges(root: Element, ctx: EdgeContext): void {
  for (const el of Array.from(root.querySelectorAll(`[${DROP_ATTRIBUTE}]`)))
    removeUnit({ nodes: [el], text: '' }, root);
  removeStoryLists(root);
  const units = listUnits(root).filter((u) => u.text !== '' || hasMedia(u));

  // Short lines above a byline or dateline (a kicker, a standfirst) are part of the header; a header is one
  // run, so once a line is gone at most one more short line may sit before the next metadata line.
  let pending: Unit[] = [];
  let hasRemoved = false;
  let seen = 0;
  for (const unit of units) {
    if (hasMedia(unit)) continue; // a hero image is content; look past it
    if (++seen > MAX_EDGE_UNITS) break;
    if (isTitleLine(unit, ctx) || isMetaLine(unit, ctx)) {
      for (const p of [...pending, unit]) removeUnit(p, root);
      pending = [];
      hasRemoved = true;
      continue;
    }
    if (isWhole(unit) || measureText(unit.text) > MAX_HEADER_LINE_CHARS) break;
    if (pending.length >= (hasRemoved ? 1 : 2)) break;
    pending.push(unit);
  }

  seen = 0;
  for (const unit of units.slice().reverse()) {
    if (!root.contains(unit.nodes[0] ?? null) || hasMedia(unit) || ++seen > MAX_EDGE_UNITS) break;
    if (isMetaLine(unit, ctx) || isLinkLine(unit)) removeUnit(unit, root);
    else break;
  }
}
