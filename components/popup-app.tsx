// The popup: clip the active tab, then browse, open, edit, export and delete clips. Data comes in through services.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Failure, Result } from '../utils/pure/result';
import type { ClipEdits, StoredClip } from '../utils/pure/types';
import { BatchPanel } from './batch-panel';
import { ClipEditor } from './clip-editor';
import { PublishControl } from './publish-control';
import { PublishSelected } from './publish-selected';
import { ErrorBanner } from './error-banner';
import { FilterBox } from './filter-box';
import { useI18n } from './i18n-context';
import { ImageResult } from './image-result';
import { useImageResult } from './use-image-result';
import { LibraryList } from './library-list';
import { LibraryToolbar } from './library-toolbar';
import type { ClipTarget, ExportTarget, OpenedClip, PopupServices } from '../utils/pure/page-api';
import type { ClipMode } from '../utils/pure/choices';
import type { TabProbe } from '../utils/pure/protocol';
import { UndoToast } from './undo-toast';
import type { LastPick } from '../utils/pure/pick-rule';
import { PickOffer } from './pick-offer';
import { ReclipQuestion } from './reclip-question';
import type { ClipPhase } from './status-line';
import { StatusLine } from './status-line';
import { useLibraryList } from './use-library-list';

/** The background stops a clip after 15 s; this guard ends the busy state even if its answer never comes. */
export const CLIP_UI_TIMEOUT_MS = 20_000;
export const UNDO_MS = 8_000;
export const PAGE_SIZE = 30;

export interface PopupAppProps {
  services: PopupServices;
  clipTimeoutMs?: number;
  undoMs?: number;
  pageSize?: number;
  /** The popup's document, for autosave on pagehide/visibilitychange. */
  doc?: Document | null;
  autosaveMs?: number;
}

// Clipping runs beside the library tasks (the user may browse while a clip is saved), so it has its own flag:
// one shared value let each task's end clear the other's busy state.
type Busy = 'export' | 'open' | 'save' | 'delete' | null;

type View =
  { kind: 'library' } | { kind: 'clip'; opened: OpenedClip; note: string | null; bodyVersion?: number };

/** What a re-clip does with a body the user edited: asked first, unless already answered. */
type BodyAnswer = 'keep' | 'replace';

interface Toast {
  message: string;
  clips: StoredClip[];
}

function toFailure(result: Failure): Failure {
  return result.detail === undefined ? { code: result.code } : { code: result.code, detail: result.detail };
}

/** Settles with `timeout` after `ms`, whatever the promise does. */
function withTimeout<T>(promise: Promise<Result<T>>, ms: number): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: 'timeout' }), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

