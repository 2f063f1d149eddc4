// DOM: the page-signals object every finder reads (meta tags, JSON-LD, the article node, the headline, the lines
// around it), its structured half read here; read-signals.ts adds the headline half.
import type { JsonLdNode } from './json-ld';
import { articleNodes, readJsonLd, stringProp, typesOf } from './json-ld';
import { clean, normalizeSpace } from '../pure/page-text';
import { isRecord } from '../pure/result';

/** Structured data read once per page: what the headline search itself needs. */
export interface StructuredSignals {
  /** Lower-cased meta `name` / `property` / `itemprop` → contents, in page order. */
  meta: Map<string, string[]>;
  /** Every JSON-LD node on the page. */
  jsonLd: JsonLdNode[];
  /** The JSON-LD article node that describes this page, if any. */
  article: JsonLdNode | null;
  /** The `<title>` text, unnormalised. */
  docTitle: string;
}

/** The headline's text, the site name the title carries, and the headline element (headline.ts's one rule). */
export interface TitleAnalysis {
  title: string;
  removed: string | null;
  headline: Element | null;
}

/** Everything the finders read, taken from the page once per clip (`readPageSignals` in read-signals.ts). */
export interface PageSignals extends StructuredSignals {
  title: TitleAnalysis;
  /** The article's headline element, shared by the title, byline, site-name and date searches. */
  headline: Element | null;
  /** Lines around the headline and the article's first lines, where bylines and `来源：` lines sit. */
  topLines: string[];
  /** The line right after the headline, where a bare line of names may sit. */
  lineAfterHeadline: string | null;
}

/** What Readability (or the caller) found; ranked below the page's own metadata. */
export interface ArticleHints {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  dir?: string | null;
  siteName?: string | null;
  /**
   * The article's plain text, for the language fallback and the top-of-article lines: of a long article only its
   * first and last lines (readTextEnds), so a reader must look no further than TEXT_HEAD_* / TEXT_TAIL_LINES.
   */
  text?: string | null;
  signals?: PageSignals;
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

export function resolveHttpUrl(value: string | null | undefined, base: string): string | null {
  const href = resolveUrl(value, base);
  return href && /^https?:/i.test(href) ? href : null;
}

/** The page URL, or the page's `<base href>` resolved against it. Linkedom documents have no usable baseURI. */
export function findBaseUrl(doc: Document, url: string): string {
  // By tag, not `querySelector('base[href]')`: linkedom compiles a selector on every call.
  const base = Array.from(doc.getElementsByTagName('base')).find((el) => el.hasAttribute('href'));
  return resolveUrl(base?.getAttribute('href'), url) ?? url;
}

/** Reads meta tags, JSON-LD and `<title>` once. `url` picks the article node when a page carries several. */
export function readStructuredSignals(doc: Document, url: string): StructuredSignals {
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
  const docTitle = doc.querySelector('title')?.textContent ?? '';
  return { meta, jsonLd, article: pickArticleNode(jsonLd, url), docTitle };
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

export function stripFragment(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

export function metaValue(signals: StructuredSignals, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = signals.meta.get(key)?.[0];
    if (value) return value;
  }
  return null;
}

export function metaValues(signals: StructuredSignals, key: string): string[] {
  return signals.meta.get(key) ?? [];
}

/** A `{ "@id": … }` reference replaced by the node it points to (publisher and author often are). */
export function dereference(value: unknown, nodes: JsonLdNode[]): unknown {
  if (!isRecord(value) || typeof value['@id'] !== 'string' || typeof value.name === 'string') return value;
  const id = value['@id'];
  return nodes.find((n) => n !== value && n['@id'] === id) ?? value;
}

export function namesOf(value: unknown, nodes: JsonLdNode[]): string[] {
  const decoded = parseEmbeddedJson(value);
  const list = Array.isArray(decoded) ? decoded : [decoded];
  const names: string[] = [];
  for (const item of list) {
    const target = dereference(parseEmbeddedJson(item), nodes);
    // One Person node may list several people: `{"@type":"Person","name":["Darian Woods","Sarah Gonzalez"]}`.
    const listed = isRecord(target) && Array.isArray(target.name) ? target.name : null;
    const values = listed ?? [
      typeof target === 'string' ? target : isRecord(target) ? stringProp(target, 'name') : null,
    ];
    for (const name of values) {
      const cleaned = typeof name === 'string' ? clean(name) : '';
      if (cleaned && !names.includes(cleaned)) names.push(cleaned);
    }
  }
  return names;
}

/**
 * A value some CMSs encode twice: `"author": "{ \"@type\":\"Person\", \"name\":\"Alice Wu\" }"`. A string that is a JSON
 * object or list is read as one; any other value is returned as it is.
 */
function parseEmbeddedJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{][\s\S]*[\]}]\s*$/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The caller's signals, else the structured half read now (for a finder called on its own). */
export function structuredOf(doc: Document, url: string, hints: ArticleHints): StructuredSignals {
  return hints.signals ?? readStructuredSignals(doc, url);
}
