// DOM: the whole clip pipeline, page to post: extract, convert to Markdown, render the post. Shared by the CLI and the extension.
import type { Result } from '../pure/result';
import { ok } from '../pure/result';
import type { BuildPostContext } from '../pure/post';
import { renderPost } from '../pure/post';
import { DEFAULT_TEMPLATE_ID, toJekyllTemplate } from '../pure/presets';
import type { SiteRule } from '../pure/site-rules';
import { chooseTemplate } from '../pure/site-rules';
import type { Template, TemplateError } from '../pure/template';
import type { ClipDraft, MarkdownStyle, Post, PostOptions } from '../pure/types';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../pure/types';
import type { ExtractOptions } from './extract';
import { extractArticle, extractArticleParts, stageClockOf } from './extract';
import { htmlToMarkdown, ownedElementToMarkdown } from './markdown';
import type { ExtractPage } from './page-join';
import { withRuleZone } from '../pure/render-clip';

export interface ClipOutput {
  draft: ClipDraft;
  markdown: string;
  post: Post;
  /** Set when the chosen template did not parse and the post came from the Jekyll fallback. */
  templateError?: TemplateError;
}

export interface PipelineOptions extends ExtractOptions {
  style?: MarkdownStyle;
  post?: PostOptions;
  edits?: BuildPostContext['edits'];
  /** The user's own templates; the built-in presets are always there. */
  templates?: readonly Template[];
  /** Which template renders the post (a user template's id or a preset's); default: Jekyll from `post`. */
  activeTemplateId?: string;
  /** The user's site rules, before the built-in ones. Default: the built-in rules only. */
  rules?: readonly SiteRule[];
  /** Joins a multi-page article's later pages onto the first page's draft (the CLI's local pages: page-join.ts). */
  joinPages?: (doc: Document, url: string, first: ClipDraft, extract: ExtractPage) => ClipDraft;
}

/** Draft to Markdown: the part that needs a DOM, run again on export with the current style. */
export function draftToMarkdown(
  draft: ClipDraft,
  doc: Document,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  return htmlToMarkdown(draft.contentHtml, doc, draft.url, style);
}

/** Extraction options with the rule's selectors where the caller gave none of its own. */
function withRuleSelectors(opts: ExtractOptions, rule: SiteRule | null): ExtractOptions {
  const out: ExtractOptions = { ...opts };
  if (out.removeSelectors === undefined && rule?.removeSelectors?.length)
    out.removeSelectors = rule.removeSelectors;
  if (out.articleSelector === undefined && rule?.articleSelector) out.articleSelector = rule.articleSelector;
  if (out.dateSelector === undefined && rule?.dateSelector) out.dateSelector = rule.dateSelector;
  return out;
}

/**
 * Page to post, as the extension does it: the site rule that matches `url` picks the selectors, the template and
 * the zone; the post is rendered through that template. `doc` is never modified.
 */
export function clipDocument(doc: Document, url: string, opts: PipelineOptions): Result<ClipOutput> {
  const postOptions = opts.post ?? DEFAULT_POST_OPTIONS;
  const choice = chooseTemplate(
    {
      post: postOptions,
      templates: opts.templates ?? [],
      activeTemplateId: opts.activeTemplateId ?? DEFAULT_TEMPLATE_ID,
      rules: opts.rules ?? [],
    },
    url,
  );
  const extractOptions = withRuleSelectors(opts, choice.rule);
  const extracted = extractArticleParts(doc, url, extractOptions);
  if (!extracted.ok) return extracted;
  const first = extracted.value.draft;
  // Later pages are extracted alike, but their stage times are not the first page's clip.
  const { timings: _timings, clock: _clock, ...pageOptions } = extractOptions;
  const draft =
    opts.joinPages && first.kind === 'article'
      ? opts.joinPages(doc, url, first, (page, pageUrl) => extractArticle(page, pageUrl, pageOptions))
      : first;
  // From the article element itself: the same Markdown as draftToMarkdown, without parsing contentHtml again.
  // A joined article has no element of its own: its HTML is parsed once.
  const markdown =
    draft === first
      ? ownedElementToMarkdown(extracted.value.content, draft.url, opts.style, stageClockOf(opts))
      : draftToMarkdown(draft, doc, opts.style);
  const rendered = renderPost(withRuleZone(draft, choice.rule?.timeZone), markdown, choice.template, {
    clippedAt: opts.now,
    ...(opts.edits ? { edits: opts.edits } : {}),
    timeZone: choice.timeZone,
    slugMode: choice.slugMode,
    fallback: toJekyllTemplate(postOptions),
  });
  const post: Post = { filename: rendered.filename, content: rendered.content };
  return ok(
    rendered.templateError
      ? { draft, markdown, post, templateError: rendered.templateError }
      : { draft, markdown, post },
  );
}
