// DOM: dates in the page's text, scored by labels, hints in class names and closeness to the headline.
import { findDatesAgainstReference } from '../pure/date-against-reference';
import type { DateMatch } from '../pure/date-parse';
import { findDatesInText } from '../pure/date-parse';
import { findYearSpaceDates } from '../pure/date-forms';
import { findDayFirstDates, findDayFirstShortYearDates } from '../pure/date-order';
import { endsSentence } from '../pure/sentence-end';
import type { DateParts } from '../pure/types';
import type { Candidate, Context, Kind, DateSearchOptions } from './date-context';
import {
  DATE_HINT,
  HEADING_TAG,
  LABEL_AFTER,
  LABEL_BEFORE,
  MAX_ELEMENTS,
  MAX_SHORT_TEXT,
  MAX_TEXT_CHARS,
  SKIP_TAGS,
  UPDATE_HINT,
  UPDATE_LABEL,
  hintText,
  isExcluded,
  isPlausible,
  makeContext,
} from './date-context';
import { findHeadlineCopies } from './headline';
import { UNSEEN_TAGS } from './html-blocks';

// ---------------------------------------------------------------- text near the headline

export interface TextCandidate {
  el: Element;
  candidate: Candidate;
  score: number;
  position: number;
  /** Labelled or marked as a change (`Aktualisiert am`, `.updated`): the modified date, whatever it scores. */
  isUpdate: boolean;
  /** The text the date was read in (the block's, or one text node's) and where in it the date starts. */
  text: string;
  index: number;
}

/** Elements in document order, bounded. `querySelectorAll('*')` rather than a walk from `body`: it also reaches
 * content that a lenient parser left outside `body` in broken legacy pages. */
export function collectElements(doc: Document, ctx?: Pick<Context, 'elements'>): Element[] {
  // Listed once per clip, not once per search step: a whole-page list is the costly part on long pages.
  if (ctx?.elements) {
    if (ctx.elements.length > MAX_ELEMENTS) ctx.elements = ctx.elements.slice(0, MAX_ELEMENTS);
    return ctx.elements;
  }
  const elements = Array.from(doc.querySelectorAll('*')).slice(0, MAX_ELEMENTS);
  if (ctx) ctx.elements = elements;
  return elements;
}

/** A dated text's score before its kind (published or modified) is known, and whether it reads as an update. */
/** Where the headline sits in the page's element list, or -1; found once per clip. */
export function headlineIndexOf(doc: Document, ctx: Context): number {
  if (ctx.headlineIndex === undefined)
    ctx.headlineIndex = ctx.headline ? collectElements(doc, ctx).indexOf(ctx.headline) : -1;
  return ctx.headlineIndex;
}

/**
 * Where the headline and its copies sit in the element list, in document order (empty: no headline); found once per
 * clip. A sticky header's copy of the `<h1>` may come first, the article's own `<h1>` and its date line further down:
 * the dateline is looked for beside each.
 */
export function headlineIndexesOf(doc: Document, ctx: Context): number[] {
  if (ctx.headlineIndexes === undefined) {
    const first = headlineIndexOf(doc, ctx);
    const elements = collectElements(doc, ctx);
    const copies = first < 0 ? [] : findHeadlineCopies(doc, ctx.headline).map((el) => elements.indexOf(el));
    ctx.headlineIndexes = first < 0 ? [] : [first, ...copies.filter((i) => i >= 0)].sort((a, b) => a - b);
  }
  return ctx.headlineIndexes;
}

function* indexesIn(ranges: [number, number][]): Generator<number> {
  for (const [start, end] of ranges) for (let i = start; i < end; i++) yield i;
}

