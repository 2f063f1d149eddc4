// DOM: a stored clip to its post with the CURRENT settings and the user's edits; every export goes through here.
import { buildPost } from '../pure/post';
import type { MarkdownStyle, Post, PostOptions, StoredClip } from '../pure/types';
import { htmlToMarkdown } from './markdown';

/**
 * Re-converts the stored article HTML (so a changed Markdown style applies to old clips) and builds the post.
 * Same conversion as pipeline's draftToMarkdown, imported from markdown.ts directly because pipeline.ts also
 * imports extract.ts, and Readability must stay out of the popup and options bundles.
 */
export function renderClip(
  clip: StoredClip,
  style: MarkdownStyle,
  options: PostOptions,
  doc: Document,
): Post {
  const markdown = htmlToMarkdown(clip.draft.contentHtml, doc, clip.draft.url, style);
  return buildPost(clip.draft, markdown, options, { clippedAt: new Date(clip.clippedAt), edits: clip.edits });
}
