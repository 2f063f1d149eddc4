// DOM: the article's own dateline (the short dated line near the headline) as a check on a structured date: it lends
// a day-only date its time of day, and it says which calendar day a bare UTC instant is on the publisher's page.
import { findDatesInText, parseDateString } from '../pure/date-parse';
import { PUBLICATION_JOINERS, PUBLICATION_WORDS } from '../pure/date-label';
import { partsAtOffset, wallMs } from '../pure/date-reference';
import type { DateParts } from '../pure/types';
import type { Candidate, Context, Kind } from './date-context';
import { DATE_HINT, hintText, inPublisherZone } from './date-context';
import type { TextCandidate } from './date-text-search';
import {
  collectElements,
  headlineIndexesOf,
  indexElements,
  innermostHolding,
  rangesAround,
  scoreTextCandidates,
  textPrefix,
} from './date-text-search';

/** How far (in elements, document order) from the headline the article's own dateline sits. */
const NEAR_BEFORE_HEADLINE = 15;
const NEAR_AFTER_HEADLINE = 40;
/** The furthest a civil zone is from UTC, west and east. */
const MAX_WEST_MINUTES = 12 * 60;
const MAX_EAST_MINUTES = 14 * 60;

/** In or around a list of other stories, each with its own date; a byline list (`<ul><li>29.04.2020</li><li>By …`)
 * holds one date and is the article's. */
export function isInList(el: Element): boolean {
  const list = el.closest('ul, ol, dl') ?? (el.querySelector('li') ? el : null);
  return list !== null && findDatesInText(textPrefix(list, 2000)).length > 1;
}

/** Text naming a single day: a dateline, not a run of dated teasers. */
export function hasOneDay(el: Element): boolean {
  const days = new Set(
    findDatesInText(textPrefix(el, 2000)).map((m) => `${m.parts.year}-${m.parts.month}-${m.parts.day}`),
  );
  return days.size <= 1;
}

/** The elements around the headline that the dateline checks scan. */
export const DATELINE_WINDOW = { before: NEAR_BEFORE_HEADLINE, after: NEAR_AFTER_HEADLINE };

/** Whether an element sits where the article's own dateline does: near the headline, not in a list. */
function makeDatelineTest(doc: Document, ctx: Context): (el: Element) => boolean {
  const elements = collectElements(doc, ctx);
  const anchors = headlineIndexesOf(doc, ctx);
  // Beside the headline or beside a copy of it (a sticky header's `<h1>` above the article's own).
  const near = anchors.length
    ? new Set(
        rangesAround(anchors, NEAR_BEFORE_HEADLINE, NEAR_AFTER_HEADLINE, elements.length).flatMap(
          ([start, end]) => elements.slice(start, end),
        ),
      )
    : null;
  return (el: Element): boolean => {
    if (isInList(el)) return false;
    return near ? near.has(el) : el.closest('article') !== null;
  };
}

/** The best-scored dated texts that are the article's dateline (needs a known headline), best first. */
function scoredDatelines(
  doc: Document,
  kind: Kind,
  ctx: Context,
  isDateline: (el: Element) => boolean,
): TextCandidate[] {
  if (!ctx.headline) return [];
  return scoreTextCandidates(doc, kind, ctx, false, DATELINE_WINDOW)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .filter((c) => isDateline(c.el) && hasOneDay(c.el));
}

function textDatelines(
  doc: Document,
  kind: Kind,
  ctx: Context,
  isDateline: (el: Element) => boolean,
): Candidate[] {
  return scoredDatelines(doc, kind, ctx, isDateline).map((c) => c.candidate);
}

const isSameDay = (a: DateParts, b: DateParts): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * A day-only date gains the time of day when the article's own dateline states the same day with a time:
 * a `<time>` or a short text near the headline. Never from lists (`Latest: … 4 May 2020, 18:02`), teasers or
 * chrome, where the same day belongs to another story.
 */
export function addTimeOfDay(
  chosen: Candidate,
  doc: Document,
  kind: Kind,
  ctx: Context,
  timeElements: () => Candidate[],
): Candidate {
  const p = chosen.parts;
  if (p.hour !== undefined) return chosen;
  const isSameDayTimed = (c: Candidate): boolean => c.parts.hour !== undefined && isSameDay(c.parts, p);
  let timed: Candidate | undefined;
  try {
    const isDateline = makeDatelineTest(doc, ctx);
    timed = timeElements().find((c) => isSameDayTimed(c) && c.el !== undefined && isDateline(c.el));
    timed ??= textDatelines(doc, kind, ctx, isDateline).find(isSameDayTimed);
  } catch {
    return chosen;
  }
  return timed ? { ...timed, detail: `${chosen.detail} + time from ${timed.detail}` } : chosen;
}

