// Pure: per-site rules (template, field overrides, publisher zone, selectors) and matching a URL to one. No DOM.
import { DEFAULT_TEMPLATE_ID, findTemplate } from './presets';
import type { SlugMode } from './slug';
import type { SiteRule, Template, TemplateField } from './template-shape';
import type { PostOptions } from './types';

export type { SiteRule, SiteRuleMatch } from './template-shape';
export { readSiteRule } from './template-shape';
export { BUILT_IN_RULES, findRule, isGlobMatch, isRuleMatch } from './rule-match';
import { findRule } from './rule-match';

export function applyRuleFields(template: Template, rule: SiteRule | null): Template {
  const overrides = rule?.fields ?? [];
  if (overrides.length === 0) return template;
  const fields = template.fields.map((field): TemplateField => {
    const override = overrides.find((o) => o.key === field.key);
    if (!override) return field;
    // The template's quoting stays unless the rule says otherwise; an emptied field is left out, never kept.
    const quote = override.quote ?? field.quote;
    return quote === undefined ? { ...override } : { ...override, quote };
  });
  for (const override of overrides) {
    if (!fields.some((field) => field.key === override.key)) fields.push(override);
  }
  return { ...template, fields };
}

/** The settings a clip's template comes from (a subset of the stored Settings). */
export interface TemplateSettings {
  post: PostOptions;
  templates: readonly Template[];
  activeTemplateId: string;
  rules: readonly SiteRule[];
}

/** What to render a page with: give `template`, `timeZone` and `slugMode` to renderPost; `rule` for extraction. */
export interface TemplateChoice {
  template: Template;
  rule: SiteRule | null;
  timeZone: string;
  slugMode: SlugMode;
}

/**
 * The template for a URL: the matching rule's template (or the active one) with the rule's field overrides; the
 * rule's zone and slug mode over the user's defaults.
 */
export function chooseTemplate(settings: TemplateSettings, url: string): TemplateChoice {
  const rule = findRule(settings.rules, url);
  const id = rule?.templateId ?? (settings.activeTemplateId || DEFAULT_TEMPLATE_ID);
  const template = applyRuleFields(findTemplate(id, settings.templates, settings.post), rule);
  return {
    template,
    rule,
    timeZone: rule?.timeZone || settings.post.timeZone,
    slugMode: rule?.slugMode ?? settings.post.slugMode,
  };
}
