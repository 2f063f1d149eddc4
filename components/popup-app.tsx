// The popup: clip the active tab, then browse, open, edit, export and delete clips. Data comes in through services;
// each job lives in its own hook (clip flow, opened clip, delete with undo, export) and this file lays them out.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Failure } from '../utils/pure/result';
import { fail } from '../utils/pure/result';
import { postZipName } from '../utils/pure/zip';
import type { PopupServices } from '../utils/pure/page-api';
import { BatchPanel } from './batch-panel';
import { ClipBar } from './clip-bar';
import { ClipEditor } from './clip-editor';
import { ErrorBanner } from './error-banner';
import { FilterBox } from './filter-box';
import { useI18n } from './i18n-context';
import { ImageResult } from './image-result';
import { LibraryList } from './library-list';
import { LibraryToolbar } from './library-toolbar';
import { PickOffer } from './pick-offer';
import { PublishControl } from './publish-control';
import { PublishSelected } from './publish-selected';
import { ReclipQuestion } from './reclip-question';
import { SelectionBar } from './selection-bar';
import { StatusLine } from './status-line';
import { UndoToast } from './undo-toast';
import { useBusy } from './use-busy';
import { useClipFlow } from './use-clip-flow';
import { useDeleteUndo } from './use-delete-undo';
import { useExport } from './use-export';
import { useImageResult } from './use-image-result';
import { useLibraryList } from './use-library-list';
import { useOpenedClip } from './use-opened-clip';
import { useTagSuggestions } from './use-tag-suggestions';
import { toFailure } from './with-timeout';

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

