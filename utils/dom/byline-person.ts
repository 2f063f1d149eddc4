// DOM: a person's byline shown on the page, preferred to a metadata author that is the outlet itself: `<meta
// name="author" content="El Mostrador">` on the site El Mostrador, while the headline stands over `por Raúl Espina`.
import type { ArticleHints, PageSignals } from './page-signals';
import { dereference, namesOf } from './page-signals';
import type { JsonLdNode } from './json-ld';
import { articleNodes, typesOf } from './json-ld';
import { isRecord } from '../pure/result';
import { readBylineParts } from './byline-parts';
import { BLOCK_TAGS } from './html-blocks';
import { textFitsIn } from './text-length';
import { declaredSiteNames } from './title';
import { hasLeadingLabel } from '../pure/byline-label';
import { cleanByline } from '../pure/byline-text';
import { compact, countHan } from '../pure/page-text';
import { hostLabels } from '../pure/site-title';

const MAX_LINE_CHARS = 120;
/** One name as a Latin byline writes it: one to five capitalised words, with the particles names carry. */
const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|del|la|le|di|du|dos|das|y)\s+)*\p{Lu}[\p{L}'’.-]*){0,4}$/u;
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
/** Readers' names (comments) and the page's side columns (a quote widget's author) are no byline. */
const ASIDE = /(?:^|[\s_-])(?:comments?|reply|replies|kommentare?|comentarios?|widget|sidebar)(?:$|[\s_-])/iu;
const ASIDE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER']);

/**
 * Whether the element or an ancestor is a comment, a widget or a side column, or it sits inside a link: a teaser
 * card (`<a href="/other-story"><h3>…</h3><div class="author-name">Von …</div></a>`) credits another story.
 */
function inAside(el: Element): boolean {
  // The page's own wrappers (`<body class="no-sidebars">`) say nothing of where the element stands.
  for (let e: Element | null = el; e && e !== el.ownerDocument.body; e = e.parentElement) {
    if (e !== el && e.tagName.toUpperCase() === 'A') return true;
    if (ASIDE_TAGS.has(e.tagName.toUpperCase()) || e.getAttribute('role') === 'complementary') return true;
    if (ASIDE.test(`${e.getAttribute('class') ?? ''} ${e.id}`)) return true;
  }
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
function findMarkedAuthor(doc: Document, sites: string[], url: string, topLines: string[]): string | null {
  for (const el of Array.from(doc.querySelectorAll(AUTHOR_SELECTOR)).slice(0, MAX_AUTHOR_ELEMENTS)) {
    const line = lineOf(el);
    if (!textFitsIn(line, MAX_LINE_CHARS) || inAside(el)) continue;
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
 * The byline the page shows when `value`, a metadata author, is the outlet's name: a labelled line around the
 * headline (`por Raúl Espina`), else the names in the first element marked as the author's (`<h5
 * class="field--name-field-term-author">`, links to `/autor/…` pages). Null when `value` names someone else or the
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
  for (const line of signals.topLines) {
    const names = readLabelledLine(line);
    if (names && !outletKind(names, sites, url)) return names;
  }
  // An element's unlabelled names only stand against the declared site: a name holding the host's word may be a desk.
  return kind === 'site' ? findMarkedAuthor(doc, sites, url, signals.topLines) : null;
}
