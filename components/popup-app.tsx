// The popup: clip the active tab, then browse, open, edit, export and delete clips. Data comes in through services.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Failure, Result } from '../utils/pure/result';
import type { ClipEdits, StoredClip } from '../utils/pure/types';
import { ClipEditor } from './clip-editor';
import { PublishControl } from './publish-control';
import { PublishSelected } from './publish-selected';
import { ErrorBanner } from './error-banner';
import { FilterBox } from './filter-box';
import { useI18n } from './i18n-context';
import { LibraryList } from './library-list';
import type { ClipTarget, ExportTarget, OpenedClip, PopupServices } from '../utils/pure/page-api';
import type { ClipMode } from '../utils/pure/choices';
import type { TabProbe } from '../utils/pure/protocol';
import { UndoToast } from './undo-toast';
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
}

// Clipping runs beside the library tasks (the user may browse while a clip is saved), so it has its own flag:
// one shared value let each task's end clear the other's busy state.
type Busy = 'export' | 'open' | 'save' | 'delete' | null;

type View = { kind: 'library' } | { kind: 'clip'; opened: OpenedClip; note: string | null };

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
}: PopupAppProps) {
  const { t, describeError } = useI18n();
  const [probe, setProbe] = useState<TabProbe | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [isClipping, setClipping] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [view, setView] = useState<View>({ kind: 'library' });
  const [toast, setToast] = useState<Toast | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const lastOpenedId = useRef<string | null>(null);
  // The tab the probe looked at: every clip names it, so focus moving to another tab or window cannot change
  // what is clipped. A ref, not state: a clip on open runs before the probe's state update is rendered.
  const probedTab = useRef<ClipTarget | null>(null);
  const libraryRef = useRef<HTMLDivElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);

  function showError(result: Failure) {
    setError(toFailure(result));
  }

  const list = useLibraryList(services, pageSize, showError);

  async function runClip(mode: ClipMode) {
    setClipping(true);
    setError(null);
    setStatus(null);
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
      setProbe((p) => (p ? { ...p, savedClipId: clip.id } : p));
    } finally {
      setClipping(false);
    }
  }

  async function start() {
    const [result, isClipOnOpen] = await Promise.all([services.probe(), services.isClipOnOpen()]);
    if (!result.ok) {
      showError(result);
      return;
    }
    const found = result.value;
    if (found.tabId !== null) probedTab.current = { tabId: found.tabId, expectedUrl: found.url };
    setProbe(found);
    if (found.savedClipId !== null) await list.pin(found.savedClipId);
    else if (found.isReaderable && isClipOnOpen) await runClip('article');
  }

  useEffect(() => {
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
      const result = await services.updateEdits(id, edits);
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
  const emptyText = list.query === '' ? t('libraryEmpty') : t('noMatches', [list.query]);

  return (
    <div class="popup" ref={popupRef}>
      <header class="clip-bar">
        <div class="clip-actions">
          <button type="button" class="primary" disabled={isClipping} onClick={() => void runClip('article')}>
            {t('clipThisPage')}
          </button>
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
      </header>

      {error && (
        <ErrorBanner message={describeError(error.code, error.detail)} onDismiss={() => setError(null)} />
      )}

      <div role="status" aria-live="polite" class="status">
        {isClipping && (
          <p class="busy">
            <span class="spinner" aria-hidden="true" />
            {t('clipping')}
          </p>
        )}
        {progress && (
          <p class="busy">
            <progress
              max={progress.total || undefined}
              value={progress.total ? progress.done : undefined}
              aria-hidden="true"
            />
            {t('exportProgress', [String(progress.done), String(progress.total || '…')])}
          </p>
        )}
        {status && <p>{status}</p>}
        {toast && <UndoToast message={toast.message} onUndo={() => void undoDelete()} />}
      </div>

      <main>
        <div ref={libraryRef} class="library-view" hidden={view.kind !== 'library'}>
          <FilterBox onQuery={list.filter} />
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
          />
        </div>
        {view.kind === 'clip' && (
          <ClipEditor
            opened={view.opened}
            isBusy={busy !== null}
            note={view.note}
            onSave={(edits) => void saveEdits(view.opened.clip.id, edits)}
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
