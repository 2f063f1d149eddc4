// Platform: the toolbar click clips at once, in the background, and the popup opened by the same click attaches to
// that clip instead of starting its own. About 270 ms pass between the click and Chromium even starting to load the
// popup (issue 13); the probe and the clip run in them now, in one injection (toolbar-probe-clip.ts). The background
// owns one current clip per tab.
import type { ClipOutcome, TabProbe, ToolbarAttach } from '../pure/protocol';
import type { Result } from '../pure/result';
import type { ClipStart } from '../pure/toolbar-phase';
import { fail, ok } from '../pure/result';
import type { ActiveTab, ClipperDeps } from './clipper';
import { isClipWanted, probeAndClipTab } from './toolbar-probe-clip';

/** A popup that asks later than this after its clip ended (or started) finds nothing: it runs its own flow. */
export const ATTACH_WINDOW_MS = 60_000;

export interface ToolbarClipDeps {
  clipper: ClipperDeps;
  /** The "Toolbar button" setting: clip at once, or open Postclip first (the popup then decides). */
  isClipAtOnce(): Promise<boolean>;
  /** No popup showed the clip's outcome (openPopup failed): the badge says how it went. */
  onUnseen(tabId: number, result: Result<ClipOutcome>): Promise<void>;
  /** No popup showed and nothing was clipped: a page Readability finds no article in is clipped as context menus do. */
  clipUnseen(tab: ActiveTab): Promise<unknown>;
  /** Every clip made here, saved or not (the auto-publish list; pages claim it, so the popup needs no copy). */
  onClipped(result: Result<ClipOutcome>): Promise<void>;
}

interface CurrentClip {
  tab: ActiveTab;
  startedAt: number;
  endedAt: number | null;
  probe: Promise<Result<TabProbe>>;
  atOnce: Promise<boolean>;
  /** Whether the click clips; known once the page has answered (in the one-call flow, with its clip done). */
  willClip: Promise<boolean>;
  /** Null when nothing was clipped (already saved, not an article, a failed probe, "open first"). */
  outcome: Promise<Result<ClipOutcome> | null>;
  /** The page's word that it started a clip, with its probe and call id (toolbar-phase.ts); kept if it is this call's. */
  noteClipStarted(started: ClipStart): void;
}

export interface ToolbarClips {
  /**
   * The click: probes, and clips when wanted, as the entry the popup attaches to. Answers the function to call
   * with whether the popup opened for this click: when it did not, the outcome goes on the badge.
   */
  start(tab: ActiveTab): (isPopupShown: boolean) => void;
  attach(tabId: number | null): Promise<Result<ToolbarAttach | null>>;
  outcome(tabId: number): Promise<Result<ClipOutcome>>;
  forget(tabId: number): void;
  /** The page in this tab says it started a call's clip: a popup waiting on that call's probe is told at once. */
  noteClipStarted(tabId: number, started: ClipStart): void;
}

export function createToolbarClips(deps: ToolbarClipDeps): ToolbarClips {
  const current = new Map<number, CurrentClip>();
  const now = () => deps.clipper.now();

  function isFresh(entry: CurrentClip): boolean {
    return now() - (entry.endedAt ?? entry.startedAt) <= ATTACH_WINDOW_MS;
  }

  /** No popup showed this click's outcome: the badge says it, and a page that is not an article is clipped whole. */
  async function reportUnseen(entry: CurrentClip): Promise<void> {
    const result = await entry.outcome;
    if (result) return deps.onUnseen(entry.tab.id, result);
    const found = await entry.probe;
    if (!found.ok) return deps.onUnseen(entry.tab.id, found);
    // Not an article, and no popup to offer "Save whole page": clip as the context menu does.
    if (!found.value.isReaderable && found.value.savedClipId === null && (await entry.atOnce))
      await deps.clipUnseen(entry.tab);
  }

  return {
    start(tab) {
      // The store opens at once: the two-call flow (a tab whose URL is hidden) reads it only after the probe.
      void deps.clipper.getLibrary().catch(() => undefined);
      const atOnce = deps.isClipAtOnce().catch(() => true);
      let resolveStarted: (started: ClipStart) => void = () => undefined;
      const clipStarted = new Promise<ClipStart>((resolve) => {
        resolveStarted = resolve;
      });
      const { callId, probe, outcome } = probeAndClipTab(deps.clipper, tab, atOnce, clipStarted);
      // A late message from an earlier click's call must not settle this one's signal before its own message comes.
      const noteClipStarted = (started: ClipStart) => {
        if (started.callId === callId) resolveStarted(started);
      };
      const entry: CurrentClip = {
        tab,
        startedAt: now(),
        endedAt: null,
        probe,
        atOnce,
        willClip: Promise.all([probe, atOnce]).then(([p, a]) => isClipWanted(p, a)),
        outcome: outcome.then(async (result) => {
          if (result) await deps.onClipped(result);
          return result;
        }),
        noteClipStarted,
      };
      void entry.outcome.finally(() => {
        entry.endedAt = now();
      });
      current.set(tab.id, entry);
      return (isPopupShown) => {
        if (!isPopupShown) void reportUnseen(entry);
      };
    },

    async attach(tabId) {
      const entry = tabId === null ? undefined : current.get(tabId);
      if (tabId === null || !entry || !isFresh(entry)) return ok(null);
      const [probe, isClipping] = await Promise.all([entry.probe, entry.willClip]);
      // Handed over once: a popup opened later (another click makes a new entry) runs its own flow.
      if (!isClipping) current.delete(tabId);
      return ok({ tabId, probe, isClipping });
    },

    async outcome(tabId) {
      const entry = current.get(tabId);
      if (!entry) return fail('unknown', 'no-toolbar-clip');
      const result = await entry.outcome;
      if (current.get(tabId) === entry) current.delete(tabId);
      return result ?? fail('unknown', 'no-toolbar-clip');
    },

    forget(tabId) {
      current.delete(tabId);
    },

    noteClipStarted(tabId, started) {
      current.get(tabId)?.noteClipStarted(started);
    },
  };
}