export function PopupApp({
  services,
  clipTimeoutMs = CLIP_UI_TIMEOUT_MS,
  undoMs = UNDO_MS,
  pageSize = PAGE_SIZE,
  doc = null,
  autosaveMs,
}: PopupAppProps) {
  const { t, describeError } = useI18n();
  const [probe, setProbe] = useState<TabProbe | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  // A spinner from the first moment: the probe reads the page before anything else is known.
  const [phase, setPhase] = useState<ClipPhase>('probing');
  const isClipping = phase === 'clipping';
  const [question, setQuestion] = useState<ClipMode | null>(null);
  const [pick, setPick] = useState<{ pick: LastPick; isSaved: boolean } | null>(null);
  // The body last typed per clip: a field save started before the body's autosave answered must not undo it.
  const typedBody = useRef(new Map<string, string>());
  const [error, setError] = useState<Failure | null>(null);
  const [view, setView] = useState<View>({ kind: 'library' });
  const [toast, setToast] = useState<Toast | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const images = useImageResult(services, showError);
  const lastOpenedId = useRef<string | null>(null);
  // The tab the probe looked at: every clip names it, so focus moving to another tab or window cannot change
  // what is clipped. A ref, not state: a clip on open runs before the probe's state update is rendered.
  const probedTab = useRef<ClipTarget | null>(null);
  const libraryRef = useRef<HTMLDivElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);

  function showError(result: Failure) {
    setError(toFailure(result));
  }

  const list = useLibraryList(services, pageSize, showError);

  /** The saved clip of this page, when its body was edited (so a re-clip must ask first). */
  async function editedSavedClip(): Promise<boolean> {
    const id = probe?.savedClipId;
    if (!id) return false;
    if (typedBody.current.has(id)) return true;
    if (view.kind === 'clip' && view.opened.clip.id === id) return view.opened.clip.edits.body !== undefined;
    const opened = await services.openClip(id);
    return opened.ok && opened.value.clip.edits.body !== undefined;
  }

  async function runClip(mode: ClipMode, answer?: BodyAnswer) {
    setQuestion(null);
    if (answer === undefined && (await editedSavedClip())) {
      setQuestion(mode);
      return;
    }
    setPhase('clipping');
    setError(null);
    setStatus(null);
    images.clear();
    try {
      const target = probedTab.current;
      const result = await withTimeout(
        target ? services.clip(mode, target) : services.clip(mode),
        clipTimeoutMs,
      );
      if (!result.ok) {
        showError(result);
        return;
      }
      const { clip, isUpdate } = result.value;
      list.addClipped(clip, isUpdate);
      images.show(clip.id, result.value.images, target);
      setProbe((p) => (p ? { ...p, savedClipId: clip.id } : p));
      const saved = isUpdate ? t('editorClipUpdated', [clip.title]) : t('editorClipSaved', [clip.title]);
      const pages = result.value.pagesJoined;
      setStatus(pages ? `${saved} ${t('pagesJoined', [String(pages)])}` : saved);
      if (answer === 'replace') await dropEditedBody(clip.id);
      // The post at once: the user should not have to find the row.
      await showClip(clip.id, true);
    } finally {
      setPhase(null);
    }
  }

  async function dropEditedBody(id: string) {
    typedBody.current.delete(id);
    const opened = await services.openClip(id);
    if (!opened.ok) return;
    const { body: _dropped, ...edits } = opened.value.clip.edits;
    await services.updateEdits(id, edits);
  }

  /** Opens a clip in the editor; `isFresh` shows a body stored anew (a re-clip) even if the same clip is open. */
  async function showClip(id: string, isFresh: boolean) {
    const result = await services.openClip(id);
    if (!result.ok) {
      showError(result);
      return;
    }
    lastOpenedId.current = id;
    setView((v) => ({
      kind: 'clip',
      opened: result.value,
      note: null,
      bodyVersion: (v.kind === 'clip' ? (v.bodyVersion ?? 0) : 0) + (isFresh ? 1 : 0),
    }));
  }

  async function saveBody(id: string, body: string) {
    typedBody.current.set(id, body);
    const current = view.kind === 'clip' && view.opened.clip.id === id ? view.opened.clip.edits : null;
    const opened = current ? null : await services.openClip(id);
    const edits = current ?? (opened?.ok ? opened.value.clip.edits : null);
    if (!edits) return;
    const result = await services.updateEdits(id, { ...edits, body });
    if (!result.ok) {
      showError(result);
      return;
    }
    if (typedBody.current.get(id) === body) typedBody.current.delete(id);
    // The rendered post and fields follow; the editor keeps its own text (its key does not change).
    setView((v) =>
      v.kind === 'clip' && v.opened.clip.id === id
        ? { ...v, opened: result.value, note: t('editorAutosaved') }
        : v,
    );
  }

  async function startPicker() {
    const target = probedTab.current;
    if (!target || !services.startPicker) return;
    setError(null);
    const result = await services.startPicker(target);
    if (!result.ok) {
      showError(result);
      return;
    }
    // The page needs the pointer and keyboard; Chromium closes the popup anyway.
    services.closePopup?.();
  }

  async function keepPick() {
    if (!pick || !services.keepPickAsRule) return;
    const result = await services.keepPickAsRule(pick.pick);
    if (!result.ok) {
      showError(result);
      return;
    }
    setPick({ ...pick, isSaved: true });
  }

  async function start() {
    const [result, isClipOnOpen, lastPick] = await Promise.all([
      services.probe(),
      services.isClipOnOpen(),
      services.takeLastPick?.() ?? Promise.resolve(null),
    ]);
    setPhase(null);
    if (lastPick) {
      // Back from "Remove parts…": the clip made without the marked blocks, and the offer of a site rule.
      setPick({ pick: lastPick, isSaved: false });
      await showClip(lastPick.clipId, true);
    }
    if (!result.ok) {
      showError(result);
      return;
    }
    const found = result.value;
    if (found.tabId !== null) probedTab.current = { tabId: found.tabId, expectedUrl: found.url };
    setProbe(found);
    if (found.savedClipId !== null) {
      await list.pin(found.savedClipId);
      // This page's post, at once (unless a pick already opened it).
      if (lastPick?.clipId !== found.savedClipId) await showClip(found.savedClipId, false);
    } else if (found.isReaderable && isClipOnOpen) await runClip('article', 'keep');
  }

  useEffect(() => {
    // The keyboard starts on the primary action: Enter clips, Tab reaches the filter.
    primaryRef.current?.focus();
    void list.reload();
    void start();
    // Runs once, when the popup opens.
  }, []);

  // The Undo offer lasts a few seconds, then the deletion stands.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), undoMs);
    return () => clearTimeout(timer);
  }, [toast, undoMs]);

  // Back in the library, the keyboard focus returns to the row that was open; when that row was just deleted,
  // to the Undo offer, else to the filter box, never to the top of the page.
  useEffect(() => {
    if (view.kind !== 'library' || lastOpenedId.current === null) return;
    focusRow(lastOpenedId.current);
  }, [view]);

  function focusRow(id: string) {
    const rows = libraryRef.current?.querySelectorAll<HTMLElement>('[data-row-id]') ?? [];
    const row = [...rows].find((el) => el.dataset.rowId === id);
    const target =
      row?.querySelector<HTMLElement>('.row-open') ??
      popupRef.current?.querySelector<HTMLElement>('.toast button') ??
      popupRef.current?.querySelector<HTMLElement>('#filter-clips');
    target?.focus();
  }

  async function openClip(id: string) {
    if (busy) return;
    setBusy('open');
    setError(null);
    try {
      const result = await services.openClip(id);
      if (!result.ok) {
        showError(result);
        return;
      }
      lastOpenedId.current = id;
      setView({ kind: 'clip', opened: result.value, note: null });
    } finally {
      setBusy(null);
    }
  }

  async function saveEdits(id: string, edits: ClipEdits) {
    if (busy) return;
    setBusy('save');
    setError(null);
    try {
      const typed = typedBody.current.get(id);
      const result = await services.updateEdits(id, typed === undefined ? edits : { ...edits, body: typed });
      if (!result.ok) {
        showError(result);
        return;
      }
      setView({ kind: 'clip', opened: result.value, note: t('saved') });
      const row = await services.getSummary(id);
      if (row.ok) list.replaceRow(row.value);
    } finally {
      setBusy(null);
    }
  }

  async function deleteClips(ids: string[], message: (deleted: StoredClip[]) => string) {
    if (busy) return;
    setBusy('delete');
    setError(null);
    try {
      const result = await services.deleteClips(ids);
      if (!result.ok) {
        showError(result);
        return;
      }
      list.removeRows(ids);
      setView({ kind: 'library' });
      setToast({ message: message(result.value), clips: result.value });
    } finally {
      setBusy(null);
    }
  }

  async function undoDelete() {
    if (!toast) return;
    const { clips } = toast;
    setToast(null);
    const result = await services.putClips(clips);
    if (!result.ok) {
      showError(result);
      return;
    }
    await list.reload();
    // The Undo button is gone: focus the first clip it brought back.
    const first = clips[0];
    if (first) requestAnimationFrame(() => focusRow(first.id));
  }

  async function exportZip(target: ExportTarget) {
    if (busy) return;
    setBusy('export');
    setError(null);
    setStatus(null);
    setProgress({ done: 0, total: target === 'all' ? 0 : target.length });
    try {
      const result = await services.exportZip(target, (done, total) => setProgress({ done, total }));
      if (!result.ok) {
        showError(result);
        return;
      }
      setStatus(t('exportDone', [String(result.value)]));
    } finally {
      setProgress(null);
      setBusy(null);
    }
  }

  async function runOnOpened(
    action: (opened: OpenedClip) => Promise<Result<void>>,
    note: (o: OpenedClip) => string,
  ) {
    if (view.kind !== 'clip') return;
    const opened = view.opened;
    setError(null);
    const result = await action(opened);
    if (!result.ok) {
      showError(result);
      return;
    }
    setView((v) => (v.kind === 'clip' && v.opened === opened ? { ...v, note: note(opened) } : v));
  }

  const selectedIds = [...list.selected];
  // Nothing about an empty library while the page is read or clipped: the status line speaks then.
  const emptyText =
    phase !== null ? '' : list.query === '' ? t('libraryEmpty') : t('noMatches', [list.query]);

  return (
    <div class="popup" ref={popupRef}>
      <header class="clip-bar">
        <div class="clip-actions">
          <img class="brand-icon" src="/icons/icon-32.png" alt="" width={20} height={20} />
          <button
            type="button"
            class="primary"
            ref={primaryRef}
            disabled={isClipping}
            onClick={() => void runClip('article')}
          >
            {t('clipThisPage')}
          </button>
          {probe?.hasSelection && (
            <button
              type="button"
              class="secondary"
              disabled={isClipping}
              onClick={() => void runClip('selection')}
            >
              {t('editorClipSelection')}
            </button>
          )}
          {probe && probedTab.current && services.startPicker && (
            <button type="button" class="secondary" disabled={isClipping} onClick={() => void startPicker()}>
              {t('editorRemoveParts')}
            </button>
          )}
          {probe && !probe.isReaderable && (
            <button
              type="button"
              class="secondary"
              disabled={isClipping}
              onClick={() => void runClip('page')}
            >
              {t('savePage')}
            </button>
          )}
        </div>
        {probe?.savedClipId && <p class="hint">{t('alreadySaved')}</p>}
        {probe && !probe.isReaderable && <p class="hint">{t('notReaderable')}</p>}
        <p class="hint library-hint">{t('libraryHint')}</p>
      </header>

      {services.batch && (
        <BatchPanel
          services={services.batch}
          onExport={(ids) => void exportZip(ids)}
          onClipsChanged={() => void list.reload()}
        />
      )}

      {error && (
        <ErrorBanner message={describeError(error.code, error.detail)} onDismiss={() => setError(null)} />
      )}

      {question && (
        <ReclipQuestion
          onKeep={() => void runClip(question, 'keep')}
          onReplace={() => void runClip(question, 'replace')}
          onCancel={() => setQuestion(null)}
        />
      )}

      {pick && (
        <PickOffer
          host={pick.pick.host}
          count={pick.pick.selectors.length}
          isSaved={pick.isSaved}
          onKeep={() => void keepPick()}
          onOpenOptions={() => services.openOptions()}
        />
      )}

      <StatusLine phase={phase} progress={progress} message={status}>
        {images.view && (
          <ImageResult
            report={images.view.report}
            isDeclined={images.view.isDeclined}
            isBusy={images.view.isBusy}
            onAllow={images.allow}
          />
        )}
        {toast && <UndoToast message={toast.message} onUndo={() => void undoDelete()} />}
      </StatusLine>

      <main>
        <div ref={libraryRef} class="library-view" hidden={view.kind !== 'library'}>
          <FilterBox onQuery={list.filter} />
          <LibraryToolbar
            sort={list.sort}
            onSort={list.setSort}
            hasRows={list.rows.length > 0}
            isAllSelected={list.rows.every((r) => list.selected.has(r.id))}
            onSelectAll={list.selectAll}
            isFullText={list.isFullText}
          />
          {selectedIds.length > 0 && (
            <div class="selection-bar">
              <span>{t('selectedCount', [String(selectedIds.length)])}</span>
              <button type="button" disabled={busy !== null} onClick={() => void exportZip(selectedIds)}>
                {t('exportSelected')}
              </button>
              {services.publish && (
                <PublishSelected
                  ids={selectedIds}
                  services={services.publish}
                  disabled={busy !== null}
                  onDone={() => void list.reload()}
                />
              )}
              <button
                type="button"
                class="danger"
                disabled={busy !== null}
                onClick={() => void deleteClips(selectedIds, (d) => t('deletedMany', [String(d.length)]))}
              >
                {t('deleteSelected')}
              </button>
            </div>
          )}
          <LibraryList
            items={list.rows}
            selected={list.selected}
            badges={list.badges}
            currentId={probe?.savedClipId ?? null}
            hasMore={list.hasMore}
            isLoading={list.isLoading}
            emptyText={emptyText}
            onOpen={(id) => void openClip(id)}
            onToggle={list.toggle}
            onLoadMore={list.loadMore}
            sort={list.sort}
          />
        </div>
        {view.kind === 'clip' && (
          <ClipEditor
            opened={view.opened}
            isBusy={busy !== null}
            note={view.note}
            onSave={(edits) => void saveEdits(view.opened.clip.id, edits)}
            onSaveBody={(body) => void saveBody(view.opened.clip.id, body)}
            onPickTemplate={(templateId) =>
              void saveEdits(view.opened.clip.id, { ...view.opened.clip.edits, templateId })
            }
            bodyVersion={view.bodyVersion ?? 0}
            doc={doc}
            {...(autosaveMs === undefined ? {} : { autosaveMs })}
            onCopy={() =>
              void runOnOpened(
                (o) => services.copy(o.post.content),
                () => t('copied'),
              )
            }
            onDownload={() =>
              void runOnOpened(
                (o) => services.download(o.post),
                (o) => t('downloaded', [o.post.filename]),
              )
            }
            onDelete={() =>
              void deleteClips([view.opened.clip.id], (d) =>
                t('deletedOne', [d[0]?.edits.title ?? d[0]?.draft.title ?? view.opened.fields.title]),
              )
            }
            onBack={() => setView({ kind: 'library' })}
            publishSlot={
              services.publish && (
                <PublishControl
                  clipId={view.opened.clip.id}
                  publication={view.opened.clip.publication}
                  services={services.publish}
                  onOpenOptions={() => services.openOptions()}
                  onPublished={(id) =>
                    void services.getSummary(id).then((row) => row.ok && list.replaceRow(row.value))
                  }
                />
              )
            }
          />
        )}
      </main>

      <footer class="footer">
        <button type="button" disabled={busy !== null} onClick={() => void exportZip('all')}>
          {t('exportAll')}
        </button>
        <button type="button" class="link-button" onClick={() => services.openOptions()}>
          {t('options')}
        </button>
      </footer>
    </div>
  );
}
