// Templates and site rules as a JSON file to share: export, and import that validates every item and merges by id.
// Also the checks the options page runs before it saves a template or a rule.
import { BUILT_IN_TEMPLATES } from '../utils/pure/presets';
import type { SiteRule } from '../utils/pure/site-rules';
import { readSiteRule } from '../utils/pure/site-rules';
import type { Template, TemplateError } from '../utils/pure/template';
import { compileTemplate, parseTemplate, readTemplate } from '../utils/pure/template';
import { isRecord } from '../utils/pure/result';
import type { Settings } from '../utils/pure/types';

export const TEMPLATES_FILE_FORMAT = 'postclip-templates';
export const TEMPLATES_FILE_VERSION = 1;

/** The file: only the user's own templates and rules (built-ins are in every copy of Postclip). */
export interface TemplatesFile {
  format: typeof TEMPLATES_FILE_FORMAT;
  version: number;
  templates: Template[];
  rules: SiteRule[];
}

export interface ImportCounts {
  templates: number;
  rules: number;
  /** Items that were not a valid template or rule (or a template with a syntax error): left out. */
  skipped: number;
}

export type ImportResult =
  | { ok: true; templates: Template[]; rules: SiteRule[]; counts: ImportCounts }
  | { ok: false; reason: 'not-json' | 'not-templates' };

type TemplateLists = Pick<Settings, 'templates' | 'rules'>;

export function toTemplatesJson(settings: TemplateLists): string {
  const file: TemplatesFile = {
    format: TEMPLATES_FILE_FORMAT,
    version: TEMPLATES_FILE_VERSION,
    templates: settings.templates,
    rules: settings.rules,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `into` with each item of `incoming` replacing the one of the same id in place, or added at the end. */
export function mergeById<T extends { id: string }>(into: readonly T[], incoming: readonly T[]): T[] {
  const out = [...into];
  for (const item of incoming) {
    const at = out.findIndex((old) => old.id === item.id);
    if (at < 0) out.push(item);
    else out[at] = item;
  }
  return out;
}

/**
 * Reads a templates file and merges it into the current lists by id. Each item is checked on its own (readTemplate,
 * readSiteRule, and templates must parse): one bad item is skipped, never the whole file.
 */
export function importTemplatesJson(text: string, current: TemplateLists): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isRecord(raw) || raw.format !== TEMPLATES_FILE_FORMAT) return { ok: false, reason: 'not-templates' };
  const rawTemplates = Array.isArray(raw.templates) ? raw.templates : [];
  const rawRules = Array.isArray(raw.rules) ? raw.rules : [];
  const templates = rawTemplates
    .map(readTemplate)
    .filter((t): t is Template => t !== null && checkTemplate(t) === null);
  const rules = rawRules
    .map(readSiteRule)
    .filter((r): r is SiteRule => r !== null && checkRuleFields(r) === null);
  return {
    ok: true,
    templates: mergeById(current.templates, templates),
    rules: mergeById(current.rules, rules),
    counts: {
      templates: templates.length,
      rules: rules.length,
      skipped: rawTemplates.length - templates.length + rawRules.length - rules.length,
    },
  };
}

/** Null when every part of the template parses, else the first error (its part, line, column and why). */
export function checkTemplate(template: Template): TemplateError | null {
  const compiled = compileTemplate(template);
  return compiled.ok ? null : compiled.error;
}

/** Null when every field override of the rule parses, else the first error, its part named `fields.<key>`. */
export function checkRuleFields(rule: SiteRule): TemplateError | null {
  for (const field of rule.fields ?? []) {
    const parsed = parseTemplate(field.value);
    if (!parsed.ok)
      return {
        ...parsed.error,
        part: `fields.${field.key}`,
        message: `fields.${field.key}: ${parsed.error.message}`,
      };
  }
  return null;
}

/** An id not used by any template here nor by a built-in: `hugo-yaml-copy`, `hugo-yaml-copy-2`… */
export function makeCopyId(base: string, templates: readonly Template[]): string {
  const taken = new Set([...templates, ...BUILT_IN_TEMPLATES].map((t) => t.id));
  const stem = `${base.replace(/-copy(?:-\d+)?$/, '')}-copy`;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A fresh rule id. */
export function makeRuleId(rules: readonly SiteRule[]): string {
  const taken = new Set(rules.map((r) => r.id));
  for (let n = rules.length + 1; ; n++) if (!taken.has(`rule-${n}`)) return `rule-${n}`;
}