/** The element ranges `[start, end)` within `before` and `after` elements of any of `anchors`, merged, in order. */
export function rangesAround(
  anchors: number[],
  before: number,
  after: number,
  length: number,
): [number, number][] {
  const ranges: [number, number][] = [];
  for (const anchor of anchors) {
    const start = Math.max(0, anchor - before);
    const end = Math.min(length, anchor + after + 1);
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** The page's elements that the structured sources read, sorted out in one pass over the element list. */
export interface ElementIndex {
  metas: Element[];
  /** `<time>`, and `<abbr>` marked as a date (`.published`, `.updated`, `[title].date`), in document order. */
  times: Element[];
  /** Elements other than `<meta>` with `itemprop`, and with `property` + `content` (RDFa). */
  itemprops: Element[];
  properties: Element[];
}

/** One pass instead of a selector query per source: whole-tree queries are dear in linkedom (the CLI). */
export function indexElements(doc: Document, ctx: Context): ElementIndex {
  if (ctx.index) return ctx.index;
  const index: ElementIndex = { metas: [], times: [], itemprops: [], properties: [] };
  for (const el of collectElements(doc, ctx)) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'META') {
      index.metas.push(el);
      continue;
    }
    if (tag === 'TIME') index.times.push(el);
    else if (tag === 'ABBR' && isDateAbbr(el)) index.times.push(el);
    if (el.hasAttribute('itemprop')) index.itemprops.push(el);
    if (el.hasAttribute('property') && el.hasAttribute('content')) index.properties.push(el);
  }
  ctx.index = index;
  return index;
}

function isDateAbbr(el: Element): boolean {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/);
  return (
    classes.includes('published') ||
    classes.includes('updated') ||
    (classes.includes('date') && el.hasAttribute('title'))
  );
}

/** A line's own date or clock at its end, with its dot (`am 3. März 2024.`, `9:45 p.m.`): no sentence ends there. */
const DATE_TAIL = /(?:\d+|\b[ap]\.?m)\.?\s*$/i;

export function scoreText(
  el: Element,
  text: string,
  matchIndex: number,
  parts: DateParts,
): { score: number; isUpdate: boolean } {
  let score = 0;
  const before = text.slice(Math.max(0, matchIndex - 24), matchIndex);
  const after = text
    .slice(matchIndex)
    .replace(/^[^\s]*\s*(?:\d{1,2}[:：]\d{2}(?::\d{2})?)?/, '')
    .slice(0, 30);
  let hints = hintText(el);
  let ancestor = el.parentElement;
  for (let i = 0; i < 2 && ancestor; i++, ancestor = ancestor.parentElement)
    hints += ` ${hintText(ancestor)}`;
  for (const child of Array.from(el.querySelectorAll('[class], [id]')).slice(0, 10))
    hints += ` ${hintText(child)}`;
  const isUpdate = UPDATE_LABEL.test(before) || (UPDATE_HINT.test(hints) && !/publish/i.test(hints));
  if (DATE_HINT.test(hints)) score += 3;
  if (LABEL_BEFORE.test(before)) score += 3;
  if (LABEL_AFTER.test(after)) score += 2;
  if (parts.hour !== undefined) score += 1;
  // A short text that is mostly the date is a dateline, not a sentence that mentions one (`2018年3月20日，…通过。`).
  if (text.length < 80 && !endsSentence(text.replace(DATE_TAIL, ''))) score += 1;
  return { score, isUpdate };
}

/** The score for one kind: an update line counts against a published date and is the only kind of modified one. */
function scoreForKind(base: number, isUpdate: boolean, kind: Kind): number | null {
  if (kind === 'modified') return isUpdate ? base + 4 : null;
  return isUpdate ? base - 4 : base;
}

/**
 * Scored dated texts. With `withReference`, also the forms that need the reference time (year-less, relative,
 * labelled two-digit years): only as a last resort, since archived pages carry widgets like `刚刚` or `6月3日`.
 */
export function scoreTextCandidates(
  doc: Document,
  kind: Kind,
  ctx: Context,
  withReference = false,
  window: HeadlineWindow | null = null,
): TextCandidate[] {
  // One page walk per clip: both kinds, the cascade, the dateline checks and the time-of-day lookup all read it.
  let cache = SCANS.get(ctx);
  if (!cache) SCANS.set(ctx, (cache = new Map<string, ScannedDate[]>()));
  const whole = cache.get(`${withReference}`);
  const key = window ? `${withReference}:${window.before}:${window.after}` : `${withReference}`;
  let scanned = cache.get(key);
  if (!scanned) {
    scanned = scanTextCandidates(doc, ctx, withReference, whole ? null : window);
    cache.set(key, scanned);
  }
  return rankForKind(scanned, kind, ctx, collectElements(doc, ctx).length, headlineIndexesOf(doc, ctx));
}

