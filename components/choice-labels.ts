// Each closed choice's label in the pages, keyed by the values in utils/pure/choices.ts: a Record, so a new
// choice fails the type check until it has a label in both locales.
import type {
  MarkdownChoiceValue,
  PostChoiceValue,
  RuleMatchType,
  ToolbarButton,
} from '../utils/pure/choices';
import type { MessageKey } from '../utils/pure/message-key';
import type { ImageSettings } from '../utils/pure/types';

export const CATEGORY_LABELS: Record<PostChoiceValue<'categoriesMode'>, MessageKey> = {
  site: 'categoriesSite',
  none: 'categoriesNone',
};
export const TAG_LABELS: Record<PostChoiceValue<'tagsMode'>, MessageKey> = {
  keywords: 'tagsKeywords',
  'site-news': 'tagsSiteNews',
  none: 'tagsNone',
};
export const SLUG_LABELS: Record<PostChoiceValue<'slugMode'>, MessageKey> = {
  readable: 'slugReadable',
  pinyin: 'slugPinyin',
};
export const HEADING_LABELS: Record<MarkdownChoiceValue<'headingStyle'>, MessageKey> = {
  atx: 'headingAtx',
  setext: 'headingSetext',
};
export const CODE_LABELS: Record<MarkdownChoiceValue<'codeBlockStyle'>, MessageKey> = {
  fenced: 'codeFenced',
  indented: 'codeIndented',
};
export const LINK_LABELS: Record<MarkdownChoiceValue<'linkStyle'>, MessageKey> = {
  inlined: 'linkInlined',
  referenced: 'linkReferenced',
};
export const MATCH_LABELS: Record<RuleMatchType, MessageKey> = {
  host: 'ruleMatchHost',
  'host-suffix': 'ruleMatchSuffix',
  pattern: 'ruleMatchPattern',
};
export const OBSIDIAN_LINK_LABELS: Record<ImageSettings['obsidianLinks'], MessageKey> = {
  embed: 'imagesObsidianEmbed',
  relative: 'imagesObsidianRelative',
};

export const TOOLBAR_BUTTON_LABELS: Record<ToolbarButton, MessageKey> = {
  clip: 'toolbarButtonClip',
  open: 'toolbarButtonOpen',
};
