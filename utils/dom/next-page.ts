// DOM: finds the article's own next page on a page: `rel=next`, a "next page" link or the next number of a pager
// that sits inside the article or just after it. The choice among them is pure (utils/pure/next-page.ts).
import type { PageLink } from '../pure/next-page';
import { chooseNextPage, comparePages, isNextPageText, readShownPage } from '../pure/next-page';
import { isPagerText } from '../pure/page-dedupe';
import { normalizeSpace } from '../pure/page-text';
import { UNSEEN_TAGS } from './html-blocks';
import { findBaseUrl } from './page-signals';

/** Text that may sit between the article and its pager (an editor's line, a share bar) before they are apart. */
const NEAR_SLACK_CHARS = 300;
/** A text run shorter than this proves nothing by being in the article too ("1", "下一页"). */
const MIN_MATCH_CHARS = 8;
/** Where the search for article text stops, either way from a pager. */
const MAX_STEPS = 2_000;
const SKIPPED = new Set([...UNSEEN_TAGS, 'SVG']);

/** Text compared without its spacing: the article's text was re-spaced and lost its `　　` indents. */
function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

function isSkipped(node: Node): boolean {
  return node.nodeType === 1 && SKIPPED.has((node as Element).tagName.toUpperCase());
}

/** The node before `node` in document order, not entering scripts and styles. */
function previousInOrder(node: Node): Node | null {
  let prev = node.previousSibling;
  if (!prev) return node.parentNode;
  while (!isSkipped(prev) && prev.lastChild) prev = prev.lastChild;
  return prev;
}

/** The node after `node`'s whole subtree in document order. */
function nextAfter(node: Node): Node | null {
  let at: Node | null = node;
  while (at && !at.nextSibling) at = at.parentNode;
  return at?.nextSibling ?? null;
}

function nextInOrder(node: Node): Node | null {
  if (!isSkipped(node) && node.firstChild) return node.firstChild;
  return nextAfter(node);
}

/**
 * Whether the text nearest `from` (walking `step`) is the article's: a pager under the text, or over it, is the
 * article's pager; one in a menu or a related list meets other text first.
 */
function meetsArticleText(
  from: Node | null,
  step: (node: Node) => Node | null,
  article: () => string,
  within: Element,
): boolean {
  let other = 0;
  let at = from;
  for (let steps = 0; at && steps < MAX_STEPS; steps++, at = step(at)) {
    if (at.nodeType !== 3 || within.contains(at)) continue;
    const text = squash(at.textContent ?? '');
    if (!text) continue;
    if (text.length >= MIN_MATCH_CHARS && article().includes(text)) return true;
    other += text.length;
    if (other > NEAR_SLACK_CHARS) return false;
  }
  return false;
}

/** The pager (or the link itself) a link sits in: the block around it that holds only page links. */
function pagerOf(link: Element): Element {
  let block: Element = link;
  for (let parent = link.parentElement; parent && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    if (!isPagerText(parent.textContent ?? '')) break;
    block = parent;
  }
  return block;
}

function isNearArticle(link: Element, article: () => string): boolean {
  const pager = pagerOf(link);
  return (
    meetsArticleText(previousInOrder(pager), previousInOrder, article, pager) ||
    meetsArticleText(nextAfter(pager), nextInOrder, article, pager)
  );
}

function resolve(href: string | null, base: string): string | null {
  if (!href || /^\s*(?:javascript|mailto|data):/i.test(href)) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function linkText(a: Element): string {
  const text = normalizeSpace(a.textContent);
  if (text) return text;
  const img = a.querySelector('img[alt]');
  return normalizeSpace(img?.getAttribute('alt') ?? a.getAttribute('aria-label') ?? a.getAttribute('title'));
}

/**
 * The links on `doc` that may lead to the article's next page, read at `pageUrl`. `articleText` is the extracted
 * article's text, to tell a pager under the article from a menu's "next". Only links to another page of the same
 * article (`comparePages`) are measured for where they sit.
 */
export function findPageLinks(doc: Document, pageUrl: string, articleText: string): PageLink[] {
  // Squashed only when a page link needs it: on a long article that is most of the search's time, and most
  // pages have no page link at all.
  let squashed: string | null = null;
  const article = (): string => (squashed ??= squash(articleText));
  return collectPageLinks(doc, pageUrl, (a) => isNearArticle(a, article));
}

/**
 * Whether `doc` has any link that may lead to another page of the article: without one, findNextPageUrl is null
 * whatever the article's text, so a caller need not make that text to ask.
 */
export function hasPageLinks(doc: Document, pageUrl: string): boolean {
  return collectPageLinks(doc, pageUrl, () => false).length > 0;
}

function collectPageLinks(doc: Document, pageUrl: string, isNear: (a: Element) => boolean): PageLink[] {
  const base = findBaseUrl(doc, pageUrl);
  const links: PageLink[] = [];
  for (const el of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    if (!/(?:^|\s)next(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) continue;
    const url = resolve(el.getAttribute('href'), base);
    if (url && comparePages(pageUrl, url)) links.push({ url, kind: 'rel', isNearArticle: false });
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    // The link's kind first: most links are neither `next` nor a page number, and then no URL is parsed for them.
    const isRel = /(?:^|\s)next(?:\s|$)/i.test(a.getAttribute('rel') ?? '');
    const text = linkText(a);
    const shown = readShownPage(text);
    const kind = isRel ? 'rel' : isNextPageText(text) ? 'next' : shown !== null ? 'number' : null;
    if (kind === null) continue;
    const url = resolve(a.getAttribute('href'), base);
    if (!url || !comparePages(pageUrl, url)) continue;
    const link: PageLink = { url, kind, isNearArticle: isNear(a) };
    if (kind === 'number' && shown !== null) link.shown = shown;
    links.push(link);
  }
  return links;
}

/** The URL of the article's next page on `doc`, or null. `seen` holds the page keys already joined. */
export function findNextPageUrl(
  doc: Document,
  pageUrl: string,
  articleText: string,
  seen: ReadonlySet<string> = new Set(),
): string | null {
  return chooseNextPage(pageUrl, findPageLinks(doc, pageUrl, articleText), seen);
}
