// Pure: what the toolbar popup may say while the click's one call into the page runs. The page probes, then clips
// in the same call (probe-clip.ts); as it starts clipping it tells the background (a message beside the call, not a
// second injection), so the popup can say "Clipping…" instead of "Looking at the page…", and a call that then fails
// or runs out of time is the clip's failure, not the probe's.
import { isClipOnClick } from './probe-clip';
import type { ClipStartedMessage, InjectedProbe, TabProbe } from './protocol';
import { PAGE_MESSAGE } from './protocol';
import type { Failure, Result } from './result';
import { fail, isRecord } from './result';

/** A failure's detail naming a clip that ran out of time after the page had started it (utils/platform/i18n.ts). */
export const CLIP_TIMEOUT_DETAIL = 'toolbar-clip-timeout';

/** A clip-started message as the background holds it: the checked probe and the id of the call it belongs to. */
export type ClipStart = Pick<ClipStartedMessage, 'probe' | 'callId'>;

/**
 * The page's raw probe and call id when `raw` is a clip-started message (the probe still to be checked as any probe
 * is), else null.
 */
export function readClipStarted(raw: unknown): { probe: unknown; callId: number } | null {
  if (!isRecord(raw) || raw.type !== PAGE_MESSAGE.clipStarted || !isRecord(raw.probe)) return null;
  const callId = raw.callId;
  return typeof callId === 'number' && Number.isFinite(callId) ? { probe: raw.probe, callId } : null;
}

/**
 * The probe the popup shows once the page said it clips: only for the call that asked it to clip this page (its key
 * among `clearKeys`, so nothing is saved under it). Null for a message that does not fit that call.
 */
export function toStartedProbe(
  tabId: number,
  found: InjectedProbe,
  clearKeys: readonly string[],
): TabProbe | null {
  if (!isClipOnClick(found, clearKeys)) return null;
  return {
    tabId,
    url: found.url,
    title: found.title,
    isReaderable: true,
    savedClipId: null,
    hasSelection: found.hasSelection === true,
  };
}

/** A call that failed after the page started clipping failed as a clip; its timeout is named as the clip's. */
export function toClipFailure<T>(failure: Failure): Result<T> {
  return failure.code === 'timeout'
    ? fail('timeout', CLIP_TIMEOUT_DETAIL)
    : fail(failure.code, failure.detail);
}
