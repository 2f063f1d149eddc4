// Pure: every closed list of choices, once. Types derive from these arrays, settings validation checks against
// them, and the pages list them in this order, so a new choice is added in one place.

/** What a clip reads: Readability's article, the whole page, or the user's selection. */
export const CLIP_MODES = ['article', 'page', 'selection'] as const;
export type ClipMode = (typeof CLIP_MODES)[number];

export function isClipMode(value: unknown): value is ClipMode {
  return CLIP_MODES.some((mode) => mode === value);
}

/** What the toolbar button does: clip at once in the background (the popup shows it), or open the popup first. */
export const TOOLBAR_BUTTONS = ['clip', 'open'] as const;
export type ToolbarButton = (typeof TOOLBAR_BUTTONS)[number];

export const SLUG_MODES = ['readable', 'pinyin'] as const;
export type SlugMode = (typeof SLUG_MODES)[number];

/** The post options with a closed set of values. */
export const POST_CHOICES = {
  categoriesMode: ['site', 'none'],
  tagsMode: ['keywords', 'site-news', 'none'],
  slugMode: SLUG_MODES,
} as const;

/** The Markdown style: every option is a closed set (turndown's own). */
export const MARKDOWN_CHOICES = {
  headingStyle: ['atx', 'setext'],
  bulletListMarker: ['-', '*', '+'],
  emDelimiter: ['_', '*'],
  strongDelimiter: ['**', '__'],
  codeBlockStyle: ['fenced', 'indented'],
  fence: ['```', '~~~'],
  linkStyle: ['inlined', 'referenced'],
} as const;

export type PostChoice = keyof typeof POST_CHOICES;
export type MarkdownChoice = keyof typeof MARKDOWN_CHOICES;
export type PostChoiceValue<K extends PostChoice> = (typeof POST_CHOICES)[K][number];
export type MarkdownChoiceValue<K extends MarkdownChoice> = (typeof MARKDOWN_CHOICES)[K][number];

/** How a site rule picks pages: exactly this host, it or any subdomain, or a URL glob. */
export const RULE_MATCH_TYPES = ['host', 'host-suffix', 'pattern'] as const;
export type RuleMatchType = (typeof RULE_MATCH_TYPES)[number];
