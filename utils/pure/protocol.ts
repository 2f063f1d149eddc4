// Pure: the one typed protocol between extension contexts (popup/options -> background, background -> injected
// script). Types and constants only: the background, the pages and the injected script all import it.
import type { ClipMode } from './choices';
import type { Result } from './result';
import type { ConnectionReport } from './publish/git-connection';
import type { PublishErrorCode } from './publish/publish-files';
import type { ClipDraft, ClipSummary, MarkdownStyle } from './types';

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
}

export interface ClipOutcome {
  clip: ClipSummary;
  /** True when an earlier clip of the same article was updated instead of a new one added. */
  isUpdate: boolean;
}

/** Without tabId the active tab is clipped (old popups, tests); with it, exactly that tab or an error. */
export interface ClipRequest {
  mode: ClipMode;
  tabId?: number;
  /** The URL the probe saw: a tab that has moved on to another page is refused, not clipped. */
  expectedUrl?: string;
}

/** One post file as a page rendered it, as text: messages carry JSON, not bytes. */
export interface PublishItemFile {
  path: string;
  text: string;
}

/** One clip's files. The page renders them (posts need a DOM the background lacks); the background publishes. */
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
  'probe-tab': [Record<string, never>, TabProbe];
  'clip-tab': [ClipRequest, ClipOutcome];
  /** Publish to the saved Git repository, in the background: one context, so publishes to a clone queue up. */
  'publish-clips': [PublishClipsRequest, PublishReport];
  /** "Test connection" with the saved repository settings and token. */
  'publish-test': [Record<string, never>, PublishTestReport];
}

/** Test connection's answer: what it found, or the publish error code that stopped it. */
export type PublishTestReport =
  { ok: true; report: ConnectionReport } | { ok: false; code: PublishErrorCode };

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N][0];
export type ResponseOf<N extends MessageName> = Result<Protocol[N][1]>;
export type Message = { [N in MessageName]: { type: N; payload: RequestOf<N> } }[MessageName];

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
}

export interface InjectedProbe {
  url: string;
  title: string;
  isReaderable: boolean;
  /** The page's canonical URL as the clip reads it (link[rel=canonical], else og:url), so both key alike. */
  canonical: string | null;
}

/** Bumped when InjectedApi changes, so a page still holding an older clip script gets the new one injected. */
export const INJECTED_API_VERSION = 3 as const;

/** The API entrypoints/clip.ts installs in the page's isolated world as `globalThis.__postclip`. */
export interface InjectedApi {
  apiVersion: typeof INJECTED_API_VERSION;
  probe(): InjectedProbe;
  clip(opts: InjectedClipOptions): Result<{ draft: ClipDraft; markdown: string }>;
}

export interface PostclipGlobal {
  __postclip?: InjectedApi;
}
