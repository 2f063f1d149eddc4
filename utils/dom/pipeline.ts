// DOM: the whole clip pipeline, page to post: extract, convert to Markdown, build the post. Shared by the CLI and the extension.
import type { Result } from '../pure/result';
import { ok } from '../pure/result';
import type { BuildPostContext } from '../pure/post';
import { buildPost } from '../pure/post';
import type { ClipDraft, MarkdownStyle, Post, PostOptions } from '../pure/types';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../pure/types';
import type { ExtractOptions } from './extract';
import { extractArticle } from './extract';
import { htmlToMarkdown } from './markdown';

export interface ClipOutput {
  draft: ClipDraft;
  markdown: string;
  post: Post;
}

export interface PipelineOptions extends ExtractOptions {
  style?: MarkdownStyle;
  post?: PostOptions;
  edits?: BuildPostContext['edits'];
}

/** Draft to Markdown: the part that needs a DOM, run again on export with the current style. */
export function draftToMarkdown(
  draft: ClipDraft,
  doc: Document,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  return htmlToMarkdown(draft.contentHtml, doc, draft.url, style);
}

/** Page to post. `doc` is never modified. */
export function clipDocument(doc: Document, url: string, opts: PipelineOptions): Result<ClipOutput> {
  const extracted = extractArticle(doc, url, opts);
  if (!extracted.ok) return extracted;
  const draft = extracted.value;
  const markdown = draftToMarkdown(draft, doc, opts.style);
  const post = buildPost(draft, markdown, opts.post ?? DEFAULT_POST_OPTIONS, {
    clippedAt: opts.now,
    ...(opts.edits ? { edits: opts.edits } : {}),
  });
  return ok({ draft, markdown, post });
}
