// The popup's clip of the probed tab: the probe on open, Clip (article, selection, whole page) with the question
// before an edited body is replaced, Remove parts… and the offer of a site rule after a pick.
import { useRef, useState } from 'preact/hooks';
import type { ClipMode } from '../utils/pure/choices';
import type { ClipTarget, PopupServices } from '../utils/pure/page-api';
import type { LastPick } from '../utils/pure/pick-rule';
import type { ClipOutcome, TabProbe } from '../utils/pure/protocol';
import type { Failure, Result } from '../utils/pure/result';
import { useI18n } from './i18n-context';
import type { ClipPhase } from './status-line';
import type { useImageResult } from './use-image-result';
import type { LibraryListState } from './use-library-list';
import type { OpenedClipState } from './use-opened-clip';
import { withTimeout } from './with-timeout';

/** What a re-clip does with a body the user edited: asked first, unless already answered. */
export type BodyAnswer = 'keep' | 'replace';

interface Deps {
  services: PopupServices;
  clipTimeoutMs: number;
  list: LibraryListState;
  opened: OpenedClipState;
  images: Pick<ReturnType<typeof useImageResult>, 'show' | 'clear'>;
  onError: (failure: Failure | null) => void;
  onStatus: (message: string | null) => void;
}

export function useClipFlow({ services, clipTimeoutMs, list, opened, images, onError, onStatus }: Deps) {
  const { t } = useI18n();
  const [probe, setProbe] = useState<TabProbe | null>(null);
  // A spinner from the first moment: the probe reads the page before anything else is known.
  const [phase, setPhase] = useState<ClipPhase>('probing');
  const [question, setQuestion] = useState<ClipMode | null>(null);
  const [pick, setPick] = useState<{ pick: LastPick; isSaved: boolean } | null>(null);
  // The tab the probe looked at: every clip names it, so focus moving to another tab or window cannot change
  // what is clipped. A ref, not state: a clip on open runs before the probe's state update is rendered.
  const probedTab = useRef<ClipTarget | null>(null);

  /** The saved clip of this page, when its body was edited (so a re-clip must ask first). */
  async function isSavedBodyEdited(): Promise<boolean> {
    const id = probe?.savedClipId;
    return id ? opened.hasEditedBody(id) : false;
  }

  async function runClip(mode: ClipMode, answer?: BodyAnswer) {
    setQuestion(null);
    if (answer === undefined && (await isSavedBodyEdited())) {
      setQuestion(mode);
      return;
    }
    const target = probedTab.current;
    await showClipping(target ? services.clip(mode, target) : services.clip(mode), answer);
  }

  /** Waits for a clip, the popup's own or the one a toolbar click started, and shows what came of it. */
  async function showClipping(clipping: Promise<Result<ClipOutcome>>, answer?: BodyAnswer) {
    setPhase('clipping');
    onError(null);
    onStatus(null);
    images.clear();
    try {
      const target = probedTab.current;
      const result = await withTimeout(clipping, clipTimeoutMs);
      if (!result.ok) {
        onError(result);
        return;
      }
      const { clip, isUpdate } = result.value;
      list.addClipped(clip, isUpdate);
      images.show(clip.id, result.value.images, target);
      setProbe((p) => (p ? { ...p, savedClipId: clip.id } : p));
      const saved = isUpdate ? t('editorClipUpdated', [clip.title]) : t('editorClipSaved', [clip.title]);
      const pages = result.value.pagesJoined;
      onStatus(pages ? `${saved} ${t('pagesJoined', [String(pages)])}` : saved);
      if (answer === 'replace') await opened.dropEditedBody(clip.id);
      // The post at once: the user should not have to find the row.
      await opened.showClip(clip.id, true);
    } finally {
      setPhase(null);
    }
  }

  async function startPicker() {
    const target = probedTab.current;
    if (!target || !services.startPicker) return;
    onError(null);
    const result = await services.startPicker(target);
    if (!result.ok) {
      onError(result);
      return;
    }
    // The page needs the pointer and keyboard; Chromium closes the popup anyway.
    services.closePopup?.();
  }

  async function keepPick() {
    if (!pick || !services.keepPickAsRule) return;
    const result = await services.keepPickAsRule(pick.pick);
    if (!result.ok) {
      onError(result);
      return;
    }
    setPick({ ...pick, isSaved: true });
  }

  /** When the popup opens: probe the tab, show a pick's clip or this page's post, or clip on open. */
  async function start() {
    const [attached, isClipOnOpen, lastPick] = await Promise.all([
      services.attachToolbarClip?.() ?? Promise.resolve(null),
      services.isClipOnOpen(),
      services.takeLastPick?.() ?? Promise.resolve(null),
    ]);
    // A toolbar click already probed the tab (and maybe clips it): no second probe, no second clip.
    const result = attached ? attached.probe : await services.probe();
    const toolbarClip = attached?.isClipping && services.toolbarOutcome ? attached.tabId : null;
    setPhase(toolbarClip === null ? null : 'clipping');
    if (lastPick) {
      // Back from "Remove parts…": the clip made without the marked blocks, and the offer of a site rule.
      setPick({ pick: lastPick, isSaved: false });
      await opened.showClip(lastPick.clipId, true);
    }
    if (!result.ok) {
      onError(result);
      return;
    }
    const found = result.value;
    if (found.tabId !== null) probedTab.current = { tabId: found.tabId, expectedUrl: found.url };
    setProbe(found);
    if (found.savedClipId !== null) {
      await list.pin(found.savedClipId);
      // This page's post, at once (unless a pick already opened it).
      if (lastPick?.clipId !== found.savedClipId) await opened.showClip(found.savedClipId, false);
    } else if (toolbarClip !== null && services.toolbarOutcome)
      await showClipping(services.toolbarOutcome(toolbarClip), 'keep');
    else if (found.isReaderable && isClipOnOpen) await runClip('article', 'keep');
  }

  return {
    probe,
    phase,
    question,
    pick,
    /** Whether Remove parts… can run: a probed tab and a picker service. */
    canPick: probe !== null && probedTab.current !== null && services.startPicker !== undefined,
    cancelQuestion: () => setQuestion(null),
    runClip,
    startPicker,
    keepPick,
    start,
  };
}