/** Whether `raw`, whitespace runs collapsed and trimmed, is at most MAX_SHORT_TEXT long; stops reading early. */
export function fitsShort(raw: string): boolean {
  if (raw.length <= MAX_SHORT_TEXT) return true;
  let length = 0;
  let isSpace = true; // leading whitespace is trimmed
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i] ?? '')) {
      if (!isSpace) length++;
      isSpace = true;
    } else {
      length++;
      isSpace = false;
    }
    // One trailing space may still be trimmed away.
    if (length > MAX_SHORT_TEXT + 1) return false;
  }
  // A collapsed run at the end is trimmed.
  return (isSpace && length > 0 ? length - 1 : length) <= MAX_SHORT_TEXT;
}

/** Raw characters read from an element before it counts as long: well past a dateline, even an indented one. */
const MAX_RAW_SHORT = 4000;

/**
 * An element's text up to `max` characters, stopping there: `textContent` of an article container builds megabytes
 * of string (dear in Chromium, dearer in linkedom) only to learn that it is long.
 */
export function textPrefix(el: Node, max: number): string {
  let out = '';
  let node: Node | null = el.firstChild;
  while (node && out.length < max) {
    if (node.nodeType === 3 || node.nodeType === 4) out += node.nodeValue ?? '';
    if (node.nodeType === 1 && node.firstChild && !isUnseen(node as Element)) {
      node = node.firstChild;
      continue;
    }
    // Next in document order within `el`: the next sibling, else an ancestor's.
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return out.length > max ? out.slice(0, max) : out;
}

/** One call with only string arguments (`showDate("2020/04/17 01:43:09")`, `document.write('…')`): it prints them. */
const PRINT_CALL =
  /^\s*[\w$.]+\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')(?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'))*\s*\)\s*;?\s*$/;
const STRING_ARG = /"([^"\n]*)"|'([^'\n]*)'/g;

/** What a script prints when it is one such call (its string arguments), else null. */
function printedBy(script: Element): string | null {
  // The code's own text node: no copy of a megabyte state blob just to learn that it is long.
  const only = script.firstChild;
  const code = only && !only.nextSibling ? (only.nodeValue ?? '') : (script.textContent ?? '');
  if (code.length > 200 || !PRINT_CALL.test(code)) return null;
  return Array.from(code.matchAll(STRING_ARG), (m) => m[1] ?? m[2] ?? '').join(' ');
}

/** Elements whose text no reader sees: an inline script in a date line's cell is code, unless it only prints text. */
function isUnseen(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return UNSEEN_TAGS.has(tag) && (tag !== 'SCRIPT' || printedBy(el) === null);
}

/** The element's text, whitespace collapsed, when that is at most MAX_SHORT_TEXT long; else null. */
export function shortText(el: Element): string | null {
  const raw = textPrefix(el, MAX_RAW_SHORT + 1);
  if (raw.length > MAX_RAW_SHORT || !fitsShort(raw)) return null;
  return raw.replace(/\s+/g, ' ').trim();
}

/** Elements before and after the headline, in document order: where the article's own dateline sits. */
export interface HeadlineWindow {
  before: number;
  after: number;
}

/** Child nodes of a long element read in a scan near the headline. */
const MAX_WINDOW_CHILDREN = 200;

/** A dated text found by the walk, scored before its kind is known. */
interface ScannedDate {
  el: Element;
  candidate: Candidate;
  base: number;
  isUpdate: boolean;
  position: number;
  text: string;
  index: number;
}

const SCANS = new WeakMap<Context, Map<string, ScannedDate[]>>();

/**
 * The scan. With a window (and a known headline) only the elements around the headline are read: the dateline
 * checks need no more, and a structured date then costs no whole-page scan.
 */
