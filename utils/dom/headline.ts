// DOM: finds the article's headline element, which the title, byline, site-name and date searches read around.
// Both rules live here, side by side, until one rule scores the same for all (see findTitleMatchedHeadline).
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
    if (
      compactTitles.some(
        (t) => t === c || (c.length >= 6 && t.startsWith(c)) || (t.length >= 6 && c.startsWith(t)),
      )
    )
      score += 3;
    if (SITE_CHROME.test(classAndId(el)) || el.querySelector('img') || el.closest('nav, footer, aside'))
      score -= 4;
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

/**
 * The headline as the date search anchors on it: an h1 that matches the page's `<title>`, else any short element
 * that does (old table layouts put the headline in `<b>` or `<font>`), else the first h1.
 *
 * Not yet merged with `findHeadlineElement`: giving the date search that finder's element (measured with
 * `npm run bench:corpus`) moved the htmldate set from 875/995 to 874/995 and the Chinese dates from 47/51 to
 * 44/51, so the two rules stay until a merged rule scores the same on both.
 */
export function findTitleMatchedHeadline(doc: Document): Element | null {
  const titleText = doc.querySelector('title')?.textContent ?? '';
  const head = squash(titleText.split(/\s[-|–—]\s|[_|｜]/)[0]);
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
    const tags = 'h2, h3, b, strong, font, td, div, p, span';
    for (const el of Array.from(doc.querySelectorAll(tags)).slice(0, 3000)) {
      if (el.closest('head, title, a')) continue;
      const text = squash(el.textContent);
      if (text.length >= 6 && text.length <= head.length * 1.5 + 10 && isTitleLike(el)) return el;
    }
  }
  return h1s[0] ?? doc.querySelector('article h2, .entry-title, .post-title, [itemprop=headline]');
}
