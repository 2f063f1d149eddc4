// Node: the CLI's DOM boundary: HTML text to a Document (parse5's tree in linkedom), and the page's own URL when the user gave none.
import { installSelectorCache } from './linkedom-selectors';
import { parseToLinkedom } from './parse5-linkedom';
import { installTextRuns } from './parse5-text-runs';

// Once per process, before the first parse: plain text runs read in one step (same tree, see parse5-text-runs.ts).
installTextRuns();

/**
 * Parses a page into a Document the pipeline can read, shaped as a browser builds it. `url` is where the page came
 * from.
 *
 * linkedom's parser (htmlparser2) is not the HTML standard's tree builder: it leaves body content that sits in
 * `<head>` there (browsers move it and everything after it into `<body>`), drops what comes after `</html>`, nests
 * a stray `<head>` or `<html>` inside the body and puts `<template>` contents in the live tree. On such pages
 * Readability, climbing from its best candidate to `<body>`, ran off the top of the document and threw
 * `Cannot read properties of null (reading 'tagName')`; on others the CLI read text the browser never shows.
 * parse5 implements the standard's algorithm (the one Chromium and Firefox follow), and builds linkedom's nodes
 * itself (parse5-linkedom.ts): no tree of its own to copy, no serialise and parse again.
 */
export function parseHtmlDocument(html: string, url: string): Document {
  const document = parseToLinkedom(html);
  installSelectorCache(document);
  setDocumentUrl(document, url);
  return document;
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
