// Pure: builds a post (Jekyll file name + YAML front matter + Markdown body) from a draft. No DOM, no extension API.
import type { FrontMatterField } from './front-matter';
import { buildFrontMatter } from './front-matter';
import { toPostFilename } from './filename';
import { siteSlug, slugify } from './slug';
import type { ClipDraft, ClipEdits, DateParts, Post, PostOptions } from './types';

export interface BuildPostContext {
  /** When the page was clipped; dates the post when the page has no published date. */
  clippedAt: Date;
  edits?: ClipEdits;
}

const MAX_KEYWORD_TAGS = 10;
const JEKYLL_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})(?: \d{2}:\d{2}(?::\d{2})?(?: [+-]\d{4})?)?$/;
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

// TODO(2026-11-27): the four date helpers below stand in for ./dates (toJekyllDate, zoneOffsetMinutes,
// formatDay) until it lands; same names and meanings, so the switch is an import.

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `YYYY-MM-DD`. */
function formatDay(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** Jekyll's form: `2022-02-17 09:00:40 +0800`, or `2022-02-17` when the parts have no time. */
function toJekyllDate(parts: DateParts): string {
  if (parts.hour === undefined) return formatDay(parts);
  const time = `${pad(parts.hour)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}`;
  if (parts.offsetMinutes === undefined) return `${formatDay(parts)} ${time}`;
  const sign = parts.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(parts.offsetMinutes);
  return `${formatDay(parts)} ${time} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

const WALL_CLOCK_FIELDS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};
// Building a formatter costs far more than using one; an export formats thousands of dates in a few zones.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_FIELDS, timeZone: timeZone || undefined });
    } catch {
      // An unknown zone name (RangeError): the runtime's own zone rather than no post.
      format = new Intl.DateTimeFormat('en-US', WALL_CLOCK_FIELDS);
    }
    FORMATTERS.set(timeZone, format);
  }
  return format;
}

/** Wall-clock parts of an instant in a zone ('' = the runtime's zone); an unknown zone falls back to the runtime's. */
function partsInZone(instant: number, timeZone: string): DateParts {
  const format = getFormatter(timeZone);
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) values[part.type] = Number(part.value);
  const parts: DateParts = {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return { ...parts, offsetMinutes: Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000) };
}

/** The offset of an IANA zone ('' = the runtime's) at a local date and time, DST aware. */
function zoneOffsetMinutes(timeZone: string, parts: DateParts): number {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 12,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // The offset depends on the instant and the instant on the offset: two rounds settle it, DST changes too.
  const first = partsInZone(wall, timeZone).offsetMinutes ?? 0;
  return partsInZone(wall - first * 60_000, timeZone).offsetMinutes ?? 0;
}

interface PostDate {
  /** `date:` text. */
  text: string;
  /** `YYYY-MM-DD` for the file name: always the day `text` starts with. */
  day: string;
}

function choosePostDate(draft: ClipDraft, options: PostOptions, ctx: BuildPostContext): PostDate {
  const edited = ctx.edits?.date?.trim();
  const editedDay = edited === undefined ? undefined : JEKYLL_DATE_PATTERN.exec(edited)?.[1];
  // An edit that is not Jekyll's form is ignored rather than written: Jekyll would fail on it.
  if (edited !== undefined && editedDay !== undefined) return { text: edited, day: editedDay };
  const published = draft.published?.parts;
  let parts: DateParts;
  if (published) {
    parts =
      published.hour !== undefined && published.offsetMinutes === undefined
        ? { ...published, offsetMinutes: zoneOffsetMinutes(options.timeZone, published) }
        : published;
  } else {
    // An invalid clock (NaN) still has to give a post a date; the epoch is obviously wrong and easy to spot.
    const instant = Number.isNaN(ctx.clippedAt.getTime()) ? 0 : ctx.clippedAt.getTime();
    parts = partsInZone(instant, options.timeZone);
  }
  return { text: toJekyllDate(parts), day: formatDay(parts) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function isChineseName(name: string): boolean {
  return HAN.test(name) && !KANA.test(name);
}

/** Trimmed, inner whitespace collapsed, empty dropped, duplicates (ignoring case) dropped, first spelling kept. */
function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = value.replace(/\s+/gu, ' ').trim();
    const key = clean.toLowerCase();
    if (clean === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

/**
 * One rule for values Jekyll can take as a string or a list: a single value without whitespace is written as a
 * string (`categories: zhongguoshichangjianguanxinwenwang`, Jekyll's own form); anything else as a list,
 * because Jekyll splits a string on spaces (`tags: New York` would be two tags).
 */
function toStringOrList(values: string[]): string | string[] {
  const only = values.length === 1 ? values[0] : undefined;
  return only !== undefined && !/\s/u.test(only) ? only : values;
}

function chooseCategories(
  draft: ClipDraft,
  siteName: string,
  options: PostOptions,
  ctx: BuildPostContext,
): string[] {
  if (ctx.edits?.categories) return cleanList(ctx.edits.categories);
  switch (options.categoriesMode) {
    case 'site':
      return [siteSlug(siteName, siteSlug(hostOf(draft.url)))];
    case 'none':
      return [];
  }
}

function chooseTags(
  draft: ClipDraft,
  siteName: string,
  options: PostOptions,
  ctx: BuildPostContext,
): string | string[] {
  // Keywords and edits are collections and stay lists even with one item; only the site tag is a lone string.
  if (ctx.edits?.tags) return cleanList(ctx.edits.tags);
  switch (options.tagsMode) {
    case 'keywords':
      return cleanList(draft.keywords).slice(0, MAX_KEYWORD_TAGS);
    case 'site-news':
      if (siteName === '') return [];
      return toStringOrList([isChineseName(siteName) ? `${siteName}新闻` : `${siteName} news`]);
    case 'none':
      return [];
  }
}

/** `Source: [name](url)`, or `来源：…` for Chinese pages. Brackets and backslashes in the name are escaped. */
function buildSourceLine(siteName: string, url: string, lang: string | null): string {
  const label = lang?.toLowerCase().startsWith('zh') ? '来源：' : 'Source: ';
  const name = siteName.replace(/[\\[\]]/g, (ch) => `\\${ch}`).replace(/\s+/gu, ' ');
  // Markdown link destinations end at a space or `)` unless wrapped in <>; <> also needs < and > escaped.
  const target = /[\s()<>]/u.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `${label}[${name}](${target})`;
}

/**
 * A Jekyll post: front matter `layout, title, date, categories, tags, source, author` in that order, then the
 * Markdown and (optionally) a source line. Edits win over the draft. The file name's day is the `date:` day.
 */
export function buildPost(
  draft: ClipDraft,
  markdown: string,
  options: PostOptions,
  ctx: BuildPostContext,
): Post {
  const title = ctx.edits?.title ?? draft.title;
  const date = choosePostDate(draft, options, ctx);
  const siteName = draft.siteName?.trim() || hostOf(draft.url);
  const source = draft.canonical ?? draft.url;
  const fields: FrontMatterField[] = [];
  if (options.layout !== '') fields.push({ key: 'layout', value: options.layout });
  fields.push({ key: 'title', value: title, quote: 'always' });
  fields.push({ key: 'date', value: { kind: 'date', text: date.text } });
  const categories = chooseCategories(draft, siteName, options, ctx);
  if (categories.length > 0) fields.push({ key: 'categories', value: toStringOrList(categories) });
  const tags = chooseTags(draft, siteName, options, ctx);
  if (tags.length > 0) fields.push({ key: 'tags', value: tags });
  fields.push({ key: 'source', value: source, quote: 'always' });
  const author = draft.byline?.trim();
  if (options.includeAuthor && author) fields.push({ key: 'author', value: author, quote: 'always' });

  // Leading blank lines go, leading spaces stay (an indented code block may open the article).
  const body = [markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd()];
  if (options.includeSourceLine) body.push(buildSourceLine(siteName, source, draft.lang));
  const content = `${buildFrontMatter(fields)}\n${body.filter((part) => part !== '').join('\n\n')}\n`;
  return { filename: toPostFilename(date.day, slugify(title, options.slugMode)), content };
}
