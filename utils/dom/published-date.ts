// DOM: finds an article's published and modified dates by a cascade (JSON-LD, meta, <time>, text, URL). Takes a Document.
// The sources, in order of trust, live beside it: date-context (shared), date-text-search, date-url.
import { findDatesInText } from '../pure/date-parse';
import type { DateParts, FoundDate } from '../pure/types';
import type { Candidate, Context, DateSearchOptions, Kind } from './date-context';
import {
  ITEMPROP,
  JSON_LD_KEYS,
  META_KEYS,
  RDFA_PROPERTIES,
  UPDATE_HINT,
  UPDATE_LABEL,
  finish,
  hintText,
  inPublisherZone,
  isExcluded,
  isInSkippedContainer,
  isPlausible,
  makeContext,
  parseCandidate,
} from './date-context';
import { preferDatelineOverChrome } from './date-chrome';
import { addTimeOfDay, dayDiff, preferShownClock, preferShownDateline, settleUtcDay } from './date-dateline';
import { fromText, indexElements } from './date-text-search';
import { isConsistentWithUrl, preferLocalOffset, readUrlDate, readUrlDayFirst } from './date-url';
import { findScriptDates } from './script-dates';
import { withDeclaredYear } from './date-declared-year';
import { shareImageDate, titleDate } from './date-last-resort';
import type { JsonLdNode } from './json-ld';
import { articleNodes, stringProp, typesOf } from './json-ld';

export type { DateSearchOptions } from './date-context';
export { listTextDates } from './date-text-search';

// ---------------------------------------------------------------- rule, JSON-LD, meta

function fromSelector(doc: Document, selector: string, ctx: Context): Candidate[] {
  let elements: Element[];
  try {
    elements = Array.from(doc.querySelectorAll(selector)).slice(0, 50);
  } catch {
    return []; // an invalid selector from the user's rules must not break the clip
  }
  for (const el of elements) {
    const values = [
      el.getAttribute('datetime'),
      el.getAttribute('content'),
      el.getAttribute('title'),
      el.getAttribute('data-date'),
      el.textContent,
    ];
    for (const value of values) {
      const raw = value?.trim();
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) return [{ raw, source: 'rule', detail: selector, parts }];
    }
  }
  return [];
}

/**
 * JSON-LD dates. `articles`: the article's own nodes (NewsArticle…, WebPage); `others`: other typed nodes (VideoObject,
 * Event…), which carry the date of an embedded clip or event and so rank below the page's meta tags.
 */
function fromJsonLd(kind: Kind, ctx: Context, which: 'articles' | 'others'): Candidate[] {
  const nodes = ctx.jsonLd;
  const articles = articleNodes(nodes);
  // The site's own WebSite/Organization nodes carry founding dates, never the article's.
  const others = nodes.filter(
    (n) =>
      !articles.includes(n) &&
      !typesOf(n).some((t) =>
        /^(WebSite|Organization|NewsMediaOrganization|Person|Corporation|Brand)$/.test(t),
      ),
  );
  const visit = (node: JsonLdNode): Candidate | null => {
    for (const key of JSON_LD_KEYS[kind]) {
      const raw = stringProp(node, key);
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) {
        const type = typesOf(node)[0] ?? 'node';
        return { raw, source: 'json-ld', detail: `${type}.${key}`, parts };
      }
    }
    return null;
  };
  const out: Candidate[] = [];
  for (const node of (which === 'articles' ? articles : others).slice(0, 50)) {
    const found = visit(node);
    if (found) out.push(found);
  }
  return out;
}

function fromMeta(doc: Document, keys: string[], ctx: Context): Candidate[] {
  const found: { rank: number; candidate: Candidate }[] = [];
  for (const meta of indexElements(doc, ctx).metas.slice(0, 500)) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const rank = keys.indexOf(key);
      if (rank < 0) continue;
      const parts = parseCandidate(content, ctx);
      if (parts)
        found.push({
          rank,
          candidate: { raw: content, source: 'meta', detail: `meta[${attr}=${key}]`, parts },
        });
      break;
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.candidate);
}

