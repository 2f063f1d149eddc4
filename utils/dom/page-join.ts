// DOM: joins a multi-page article: follows the article's own next-page links, extracts each page and appends its
// article part once (repeated blocks dropped), stopping at a loop, a failed page, MAX_PAGES or MAX_JOINED_CHARS.
// Pages come from a loader the caller gives (the page's own fetch in the extension, local files in the CLI).
import { comparePages, toPageKey } from '../pure/next-page';
import { BlockSeen, isPagerText, toBlockKey } from '../pure/page-dedupe';
import type { Result } from '../pure/result';
import type { ClipDraft } from '../pure/types';
import { parseInert } from './markdown-inert';
import { findNextPageUrl } from './next-page';
import { readTextLines } from './text-lines';

/** Pages joined at most, the first included. */
export const MAX_PAGES = 20;
/** The joined article's HTML stops growing here: a 20-page article is ~1 MB; a runaway "article" is not. */
export const MAX_JOINED_CHARS = 4_000_000;

/** Elements compared for repeats: those with no such element inside (a paragraph, not the div around it). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, dl, div';

export interface LoadedPage {
  doc: Document;
  /** Where the page was read from (after redirects); the link's URL when the loader cannot tell. */
  url: string;
}

/** Extracts one page's article, with the same options as the first page. */
export type ExtractPage = (doc: Document, url: string) => Result<ClipDraft>;

/** A pager inside the article's own text: every link leads to another page of it and the text is only numbers. */
function isPager(el: Element, pageUrl: string): boolean {
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (links.length === 0 || !isPagerText(el.textContent ?? '')) return false;
  return links.every((a) => {
    const href = a.getAttribute('href') ?? '';
    // Either way round: page 2's "1" links the article's plain URL, which has no number to compare.
    return (
      comparePages(pageUrl, href) !== null ||
      comparePages(href, pageUrl) !== null ||
      toPageKey(href) === toPageKey(pageUrl)
    );
  });
}

/** Takes out the pagers (and their empty wrappers) an article part kept: the joined post has no pages to turn. */
function removePagers(root: Element, pageUrl: string): void {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (!root.contains(link)) continue;
    let pager: Element | null = null;
    for (let el: Element | null = link; el && el !== root; el = el.parentElement) {
      if (isPager(el, pageUrl)) pager = el;
      else if (pager) break;
    }
    pager?.remove();
  }
}

function imageSources(el: Element): string[] {
  return Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('src') ?? '').filter(Boolean);
}

/** Removes blocks already kept from an earlier page; returns how many blocks of new content are left. */
function dropRepeats(root: Element, seen: BlockSeen): number {
  let fresh = 0;
  const leaves = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  for (const el of leaves) {
    const key = toBlockKey(el.textContent ?? '', imageSources(el));
    if (seen.isRepeat(key)) {
      let empty: Element = el;
      // A list or wrapper left with nothing in it goes too.
      while (
        empty.parentElement &&
        empty.parentElement !== root &&
        empty.parentElement.children.length === 1 &&
        !(empty.parentElement.textContent ?? '').replace(el.textContent ?? '', '').trim()
      )
        empty = empty.parentElement;
      empty.remove();
    } else if (key !== null) {
      fresh += 1;
    }
  }
  return fresh;
}

/** One article part, cleaned against the pages before it: its HTML, its text, and whether it held anything new. */
function preparePart(
  html: string,
  doc: Document,
  pageUrl: string,
  seen: BlockSeen,
): { html: string; text: string; fresh: number } {
  const box = parseInert(html, doc);
  removePagers(box, pageUrl);
  const fresh = dropRepeats(box, seen);
  return { html: box.innerHTML, text: readTextLines(box, Number.POSITIVE_INFINITY).join('\n'), fresh };
}

/** The join's state, driven page by page by `joinPages` or `joinPagesSync`. */
class Join {
  private readonly seen = new Set<string>();
  private readonly blocks = new BlockSeen();
  private readonly parts: { html: string; text: string }[] = [];
  private size = 0;
  private lastDoc: Document;
  private lastUrl: string;
  private lastText: string;
  private isDone = false;

