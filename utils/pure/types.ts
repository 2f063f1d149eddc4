// Pure: the data shapes every context shares (extraction, post building, store, CLI). No DOM, no extension API.
import type { SiteRule, Template } from './template-shape';
import type {
  ClipMode,
  MarkdownChoice,
  MarkdownChoiceValue,
  PostChoiceValue,
  SlugMode,
  ToolbarButton,
} from './choices';
import type { DiscardedChoice } from './protocol';
import type { ArticleImage, ImageOutcome } from './images/types';

/** Where a published or modified date was found, most trusted first. */
export type DateSource = 'json-ld' | 'meta' | 'time-element' | 'text' | 'url' | 'rule' | 'script';

/** A calendar date with as much of the time and zone as the page gave; nothing invented. */
export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC. Absent when the page gave a local time and no zone could be inferred. */
  offsetMinutes?: number;
}

export interface FoundDate {
  /** The string as the page gave it. */
  raw: string;
  source: DateSource;
  /** Which tag, property or pattern, e.g. `meta[property=article:published_time]`. */
  detail: string;
  parts: DateParts;
  /** `page`: the page stated the offset; `publisher`: inferred from the site's language or country. */
  zoneFrom?: 'page' | 'publisher';
}

/** What the injected script (or the CLI) extracts from a page: everything a post is built from. */
export interface ClipDraft {
  /** The page URL the user clipped. */
  url: string;
  canonical: string | null;
  /** The article's own headline, site-name suffix removed. */
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Lead image, absolute URL. */
  image: string | null;
  keywords: string[];
  published: FoundDate | null;
  modified: FoundDate | null;
  /** Readability's cleaned article HTML, URLs made absolute. Kept so posts can be re-rendered later. */
  contentHtml: string;
  /** The article's plain text. */
  textContent: string;
  /** `article` (Readability), `selection` (only what the user selected), or `page` (whole body). */
  kind: ClipMode;
  /** The article's images worth keeping (utils/dom/image-select.ts), found by the injected script; absent: none. */
  images?: ArticleImage[];
  /** How many pages of a multi-page article were joined into this draft (utils/dom/page-join.ts); absent: one. */
  pagesJoined?: number;
}

/** The article's HTML and plain text: the extractor's, for the Markdown and the CLI; no saved post reads them. */
export type DraftBodies = 'contentHtml' | 'textContent';

/**
 * A draft as the clip message carries it and the library keeps it. The extension sends and saves it without
 * `contentHtml` and `textContent` (several MB on a long page, and every post renders from the stored Markdown);
 * clips saved before that, and backups, still carry them.
 */
export type SavedDraft = Omit<ClipDraft, DraftBodies> & Partial<Pick<ClipDraft, DraftBodies>>;

/** Markdown style choices (turndown options the user can set). */
export type MarkdownStyle = { [K in MarkdownChoice]: MarkdownChoiceValue<K> };

export const DEFAULT_MARKDOWN_STYLE: MarkdownStyle = {
  headingStyle: 'atx',
  bulletListMarker: '-',
  emDelimiter: '_',
  strongDelimiter: '**',
  codeBlockStyle: 'fenced',
  fence: '```',
  linkStyle: 'inlined',
};

/** How a post is laid out: front matter defaults, file name, source line. */
export interface PostOptions {
  layout: string;
  /** `site`: slug of the site name; `none`: no categories. */
  categoriesMode: PostChoiceValue<'categoriesMode'>;
  /** `keywords`: the page's keywords; `site-news`: site name + 新闻/news; `none`. */
  tagsMode: PostChoiceValue<'tagsMode'>;
  includeSourceLine: boolean;
  includeAuthor: boolean;
  slugMode: SlugMode;
  /** IANA zone for local times with no offset and no publisher zone; '' means the runtime's own zone. */
  timeZone: string;
}

export const DEFAULT_POST_OPTIONS: PostOptions = {
  layout: 'post',
  categoriesMode: 'site',
  tagsMode: 'keywords',
  includeSourceLine: true,
  includeAuthor: true,
  slugMode: 'readable',
  timeZone: '',
};

/** A post ready to write: Jekyll file name plus the whole file. */
export interface Post {
  filename: string;
  content: string;
}

/** What the user changed on a clip; applied over the extracted values when a post is built. */
export interface ClipEdits {
  title?: string;
  /** Jekyll form `YYYY-MM-DD HH:MM:SS +ZZZZ` or `YYYY-MM-DD`. */
  date?: string;
  categories?: string[];
  tags?: string[];
  /** The post body as the user edited it in the popup; replaces the Markdown made at clip time in every export. */
  body?: string;
  /** The template picked for this clip in the popup, over the site rule's and the active one. */
  templateId?: string;
}

/** A clip as kept in the library. */
export interface StoredClip {
  id: string;
  /** The unique key: canonical URL, else the page URL, without its #fragment. */
  url: string;
  draft: SavedDraft;
  /** The article's Markdown as converted at clip time. */
  markdown: string;
  /** Which converter and style made `markdown` (utils/pure/markdown-key.ts); export reuses it when they still match. */
  markdownKey?: string;
  edits: ClipEdits;
  /** Epoch milliseconds. */
  clippedAt: number;
  updatedAt: number;
  /** What happened to each image at clip time; kept ones are in the `images` store by hash. Absent: none kept. */
  images?: ImageOutcome[];
  /** The last publish of this clip (issue 12), absent until it is first published. */
  publication?: Publication;
}