function scanTextCandidates(
  doc: Document,
  ctx: Context,
  withReference: boolean,
  window: HeadlineWindow | null,
): ScannedDate[] {
  const elements = collectElements(doc, ctx);
  const anchors = headlineIndexesOf(doc, ctx);
  const ranges: [number, number][] =
    window && anchors.length
      ? rangesAround(anchors, window.before, window.after, elements.length)
      : [[0, elements.length]];
  const found: ScannedDate[] = [];
  let chars = 0;
  let position = 0;
  const claimed = new Set<Element>();

  const read = (el: Element, text: string, isShort: boolean): DateMatch[] => {
    if (!ctx.dayFirst) return readAny(el, text, isShort);
    const more = findDayFirstDates(text);
    // `28.09.19` needs the reference time for its century: a last-resort form, and only on a short line.
    if (withReference && isShort)
      more.push(...findDayFirstShortYearDates(text, ctx.now, ctx.publisherOffset));
    return withExtra(readAny(el, text, isShort), more);
  };
  // `2019 09/07 19:02` has its year, so it is a full date; only a short line (a date line split into boxes) is read
  // so, since in running text a year and a fraction can meet (`in 2019 3/4 of them`).
  const readAny = (el: Element, text: string, isShort: boolean): DateMatch[] =>
    withReference
      ? findDatesAgainstReference(
          text,
          { now: ctx.now, offsetMinutes: ctx.publisherOffset },
          {
            isDateText: isShort && DATE_HINT.test(hintText(el)),
            withRelative: isShort,
            // `heute` alone is a dateline only in an element marked as a date; otherwise a widget or a comment.
            bareNamedDays: isShort && DATE_HINT.test(hintText(el)),
          },
        )
      : isShort
        ? withExtra(findDatesInText(text), findYearSpaceDates(text, ctx.now, ctx.publisherOffset))
        : findDatesInText(text);
  const consider = (el: Element, text: string, detail: string, isShort: boolean): void => {
    const matches = read(el, text, isShort).filter((m) => isPlausible(m.parts, ctx.now, ctx.publisherOffset));
    const inTitle = isShort && matches.length > 1 ? matches.map((m) => isInTitleHeading(el, m.text)) : [];
    // A short block with the entry's title and its date line (`<h3>Winners of 2020/7/11-12</h3><span
    // class="entry-time">2020年07月12日</span>`): a date in the title is what the story is about.
    const hasOther = inTitle.includes(false);
    matches.forEach((match, i) => {
      const { score, isUpdate } = scoreText(el, text, match.index, match.parts);
      found.push({
        el,
        candidate: { raw: match.text, source: 'text', detail, parts: match.parts },
        base: hasOther && inTitle[i] ? score - 3 : score,
        isUpdate,
        position,
        text,
        index: match.index,
      });
    });
  };

  for (const i of indexesIn(ranges)) {
    const el = elements[i];
    if (!el || chars > MAX_TEXT_CHARS) break;
    position = i;
    if (claimed.has(el)) continue;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || tag === 'HEAD' || tag === 'TITLE' || tag === 'HTML' || tag === 'BODY') continue;
    // A container of the whole article is never short: read no more of it than it takes to learn that.
    const flat = shortText(el);
    if (flat !== null && flat.length < 6) continue;
    if (flat !== null && flat.length <= MAX_SHORT_TEXT) {
      const text = blockText(el);
      // The outermost short element holds the whole dateline (`By X | 17 Feb 2022`); its descendants are done.
      for (const d of Array.from(el.querySelectorAll('*'))) claimed.add(d);
      chars += text.length;
      if (isExcluded(el, ctx)) continue;
      consider(el, text, `text:${describe(el)}`, true);
      continue;
    }
    // A long element: look at its own text nodes (`…<br>发布时间：2022-02-17 09:00<br>…`). Near the headline only
    // its first children: an article's thousands of paragraphs lie past the window anyway.
    let children = 0;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (window && ++children > MAX_WINDOW_CHILDREN) break;
      if (node.nodeType !== 3) continue;
      const own = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (own.length < 6) continue;
      chars += own.length;
      if (isExcluded(el, ctx)) break;
      consider(el, own.slice(0, 2000), `text:${describe(el)}`, false);
    }
  }
  return found;
}

/** The innermost element under `el` whose text holds `raw` (a date as read from `el`'s text), else `el`. */
export function innermostHolding(el: Element, raw: string): Element {
  let current = el;
  for (let depth = 0; depth < 30; depth++) {
    const next = Array.from(current.children).find((c) =>
      (c.textContent ?? '').replace(/\s+/g, ' ').includes(raw),
    );
    if (!next) break;
    current = next;
  }
  return current;
}

/** The date sits in a heading (within `el`) that no class marks as a date: the title of the entry, not its date. */
function isInTitleHeading(el: Element, raw: string): boolean {
  for (let node: Element | null = innermostHolding(el, raw); node; node = node.parentElement) {
    if (DATE_HINT.test(hintText(node))) return false;
    if (HEADING_TAG.test(node.tagName.toUpperCase())) return true;
    if (node === el) return false;
  }
  return false;
}