/** Microdata on any element: `<span itemprop="datePublished" content=…>`, `<time itemprop=… datetime=…>`. */
function fromItemprop(doc: Document, kind: Kind, ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  // RDFa on any element: `<span property="schema:dateCreated" content=…>` (Drupal).
  const rdfa = RDFA_PROPERTIES[kind];
  for (const el of indexElements(doc, ctx).properties.slice(0, 500)) {
    const property = (el.getAttribute('property') ?? '').toLowerCase();
    const raw = el.getAttribute('content')?.trim();
    const parts = parseCandidate(raw, ctx);
    if (raw && parts && rdfa.includes(property) && !isInSkippedContainer(el, ctx)) {
      out.push({ raw, source: 'meta', detail: `[property=${property}]`, parts });
    }
  }
  const wanted = ITEMPROP[kind];
  for (const el of indexElements(doc, ctx).itemprops.slice(0, 2000)) {
    if ((el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/).indexOf(wanted) < 0) continue;
    if (isInSkippedContainer(el, ctx)) continue;
    for (const value of [el.getAttribute('datetime'), el.getAttribute('content'), el.textContent]) {
      const raw = value?.trim();
      const parts = parseCandidate(raw, ctx);
      if (raw && parts) {
        out.push({ raw, source: 'meta', detail: `[itemprop=${wanted}]`, parts });
        break;
      }
    }
    if (out.length >= 10) break;
  }
  return out;
}

// ---------------------------------------------------------------- <time> and <abbr>

function fromTimeElements(doc: Document, kind: Kind, ctx: Context): Candidate[] {
  const elements = indexElements(doc, ctx).times.slice(0, 500);
  const found: { score: number; candidate: Candidate }[] = [];
  for (const el of elements) {
    const isTime = el.tagName.toUpperCase() === 'TIME';
    const raw = (isTime ? el.getAttribute('datetime') : el.getAttribute('title'))?.trim();
    const parts = parseCandidate(raw, ctx);
    if (!raw || !parts) continue;
    if (isExcluded(el, ctx)) continue;
    const hints = `${hintText(el)} ${el.parentElement ? hintText(el.parentElement) : ''}`;
    const isUpdate = UPDATE_HINT.test(hints) || UPDATE_LABEL.test(precedingText(el));
    // WordPress marks one element `entry-date published updated` until a post is edited: it is both dates.
    const isMarkedPublished = /publish/i.test(hintText(el));
    if (kind === 'modified' ? !isUpdate : isUpdate && !isMarkedPublished) continue;
    let score = 1;
    if (el.hasAttribute('pubdate')) score += 4;
    if (/publish|entry-date|posted|created|pubdate|post-date|article-date/i.test(hints)) score += 3;
    if (el.closest('article, main, [role=main], header')) score += 1;
    const tag = isTime ? 'time[datetime]' : 'abbr[title]';
    const shown = shownOtherDay(el, parts, ctx);
    found.push({
      score,
      candidate: shown
        ? { raw: shown.text, source: 'time-element', detail: `${tag} text`, parts: shown.parts, el }
        : { raw, source: 'time-element', detail: tag, parts, el },
    });
  }
  // Stable sort: equal scores keep document order.
  return found.sort((a, b) => b.score - a.score).map((f) => f.candidate);
}

/**
 * The full date a `<time>` shows when it is days away from its machine-readable value: `<time datetime="2019-07-03…">
 * Publié le 29 juin 2019</time>` (a CMS writing its record's last save into the attribute). Readers see the text.
 * A day apart is left alone: a UTC value and a local text often differ so.
 */
function shownOtherDay(
  el: Element,
  stated: DateParts,
  ctx: Context,
): { text: string; parts: DateParts } | null {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < 6 || text.length > 80) return null;
  const dates = findDatesInText(text);
  const shown = dates.length === 1 ? dates[0] : undefined;
  if (!shown || !isPlausible(shown.parts, ctx.now, ctx.publisherOffset)) return null;
  return Math.abs(dayDiff(stated, shown.parts)) > 1 ? { text: shown.text, parts: shown.parts } : null;
}