/** Minutes east of UTC that make a wall time (no offset) the same instant as a UTC one, if it is a real zone's. */
function offsetBetween(wall: DateParts, utc: DateParts): number | null {
  if (wall.hour === undefined || wall.minute === undefined || wall.offsetMinutes !== undefined) return null;
  const minutes = Math.round((wallMs({ ...wall, second: 0 }) - wallMs({ ...utc, second: 0 })) / 60_000);
  if (minutes % 15 !== 0 || minutes < -MAX_WEST_MINUTES || minutes > MAX_EAST_MINUTES) return null;
  return minutes;
}

/** Days from `a` to `b`. */
export function dayDiff(a: DateParts, b: DateParts): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Whether some real zone puts this UTC instant on the day before (-1), the same day (0) or the day after (+1). */
function canFallOn(utc: DateParts, days: number): boolean {
  const minuteOfDay = (utc.hour ?? 0) * 60 + (utc.minute ?? 0);
  if (days === 0) return true;
  if (days === -1) return minuteOfDay < MAX_WEST_MINUTES;
  if (days === 1) return 24 * 60 - minuteOfDay <= MAX_EAST_MINUTES;
  return false;
}

/**
 * A bare UTC instant (`2023-11-09T03:28:35Z`) is on the calendar day the publisher's page shows. Many CMSs write the
 * instant in UTC while the page's dateline reads `Nov. 8, 2023, 10:28 p.m.`; WordPress sites set to UTC write
 * `+00:00` and show that same day. So when the article's own dateline states this instant's day, or the same
 * moment as a wall time, the dateline decides:
 * - the same moment as a wall time: the instant, written at the dateline's offset;
 * - the UTC day itself: kept as it is (no conversion to a guessed publisher zone);
 * - the day before or after, which some real zone gives: that day (day only: the zone is not known).
 * The URL's day (`/2023/11/08/`) counts as a dateline too, after the page's own.
 * Without such a dateline the instant is unchanged (and `finish` writes it in the publisher's zone when known).
 */
export function settleUtcDay(
  chosen: Candidate,
  doc: Document,
  kind: Kind,
  ctx: Context,
  urlDay: Candidate | null,
): Candidate {
  const utc = chosen.parts;
  if (utc.offsetMinutes !== 0 || utc.hour === undefined) return chosen;
  let lines: Candidate[];
  try {
    const isDateline = makeDatelineTest(doc, ctx);
    // A `<time>` for this very instant shows its day in its text, whatever its class says (`updated`).
    const visible = indexElements(doc, ctx)
      .times.filter((el) => el.hasAttribute('datetime'))
      .slice(0, 200)
      .flatMap((el): Candidate[] => {
        const stated = parseDateString(el.getAttribute('datetime') ?? '');
        if (!stated || stated.offsetMinutes !== 0 || wallMs(stated) !== wallMs(utc)) return [];
        const first = findDatesInText(textPrefix(el, 400).replace(/\s+/g, ' ').trim())[0];
        return first
          ? [{ raw: first.text, source: 'text', detail: 'time text', parts: first.parts, el }]
          : [];
      });
    // The URL's day (`/2023/11/08/slug`) is the newsroom's own, after what the page shows.
    lines = [...visible, ...textDatelines(doc, kind, ctx, isDateline), ...(urlDay ? [urlDay] : [])];
  } catch {
    return chosen;
  }
  for (const line of lines) {
    const offset = offsetBetween(line.parts, utc);
    if (offset !== null) {
      const local = partsAtOffset(wallMs(utc), offset);
      if (utc.second === undefined) delete local.second;
      const detail = `${chosen.detail} (offset from dateline ${line.detail})`;
      if (isSameDay(local, line.parts)) return { ...chosen, parts: local, detail, zoneChecked: true };
    }
    const days = dayDiff(utc, line.parts);
    if (days === 0) return { ...chosen, zoneChecked: true };
    if (isSameDay(inPublisherZone(utc, ctx.publisherZone), line.parts)) return chosen;
    if ((days === 1 || days === -1) && canFallOn(utc, days)) {
      const day = { year: line.parts.year, month: line.parts.month, day: line.parts.day };
      const detail = `${chosen.detail} (day from dateline ${line.detail})`;
      return { ...chosen, parts: day, detail, zoneChecked: true };
    }
  }
  return chosen;
}

/**
 * The structured time's clock, whole hours away on the day before or after, is the moment the article's own dateline
 * shows: `Nov 19, 2019, 10:31 pm CST` by the byline over JSON-LD `2019-11-20T04:31:13-06:00` (the UTC clock written
 * with the newsroom's offset), or `Nov 18, 2019 at 9:24 pm ET` over a zone-less `2019-11-19 02:24:00` (the server's
 * UTC clock). Readers see the dateline's day: it is taken, with its clock. Same minute, a real zone's distance, the
 * best-scored dateline only; a bare UTC instant is settleUtcDay's, and another minute is another moment.
 */
