// Pure: the shapes of templates and site rules, and their readers for untrusted JSON. Kept apart from the template
// engine so that settings (loaded by the background and the popup) do not pull in filters, pinyin and YAML.
import type { RuleMatchType, SlugMode } from './choices';
import { RULE_MATCH_TYPES, SLUG_MODES } from './choices';
import { isRecord } from './result';

/** The built-in template used when nothing else is chosen: Jekyll, made from the post options. */
export const DEFAULT_TEMPLATE_ID = 'jekyll';

/** One front matter field: its key and the template of its value. */
export interface TemplateField {
  key: string;
  value: string;
  /** `always`: double-quote free text (titles) even when it would be safe plain. YAML only. */
  quote?: 'auto' | 'always';
  /** Write the key with an empty value (`title: ""`) instead of leaving it out when the value is empty. */
  keepEmpty?: boolean;
}

/** A post format: front matter fields, body, file name and source line, each a template. */
export interface Template {
  id: string;
  name: string;
  format: 'yaml' | 'toml' | 'none';
  fields: TemplateField[];
  body: string;
  /** May hold `/` for folders (`content/posts/{{title|slug}}.md`); values never add folders. */
  filename: string;
  /** Written after the body, separated by a blank line; nothing when it renders empty. */
  sourceLine: string;
}

/** How a rule picks pages. `host`: exactly this host; `host-suffix`: it or any subdomain; `pattern`: a URL glob. */
export interface SiteRuleMatch {
  type: RuleMatchType;
  /** `www.cmrnn.com.cn`; `news.cn`; `https://*.example.com/news/*` (`*` any run of characters, nothing else special). */
  value: string;
}

export interface SiteRule {
  id: string;
  match: SiteRuleMatch;
  /** Use this template instead of the active one. */
  templateId?: string;
  /** Field templates that replace (or are added to) the template's own, by key: categories, tags, layout… */
  fields?: TemplateField[];
  /** The publisher's IANA zone, for pages that give a local time with no offset. */
  timeZone?: string;
  /** CSS selectors removed before extraction: share bars, "related news", editor lines. */
  removeSelectors?: string[];
  /** The article element, for sites Readability gets wrong. */
  articleSelector?: string;
  /** The element holding the published date. */
  dateSelector?: string;
  slugMode?: SlugMode;
}

const FORMATS: ReadonlySet<string> = new Set(['yaml', 'toml', 'none']);

/** A template field from untrusted JSON (storage, an imported file), or null when it is not one. */
export function readTemplateField(raw: unknown): TemplateField | null {
  if (!isRecord(raw) || typeof raw.key !== 'string' || typeof raw.value !== 'string') return null;
  const field: TemplateField = { key: raw.key, value: raw.value };
  if (raw.quote === 'auto' || raw.quote === 'always') field.quote = raw.quote;
  if (raw.keepEmpty === true) field.keepEmpty = true;
  return field;
}

/**
 * A template from untrusted JSON, or null when its shape is wrong. Its templates are not parsed here: a syntax
 * error is the user's to see and fix in the options page, not a reason to lose their work.
 */
export function readTemplate(raw: unknown): Template | null {
  if (!isRecord(raw)) return null;
  const { id, name, format, fields, body, filename, sourceLine } = raw;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string') return null;
  if (typeof format !== 'string' || !FORMATS.has(format) || !Array.isArray(fields)) return null;
  if (typeof body !== 'string' || typeof filename !== 'string' || typeof sourceLine !== 'string') return null;
  const read = fields.map(readTemplateField);
  if (read.some((field) => field === null)) return null;
  return {
    id,
    name,
    format: format as Template['format'],
    fields: read.filter((field): field is TemplateField => field !== null),
    body,
    filename,
    sourceLine,
  };
}

const MATCH_TYPES: ReadonlySet<string> = new Set(RULE_MATCH_TYPES);

function readStrings(raw: unknown): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** A rule from untrusted JSON (storage, an imported file), or null when it cannot match anything. */
export function readSiteRule(raw: unknown): SiteRule | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '' || !isRecord(raw.match)) return null;
  const { type, value } = raw.match;
  if (typeof type !== 'string' || !MATCH_TYPES.has(type) || typeof value !== 'string' || value.trim() === '')
    return null;
  const rule: SiteRule = { id: raw.id, match: { type: type as SiteRuleMatch['type'], value } };
  if (typeof raw.templateId === 'string' && raw.templateId !== '') rule.templateId = raw.templateId;
  if (Array.isArray(raw.fields)) {
    rule.fields = raw.fields.map(readTemplateField).filter((f): f is TemplateField => f !== null);
  }
  if (typeof raw.timeZone === 'string' && raw.timeZone !== '') rule.timeZone = raw.timeZone;
  const removeSelectors = readStrings(raw.removeSelectors);
  if (removeSelectors) rule.removeSelectors = removeSelectors;
  if (typeof raw.articleSelector === 'string' && raw.articleSelector !== '')
    rule.articleSelector = raw.articleSelector;
  if (typeof raw.dateSelector === 'string' && raw.dateSelector !== '') rule.dateSelector = raw.dateSelector;
  const slugMode = SLUG_MODES.find((mode) => mode === raw.slugMode);
  if (slugMode) rule.slugMode = slugMode;
  return rule;
}
