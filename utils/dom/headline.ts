// DOM: the one headline finder: the element the title, byline, site-name and date searches all read around.
import { compact, normalizeSpace } from '../pure/page-text';
import { isHeadlineSized } from '../pure/site-title';

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
    const isNamed = compactTitles.some(
      (t) => t === c || (c.length >= 6 && t.startsWith(c)) || (t.length >= 6 && c.startsWith(t)),
    );
    if (isNamed) score += 3;
    // Mobile portals box the headline and its date line in an <aside>: one the page's title names is no sidebar.
    const chrome = isNamed ? 'nav, footer' : 'nav, footer, aside';
    if (SITE_CHROME.test(classAndId(el)) || el.querySelector('img') || el.closest(chrome)) score -= 4;
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
export function findTitleTextElement(doc: Document, title: string): Element | null {
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

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '').toLowerCase();
}

const SHORT_TEXT_TAGS = 'h2, h3, b, strong, font, td, div, p, span';

/**
 * A heading-like element that the tab title's first part names, by containment: the tab title often adds or
 * drops a few words (`FALL IN LOVE WITH BLACK` under `Fall in love with black – Shop`). An h1 first, else the
 * first short element outside links; else the first h1, else an article h2 or a `*-title` class.
 */
function findTitleHeadElement(doc: Document, docTitle: string): Element | null {
  const head = squash(docTitle.split(/\s[-|–—]\s|[_|｜]/)[0]);
  const isTitleLike = (el: Element): boolean => {
    const text = squash(el.textContent);
    return head.length >= 4 && text.length >= 4 && (text.includes(head) || head.includes(text));
  };
  const h1s = Array.from(doc.querySelectorAll('h1'))
    .slice(0, 10)
    .filter((el) => (el.textContent ?? '').trim().length >= 4 && !el.closest('nav, footer, aside'));
  const matching = h1s.find(isTitleLike);
  if (matching) return matching;
  if (head.length >= 6) {
    for (const el of Array.from(doc.querySelectorAll(SHORT_TEXT_TAGS)).slice(0, 3000)) {
      if (el.closest('head, title, a')) continue;
      const text = squash(el.textContent);
      if (text.length >= 6 && text.length <= head.length * 1.5 + 10 && isTitleLike(el)) return el;
    }
  }
  return h1s[0] ?? doc.querySelector('article h2, .entry-title, .post-title, [itemprop=headline]');
}

/**
 * The article's headline element, the one rule every search shares. In order of trust:
 * 1. `heading`, the scored heading (`findHeadlineElement`: headline markup, an h1 in the article, one the
 *    page's og:title / JSON-LD headline / `<title>` name; never the site's logo);
 * 2. the innermost element whose whole text is the analysed `title` (old table layouts: `<td><b>`);
 * 3. an element that the tab title's first part names by containment, else the first h1 or `*-title`.
 *
 * Measured with `npm run bench:corpus`: steps 2–3 after 1 date more pages than either the date search's old
 * rule (3 alone) or the title search's (1–2) did.
 */
export function findHeadline(
  doc: Document,
  heading: Element | null,
  title: string,
  docTitle: string,
): Element | null {
  return heading ?? findTitleTextElement(doc, title) ?? findTitleHeadElement(doc, docTitle);
}

/** The most copies of its headline a page shows (a sticky header's, a mobile layout's); more are a list. */
const MAX_HEADLINE_COPIES = 2;

/**
 * Other headings with the headline's own text, in document order: a sticky header repeats the `<h1>` above the
 * article, whose own `<h1>` and date line come further down. Only headings (an `h2` copy of an `h1` counts), and
 * none when the text recurs more often than a page repeats its headline.
 */
export function findHeadlineCopies(doc: Document, headline: Element | null): Element[] {
  if (!headline || !/^H[1-6]$/i.test(headline.tagName)) return [];
  const text = normalizeSpace(headline.textContent);
  if (!isHeadlineSized(text)) return [];
  const wanted = compact(text);
  const copies = Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .slice(0, 200)
    .filter(
      (el) =>
        el !== headline &&
        !el.contains(headline) &&
        !headline.contains(el) &&
        compact(el.textContent ?? '') === wanted,
    );
  return copies.length <= MAX_HEADLINE_COPIES ? copies : [];
}
