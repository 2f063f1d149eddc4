// DOM: a person's byline shown on the page, preferred to a metadata author that is the outlet itself: `<meta
// name="author" content="El Mostrador">` on the site El Mostrador, while the headline stands over `por Raúl Espina`.
import type { ArticleHints, PageSignals } from './page-signals';
import { dereference, namesOf } from './page-signals';
import type { JsonLdNode } from './json-ld';
import { articleNodes, typesOf } from './json-ld';
import { isRecord } from '../pure/result';
import { NAME, readBylineParts } from './byline-parts';
import { BLOCK_TAGS, UNSEEN_TAGS } from './html-blocks';
import { isChromeBox, isInChrome } from './page-chrome';
import { textFitsIn } from './text-length';
import { declaredSiteNames } from './title';
import { hasLeadingLabel } from '../pure/byline-label';
import { cleanByline } from '../pure/byline-text';
import { compact, countHan, firstLines, normalizeSpace } from '../pure/page-text';
import { hostLabels } from '../pure/site-title';

const MAX_LINE_CHARS = 120;
/** Lines read after the headline for a labelled byline. */
const LINES_AFTER_HEADLINE = 15;
/** The article text's first lines read when the page has no headline element. */
const ARTICLE_LINES = 8;
/** A host name with any top-level domain: `24horas.cl`. */
const DOMAIN = /^(?:[\p{L}\d-]+\.)+\p{L}{2,}$/u;

/**
 * Whether a Latin metadata author names the outlet: `site` for the declared site (og:site_name, the JSON-LD
 * publisher) or a domain; `host` for a longer name holding the host's own word (`Bund der Energieverbraucher e.V.`
 * on energieverbraucher.de). A name that is the host's word itself (`Simon Sarris` on simonsarris.substack.com)
 * may be a writer's own site: no outlet.
 */
function outletKind(value: string, sites: string[], url: string): 'site' | 'host' | null {
  const c = compact(value);
  // `Do UOL` ("from UOL") on UOL: the site's name with a word before or after it is still the site.
  const isSite = (site: string): boolean => {
    const n = compact(site);
    return n === c || (n.length >= 3 && (c.startsWith(n) || c.endsWith(n)));
  };
  if (!c || DOMAIN.test(value) || sites.some(isSite)) return 'site';
  const inHost = hostLabels(url).some((label) => {
    const l = compact(label);
    return l.length >= 5 && c !== l && c.includes(l);
  });
  return inHost ? 'host' : null;
}

/**
 * Elements a page marks as its writer's: `rel=author`, `itemprop=author`, a class naming the author or byline (also
 * as Spanish, Portuguese and German write it: `autor`), a link to an author page.
 */
const AUTHOR_SELECTOR =
  '[rel="author"], [itemprop~="author"], [class*="author" i], [class*="autor" i], [class*="byline" i], a[href*="/author/"], a[href*="/autor/"]';
const MAX_AUTHOR_ELEMENTS = 60;
/** Where a name credits someone other than the article's writer: a quote's author, a picture's credit. */
const QUOTED = 'blockquote, figure, cite';
/**
 * Blocks whose lines are no byline: headings (a section head `<h2>Von Der Leyen Meets Biden</h2>`) and captions.
 * `h5` and `h6` stay: templates set the meta line under the headline in them (`<h5><em>Von Leonora Holling</em>`).
 */
const NOT_BYLINE_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'FIGCAPTION', 'FIGURE', 'BLOCKQUOTE']);

/**
 * Whether an author element credits someone else: it sits in the page's chrome (comments, side columns, lists of
 * other stories), in a quote or a figure, or inside a link: a teaser card (`<a href="/other-story"><h3>…</h3><div
 * class="author-name">Von …</div></a>`) credits another story.
 */
function creditsOther(el: Element): boolean {
  if (el.parentElement?.closest('a') || el.closest(QUOTED)) return true;
  return isInChrome(el);
}

/**
 * Whether `el` stands with the headline: after it (not inside it, nor around it), or in the short meta block right
 * above it (`<div class="meta"><div>22.11.2022</div><h5 class="…-author">…</h5></div><h1>…`); any element when
 * there is no headline. Read from the tree, not `compareDocumentPosition`: linkedom's places an element nested in
 * an earlier block after the headline.
 */
function byHeadline(el: Element, headline: Element | null): boolean {
  if (!headline) return true;
  if (headline.contains(el) || el.contains(headline)) return false;
  // The ancestor holding both: is `el`'s branch of it after the headline's branch?
  let branch: Element = el;
  while (branch.parentElement && !branch.parentElement.contains(headline)) branch = branch.parentElement;
  let headBranch: Element = headline;
  while (headBranch.parentElement && headBranch.parentElement !== branch.parentElement)
    headBranch = headBranch.parentElement;
  if (branch === headBranch.previousElementSibling) return textFitsIn(branch, MAX_LINE_CHARS);
  for (let next = headBranch.nextElementSibling; next; next = next.nextElementSibling)
    if (next === branch) return true;
  return false;
}

/** The names of a JSON-LD publisher that is a Person: a blog's publisher is its writer, not an outlet. */
function personPublishers(signals: PageSignals): string[] {
  const nodes = signals.jsonLd;
  return articleNodes(nodes)
    .map((node) => dereference(node.publisher, nodes))
    .filter((p): p is JsonLdNode => isRecord(p) && typesOf(p as JsonLdNode).includes('Person'))
    .flatMap((p) => namesOf(p, nodes))
    .map(compact);
}

