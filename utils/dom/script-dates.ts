// DOM: publish times that only a page's inline script holds: WeChat's `var ct = "1567843200"` and
// `var publish_time = "2019-09-07"`, and state objects (`window.__INITIAL_STATE__ = {…"publishTime":…}`). Read with
// bounded regexes over the first kilobytes of inline scripts, never evaluated. Takes a Document, reads no globals.
import { parseDateString } from '../pure/date-parse';
import { isAfterReference, partsAtOffset } from '../pure/date-reference';
import type { DateParts } from '../pure/types';

/**
 * A date read from a script. `source` is `'script'`, which `DateSource` (utils/pure/types.ts) does not list yet:
 * this type stands in for `FoundDate` until the source is added there.
 */
export interface ScriptDate {
  raw: string;
  source: 'script';
  /** Which variable or key, e.g. `script var ct (unix s)`, `script key publishTime`. */
  detail: string;
  parts: DateParts;
}

export interface ScriptDateOptions {
  /** The clip's reference time: later dates are refused. */
  now: Date;
  /** The publisher's UTC offset in minutes, to write a Unix time as local wall-clock time; null: UTC. */
  offsetMinutes: number | null;
}

/** Read at most this much of each script, and of all scripts together: state blobs run to megabytes. */
const MAX_CHARS_PER_SCRIPT = 100_000;
const MAX_CHARS_TOTAL = 400_000;
const MAX_SCRIPTS = 200;
/** Unix times before this are not a web article's publish time (ids and counters that look like times are). */
const MIN_INSTANT = Date.UTC(1995, 0, 1);

/**
 * Variables that hold the publish time. `ct` is WeChat's (mp.weixin.qq.com articles, Unix seconds); it is only
 * read as a declared variable (`var ct = …`), since two letters as a property name are anything.
 */
const VARIABLE =
  /\b(?:var|let|const)\s+(ct|publish_time|publishTime|pubDate|pubdate|pub_time|pubtime)\s*=\s*/g;
/** Keys in state objects and JSON that name the publish time across common CMSs and front-end frameworks. */
const KEY =
  /["']?\b(publishTime|publish_time|publishedTime|published_time|publishDate|publish_date|publishedDate|pubDate|pub_date|pubTime|pubtime|datePublished|publishedAt|published_at|firstPublishTime|first_publish_time)\b["']?\s*:\s*/g;
/** A value right after `=` or `:`: a quoted string (short), or a bare number. */
const VALUE = /^(?:"([^"\n\\]{4,40})"|'([^'\n\\]{4,40})'|(\d{9,13})(?![\d.]))/;

/** Unix seconds (9–10 digits) or milliseconds (12–13 digits) to an instant, or null when neither fits. */
export function readUnixTime(digits: string): number | null {
  if (!/^\d{9,13}$/.test(digits)) return null;
  if (digits.length <= 10) return Number(digits) * 1000;
  if (digits.length >= 12) return Number(digits);
  return null; // 11 digits: neither seconds nor milliseconds of a plausible date
}

function toParts(raw: string, opts: ScriptDateOptions): { parts: DateParts; unit: string } | null {
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const instant = readUnixTime(text);
    if (instant === null || instant < MIN_INSTANT) return null;
    const unit = text.length <= 10 ? 'unix s' : 'unix ms';
    return { parts: partsAtOffset(instant, opts.offsetMinutes ?? 0), unit };
  }
  const parts = parseDateString(text);
  return parts && parts.year >= 1995 ? { parts, unit: 'text' } : null;
}

function scan(
  code: string,
  re: RegExp,
  kind: 'var' | 'key',
  opts: ScriptDateOptions,
  out: { index: number; date: ScriptDate }[],
): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(code)) !== null && guard++ < 500) {
    const name = m[1] ?? '';
    const value = VALUE.exec(code.slice(re.lastIndex, re.lastIndex + 60));
    const raw = value?.[1] ?? value?.[2] ?? value?.[3];
    if (raw === undefined) continue;
    const read = toParts(raw, opts);
    if (!read || isAfterReference(read.parts, opts.now, opts.offsetMinutes)) continue;
    out.push({
      index: m.index,
      date: {
        raw,
        source: 'script',
        detail: `script ${kind} ${name}${read.unit === 'text' ? '' : ` (${read.unit})`}`,
        parts: read.parts,
      },
    });
  }
}

function isScriptToRead(script: Element): boolean {
  if (script.hasAttribute('src')) return false;
  const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
  // JSON-LD has its own reader (json-ld.ts); templates and other languages are not page state.
  return (
    type === '' ||
    type === 'module' ||
    type === 'application/json' ||
    /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type)
  );
}

/** Every publish time in the page's inline scripts, in page order, none after the reference time. Never throws. */
export function findScriptDates(doc: Document, opts: ScriptDateOptions): ScriptDate[] {
  const out: ScriptDate[] = [];
  if (Number.isNaN(opts.now.getTime())) return out;
  try {
    let budget = MAX_CHARS_TOTAL;
    const scripts = Array.from(doc.querySelectorAll('script')).slice(0, MAX_SCRIPTS);
    for (const script of scripts) {
      if (budget <= 0) break;
      if (!isScriptToRead(script)) continue;
      const code = (script.textContent ?? '').slice(0, Math.min(MAX_CHARS_PER_SCRIPT, budget));
      budget -= code.length;
      const found: { index: number; date: ScriptDate }[] = [];
      scan(code, VARIABLE, 'var', opts, found);
      scan(code, KEY, 'key', opts, found);
      out.push(...found.sort((a, b) => a.index - b.index).map((f) => f.date));
    }
  } catch {
    return out;
  }
  return out;
}

/**
 * The page's script publish time: the first one found, with the time of day from a later one of the same day
 * when the first has none (WeChat's `publish_time = "2019-09-07"` beside `ct = "1567843200"`). Null when none.
 */
export function findScriptDate(doc: Document, opts: ScriptDateOptions): ScriptDate | null {
  const all = findScriptDates(doc, opts);
  const first = all[0];
  if (!first || first.parts.hour !== undefined) return first ?? null;
  const timed = all.find(
    (d) =>
      d.parts.hour !== undefined &&
      d.parts.year === first.parts.year &&
      d.parts.month === first.parts.month &&
      d.parts.day === first.parts.day,
  );
  return timed ?? first;
}
