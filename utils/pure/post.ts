// Pure: builds a post (Jekyll file name + YAML front matter + Markdown body) from a draft. No DOM, no extension API.
// STUB: replaced by the post work.
import type { ClipDraft, ClipEdits, Post, PostOptions } from './types';

export interface BuildPostContext {
  /** When the page was clipped; dates the post when the page has no published date. */
  clippedAt: Date;
  edits?: ClipEdits;
}

export function buildPost(
  draft: ClipDraft,
  markdown: string,
  _options: PostOptions,
  _ctx: BuildPostContext,
): Post {
  return { filename: 'post.md', content: `---\ntitle: ${JSON.stringify(draft.title)}\n---\n\n${markdown}\n` };
}