/** The byline's line an author element stands in: a link's whole block (`<a>Isabel Caro</a>, <a>…</a> y …`). */
function lineOf(el: Element): Element {
  if (el.tagName.toUpperCase() !== 'A') return el;
  let line: Element = el;
  while (line.parentElement && !BLOCK_TAGS.has(line.tagName.toUpperCase())) line = line.parentElement;
  return line;
}

/**
 * Whether a cleaned byline is one to four names and nothing else, each with a word of two letters or more (`S.` is
 * an initial). Unlabelled, a name needs two words: `Stand`, `Автор` are labels, not people.
 */
function isNameList(names: string, minWords = 1): boolean {
  if (/\d/u.test(names)) return false;
  const parts = names.split(/\s*,\s*|\s+(?:and|und|y|e|et|en|og|och|i)\s+|\s*&\s*/u);
  return (
    parts.length <= 4 &&
    parts.every((p) => NAME.test(p) && /\p{L}{2}/u.test(p) && p.split(/\s+/u).length >= minWords)
  );
}

/**
 * The names in the first element the page marks as its author's, when they are names, not the outlet's, and on a
 * line around the headline.
 */
function findMarkedAuthor(doc: Document, sites: string[], url: string, signals: PageSignals): string | null {
  const topLines = signals.topLines;
  for (const el of Array.from(doc.querySelectorAll(AUTHOR_SELECTOR)).slice(0, MAX_AUTHOR_ELEMENTS)) {
    if (!byHeadline(el, signals.headline)) continue;
    const line = lineOf(el);
    if (!textFitsIn(line, MAX_LINE_CHARS) || creditsOther(el)) continue;
    // Read in its parts: `<span>Author</span><a>Andreas Kalt</a>` is a label and a name, not `AuthorAndreas`.
    for (const part of readBylineParts(line).split(' | ')) {
      const names = cleanByline(part);
      // Only a byline around the headline: a related story's card lower down credits its own writer.
      const nearHeadline = (names: string): boolean => topLines.some((l) => l.includes(names));
      if (names && isNameList(names, 2) && !outletKind(names, sites, url) && nearHeadline(names))
        return names;
    }
  }
  return null;
}

/** The names of a labelled byline line (`por Raúl Espina 4 mayo, 2022`, `Von Leonora Holling`), else null. */
function readLabelledLine(line: string): string | null {
  if (line.length > MAX_LINE_CHARS || !hasLeadingLabel(line)) return null;
  const names = cleanByline(line);
  return names && isNameList(names) ? names : null;
}

/**
 * The lines of the blocks after the headline, in page order: none from a heading, a caption, a quote, the page's
 * chrome (a related card, a most-read list), nor a line that is all one link (a kicker `<a>By Invitation</a>`).
 */
function linesAfterHeadline(headline: Element): string[] {
  const lines: string[] = [];
  let current = '';
  let linked = true;
  const flush = (): void => {
    const line = normalizeSpace(current).trim();
    if (line && !linked) lines.push(line);
    current = '';
    linked = true;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (lines.length >= LINES_AFTER_HEADLINE) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      current += text;
      if (/\S/u.test(text) && !inLink) linked = false;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (UNSEEN_TAGS.has(tag) || NOT_BYLINE_TAGS.has(tag) || isChromeBox(el)) return;
    const block = BLOCK_TAGS.has(tag) || tag === 'BR';
    if (block) flush();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, inLink || tag === 'A');
    if (block) flush();
  };
  // From the headline's next sibling on, climbing to each ancestor's next siblings: the page after the headline.
  for (let at: Element | null = headline; at && lines.length < LINES_AFTER_HEADLINE; at = at.parentElement) {
    for (let next = at.nextSibling; next; next = next.nextSibling) walk(next, false);
    if (at.parentElement) flush();
  }
  flush();
  return lines;
}

/**
 * The byline the page shows when `value`, a metadata author, is the outlet's name: the names in the first element
 * marked as the author's after the headline (`<h5 class="field--name-field-term-author">`, links to `/autor/…`
 * pages), else a labelled line after the headline (`por Raúl Espina`). Null when `value` names someone else or the
 * page credits no one but the outlet.
 */
export function findPersonOverOutlet(
  doc: Document,
  value: string,
  url: string,
  signals: PageSignals,
  hints: ArticleHints,
): string | null {
  if (countHan(value) > 0) return null;
  const people = personPublishers(signals);
  const sites = declaredSiteNames(signals, hints).filter((name) => !people.includes(compact(name)));
  const kind = outletKind(value, sites, url);
  if (!kind) return null;
  // An element's unlabelled names only stand against the declared site: a name holding the host's word may be a desk.
  const marked = kind === 'site' ? findMarkedAuthor(doc, sites, url, signals) : null;
  if (marked) return marked;
  // With no headline found, the article's own first lines (Readability's text, chrome left out) stand for it.
  const lines = signals.headline
    ? linesAfterHeadline(signals.headline)
    : firstLines(hints.text ?? '', ARTICLE_LINES);
  for (const line of lines) {
    const names = readLabelledLine(line);
    if (names && !outletKind(names, sites, url)) return names;
  }
  return null;
}
