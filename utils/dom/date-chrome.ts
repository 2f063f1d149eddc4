// DOM: a full date in the page's chrome before the headline (a top bar's clock, `2019年9月8日 星期日`, as text or a
// `<time>`) against the article's own date line: the date line wins even when it needs the reference time
// (`09-07 19:02`, `3小时前`).
import type { DateParts } from '../pure/types';
import type { Candidate, Context, Kind } from './date-context';
import { DATE_HINT, hintText } from './date-context';
import { DATELINE_WINDOW, STRONG_DATELINE, hasOneDay, isInList } from './date-dateline';
import type { TextCandidate } from './date-text-search';
import { collectElements, headlineIndexOf, scoreTextCandidates, textPrefix } from './date-text-search';

/** Text (spaces aside) that an ancestor of the headline holds once it holds the article's text, not just its title. */
const ARTICLE_TEXT_CHARS = 200;

/**
 * The article's area: its `<article>`/`<main>`, else the nearest ancestor of the headline that also holds text
 * beyond the headline's own block (the date line and the first paragraphs). Null when that is the whole page.
 */
export function articleArea(headline: Element): Element | null {
  const semantic = headline.closest('article, main, [role=main]');
  if (semantic) return semantic;
  for (let el = headline.parentElement; el; el = el.parentElement) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') return null;
    const text = textPrefix(el, ARTICLE_TEXT_CHARS * 4).replace(/\s+/g, '');
    if (text.length >= ARTICLE_TEXT_CHARS) return el;
  }
  return null;
}

/** Whether a dated element is page chrome before the headline: in a banner, or a block outside the article's area. */
export function isChromeBeforeHeadline(el: Element, doc: Document, ctx: Context): boolean {
  return isChromeBefore(el, doc, ctx, articleAreaOnce());
}

/** `articleArea` of the headline, found on first use and then kept: one search for all of a page's candidates. */
function articleAreaOnce(): (headline: Element) => Element | null {
  let found: { area: Element | null } | null = null;
  return (headline) => (found ??= { area: articleArea(headline) }).area;
}

function isChromeBefore(
  el: Element,
  doc: Document,
  ctx: Context,
  areaOf: (headline: Element) => Element | null,
): boolean {
  const headline = ctx.headline;
  if (!headline || el === headline || el.contains(headline) || headline.contains(el)) return false;
  const headlineIndex = headlineIndexOf(doc, ctx);
  const index = collectElements(doc, ctx).indexOf(el);
  if (headlineIndex < 0 || index < 0 || index > headlineIndex) return false;
  // The article's own header (`<article><header>…`) is not the site's.
  const area = areaOf(headline);
  if (area?.contains(el)) return false;
  if (area) return true;
  const banner = el.closest('header, [role=banner]');
  return banner !== null && !banner.contains(headline) && !banner.closest('article');
}

/** A date on the article's own date line: in its area by the headline, marked as a date, one day, not a list. */
function isOwnDateline(c: TextCandidate, area: Element | null, headline: Element): boolean {
  if (c.score < STRONG_DATELINE || headline.contains(c.el)) return false;
  if (area ? !area.contains(c.el) : !c.el.closest('article')) return false;
  const parent = c.el.parentElement;
  if (!DATE_HINT.test(`${hintText(c.el)} ${parent ? hintText(parent) : ''}`)) return false;
  return !isInList(c.el) && hasOneDay(c.el);
}

/**
 * The article's own date line instead of `chosen` when `chosen` (the best full date in the text) is chrome before
 * the headline: such a clock tells the day the page was served. A full date on the date line comes first; then the
 * forms read against the reference time, a last resort elsewhere, because the date line's place vouches for them.
 */
export function preferDatelineOverChrome(
  chosen: Candidate,
  doc: Document,
  kind: Kind,
  ctx: Context,
  isUrlConsistent: (parts: DateParts) => boolean,
): Candidate {
  const headline = ctx.headline;
  const areaOf = articleAreaOnce();
  if (!headline || !chosen.el || !isChromeBefore(chosen.el, doc, ctx, areaOf)) return chosen;
  let line: TextCandidate | undefined;
  try {
    const area = areaOf(headline);
    // A full date on the date line first, then the forms read against the reference time.
    for (const withReference of [false, true]) {
      line = scoreTextCandidates(doc, kind, ctx, withReference, DATELINE_WINDOW)
        .filter((c) => c.el !== chosen.el && isUrlConsistent(c.candidate.parts))
        .sort((a, b) => b.score - a.score)
        .find((c) => isOwnDateline(c, area, headline) && !isChromeBefore(c.el, doc, ctx, areaOf));
      if (line) break;
    }
  } catch {
    // This only refines a date already found: whatever fails here (a DOM refusing a query on an odd tree, linkedom's
    // plain Errors in the CLI alike) keeps that date, where rethrowing would lose it in the caller's guard.
    return chosen;
  }
  if (!line) return chosen;
  return {
    ...line.candidate,
    el: line.el,
    detail: `${line.candidate.detail} (date line over ${chosen.detail})`,
  };
}