export function PopupApp({
  services,
  clipTimeoutMs = CLIP_UI_TIMEOUT_MS,
  undoMs = UNDO_MS,
  pageSize = PAGE_SIZE,
  doc = null,
  autosaveMs,
}: PopupAppProps) {
  const { t, describeError } = useI18n();
  const [error, setError] = useState<Failure | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const libraryRef = useRef<HTMLDivElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);

  const onError = (failure: Failure | null) => setError(failure && toFailure(failure));
  const busy = useBusy();
  const list = useLibraryList(services, pageSize, onError);
  const images = useImageResult(services, onError);
  const opened = useOpenedClip({ services, busy, onError, onRow: list.replaceRow });
  const clip = useClipFlow({ services, clipTimeoutMs, list, opened, images, onError, onStatus: setStatus });
  const exporter = useExport({ services, busy, onError, onStatus: setStatus });
  const deleter = useDeleteUndo({
    services,
    busy,
    undoMs,
    onError,
    onDeleted: (ids) => {
      list.removeRows(ids);
      opened.showLibrary();
    },
    onRestored: async (firstId) => {
      await list.reload();
      // The Undo button is gone: focus the first clip it brought back.
      if (firstId) requestAnimationFrame(() => focusRow(firstId));
    },
  });
  const { view } = opened;
  const tagSuggestions = useTagSuggestions(services, view.kind === 'clip' ? view.opened.clip.id : null);

  useEffect(() => {
    // The keyboard starts on the primary action: Enter clips, Tab reaches the filter.
    primaryRef.current?.focus();
    void list.reload();
    void clip.start();
    // Runs once, when the popup opens.
  }, []);

  // Back in the library, the keyboard focus returns to the row that was open; when that row was just deleted,
  // to the Undo offer, else to the filter box, never to the top of the page.
  useEffect(() => {
    if (view.kind !== 'library' || opened.lastOpenedId.current === null) return;
    focusRow(opened.lastOpenedId.current);
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

  const isBusy = busy.busy !== null;
  const selectedIds = [...list.selected];
  // Nothing about an empty library while the page is read or clipped: the status line speaks then.
  const emptyText =
    clip.phase !== null ? '' : list.query === '' ? t('libraryEmpty') : t('noMatches', [list.query]);

  return (
    <div class="popup" ref={popupRef}>
      <ClipBar
        probe={clip.probe}
        isClipping={clip.phase === 'clipping'}
        canPick={clip.canPick}
        primaryRef={primaryRef}
        onClip={(mode) => void clip.runClip(mode)}
        onPick={() => void clip.startPicker()}
      />

      {services.batch && (
        <BatchPanel
          services={services.batch}
          onExport={(ids) => void exporter.exportZip(ids)}
          onClipsChanged={() => void list.reload()}
        />
      )}

      {error && (
        <ErrorBanner message={describeError(error.code, error.detail)} onDismiss={() => setError(null)} />
      )}

      {clip.question && (
        <ReclipQuestion
          onKeep={() => clip.question && void clip.runClip(clip.question, 'keep')}
          onReplace={() => clip.question && void clip.runClip(clip.question, 'replace')}
          onCancel={clip.cancelQuestion}
        />
      )}

      {clip.pick && (
        <PickOffer
          host={clip.pick.pick.host}
          count={clip.pick.pick.selectors.length}
          isSaved={clip.pick.isSaved}
          onKeep={() => void clip.keepPick()}
          onOpenOptions={() => services.openOptions()}
        />
      )}

      <StatusLine phase={clip.phase} progress={exporter.progress} message={status}>
        {images.view && (
          <ImageResult
            report={images.view.report}
            isDeclined={images.view.isDeclined}
            isBusy={images.view.isBusy}
            onAllow={images.allow}
          />
        )}
        {deleter.toast && (
          <UndoToast message={deleter.toast.message} onUndo={() => void deleter.undoDelete()} />
        )}
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
            <SelectionBar
              count={selectedIds.length}
              isBusy={isBusy}
              onExport={() => void exporter.exportZip(selectedIds)}
              onDelete={() =>
                void deleter.deleteClips(selectedIds, (d) => t('deletedMany', [String(d.length)]))
              }
              publishSlot={
                services.publish && (
                  <PublishSelected
                    ids={selectedIds}
                    services={services.publish}
                    disabled={isBusy}
                    onDone={() => void list.reload()}
                  />
                )
              }
            />
          )}
          <LibraryList
            items={list.rows}
            selected={list.selected}
            badges={list.badges}
            currentId={clip.probe?.savedClipId ?? null}
            hasMore={list.hasMore}
            isLoading={list.isLoading}
            emptyText={emptyText}
            onOpen={(id) => void opened.openClip(id)}
            onToggle={list.toggle}
            onLoadMore={list.loadMore}
            sort={list.sort}
          />
        </div>
        {view.kind === 'clip' && (
          <ClipEditor
            opened={view.opened}
            isBusy={isBusy}
            note={view.note}
            onSave={(edits) => void opened.saveEdits(view.opened.clip.id, edits)}
            onSaveBody={(body) => void opened.saveBody(view.opened.clip.id, body)}
            onPickTemplate={(templateId) =>
              void opened.saveEdits(view.opened.clip.id, { ...view.opened.clip.edits, templateId })
            }
            bodyVersion={view.bodyVersion ?? 0}
            tagSuggestions={tagSuggestions}
            doc={doc}
            {...(autosaveMs === undefined ? {} : { autosaveMs })}
            onCopy={() =>
              void opened.runOnOpened(
                (o) => services.copy(o.post.content),
                () => t('copied'),
              )
            }
            onDownload={() =>
              void opened.runOnOpened(
                (o) => services.download(o.post),
                (o) => t('downloaded', [o.post.filename]),
              )
            }
            {...(services.downloadPostZip && {
              onDownloadZip: () =>
                void opened.runOnOpened(
                  (o) => services.downloadPostZip?.(o.clip.id) ?? Promise.resolve(fail('unknown')),
                  (o) => t('imagesDownloadedZip', [postZipName(o.post.filename)]),
                ),
            })}
            onDelete={() =>
              void deleter.deleteClips([view.opened.clip.id], (d) =>
                t('deletedOne', [d[0]?.edits.title ?? d[0]?.draft.title ?? view.opened.fields.title]),
              )
            }
            onBack={opened.showLibrary}
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
        <button type="button" disabled={isBusy} onClick={() => void exporter.exportZip('all')}>
          {t('exportAll')}
        </button>
        <button type="button" class="link-button" onClick={() => services.openOptions()}>
          {t('options')}
        </button>
      </footer>
    </div>
  );
}