function precedingText(el: Element): string {
  const prev = el.previousSibling;
  const text = prev?.textContent ?? '';
  return text.slice(-40);
}

// ---------------------------------------------------------------- cascade

const GENERIC_META = new Set(['dc.date', 'dcterms.date', 'dc:date', 'date', 'created', 'creation_date']);
/** In `steps` below: the generic-meta step, and the steps (JSON-LD to generic metas) that read structured data. */
const GENERIC_META_STEP = 6;
const STRUCTURED_STEPS = 7;
/** The steps that read `<time>` elements and full dates in the page's text: where a top bar's clock can sit. */
const TIME_STEP = 5;
const TEXT_STEP = 7;

function runCascade(doc: Document, ctx: Context, opts: DateSearchOptions, kind: Kind): FoundDate | null {
  const url = ctx.url;
  const keys = META_KEYS[kind];
  // Generic `date` metas are often the last change, so they rank below the page's own <time> markup.
  const steps: (() => Candidate[])[] = [
    () => (opts.dateSelector && kind === 'published' ? fromSelector(doc, opts.dateSelector, ctx) : []),
    () => fromJsonLd(kind, ctx, 'articles'),
    () =>
      fromMeta(
        doc,
        keys.filter((k) => !GENERIC_META.has(k)),
        ctx,
      ),
    () => fromJsonLd(kind, ctx, 'others'),
    () => fromItemprop(doc, kind, ctx),
    () => fromTimeElements(doc, kind, ctx),
    () =>
      fromMeta(
        doc,
        keys.filter((k) => GENERIC_META.has(k)),
        ctx,
      ),
    () => fromText(doc, kind, ctx),
    // Only a script variable holds some pages' time (WeChat's `var ct`); never the modified date.
    () =>
      kind === 'published' ? findScriptDates(doc, { now: ctx.now, offsetMinutes: ctx.publisherOffset }) : [],
    // Last resort: forms read against the clip time (`10-08 12:00`, `3小时前`). Tried alongside full dates, they
    // lose archived pages to widgets (`刚刚`, `6月3日`) that sit beside the real date.
    () => fromText(doc, kind, ctx, true).map((c) => withDeclaredYear(c, doc, ctx)),
  ];
  const urlDate = kind === 'published' ? readUrlDate(url, ctx.now) : null;
  const readPool = (): Candidate[] => {
    try {
      return [
        ...fromJsonLd(kind, ctx, 'articles'),
        ...fromJsonLd(kind, ctx, 'others'),
        ...fromMeta(doc, keys, ctx),
        ...fromTimeElements(doc, kind, ctx),
      ];
    } catch {
      return [];
    }
  };
  const timeElements = (): Candidate[] => fromTimeElements(doc, kind, ctx);
  // The instant in the publisher's own terms, checked against the article's dateline, with its time of day.
  const settle = (candidate: Candidate): Candidate =>
    addTimeOfDay(
      preferShownClock(
        settleUtcDay(preferLocalOffset(candidate, readPool), doc, kind, ctx, urlDate?.candidate ?? null),
        doc,
        kind,
        ctx,
      ),
      doc,
      kind,
      ctx,
      timeElements,
    );
  const isUrlConsistent = (parts: DateParts): boolean => !urlDate || isConsistentWithUrl(parts, urlDate);
  // The article's declared last change, in the terms the page writes it.
  let modifiedDays: DateParts[] | undefined;
  const isDeclaredModified = (parts: DateParts): boolean => {
    modifiedDays ??= [
      ...fromJsonLd('modified', ctx, 'articles'),
      ...fromMeta(doc, META_KEYS.modified, ctx),
    ].map((c) => inPublisherZone(c.parts, ctx.publisherZone));
    return modifiedDays.some((m) => dayDiff(m, parts) === 0);
  };
  let first: Candidate | null = null;
  for (const [index, step] of steps.entries()) {
    let candidates: Candidate[] = [];
    try {
      candidates = step();
    } catch {
      candidates = []; // one odd page structure must not lose the other sources
    }
    // A per-site rule is the user's word: no second-guessing.
    if (index === 0 && candidates[0]) return finish(candidates[0], ctx);
    for (const candidate of candidates) {
      first ??= candidate;
      // Like htmldate: a date in the URL is strong evidence, so a structured date far from it is doubted.
      if (!urlDate || isConsistentWithUrl(candidate.parts, urlDate)) {
        // A top bar's clock (`<time>` or text) before the headline yields to the article's own date line.
        const settled = settle(
          index === TEXT_STEP || index === TIME_STEP
            ? preferDatelineOverChrome(candidate, doc, kind, ctx, isUrlConsistent)
            : candidate,
        );
        // Structured dates answer to the dateline readers see; generic `date` metas (often the last change) even
        // when a day apart.
        if (index < STRUCTURED_STEPS && kind === 'published') {
          const minDays = index === GENERIC_META_STEP ? 1 : 2;
          return finish(
            preferShownDateline(settled, doc, kind, ctx, minDays, isUrlConsistent, isDeclaredModified),
            ctx,
          );
        }
        return finish(settled, ctx);
      }
    }
  }
  if (urlDate?.candidate) return finish(urlDate.candidate, ctx);
  if (first) return finish(settle(first), ctx);
  return kind === 'published' && !ctx.readSidebars ? lastResort(doc, ctx, opts) : null;
}

