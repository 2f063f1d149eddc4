// Pure: renders a post (file name + front matter + Markdown body) from a draft through a template. No DOM.
import type { FrontMatterField, FrontMatterValue } from './front-matter';
import { buildFrontMatter } from './front-matter';
import { toJekyllDate } from './date-format';
import { partsInZone, zoneOffsetMinutes } from './date-zone';
import { safeArchivePath } from './filename';
import { parseJekyllDate } from './jekyll-date';
import { siteHostOf } from './url';
import { toJekyllTemplate } from './presets';
import type { SlugMode } from './slug';
import type {
  CompiledTemplate,
  Template,
  TemplateError,
  TemplateResult,
  TemplateValue,
  TemplateVars,
} from './template';
import { compileTemplate, isEmptyValue, renderTemplate, toText } from './template';
import type { ClipEdits, DateParts, FoundDate, Post, PostOptions, SavedDraft } from './types';
import { DEFAULT_POST_OPTIONS } from './types';

export interface BuildPostContext {
  /** When the page was clipped; dates the post when the page has no published date. */
  clippedAt: Date;
  edits?: ClipEdits;
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface PostDate {
  /** `date:` text. */
  text: string;
  /** What `text` says, for filters (`{{date|date:"rfc3339"}}`) and the file name's day. */
  parts: DateParts;
}

/** A page date with the zone filled in for a local time (the page's own offset is never replaced). */
function withZone(parts: DateParts, timeZone: string): DateParts {
  return parts.hour !== undefined && parts.offsetMinutes === undefined
    ? { ...parts, offsetMinutes: zoneOffsetMinutes(timeZone, parts) }
    : parts;
}

function toClipInstant(clippedAt: Date): number {
  // An invalid clock (NaN) still has to give a post a date; the epoch is obviously wrong and easy to spot.
  return Number.isNaN(clippedAt.getTime()) ? 0 : clippedAt.getTime();
}

function choosePostDate(draft: SavedDraft, timeZone: string, ctx: BuildPostContext): PostDate {
  const edited = ctx.edits?.date?.trim();
  // An edit that is not Jekyll's form is ignored rather than written: Jekyll would fail on it.
  const editedParts = edited === undefined ? null : parseJekyllDate(edited);
  if (edited !== undefined && editedParts) return { text: edited, parts: editedParts };
  const published = draft.published?.parts;
  const parts = published
    ? withZone(published, timeZone)
    : partsInZone(toClipInstant(ctx.clippedAt), timeZone);
  return { text: toJekyllDate(parts), parts };
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

/** The date variables' value for a page date: its parts, the zone filled in. */
function toDateValue(found: FoundDate | null, timeZone: string): TemplateValue {
  return found ? { kind: 'date', parts: withZone(found.parts, timeZone) } : { kind: 'text', value: '' };
}

function makeText(value: string): TemplateValue {
  return { kind: 'text', value };
}

/** Everything a template can name, from the draft, the edits and the clip time. */
export function buildTemplateVars(
  draft: SavedDraft,
  markdown: string,
  ctx: BuildPostContext & { timeZone: string },
): TemplateVars {
  const host = siteHostOf(draft.url);
  const site = draft.siteName?.trim() || host;
  const date = choosePostDate(draft, ctx.timeZone, ctx);
  // Leading blank lines go, leading spaces stay (an indented code block may open the article).
  const content = markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const isChinese = draft.lang?.toLowerCase().startsWith('zh') ?? false;
  return {
    title: makeText(ctx.edits?.title ?? draft.title),
    url: makeText(draft.url),
    canonical: makeText(draft.canonical ?? ''),
    source: makeText(draft.canonical || draft.url),
    site: makeText(site),
    domain: makeText(host),
    author: makeText(draft.byline?.trim() ?? ''),
    published: toDateValue(draft.published, ctx.timeZone),
    modified: toDateValue(draft.modified, ctx.timeZone),
    clipped: { kind: 'date', parts: partsInZone(toClipInstant(ctx.clippedAt), ctx.timeZone) },
    date: { kind: 'date', parts: date.parts, text: date.text },
    lang: makeText(draft.lang ?? ''),
    excerpt: makeText(draft.excerpt ?? ''),
    description: makeText(describe(draft.excerpt, ctx.edits?.title ?? draft.title, draft.byline)),
    image: makeText(draft.image ?? ''),
    keywords: { kind: 'list', items: cleanList(draft.keywords) },
    selection: makeText(draft.kind === 'selection' ? content : ''),
    content: makeText(content),
    site_news: makeText(site === '' ? '' : isChineseName(site) ? `${site}新闻` : `${site} news`),
    source_label: makeText(isChinese ? '来源：' : 'Source: '),
  };
}

/** Letters and digits only, lowercased: how two short texts are compared for "the same words". */
function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The excerpt as a description, or '' when it only repeats the title or the byline (many sites do). */
export function describe(excerpt: string | null, title: string, byline: string | null): string {
  const text = excerpt?.trim() ?? '';
  const words = wordsOf(text);
  if (words === '') return '';
  const echoes = [title, byline ?? ''].map(wordsOf).filter((w) => w !== '');
  return echoes.some((w) => words.includes(w) && words.length - w.length < 12) ? '' : text;
}

/** What renderPost needs besides the draft: the clip time and edits, the zone, the slug mode, a fallback. */
export interface RenderPostContext extends BuildPostContext {
  /** IANA zone for local times with no offset and for the clip time; '' means the runtime's own zone. */
  timeZone: string;
  /** What a bare `slug` filter does. */
  slugMode: SlugMode;
  /** The last good template, used when `template` has a syntax error. Default: Jekyll with default options. */
  fallback?: Template;
}

/** A post, and the error of the template asked for when the fallback had to be used instead. */
export interface RenderedPost extends Post {
  templateError?: TemplateError;
  /** The post's date in Jekyll form (`date` as templates see it), for the editor to show. */
  dateText: string;
}

const MAX_CACHED = 64;
const COMPILED = new Map<string, TemplateResult<CompiledTemplate>>();

/** Parses a template once per distinct content: an export renders thousands of clips through the same one. */
function compileCached(template: Template): TemplateResult<CompiledTemplate> {
  const key = JSON.stringify(template);
  let compiled = COMPILED.get(key);
  if (!compiled) {
    if (COMPILED.size >= MAX_CACHED) COMPILED.clear();
    compiled = compileTemplate(template);
    COMPILED.set(key, compiled);
  }
  return compiled;
}

function toFrontMatterValue(value: TemplateValue): FrontMatterValue {
  switch (value.kind) {
    case 'text':
      return value.value;
    case 'list':
      return value.items;
    case 'date':
      return { kind: 'date', text: toText(value), parts: value.parts };
    case 'number':
    case 'boolean':
      return value.value;
  }
}

/** Jekyll's rule for edited categories: one word is a string, several or spaced ones a list. */
function toStringOrList(values: string[]): string | string[] {
  const only = values.length === 1 ? values[0] : undefined;
  return only !== undefined && !/\s/u.test(only) ? only : values;
}

/** A rendered field; `value` null when empty and left out (its place is kept for an edit). */
interface FieldSlot {
  key: string;
  value: FrontMatterValue | null;
  quote: 'auto' | 'always';
}

/** Edited categories and tags replace the template's field of that key (empty or not), or follow the fields. */
function applyEdits(slots: FieldSlot[], edits: ClipEdits | undefined): FieldSlot[] {
  const overrides: FieldSlot[] = [];
  if (edits?.categories)
    overrides.push({ key: 'categories', value: toStringOrList(cleanList(edits.categories)), quote: 'auto' });
  // Tags are a collection: a list even with one item.
  if (edits?.tags) overrides.push({ key: 'tags', value: cleanList(edits.tags), quote: 'auto' });
  let out = slots;
  for (const override of overrides) {
    const value = Array.isArray(override.value) && override.value.length === 0 ? null : override.value;
    const at = out.findIndex((slot) => slot.key === override.key);
    if (at < 0) out = [...out, { ...override, value }];
    else out = out.map((slot, i) => (i === at ? { ...slot, value } : slot));
  }
  return out;
}

// Values never add folders to a file name: only the template's own `/` does.
const escapeFilenameText = (piece: string): string => piece.replace(/[/\\]+/g, '-');

function renderCompiled(compiled: CompiledTemplate, vars: TemplateVars, ctx: RenderPostContext): Post {
  const options = { slugMode: ctx.slugMode };
  const slots = compiled.fields.map((field): FieldSlot => {
    const value = renderTemplate(field.ast, vars, options);
    // An empty value (no author, no keywords) leaves its key out rather than writing `author: ""`.
    const isLeftOut = isEmptyValue(value) && !field.isKeptEmpty;
    return { key: field.key, value: isLeftOut ? null : toFrontMatterValue(value), quote: field.quote };
  });
  const fields: FrontMatterField[] = [];
  for (const slot of applyEdits(slots, ctx.edits)) {
    if (slot.value !== null) fields.push({ key: slot.key, value: slot.value, quote: slot.quote });
  }
  const body = toText(renderTemplate(compiled.body, vars, options))
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .trimEnd();
  const sourceLine = toText(renderTemplate(compiled.sourceLine, vars, options)).trim();
  const text = [body, sourceLine].filter((part) => part !== '').join('\n\n');
  const { format } = compiled.template;
  const content = format === 'none' ? `${text}\n` : `${buildFrontMatter(fields, format)}\n${text}\n`;
  const path = toText(
    renderTemplate(compiled.filename, vars, { ...options, escapeText: escapeFilenameText }),
  ).trim();
  const slash = path.lastIndexOf('/');
  const filename = safeArchivePath(slash < 0 ? '' : path.slice(0, slash), path.slice(slash + 1));
  return { filename, content };
}

/**
 * A post through a template. Edits win over the draft (title, date, categories, tags). When the template has a
 * syntax error the post comes from `ctx.fallback` (the last good template) and `templateError` says why, so
 * clipping never fails on a template.
 */
export function renderPost(
  draft: SavedDraft,
  markdown: string,
  template: Template,
  ctx: RenderPostContext,
): RenderedPost {
  const vars = buildTemplateVars(draft, markdown, ctx);
  const dateText = toText(vars.date);
  const compiled = compileCached(template);
  if (compiled.ok) return { ...renderCompiled(compiled.value, vars, ctx), dateText };
  const fallback = ctx.fallback ? compileCached(ctx.fallback) : null;
  const usable = fallback?.ok ? fallback : compileCached(toJekyllTemplate(DEFAULT_POST_OPTIONS));
  if (!usable.ok) throw new Error('The built-in Jekyll template does not parse');
  return { ...renderCompiled(usable.value, vars, ctx), dateText, templateError: compiled.error };
}

/**
 * A Jekyll post as Postclip always wrote it: front matter `layout, title, date, categories, tags, source, author`,
 * the Markdown, a source line, `YYYY-MM-DD-slug.md`. The Jekyll template made from `options`, rendered.
 */
export function buildPost(
  draft: SavedDraft,
  markdown: string,
  options: PostOptions,
  ctx: BuildPostContext,
): Post {
  const { filename, content } = renderPost(draft, markdown, toJekyllTemplate(options), {
    ...ctx,
    timeZone: options.timeZone,
    slugMode: options.slugMode,
  });
  return { filename, content };
}