/** Dates read so far plus the day-first ones (`05/10/2018`, `28.09.19`) that overlap none of them, in text order. */
function withExtra(found: DateMatch[], more: DateMatch[]): DateMatch[] {
  const extra = more.filter(
    (d) => !found.some((f) => d.index < f.index + f.length && f.index < d.index + d.length),
  );
  return extra.length ? [...found, ...extra].sort((a, b) => a.index - b.index) : found;
}

/** The walk's dates scored for one kind: closeness to the headline, lists of other stories, repeats of a day. */
function rankForKind(
  scanned: ScannedDate[],
  kind: Kind,
  ctx: Context,
  elementCount: number,
  headlineIndexes: number[],
): TextCandidate[] {
  const found: TextCandidate[] = [];
  for (const s of scanned) {
    const score = scoreForKind(s.base, s.isUpdate, kind);
    if (score !== null)
      found.push({
        el: s.el,
        candidate: s.candidate,
        score,
        position: s.position,
        isUpdate: s.isUpdate,
        text: s.text,
        index: s.index,
      });
  }
  // Closeness to the headline (the nearest copy of it): the article's dateline sits just before or after it.
  const closeness = (distance: number): number => {
    if (distance >= 0 && distance <= 40) return 4 - Math.floor(distance / 12);
    if (distance < 0 && distance >= -15) return 2;
    return distance < -15 ? -1 : 0;
  };
  for (const c of found) {
    if (headlineIndexes.length) {
      c.score += Math.max(...headlineIndexes.map((index) => closeness(c.position - index)));
    } else if (c.position < elementCount / 3) {
      c.score += 1;
    }
  }
  // Dates in repeated siblings (`<li>title (2006-12-18)</li>` ×20) are a list of other articles.
  const siblings = new Map<Element, number>();
  for (const c of found) {
    const parent = c.el.parentElement;
    if (parent) siblings.set(parent, (siblings.get(parent) ?? 0) + 1);
  }
  for (const c of found) {
    const parent = c.el.parentElement;
    if (parent && (siblings.get(parent) ?? 0) >= 3) c.score -= 3;
  }
  // The same day seen several times (header and byline) is more likely the article's.
  const counts = new Map<string, number>();
  for (const c of found) {
    const key = `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const c of found) {
    const key = `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`;
    c.score += Math.min(2, (counts.get(key) ?? 1) - 1);
  }
  return found;
}

// Elements that a reader sees as separate lines: their text never runs into a neighbour's.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/**
 * An element's text as a reader sees it: block children are separated (`<div>News</div><div>January 19, 2020</div>`
 * reads `News January 19, 2020`, not `NewsJanuary 19`), inline ones are not (`<b>17</b>.02.2022`).
 */
export function blockText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1 && (child as Element).tagName.toUpperCase() === 'SCRIPT') {
        out += printedBy(child as Element) ?? '';
      } else if (child.nodeType === 1 && !isUnseen(child as Element)) {
        const isBlock = BLOCK_TAGS.has((child as Element).tagName.toUpperCase());
        // `<span>28.09.19</span><span>12:44</span>`: styled apart, two numbers never run into one.
        if (
          isBlock ||
          (child.previousSibling?.nodeType === 1 && /\d$/.test(out) && /^\d/.test(child.textContent ?? ''))
        )
          out += ' ';
        walk(child);
        if (isBlock) out += ' ';
      }
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

export function fromText(doc: Document, kind: Kind, ctx: Context, withReference = false): Candidate[] {
  return scoreTextCandidates(doc, kind, ctx, withReference)
    .sort((a, b) => b.score - a.score)
    .slice(0, 20)
    .map((c) => ({ ...c.candidate, el: c.el }));
}

/** Every dated text on the page with its score (higher is likelier the article's own date), for review and tuning. */
export function listTextDates(
  doc: Document,
  url: string,
  opts: DateSearchOptions,
): { raw: string; detail: string; score: number; day: string }[] {
  try {
    return scoreTextCandidates(doc, 'published', makeContext(doc, url, opts)).map((c) => ({
      raw: c.candidate.raw,
      detail: c.candidate.detail,
      score: c.score,
      day: `${c.candidate.parts.year}-${c.candidate.parts.month}-${c.candidate.parts.day}`,
    }));
  } catch {
    return [];
  }
}

export function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  if (id) return `${tag}#${id}`;
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
  return cls ? `${tag}.${cls}` : tag;
}
