// Platform: the commit message for a publish, rendered from the user's template with the same engine and variables
// as posts (`{{title}}`, `{{site}}`, `{{url}}`…). Pure code kept beside the publish service that alone uses it.
import { buildTemplateVars } from '../../pure/post';
import { parseTemplate, renderTemplate } from '../../pure/template';
import { toText } from '../../pure/template-filters';
import type { StoredClip } from '../../pure/types';

export const DEFAULT_COMMIT_MESSAGE = 'Add post: {{title}}';

/** Whether the template parses; the options page refuses to save one that does not. */
export function checkMessageTemplate(template: string): string | null {
  const parsed = parseTemplate(template);
  return parsed.ok ? null : parsed.error.message;
}

/**
 * One clip: the template rendered over its fields. Several: the first clip's message and a count, so "Publish
 * selected" makes one commit that still says what it holds. A template that does not parse falls back to the default.
 */
export function renderCommitMessage(template: string, clips: readonly StoredClip[]): string {
  const first = clips[0];
  if (!first) return 'Postclip';
  const parsed = parseTemplate(template);
  const ast = parsed.ok ? parsed : parseTemplate(DEFAULT_COMMIT_MESSAGE);
  if (!ast.ok) return 'Postclip';
  const vars = buildTemplateVars(first.draft, '', {
    clippedAt: new Date(first.clippedAt),
    edits: first.edits,
    timeZone: 'UTC',
  });
  const text = toText(renderTemplate(ast.value, vars, { slugMode: 'readable' })).trim() || 'Postclip';
  const line = text.split('\n')[0] ?? text;
  return clips.length === 1 ? text : `${line} (+${clips.length - 1} more)\n\n${text}`;
}
