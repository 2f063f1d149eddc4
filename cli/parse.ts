// Node: the CLI's DOM boundary: HTML text to a Document (linkedom), and the page's own URL when the user gave none.
import { parseHTML } from 'linkedom';

/** Parses a page into a Document the pipeline can read. `url` is where the page came from. */
export function parseHtmlDocument(html: string, url: string): Document {
  // linkedom types parseHTML's result as a browser Window; its `document` is linkedom's own, which implements
  // the parts of Document the pipeline uses (Readability and turndown run on it). Cast once, here.
  let { document } = parseHTML(html) as unknown as { document: Document };
  if (!isBrowserShaped(document)) {
    ({ document } = parseHTML(toBrowserShape(html)) as unknown as { document: Document });
  }
  setDocumentUrl(document, url);
  return document;
}

/** `<html>` holding one `<head>` and one `<body>`, nothing else: what a browser always builds. */
function isBrowserShaped(doc: Document): boolean {
  const root = doc.documentElement as Element | null;
  if (root?.tagName.toUpperCase() !== 'HTML') return false;
  const names = Array.from(root.children, (child) => child.tagName.toUpperCase());
  return (
    names.filter((name) => name === 'BODY').length === 1 &&
    names.every((name) => name === 'HEAD' || name === 'BODY')
  );
}

const HEAD_ONLY_TAGS = /<title\b[^>]*>[\s\S]*?<\/title\s*>|<(?:meta|link|base)\b[^>]*>/gi;
const CLOSING_ROOT_TAGS = /<\/(?:body|html)\s*>/gi;

/**
 * Browsers repair pages that omit `<html>`, `<head>` or `<body>` (common on old portals, and in saved fragments);
 * linkedom does not: it nests the whole page in its first tag, and Readability then finds no body. Rebuild the
 * skeleton from the tags that are there, keeping `<html lang>` and `<body class>`.
 */
export function toBrowserShape(html: string): string {
  const htmlTag = /<html\b[^>]*>/i.exec(html);
  const headOpen = /<head\b[^>]*>/i.exec(html);
  const headClose = /<\/head\s*>/i.exec(html);
  const bodyOpen = /<body\b[^>]*>/i.exec(html);
  const start = htmlTag ? htmlTag.index + htmlTag[0].length : 0;
  let head = '';
  let body: string;
  if (headOpen && headClose && headClose.index > headOpen.index) {
    head = html.slice(headOpen.index + headOpen[0].length, headClose.index);
  }
  if (bodyOpen) {
    if (!head) head = html.slice(start, bodyOpen.index).replace(/<!doctype[^>]*>/i, '');
    body = html.slice(bodyOpen.index + bodyOpen[0].length);
  } else {
    body = headClose ? html.slice(headClose.index + headClose[0].length) : html.slice(start);
    body = body.replace(/<!doctype[^>]*>/i, '');
    // With no <body> tag, the page's metadata sits among its content: move it where readers look for it.
    const metadata: string[] = [];
    body = body.replace(HEAD_ONLY_TAGS, (tag) => {
      metadata.push(tag);
      return '';
    });
    head += metadata.join('');
  }
  const htmlAttrs = htmlTag ? htmlTag[0].slice(5, -1) : '';
  const bodyAttrs = bodyOpen ? bodyOpen[0].slice(5, -1) : '';
  return `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body${bodyAttrs}>${body.replace(CLOSING_ROOT_TAGS, '')}</body></html>`;
}

/** Readability resolves relative links against `baseURI`/`documentURI`; linkedom leaves them empty or relative. */
export function setDocumentUrl(doc: Document, url: string): void {
  // By tag, not `querySelector('base[href]')`: linkedom compiles a selector on every call.
  const baseHref = Array.from(doc.getElementsByTagName('base'))
    .find((el) => el.hasAttribute('href'))
    ?.getAttribute('href');
  let base = url;
  try {
    base = baseHref ? new URL(baseHref, url).href : url;
  } catch {
    // An unusable <base> is ignored, as browsers do.
  }
  const values = { documentURI: url, URL: url, baseURI: base };
  for (const [key, value] of Object.entries(values)) {
    try {
      Object.defineProperty(doc, key, { value, configurable: true });
    } catch {
      // A DOM that refuses the property still gets the URL passed to the pipeline explicitly.
    }
  }
}

function toWebUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const parsed = new URL(raw.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The page's own absolute URL from `<link rel=canonical>` or `og:url`, or null. */
export function findPageUrl(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const ogUrl = doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  return toWebUrl(canonical) ?? toWebUrl(ogUrl);
}
