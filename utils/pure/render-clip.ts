// Pure: a stored clip to its post with the CURRENT template and site rules, and the user's edits; every export goes through here.
import type { RenderedPost } from './post';
import { renderPost } from './post';
import { BUILT_IN_TEMPLATES, findTemplate, toJekyllTemplate } from './presets';
import type { TemplateSettings } from './site-rules';
import { applyRuleFields, chooseTemplate } from './site-rules';
import type { FoundDate, MarkdownStyle, SavedDraft, StoredClip } from './types';

/**
 * The settings a render reads. `markdown` is only for new clips now: the stored Markdown (or the user's edited
 * body) is the post body, so the pages never convert HTML again and turndown stays in the clip script.
 */
export interface RenderSettings extends TemplateSettings {
  markdown: MarkdownStyle;
}

function dropGuessedZone(found: FoundDate | null): FoundDate | null {
  if (found?.zoneFrom !== 'publisher') return found;
  const { offsetMinutes: _guessed, ...parts } = found.parts;
  const { zoneFrom: _from, ...rest } = found;
  return { ...rest, parts };
}

/**
 * The draft with the zones the extractor only guessed (from the page's language or country) taken off, when a site
 * rule names the publisher's zone: the user's word about the site beats a guess. Offsets the page stated stay.
 */
export function withRuleZone<T extends SavedDraft>(draft: T, ruleZone: string | undefined): T {
  if (!ruleZone) return draft;
  return { ...draft, published: dropGuessedZone(draft.published), modified: dropGuessedZone(draft.modified) };
}

/** The body a clip's post carries: the user's edited body, else the Markdown made at clip time. */
export function clipBody(clip: StoredClip): string {
  return clip.edits.body ?? clip.markdown;
}

/**
 * The template a clip renders with: the one picked for this clip in the popup (`edits.templateId`) if it still
 * exists, else its site rule's, else the active one; the site rule's field overrides apply either way.
 */
export function chooseClipTemplate(settings: TemplateSettings, clip: StoredClip) {
  const choice = chooseTemplate(settings, clip.draft.url);
  const picked = clip.edits.templateId;
  const exists = [...settings.templates, ...BUILT_IN_TEMPLATES].some((t) => t.id === picked);
  if (picked === undefined || !exists) return choice;
  return {
    ...choice,
    template: applyRuleFields(findTemplate(picked, settings.templates, settings.post), choice.rule),
  };
}

/**
 * Renders the post through the clip's template (see chooseClipTemplate). A template with a syntax error falls back
 * to the Jekyll template of the user's post options, and `templateError` says why: the options page never saves a
 * broken template, so this only happens to a corrupted or hand-edited one.
 */
export function renderClip(clip: StoredClip, settings: TemplateSettings): RenderedPost {
  const choice = chooseClipTemplate(settings, clip);
  return renderPost(withRuleZone(clip.draft, choice.rule?.timeZone), clipBody(clip), choice.template, {
    clippedAt: new Date(clip.clippedAt),
    edits: clip.edits,
    timeZone: choice.timeZone,
    slugMode: choice.slugMode,
    fallback: toJekyllTemplate(settings.post),
  });
}
