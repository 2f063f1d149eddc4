// Pure: what the popup and options components need from the platform, as one interface each page's entrypoint
// implements (utils/platform/page-services.ts) and fakes implement in tests. Shapes are shared, never copied.
import type { ClipMode } from './choices';
import type { ClipOutcome, TabProbe } from './protocol';
import type { Result } from './result';
import type { ClipEdits, ClipSummary, Post, Settings, StoredClip } from './types';

/** The tab a clip is for, as the probe found it. */
export interface ClipTarget {
  tabId: number;
  /** The URL the probe saw: if the tab has moved on, the clip is refused. */
  expectedUrl: string;
}

export interface SummaryPage {
  items: ClipSummary[];
  /** Cursor to continue after, or null at the end. */
  next: number | null;
  /** False when a query matched titles, sites and tags only: the full-text index is still loading. */
  isFullText?: boolean;
}

/** Which date orders the library (and which date its rows show). */
export type LibrarySort = 'clipped' | 'published';

/** The effective front matter values of a post, as the editor shows them. */
export interface PostFields {
  title: string;
  date: string;
  categories: string[];
  tags: string[];
}

/** An open clip: the stored record, its post rendered with the current settings, and the fields in that post. */
export interface OpenedClip {
  clip: StoredClip;
  post: Post;
  fields: PostFields;
  /** Why the post came from the fallback template (the chosen one does not parse), if it did. */
  templateError?: string | null;
}

/** The file export would write, rendered for the options page. */
export interface PostPreview extends Post {
  /** True when rendered on the built-in sample because the library is empty. */
  isSample?: boolean;
  /** Why the fallback template was used, if it was. */
  templateError?: string | null;
}

export type ExportTarget = string[] | 'all';
export type ProgressFn = (done: number, total: number) => void;

export interface PopupServices {
  probe(): Promise<Result<TabProbe>>;
  /** Without a target, the background clips whatever tab is active. */
  clip(mode: ClipMode, target?: ClipTarget): Promise<Result<ClipOutcome>>;
  isClipOnOpen(): Promise<boolean>;
  listSummaries(opts: {
    after?: number | null;
    limit: number;
    query?: string;
    sort?: LibrarySort;
  }): Promise<Result<SummaryPage>>;
  /** The user's tags, most used first, for autocomplete (optional: fakes and older pages have none). */
  listTags?(): Promise<Result<string[]>>;
  getSummary(id: string): Promise<Result<ClipSummary>>;
  openClip(id: string): Promise<Result<OpenedClip>>;
  updateEdits(id: string, edits: ClipEdits): Promise<Result<OpenedClip>>;
  deleteClips(ids: string[]): Promise<Result<StoredClip[]>>;
  putClips(clips: StoredClip[]): Promise<Result<void>>;
  download(post: Post): Promise<Result<void>>;
  /** Resolves to the number of posts written to the zip. */
  exportZip(target: ExportTarget, onProgress: ProgressFn): Promise<Result<number>>;
  copy(text: string): Promise<Result<void>>;
  openOptions(): void;
}

/** The settings the options page edits. */
export type EditableSettings = Settings;

export interface StorageEstimate {
  usage: number;
  quota: number;
}

export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface OptionsServices {
  loadSettings(): Promise<Result<EditableSettings>>;
  saveSettings(next: EditableSettings): Promise<Result<void>>;
  estimateStorage(): Promise<StorageEstimate | null>;
  countClips(): Promise<Result<number>>;
  exportZip(target: ExportTarget, onProgress: ProgressFn): Promise<Result<number>>;
  backup(): Promise<Result<void>>;
  restore(text: string): Promise<Result<RestoreCounts>>;
  /** The newest clip's post with the given settings, or the built-in sample's when the library is empty. */
  preview(settings: EditableSettings): Promise<Result<PostPreview | null>>;
  /** Saves text the user asked for (templates and rules as JSON) as a download. */
  downloadJson(text: string, filename: string): Promise<Result<void>>;
  /** The runtime's own IANA zone, shown when the time zone field is empty. */
  browserTimeZone(): string;
}
