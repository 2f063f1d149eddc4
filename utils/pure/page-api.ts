// Pure: what the popup and options components need from the platform, as one interface each page's entrypoint
// implements (utils/platform/page-services.ts) and fakes implement in tests. Shapes are shared, never copied.
import type { ClipMode } from './choices';
import type {
  BatchScope,
  BatchState,
  ClipOutcome,
  DiscardedChoice,
  PublishReport,
  PublishTestReport,
  TabProbe,
  ToolbarAttach,
} from './protocol';
import type { LastPick } from './pick-rule';
import type { Result } from './result';
import type { ClipEdits, ClipSummary, Post, PublishSettings, Settings, StoredClip } from './types';

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
  /** Every template the clip can be rendered with, for the popup's template picker. */
  templates?: TemplateOption[];
  /** The template used when none is picked for this clip: the site rule's, else the active one. */
  defaultTemplateId?: string;
}

export interface TemplateOption {
  id: string;
  name: string;
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

/** Clipping many tabs: the background owns the batch, so the popup may close and come back to it. */
export interface BatchServices {
  /** Asks for the optional host permission (the browser's prompt), then starts; declined, nothing starts. */
  start(scope: BatchScope, discarded: DiscardedChoice): Promise<Result<BatchState>>;
  cancel(): Promise<Result<BatchState | null>>;
  status(): Promise<Result<BatchState | null>>;
  /** The choice for unloaded tabs the user made last time. */
  discardedChoice(): Promise<DiscardedChoice>;
}

export interface PopupServices {
  /** Absent where batches are not offered (tests of other features). */
  batch?: BatchServices;
  probe(): Promise<Result<TabProbe>>;
  /** Without a target, the background clips whatever tab is active. */
  clip(mode: ClipMode, target?: ClipTarget): Promise<Result<ClipOutcome>>;
  isClipOnOpen(): Promise<boolean>;
  /**
   * The clip a toolbar click started in the background for the active tab, found as the popup opens; null when
   * there is none (the popup then probes and clips itself). Absent in fakes and pages that never attach.
   */
  attachToolbarClip?(): Promise<ToolbarAttach | null>;
  /** That clip's outcome, waited for. */
  toolbarOutcome?(tabId: number): Promise<Result<ClipOutcome>>;
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
  /** One clip's post with its kept images, as a small zip named by postZipName (absent in fakes that lack it). */
  downloadPostZip?(clipId: string): Promise<Result<void>>;
  /** Resolves to the number of posts written to the zip. */
  exportZip(target: ExportTarget, onProgress: ProgressFn): Promise<Result<number>>;
  copy(text: string): Promise<Result<void>>;
  openOptions(): void;
  /** "Remove parts…": puts the probed tab into the picker; the background clips again when the user is done. */
  startPicker?(target: ClipTarget): Promise<Result<null>>;
  /** The pick made since the popup last looked, if any, for "Always remove this on <site>". */
  takeLastPick?(): Promise<LastPick | null>;
  /** Writes the picked selectors into the site rule for the pick's host (or a new one). */
  keepPickAsRule?(pick: LastPick): Promise<Result<void>>;
  /** Closes the popup (the picker needs the page). */
  closePopup?(): void;
  /**
   * Asks the browser for these sites (`https://host/*`); must be the first thing a click handler does, since the
   * browser only asks during a user gesture. False when declined or when the browser cannot ask.
   */
  allowImageSites?(origins: string[]): Promise<boolean>;
  /** Fetches a clip's remote images again after a grant. */
  refetchImages?(clipId: string, target?: ClipTarget): Promise<Result<ClipOutcome>>;
  /** Publishing (issue 12); absent in pages and tests that do not publish. */
  publish?: PublishPopupServices;
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
  /** Image files clips keep, and their bytes. */
  imageUsage?(): Promise<Result<{ count: number; bytes: number }>>;
  exportZip(target: ExportTarget, onProgress: ProgressFn): Promise<Result<number>>;
  backup(): Promise<Result<void>>;
  restore(text: string): Promise<Result<RestoreCounts>>;
  /** The newest clip's post with the given settings, or the built-in sample's when the library is empty. */
  preview(settings: EditableSettings): Promise<Result<PostPreview | null>>;
  /** Saves text the user asked for (templates and rules as JSON) as a download. */
  downloadJson(text: string, filename: string): Promise<Result<void>>;
  /** The runtime's own IANA zone, shown when the time zone field is empty. */
  browserTimeZone(): string;
  /** The Publish section (issue 12); absent in tests that do not need it. */
  publish?: PublishOptionsServices;
}

/** The Publish section's view of the saved settings. The token itself never comes back to a page. */
export interface PublishPageState {
  settings: PublishSettings;
  hasToken: boolean;
  /** Whether this browser can publish to a local folder (File System Access API: Chromium only). */
  isFolderSupported: boolean;
  /** The picked folder's name, or null when none is kept. */
  folderName: string | null;
  /** True when the browser forgot the folder permission: one click on "Allow again" restores it. */
  isFolderPermissionNeeded: boolean;
}

export interface PublishSaveOutcome {
  state: PublishPageState;
  /** False when the browser did not allow reaching the repository's server: saved as "not allowed". */
  isAllowed: boolean;
}

/** The browser's question "may Postclip reach this server?", asked from a click. */
export interface PublishAccessAsk {
  /** The origin asked for, as a match pattern (`https://git.example.com/*`). */
  origin: string;
  /**
   * True when allowed. Never rejects (a refused request is false), but may never settle: a prompt left
   * unanswered (or, in headless Chromium, one that cannot be shown) keeps it pending. An answer that comes after
   * the page stopped waiting is still recorded.
   */
  answer: Promise<boolean>;
}

export interface PublishOptionsServices {
  load(): Promise<Result<PublishPageState>>;
  /**
   * Asks the browser for a Git destination's origin; null when nothing needs asking (no Git, no valid URL). Call it
   * synchronously inside the click: browsers show the prompt only then.
   */
  askAccess(next: PublishSettings): PublishAccessAsk | null;
  /**
   * Saves the settings and, when `token` is not null, the token (`''` removes it). The destination counts as
   * allowed when the browser holds the repository's origin at that moment.
   */
  save(next: PublishSettings, token: string | null): Promise<Result<PublishSaveOutcome>>;
  test(): Promise<Result<PublishTestReport>>;
  /** Opens the folder picker; resolves to the folder's name, or null when the user closed it. */
  pickFolder(): Promise<Result<string | null>>;
  /** Asks the browser again for the kept folder (from a click); resolves to whether it was granted. */
  restoreFolderPermission(): Promise<Result<boolean>>;
}

export interface PublishPopupServices {
  /** Whether a destination is set, so the popup can offer Publish or point to the options. */
  isConfigured(): Promise<boolean>;
  /** Publishes the clips (one commit for Git); each clip's record keeps its state. */
  publish(ids: string[], overwrite?: string[]): Promise<Result<PublishReport>>;
  /** "Keep theirs" after a conflict: the repository's file becomes the clip's baseline there. */
  keepTheirs(id: string): Promise<Result<void>>;
}