/** One row of the library list: small, so thousands load fast. */
export interface ClipSummary {
  id: string;
  url: string;
  title: string;
  siteName: string;
  /** ISO 8601 published date as in the post, or null. */
  published: string | null;
  tags: string[];
  clippedAt: number;
  /** Kept images and their bytes (each distinct file once); absent on clips without kept images. */
  imageCount?: number;
  imageBytes?: number;
  /** The clip's publish state, absent when never published. */
  publishState?: PublicationState;
}

/** The user's settings. Defaults and migrations live in utils/platform/settings.ts; the shape is here so
 * components and pure code can take settings without reaching the extension API. */
export interface Settings {
  version: number;
  post: PostOptions;
  markdown: MarkdownStyle;
  clipOnOpen: boolean;
  /**
   * The toolbar button: `clip` starts the clip at once, `open` opens the popup first (which then clips when
   * clipOnOpen). Optional in the type only so older settings objects still type-check: migrateSettings fills it.
   */
  toolbarButton?: ToolbarButton;
  /** The user's own templates (copies of presets, edited). Built-ins come from presets.ts and are not stored. */
  templates: Template[];
  /** A user template's id or a built-in's (`jekyll`: the Jekyll template made from `post`). */
  activeTemplateId: string;
  /** The user's site rules, first match wins; the built-in rules come after them. */
  rules: SiteRule[];
  /**
   * What a batch of tabs does with unloaded tabs; asked when a batch starts, remembered here. Optional in the type
   * only so older settings objects still type-check: migrateSettings always fills it.
   */
  batchDiscarded?: DiscardedChoice;
  /** Images kept with clips; absent in settings saved before images existed (then DEFAULT_IMAGE_SETTINGS). */
  images?: ImageSettings;
}

/** Whether clips keep their images, and how exports link them. */
export interface ImageSettings {
  keep: boolean;
  /** Jekyll's `baseurl` for a site served under a sub-path (`/blog`); '' for the root. */
  baseurl: string;
  /** Obsidian: `![[…]]` embeds or relative Markdown links. */
  obsidianLinks: 'embed' | 'relative';
}

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = { keep: true, baseurl: '', obsidianLinks: 'embed' };

/** The settings' image part, defaults filled in. */
export function imageSettingsOf(settings: Pick<Settings, 'images'>): ImageSettings {
  return { ...DEFAULT_IMAGE_SETTINGS, ...(settings.images ?? {}) };
}

/** Where posts are published: nowhere yet, a folder the user picked (Chromium), or a Git repository over HTTPS. */
export type PublishDestination = 'none' | 'folder' | 'git';

/** The publish settings, kept under their own storage key (settings.ts). The access token is never here. */
export interface PublishSettings {
  destination: PublishDestination;
  /** The repository's HTTPS URL, e.g. `https://github.com/me/site.git`. */
  repoUrl: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  /** Rendered with the template engine over the clip's fields: `{{title}}`, `{{url}}`, `{{site}}`. */
  messageTemplate: string;
  /** Publish each new clip as soon as it is saved. */
  isAutoPublish: boolean;
  /** The origin the browser allowed us to reach for `repoUrl`, or '' when not allowed (declined or never asked). */
  allowedOrigin: string;
}

export const DEFAULT_PUBLISH_SETTINGS: PublishSettings = {
  destination: 'none',
  repoUrl: '',
  branch: 'main',
  authorName: 'Postclip',
  authorEmail: 'postclip@localhost',
  messageTemplate: 'Add post: {{title}}',
  isAutoPublish: false,
  allowedOrigin: '',
};

export type PublicationState = 'published' | 'failed' | 'conflict';

/** Where a clip was written in one destination: remembered per destination, so each repository has its own. */
export interface PublishedPlace {
  path: string;
  /** The blob id we (or, after "Keep theirs", the remote) last had at `path` (Git only). */
  blobId?: string;
}

/** A clip's last publish, kept on its record (optional: missing means never published). */
export interface Publication {
  destination: Exclude<PublishDestination, 'none'>;
  /**
   * The destination of this attempt (`toTargetKey`: the repository URL and branch, or `folder`). Absent in
   * records from before per-destination places: those match any destination of the same kind.
   */
  target?: string;
  /** Target key → where the clip is in that destination: the path and blob id an update must start from. */
  places?: Record<string, PublishedPlace>;
  /** After a conflict: the blob the remote holds at `path`, which "Keep theirs" adopts as the new baseline. */
  theirBlobId?: string;
  /** The post's path under the site's root: an edited clip is published again to this same path. */
  path: string;
  /** The blob id we last wrote at `path` (Git only): tells our own earlier file from someone else's. */
  blobId?: string;
  commit?: string;
  /** Epoch milliseconds of the last successful publish. */
  publishedAt?: number;
  state: PublicationState;
  /** Why the last attempt failed (a publish error code), when it did. */
  error?: string;
}