export function preferShownClock(chosen: Candidate, doc: Document, kind: Kind, ctx: Context): Candidate {
  const p = chosen.parts;
  if (chosen.zoneChecked || p.hour === undefined || p.minute === undefined || p.offsetMinutes === 0)
    return chosen;
  let line: TextCandidate | undefined;
  try {
    line = scoredDatelines(doc, kind, ctx, makeDatelineTest(doc, ctx))[0];
  } catch {
    return chosen;
  }
  const shown = line?.candidate.parts;
  if (!line || !shown || shown.hour === undefined || shown.minute !== p.minute) return chosen;
  if (kind === 'published' && line.isUpdate) return chosen;
  const days = dayDiff(p, shown);
  if (days !== 1 && days !== -1) return chosen;
  const minutes = (wallMs({ ...shown, second: 0 }) - wallMs({ ...p, second: 0 })) / 60_000;
  if (minutes < -MAX_WEST_MINUTES || minutes > MAX_EAST_MINUTES) return chosen;
  return {
    ...line.candidate,
    detail: `${chosen.detail} (clock from dateline ${line.candidate.detail})`,
    zoneChecked: true,
  };
}

/** Words that say "published" just before a date, not the bare prepositions (`am`, `on`) a sentence opens with. */
const PUBLICATION_LABEL = new RegExp(
  `(?:${PUBLICATION_WORDS})(?:\\s*(?:on|am|le|el|il|${PUBLICATION_JOINERS}))?\\s*[:：]?\\s*$`,
  'i',
);

/** Whether a publication label ends right before the dateline's date, where the scan read it (not an earlier copy). */
function hasPublicationLabel(line: TextCandidate): boolean {
  return line.index > 0 && PUBLICATION_LABEL.test(line.text.slice(Math.max(0, line.index - 40), line.index));
}

/**
 * A dateline this strong is a labelled or date-classed short line by the headline (`Veröffentlicht am 01.04.2023,
 * 12:00 Uhr` in `.publishInfo`): scoreText gives +3 for a date class, +3 for a label, up to +4 for closeness.
 */
export const STRONG_DATELINE = 5;

/**
 * The date the article's own dateline shows, when it disagrees with a structured date by at least `minDays`:
 * readers see the dateline, while JSON-LD and meta tags are often a template's stale or first-draft date (a video's
 * upload date, a CMS record created months before the story ran). Not when the URL's date contradicts the dateline.
 */
export function preferShownDateline(
  chosen: Candidate,
  doc: Document,
  kind: Kind,
  ctx: Context,
  minDays: number,
  isUrlConsistent: (parts: DateParts) => boolean,
  isDeclaredModified: (parts: DateParts) => boolean = () => false,
): Candidate {
  let line: TextCandidate | undefined;
  try {
    line = scoredDatelines(doc, kind, ctx, makeDatelineTest(doc, ctx))[0];
  } catch {
    return chosen;
  }
  if (!line || line.score < STRONG_DATELINE || !isUrlConsistent(line.candidate.parts)) return chosen;
  // Marked as a date line by its own or its parent's class (`.publishInfo`, `.article-meta`), or by the class of the
  // element holding just the date (`div.lead > div.article__info > div.info-item`, a standfirst and its date read as
  // one short block): not a date that the standfirst or the first paragraph mentions.
  const parent = line.el.parentElement;
  if (!DATE_HINT.test(`${hintText(line.el)} ${parent ? hintText(parent) : ''}`)) {
    // Through the date's own element only a publication line: `<div class="changed-date">Aktualisiert am …`, or a
    // byline showing the day the page declares as its last change (`By Ann - 2019-04-10` over a 2018 story), is the
    // update, which a published date never yields to.
    // Or a publication label right before the date (`Erschienen am: 13.10.2021` in unnamed boxes).
    const own = innermostHolding(line.el, line.candidate.raw);
    const isLabelled = kind === 'published' && hasPublicationLabel(line);
    if (!isLabelled && (own === line.el || !DATE_HINT.test(hintText(own)))) return chosen;
    if (kind === 'published' && (line.isUpdate || isDeclaredModified(line.candidate.parts))) return chosen;
  }
  const shown = chosen.zoneChecked ? chosen.parts : inPublisherZone(chosen.parts, ctx.publisherZone);
  if (Math.abs(dayDiff(shown, line.candidate.parts)) < minDays) return chosen;
  return { ...line.candidate, detail: `${line.candidate.detail} (dateline over ${chosen.detail})` };
}
