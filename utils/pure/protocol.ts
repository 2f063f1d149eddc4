// Pure: the one typed protocol between extension contexts (popup/options -> background, background -> injected
// script). Types and constants only: the background, the pages and the injected script all import it.
import type { ClipMode } from './choices';
import type { ImageRefusal, ImageSummary } from './images/types';
import type { Result } from './result';
import type { ConnectionReport } from './publish/git-connection';
import type { PublishErrorCode } from './publish/publish-files';
import type { StageTimings } from './stage-timings';
import type { ClipSummary, MarkdownStyle, SavedDraft } from './types';

/** What the active tab offers, found by the injected script without saving anything. */
export interface TabProbe {
  /** The tab probed, so the clip that follows names it instead of whatever tab is active by then. */
  tabId: number | null;
  url: string;
  title: string;
  /** Readability's isProbablyReaderable. */
  isReaderable: boolean;
  /** The id of the clip already saved for this page, if any. */
  savedClipId: string | null;
  /** The page has a text selection: the popup offers "Clip selection". Missing means no. */
  hasSelection?: boolean;
}

export interface ClipOutcome {
  clip: ClipSummary;
  /** True when an earlier clip of the same article was updated instead of a new one added. */
  isUpdate: boolean;
  /** Pages of a multi-page article joined into the clip; absent: one. */
  pagesJoined?: number;
  /** What happened to the article's images; absent when the clip has none or keeping them is off. */
  images?: ClipImagesReport;
}

/** The clip result's image line: counts, and the other sites whose images need a permission to be kept. */
export interface ClipImagesReport {
  summary: ImageSummary;
  /** True when the browser refused the space: the clip was saved without its images. */
  storageFull: boolean;
  /** Origin match patterns (`https://img.example.com/*`) to ask for; empty when none is missing. */
  missingOrigins: string[];
}

/** After the user granted other sites: fetch this clip's remote images again. */
export interface RefetchImagesRequest {
  clipId: string;
  tabId?: number;
}

/** Without tabId the active tab is clipped (old popups, tests); with it, exactly that tab or an error. */
export interface ClipRequest {
  mode: ClipMode;
  tabId?: number;
  /** The URL the probe saw: a tab that has moved on to another page is refused, not clipped. */
  expectedUrl?: string;
}

/** "Remove parts…": put exactly this tab, still showing this page, into the picker. */
export interface PickerRequest {
  tabId: number;
  expectedUrl: string;
}

/** One post file as a page rendered it, as text: messages carry JSON, not bytes. */
export interface PublishItemFile {
  path: string;
  text: string;
}

/** One clip's files. The page renders them (rendering code stays out of the background's bundle); the background publishes. */
export interface PublishItem {
  clipId: string;
  files: PublishItemFile[];
}

export interface PublishClipsRequest {
  items: PublishItem[];
  /** The commit message, rendered by the page with the template engine (kept out of the background's bundle). */
  message: string;
  /** Paths the user chose to overwrite after a conflict. */
  overwrite?: string[];
}

/** What one publish did. A failed publish is still an ok Result: each clip's record says it is not published. */
export interface PublishReport {
  /** Clips now published (or already up to date). */
  published: string[];
  /** Clips not published, and why (absent when all were). */
  failed: string[];
  code?: PublishErrorCode;
  /** With `publish-conflict`: the paths someone else changed. */
  conflictPaths?: string[];
  commit?: string;
}

