// Platform: the one typed protocol between extension contexts (popup/options -> background). Every request and its response.
import type { Result } from '../pure/result';
import type { ClipSummary } from '../pure/types';

export type ClipMode = 'article' | 'page' | 'selection';

/** What the active tab offers, found by the injected script without saving anything. */
export interface TabProbe {
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

/** Request name -> [request payload, response value]. Every response travels as a Result. */
export interface Protocol {
  'probe-tab': [Record<string, never>, TabProbe];
  'clip-tab': [{ mode: ClipMode }, ClipOutcome];
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N][0];
export type ResponseOf<N extends MessageName> = Result<Protocol[N][1]>;
export type Message = { [N in MessageName]: { type: N; payload: RequestOf<N> } }[MessageName];
