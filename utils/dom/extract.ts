// DOM: runs Readability on a clone of the page and gathers the article's metadata into a ClipDraft. Takes a Document.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { ClipDraft } from '../pure/types';
import type { ArticleHints } from './metadata';
import { findBaseUrl, normalizeSpace, readMetadata, readPageSignals, readTextLines } from './metadata';
import { findModifiedDate, findPublishedDate } from './published-date';

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
    const han = sample.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
    if (han < 100 || han / Math.max(1, sample.replace(/\s+/g, '').length) < 0.3) return false;
    return isProbablyReaderable(doc, { minContentLength: 40, minScore: 8 });
  } catch {
    return false;
  }
}

/** Extracts the article (or the page, or the selection) and its metadata. Never changes `doc`. */
export function extractArticle(doc: Document, url: string, opts: ExtractOptions): Result<ClipDraft> {
  try {
    return extract(doc, url, opts);
  } catch (error) {
    return fail('unknown', error instanceof Error ? error.message : String(error));
  }
}

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
  const contentHtml = isOuter ? content.outerHTML : content.innerHTML;
  const textContent = readTextLines(content, Number.POSITIVE_INFINITY).join('\n');

  const signals = readPageSignals(doc, url);
  const meta = readMetadata(doc, url, { ...hints, text: textContent, signals });
  const dateOptions = { now: opts.now, lang: meta.lang, dateSelector: opts.dateSelector };
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
    published: findPublishedDate(doc, url, dateOptions),
    modified: findModifiedDate(doc, url, dateOptions),
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
  const container = parseInert(doc, html);
  removeAll(container, ACTIVE_CONTENT);
  cleanAttributes(container);
  const text = normalizeSpace(container.textContent);
  if (!text && !container.querySelector('img')) return fail('not-an-article', 'The selection has no text.');
  return ok({ content: container, kind: 'selection', hints: {} });
}

/** Parses untrusted HTML in a document with no browsing context: nothing in it runs or loads. */
function parseInert(doc: Document, html: string): Element {
  const inert =
    typeof doc.implementation?.createHTMLDocument === 'function'
      ? doc.implementation.createHTMLDocument('')
      : (doc.cloneNode(false) as Document); // linkedom has no DOMImplementation
  const container = inert.createElement('div');
  container.insertAdjacentHTML('afterbegin', html);
  return container;
}

function pickFromClone(doc: Document, opts: ExtractOptions, mode: 'article' | 'page'): Result<Picked> {
  const clone = doc.cloneNode(true) as Document;
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
