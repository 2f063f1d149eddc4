// Pure: which link is the article's own next page. A URL is another page of the same article when it is the
// article's URL with a page number added or changed (`content_1_2.html`, `/story/2/`, `?page=2`), on the same origin.

/** A link the page offers, as the DOM side read it (utils/dom/next-page.ts). */
export interface PageLink {
  /** Absolute URL. */
  url: string;
  /**
   * `rel`: `<link rel=next>` or `<a rel=next>`, the page's own word for it; `next`: a link reading "next page"
   * (`下一页`, `Next ›`); `number`: a link whose text is a page number.
   */
  kind: 'rel' | 'next' | 'number';
  /** The page number a `number` link shows. */
  shown?: number;
  /** Inside the article or just after it (a pager under the text), not in navigation or a related list. */
  isNearArticle: boolean;
}

/** Query parameters sites number their pages with. */
const PAGE_PARAMS = new Set([
  'page',
  'p',
  'pg',
  'pn',
  'pageno',
  'pagenum',
  'paged',
  'seite',
  'pagina',
  'pag',
]);
/** More pages than this in one article is a listing, not an article's pages. */
const MAX_PAGE_NUMBER = 999;

/** The page number in a URL and the URL without it: the "stem" every page of the article shares. */
interface Split {
  stem: string;
  page: number;
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** The URL with a trailing slash off its path: `/story/` and `/story` are one page. */
function normalize(href: string): string {
  const url = new URL(href);
  url.hash = '';
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

function toPage(digits: string): number | null {
  const page = Number(digits);
  return Number.isInteger(page) && page >= 0 && page <= MAX_PAGE_NUMBER ? page : null;
}

/**
 * Every way to read a page number out of `url`, most specific first: a page query parameter, then a number at the
 * end of the path (`_2.html`, `-p2.html`, `/page/2`, `/2`).
 */
function splitPageNumber(url: URL): Split[] {
  const splits: Split[] = [];
  for (const [name, value] of url.searchParams) {
    if (!PAGE_PARAMS.has(name.toLowerCase()) || !/^\d{1,3}$/.test(value)) continue;
    const page = toPage(value);
    if (page === null) continue;
    const copy = new URL(url.href);
    copy.searchParams.delete(name);
    splits.push({ stem: normalize(copy.href), page });
  }
  const path = url.pathname.replace(/\/+$/, '');
  const patterns: RegExp[] = [
    // content_70001_2.html, story-2.shtml, article_p2.htm
    /^(.*[^/_-])[_-](?:p|page)?(\d{1,3})(\.[a-z]{2,5})$/i,
    // /story/page/2, /story/2
    /^(.*[^/])\/(?:page\/|p\/)?(\d{1,3})()$/i,
    // /story-page2, /story_p2
    /^(.*[^/_-])[_-](?:p|page)(\d{1,3})()$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(path);
    if (!match) continue;
    const page = toPage(match[2] ?? '');
    if (page === null) continue;
    const copy = new URL(url.href);
    copy.pathname = `${match[1] ?? ''}${match[3] ?? ''}`;
    splits.push({ stem: normalize(copy.href), page });
  }
  return splits;
}

export interface PagePair {
  current: number;
  candidate: number;
  /** The current URL carries no page number (it is the article's plain URL). */
  isCurrentPlain: boolean;
}

/**
 * The page number `candidate` has among the pages of the article at `current`, and the number `current` has; null
 * when `candidate` is not another page of that article. A current URL with no number is page 1 (some sites number
 * the second page `_1`: then the candidate's number is 1, the same as the current one's).
 */
export function comparePages(current: string, candidate: string): PagePair | null {
  let here: URL;
  let there: URL;
  try {
    here = new URL(current);
    there = new URL(candidate);
  } catch {
    return null;
  }
  if (here.origin !== there.origin || !/^https?:$/.test(there.protocol)) return null;
  if (normalize(withoutHash(here)) === normalize(withoutHash(there))) return null;
  const herePlain = normalize(here.href);
  const hereSplits = splitPageNumber(here);
  for (const split of splitPageNumber(there)) {
    if (split.stem === herePlain) return { current: 1, candidate: split.page, isCurrentPlain: true };
    const same = hereSplits.find((mine) => mine.stem === split.stem);
    if (same) return { current: same.page, candidate: split.page, isCurrentPlain: false };
  }
  return null;
}

/** The link is a later page of the article: a higher number, or `_1` after an unnumbered first page. */
function isLaterPage(pages: PagePair): boolean {
  return pages.candidate > pages.current || (pages.isCurrentPlain && pages.candidate === 1);
}

/**
 * The article's next page among the links the page offers, or null. The page's own `rel=next` wins; then a "next
 * page" link near the article; then the number one above the current page in a pager near the article. Every
 * choice must be a later page of the same article (see `comparePages`) that has not been joined yet (`seen` holds
 * normalised URLs, see `toPageKey`).
 */
export function chooseNextPage(
  currentUrl: string,
  links: readonly PageLink[],
  seen: ReadonlySet<string> = new Set(),
): string | null {
  const order: PageLink['kind'][] = ['rel', 'next', 'number'];
  for (const kind of order) {
    let best: { url: string; page: number } | null = null;
    for (const link of links) {
      if (link.kind !== kind) continue;
      if (kind !== 'rel' && !link.isNearArticle) continue;
      const key = toPageKey(link.url);
      if (key === null || seen.has(key) || key === toPageKey(currentUrl)) continue;
      const pages = comparePages(currentUrl, link.url);
      if (!pages) continue;
      if (!isLaterPage(pages)) continue;
      // A pager's "3" is page 3 only when it is the page after this one: "1 2 [3] 4" next to page 2 is not next.
      if (kind === 'number' && link.shown !== pages.current + 1) continue;
      if (!best || pages.candidate < best.page) best = { url: link.url, page: pages.candidate };
    }
    if (best) return best.url;
  }
  return null;
}

/** The one form of a page URL for "already joined" checks: no fragment, no trailing slash. Null if not a URL. */
export function toPageKey(url: string): string | null {
  try {
    return normalize(url);
  } catch {
    return null;
  }
}

/** Text a link shows that means "next page", after arrows and spaces are taken off. */
const NEXT_WORDS = new Set([
  '下一页',
  '下页',
  '后页',
  '下一頁',
  '下頁',
  'next',
  'nextpage',
  'weiter',
  'nächsteseite',
  'suivant',
  'pagesuivante',
  'siguiente',
  'páginasiguiente',
  'successiva',
  'próxima',
  '次へ',
  '次のページ',
  '다음',
  'далее',
]);

/** Whether a link's text says "next page": `下一页`, `Next`, `Next page ›`, `»` alone. */
export function isNextPageText(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (/^[›»>→]{1,2}$/.test(trimmed)) return true;
  const word = trimmed.replace(/[\s›»>→\u00a0]+/g, '');
  return word !== '' && NEXT_WORDS.has(word);
}

/** The page number a pager link shows (`2`, `[2]`, `第2页`), or null. */
export function readShownPage(text: string): number | null {
  const match = /^\s*(?:\[|第)?\s*(\d{1,3})\s*(?:\]|页|頁)?\s*$/.exec(text);
  return match ? toPage(match[1] ?? '') : null;
}