/** Request name -> [request payload, response value]. Every response travels as a Result. */
export interface Protocol {
  /** The tab the popup was opened for (a toolbar click names it), else the active tab. */
  'probe-tab': [TabRequest, TabProbe];
  'clip-tab': [ClipRequest, ClipOutcome];
  'start-picker': [PickerRequest, null];
  /** Starts clipping many tabs; refused while another batch runs. Answers the new batch's first state. */
  'batch-start': [BatchStartRequest, BatchState];
  'batch-cancel': [Record<string, never>, BatchState | null];
  /** The current (or last) batch, or null when none ran since the browser started. */
  'batch-status': [Record<string, never>, BatchState | null];
  'refetch-images': [RefetchImagesRequest, ClipOutcome];
  /** Publish to the saved Git repository, in the background: one context, so publishes to a clone queue up. */
  'publish-clips': [PublishClipsRequest, PublishReport];
  /** "Test connection" with the saved repository settings and token. */
  'publish-test': [Record<string, never>, PublishTestReport];
  /** The new clips the background made with no page open, for auto-publishing; the list is emptied. */
  'publish-claim-pending': [Record<string, never>, string[]];
  /** The popup, as it opens: the clip a toolbar click started for its tab, or null (the popup runs its own). */
  'toolbar-attach': [TabRequest, ToolbarAttach | null];
  /** That clip's outcome, once it is saved or failed (waits for it). */
  'toolbar-outcome': [ToolbarOutcomeRequest, ClipOutcome];
}

/**
 * A clip the background started on a toolbar click, as the popup finds it: what the probe found (or why it
 * failed), and whether a clip runs (or ran) that the popup should wait for instead of starting its own.
 */
export interface ToolbarAttach {
  tabId: number;
  probe: Result<TabProbe>;
  isClipping: boolean;
}

/**
 * The tab a request is about. A popup opened by a toolbar click knows it from its URL (`popup.html?tab=…`): the
 * active tab of the last focused window may be another one, without the click's activeTab grant.
 */
export interface TabRequest {
  tabId?: number;
}

export interface ToolbarOutcomeRequest {
  tabId: number;
}

/** Test connection's answer: what it found, or the publish error code that stopped it. */
export type PublishTestReport =
  { ok: true; report: ConnectionReport } | { ok: false; code: PublishErrorCode };

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N][0];
export type ResponseOf<N extends MessageName> = Result<Protocol[N][1]>;
export type Message = { [N in MessageName]: { type: N; payload: RequestOf<N> } }[MessageName];

/**
 * Messages a script in a tab sends the background (fire and forget: nobody answers). They come from inside a web
 * page, so the background checks each field before using it (pick-rule.ts readPickerDone, toolbar-phase.ts).
 */
export const PAGE_MESSAGE = {
  /** The "Remove parts…" picker's answer when the user presses Enter. */
  pickerDone: 'picker-done',
  /** The toolbar click's one call into the page has started clipping (the popup then says "Clipping…"). */
  clipStarted: 'toolbar-clip-started',
} as const;

export interface PickerDoneMessage {
  type: typeof PAGE_MESSAGE.pickerDone;
  payload: { selectors: string[] };
}

export interface ClipStartedMessage {
  type: typeof PAGE_MESSAGE.clipStarted;
  /** The probe the page clips on: the popup shows it at once, as it shows a probe. */
  probe: InjectedProbe;
  /** The id of the call that asked for this clip: a late message from an earlier click fits no later call. */
  callId: number;
}

export type PageMessage = PickerDoneMessage | ClipStartedMessage;

/** What the background passes to the injected clip script. */
export interface InjectedClipOptions {
  mode: ClipMode;
  /** Epoch milliseconds of the click, so the clip and its save agree on "now". */
  now: number;
  style: MarkdownStyle;
  /** The matching site rule's selectors (utils/pure/site-rules.ts), for sites Readability gets wrong. */
  removeSelectors?: string[];
  articleSelector?: string;
  dateSelector?: string;
  /** List the article's images in the draft (the keep-images setting). */
  keepImages?: boolean;
  /**
   * Join a multi-page article's later pages, fetched by the page, until this time (epoch ms); the clip then answers
   * with a Promise. Absent: the page alone, answered at once.
   */
  pagesUntil?: number;
}

/** The injected clip's answer: the draft and its Markdown. */
export type InjectedClipReply = Result<{ draft: SavedDraft; markdown: string }>;

