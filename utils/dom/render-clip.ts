// DOM: a stored clip to its post with the CURRENT settings, template and site rules, and the user's edits; every export goes through here.
import type { RenderedPost } from '../pure/post';
import { renderPost } from '../pure/post';
import { toJekyllTemplate } from '../pure/presets';
import type { TemplateSettings } from '../pure/site-rules';
import { chooseTemplate } from '../pure/site-rules';
import type { ClipDraft, FoundDate, MarkdownStyle, StoredClip } from '../pure/types';
import { toMarkdownKey } from '../pure/markdown-key';
import { htmlToMarkdown } from './markdown';

/** The settings a re-render reads: the Markdown style, the post options, the templates and the rules. */
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
export function withRuleZone(draft: ClipDraft, ruleZone: string | undefined): ClipDraft {
  if (!ruleZone) return draft;
  return { ...draft, published: dropGuessedZone(draft.published), modified: dropGuessedZone(draft.modified) };
}

/**
 * Re-converts the stored article HTML (so a changed Markdown style applies to old clips) and renders the post through
 * the template chosen for the clip's page (its site rule's, else the active one). A template with a syntax error
 * falls back to the Jekyll template of the user's post options, and `templateError` says why: the options page
 * never saves a broken template, so this only happens to a corrupted or hand-edited one.
 * Imports markdown.ts directly, not pipeline.ts: that one imports extract.ts, and Readability must stay out of the
 * popup and options bundles.
 */
export function renderClip(clip: StoredClip, settings: RenderSettings, doc: Document): RenderedPost {
  // The Markdown made at clip time is reused when the same converter and style made it: same result, far faster.
  const markdown =
    clip.markdownKey !== undefined && clip.markdownKey === toMarkdownKey(settings.markdown)
      ? clip.markdown
      : htmlToMarkdown(clip.draft.contentHtml, doc, clip.draft.url, settings.markdown);
  const choice = chooseTemplate(settings, clip.draft.url);
  return renderPost(withRuleZone(clip.draft, choice.rule?.timeZone), markdown, choice.template, {
    clippedAt: new Date(clip.clippedAt),
    edits: clip.edits,
    timeZone: choice.timeZone,
    slugMode: choice.slugMode,
    fallback: toJekyllTemplate(settings.post),
  });
}