  constructor(
    doc: Document,
    url: string,
    private readonly first: ClipDraft,
  ) {
    this.lastDoc = doc;
    this.lastUrl = url;
    this.lastText = first.textContent;
    for (const key of [toPageKey(url), first.canonical && toPageKey(first.canonical)])
      if (key) this.seen.add(key);
  }

  /** The next page to load, or null when the article ends (or the join must stop). */
  nextUrl(): string | null {
    if (this.isDone || this.parts.length + 1 >= MAX_PAGES) return null;
    const next = findNextPageUrl(this.lastDoc, this.lastUrl, this.lastText, this.seen);
    if (next === null) this.isDone = true;
    return next;
  }

  /** Adds a loaded page; false stops the join (failed page, nothing new, too large, a loop). */
  add(requested: string, page: LoadedPage | null, extract: ExtractPage): boolean {
    const keys = [toPageKey(requested), page && toPageKey(page.url)];
    for (const key of keys) if (key) this.seen.add(key);
    if (!page) return this.stop();
    const draft = extract(page.doc, page.url);
    if (!draft.ok) return this.stop();
    if (this.parts.length === 0) this.startParts();
    const part = preparePart(draft.value.contentHtml, page.doc, page.url, this.blocks);
    // A page that only repeats earlier ones is a loop back (or a site showing page 1 for every number).
    if (part.fresh === 0 || this.size + part.html.length > MAX_JOINED_CHARS) return this.stop();
    this.parts.push({ html: part.html, text: part.text });
    this.size += part.html.length;
    this.lastDoc = page.doc;
    this.lastUrl = page.url;
    this.lastText = draft.value.textContent;
    return true;
  }

  /** The first page's own part, its pagers removed and its blocks recorded, once a second page is there. */
  private startParts(): void {
    const part = preparePart(this.first.contentHtml, this.lastDoc, this.lastUrl, this.blocks);
    this.parts.push({ html: part.html, text: part.text });
    this.size = part.html.length;
  }

  private stop(): false {
    this.isDone = true;
    return false;
  }

  /** The first page's draft with every joined part's content; unchanged when nothing was joined. */
  result(): ClipDraft {
    if (this.parts.length < 2) return this.first;
    return {
      ...this.first,
      contentHtml: this.parts.map((part) => part.html).join('\n'),
      textContent: this.parts.map((part) => part.text).join('\n'),
      pagesJoined: this.parts.length,
    };
  }
}

/**
 * Joins the pages after `first` (the draft extracted from `doc` at `url`), loading each with `load`. A page that
 * fails to load or extract stops the join and keeps what was joined. `isExpired` stops it between pages (the
 * clip's time budget). Returns `first` itself when no other page was joined.
 */
export async function joinPages(
  doc: Document,
  url: string,
  first: ClipDraft,
  load: (url: string) => Promise<LoadedPage | null>,
  extract: ExtractPage,
  isExpired: () => boolean = () => false,
): Promise<ClipDraft> {
  const join = new Join(doc, url, first);
  for (let next = join.nextUrl(); next !== null && !isExpired(); next = join.nextUrl()) {
    const page = await load(next).catch(() => null);
    if (!join.add(next, page, extract)) break;
  }
  return join.result();
}

/** `joinPages` with a loader that answers at once (the CLI's local files). */
export function joinPagesSync(
  doc: Document,
  url: string,
  first: ClipDraft,
  load: (url: string) => LoadedPage | null,
  extract: ExtractPage,
): ClipDraft {
  const join = new Join(doc, url, first);
  for (let next = join.nextUrl(); next !== null; next = join.nextUrl()) {
    let page: LoadedPage | null;
    try {
      page = load(next);
    } catch {
      page = null;
    }
    if (!join.add(next, page, extract)) break;
  }
  return join.result();
}
