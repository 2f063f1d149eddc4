// DOM: reads a page's JSON-LD blocks into plain objects (flattening arrays and @graph). Takes a Document, reads no globals.
import { isRecord } from '../pure/result';

export type JsonLdNode = Record<string, unknown>;

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  out.push(value);
  if ('@graph' in value) collect(value['@graph'], out, depth + 1);
}

// Old pages hide script text from XHTML and pre-script browsers: `<!-- … -->`, `<![CDATA[ … ]]>`, `//<![CDATA[`.
const SCRIPT_WRAPPER_START = /^(?:(?:\/\/|\/\*)?\s*(?:<!--|<!\[CDATA\[)\s*(?:\*\/)?\s*)+/;
const SCRIPT_WRAPPER_END = /(?:\s*(?:\/\/|\/\*)?\s*(?:-->|\]\]>)\s*(?:\*\/)?)+$/;

/** A script's JSON text without the comment or CDATA wrapper some pages put around it. */
export function unwrapScriptText(text: string): string {
  return text.trim().replace(SCRIPT_WRAPPER_START, '').replace(SCRIPT_WRAPPER_END, '').trim();
}

/** Every JSON-LD object on the page, top-level and inside `@graph`, in document order. Broken blocks are skipped. */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = unwrapScriptText(script.textContent ?? '');
    if (!text) continue;
    try {
      collect(JSON.parse(text) as unknown, out, 0);
    } catch {
      // Pages often ship JSON-LD with raw newlines or trailing commas; one bad block must not hide the others.
      try {
        collect(JSON.parse(text.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as unknown, out, 0);
      } catch {
        /* unreadable: skip */
      }
    }
  }
  return out;
}

/** The node's `@type` as a list of strings. */
export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'ScholarlyArticle',
  'TechArticle',
  'LiveBlogPosting',
  'Report',
  'SocialMediaPosting',
  'WebPage',
]);

/** Article-like nodes first (NewsArticle, BlogPosting…), then WebPage, in page order. */
export function articleNodes(nodes: JsonLdNode[]): JsonLdNode[] {
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t) && t !== 'WebPage'));
  const pages = nodes.filter((n) => typesOf(n).includes('WebPage'));
  return [...articles, ...pages];
}

/** A string property, or the `name` of an object property, or the first of an array of either. */
export function stringProp(node: JsonLdNode, key: string): string | null {
  const value = node[key];
  const pick = (v: unknown): string | null => {
    if (typeof v === 'string') return v.trim() || null;
    if (isRecord(v) && typeof v.name === 'string') return v.name.trim() || null;
    if (isRecord(v) && typeof v['@value'] === 'string') return v['@value'].trim() || null;
    return null;
  };
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = pick(v);
      if (s) return s;
    }
    return null;
  }
  return pick(value);
}