/** One image fetched by the page: its bytes as base64, or why not. */
export type InjectedImageReply = { ok: true; data: string } | { ok: false; reason: ImageRefusal };

export interface InjectedProbe {
  url: string;
  title: string;
  isReaderable: boolean;
  /** The page's canonical URL as the clip reads it (link[rel=canonical], else og:url), so both key alike. */
  canonical: string | null;
  hasSelection?: boolean;
}

/** The toolbar click's one call: what the probe found and, when the page is a new article, its clip. */
export interface InjectedProbeClip {
  probe: InjectedProbe;
  /** Null: not clipped (not an article, or its key is among the keys already saved). */
  clip: InjectedClipReply | null;
}

/** Bumped when InjectedApi changes, so a page still holding an older clip script gets the new one injected. */
export const INJECTED_API_VERSION = 8 as const;

/** The API entrypoints/clip.ts installs in the page's isolated world as `globalThis.__postclip`. */
export interface InjectedApi {
  apiVersion: typeof INJECTED_API_VERSION;
  probe(): InjectedProbe;
  clip(opts: InjectedClipOptions): InjectedClipReply | Promise<InjectedClipReply>;
  /**
   * probe(), then clip(opts) when the page is an article whose library key is one of `clearKeys` (not saved).
   * `callId` goes back in the clip-started message, so the background matches it to this call.
   */
  probeAndClip(
    opts: InjectedClipOptions,
    clearKeys: string[],
    callId: number,
  ): InjectedProbeClip | Promise<InjectedProbeClip>;
  /** Milliseconds per stage of the last clip in this page (read by bench:clip; nothing else uses it). */
  lastTimings?: StageTimings;
  /** Milliseconds the last toolbar click's probe took inside probeAndClip (read by bench:clip only). */
  lastProbeMs?: number;
  /** A same-origin image, fetched as the page would; at most `limit` bytes. */
  fetchImage(url: string, limit: number, timeoutMs: number): Promise<InjectedImageReply>;
}

export interface PostclipGlobal {
  __postclip?: InjectedApi;
}

/** Which tabs a batch clips: every tab in the window, or the highlighted (selected) ones. */
export type BatchScope = 'window' | 'selected';
/** What a batch does with a discarded (unloaded) tab: load it again, or leave it and say so. */
export type DiscardedChoice = 'reload' | 'skip';
export const DISCARDED_CHOICES: readonly DiscardedChoice[] = ['reload', 'skip'];

export interface BatchStartRequest {
  scope: BatchScope;
  discarded: DiscardedChoice;
  /** The window the popup or menu belongs to; without it, the last focused window. */
  windowId?: number;
}

export type BatchItemStatus =
  'pending' | 'running' | 'saved' | 'updated' | 'not-article' | 'skipped' | 'failed' | 'cancelled';

/** One tab of a batch and, once done, what happened to it. */
export interface BatchItem {
  tabId: number;
  title: string;
  url: string | null;
  status: BatchItemStatus;
  /** Why it was skipped or failed (an ErrorCode, `discarded` for a skipped unloaded tab). */
  code?: string;
  detail?: string;
  /** The clip saved or updated. */
  clipId?: string;
  /** How long this tab took, loading included (milliseconds); for the figures in tests/bench/batch.ts. */
  ms?: number;
}

/** `interrupted`: the background stopped (a restarted service worker) while the batch ran. */
export type BatchStatus = 'running' | 'cancelling' | 'done' | 'cancelled' | 'interrupted';

export interface BatchState {
  id: string;
  status: BatchStatus;
  startedAt: number;
  endedAt: number | null;
  items: BatchItem[];
}

/** Items that have an outcome (not pending, not running). */
export function countFinished(state: BatchState): number {
  return state.items.filter((item) => item.status !== 'pending' && item.status !== 'running').length;
}

export function isBatchActive(state: BatchState | null): boolean {
  return state !== null && (state.status === 'running' || state.status === 'cancelling');
}
