// Pure: builds a post (Jekyll file name + YAML front matter + Markdown body) from a draft. No DOM, no extension API.
import type { FrontMatterField } from './front-matter';
import { buildFrontMatter } from './front-matter';
import { formatDay, partsInZone, toJekyllDate, zoneOffsetMinutes } from './dates';
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