/**
 * When the cascade found nothing at all, as htmldate's extensive search ends: a day-and-month date in the URL
 * (`/meldungen/29-10-2021`); the cascade again with columns named `sidebar` read as content (themes that name the
 * article's own column so, or put the story's facts in a `div.sidebar` inside `<article>`); a full date in the
 * `<title>`; a full date in the path of the page's share image (`/files/2016/05/04/cover.png`). Published dates only.
 */
function lastResort(doc: Document, ctx: Context, opts: DateSearchOptions): FoundDate | null {
  const fromUrl = readUrlDayFirst(ctx.url, ctx.now);
  if (fromUrl) return finish(fromUrl, ctx);
  const relaxed: Context = { ...ctx, readSidebars: true, skipCache: new Map() };
  const found = runCascade(doc, relaxed, opts, 'published');
  if (found) return { ...found, detail: `${found.detail} (last resort)` };
  const titled = titleDate(doc, ctx);
  if (titled) return finish(titled, ctx);
  const image = shareImageDate(doc, ctx);
  return image ? finish(image, ctx) : null;
}

function safely(find: () => FoundDate | null): FoundDate | null {
  try {
    return find();
  } catch {
    return null;
  }
}

/**
 * Both dates in one pass over the page: one context (headline, element list, JSON-LD, publisher zone) and one walk of
 * its text, which the published and the modified cascades share. Never throws.
 */
export function findArticleDates(
  doc: Document,
  url: string,
  opts: DateSearchOptions,
): { published: FoundDate | null; modified: FoundDate | null } {
  let ctx: Context;
  try {
    ctx = makeContext(doc, url, opts);
  } catch {
    return { published: null, modified: null };
  }
  return {
    published: safely(() => runCascade(doc, ctx, opts, 'published')),
    modified: safely(() => runCascade(doc, ctx, opts, 'modified')),
  };
}

/** The article's published date, most trusted source first; null when the page gives none. Never throws. */
export function findPublishedDate(doc: Document, url: string, opts: DateSearchOptions): FoundDate | null {
  return safely(() => runCascade(doc, makeContext(doc, url, opts), opts, 'published'));
}

/** The article's last-modified date, from structured data, meta tags, or an "Updated" time or label. Never throws. */
export function findModifiedDate(doc: Document, url: string, opts: DateSearchOptions): FoundDate | null {
  return safely(() => runCascade(doc, makeContext(doc, url, opts), opts, 'modified'));
}
