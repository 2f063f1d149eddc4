// The clip open in the popup's editor: opening it, saving its fields and its typed body, and actions on it.
// A body typed but not yet saved is remembered per clip, so a field save or a re-clip question cannot lose it.
import { useRef, useState } from 'preact/hooks';
import type { OpenedClip, PopupServices } from '../utils/pure/page-api';
import type { Failure, Result } from '../utils/pure/result';
import type { ClipEdits, ClipSummary } from '../utils/pure/types';
import { useI18n } from './i18n-context';
import type { BusyState } from './use-busy';

export type View =
  { kind: 'library' } | { kind: 'clip'; opened: OpenedClip; note: string | null; bodyVersion?: number };

interface Deps {
  services: Pick<PopupServices, 'openClip' | 'updateEdits' | 'getSummary'>;
  busy: BusyState;
  onError: (failure: Failure | null) => void;
  onRow: (row: ClipSummary) => void;
}

export function useOpenedClip({ services, busy, onError, onRow }: Deps) {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ kind: 'library' });
  // The body last typed per clip: a field save started before the body's autosave answered must not undo it.
  const typedBody = useRef(new Map<string, string>());
  const lastOpenedId = useRef<string | null>(null);

  /** Whether the clip's body was edited (typed here, or saved as an edit). */
  async function hasEditedBody(id: string): Promise<boolean> {
    if (typedBody.current.has(id)) return true;
    if (view.kind === 'clip' && view.opened.clip.id === id) return view.opened.clip.edits.body !== undefined;
    const opened = await services.openClip(id);
    return opened.ok && opened.value.clip.edits.body !== undefined;
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
      onError(result);
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

  /** A row's Open: one library task at a time. */
  function openClip(id: string) {
    return busy.run('open', async () => {
      onError(null);
      const result = await services.openClip(id);
      if (!result.ok) {
        onError(result);
        return;
      }
      lastOpenedId.current = id;
      setView({ kind: 'clip', opened: result.value, note: null });
    });
  }

  async function saveBody(id: string, body: string) {
    typedBody.current.set(id, body);
    const current = view.kind === 'clip' && view.opened.clip.id === id ? view.opened.clip.edits : null;
    const opened = current ? null : await services.openClip(id);
    const edits = current ?? (opened?.ok ? opened.value.clip.edits : null);
    if (!edits) return;
    const result = await services.updateEdits(id, { ...edits, body });
    if (!result.ok) {
      onError(result);
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

  function saveEdits(id: string, edits: ClipEdits) {
    return busy.run('save', async () => {
      onError(null);
      const typed = typedBody.current.get(id);
      const result = await services.updateEdits(id, typed === undefined ? edits : { ...edits, body: typed });
      if (!result.ok) {
        onError(result);
        return;
      }
      setView({ kind: 'clip', opened: result.value, note: t('saved') });
      const row = await services.getSummary(id);
      if (row.ok) onRow(row.value);
    });
  }

  /** Runs an action on the open clip (copy, download) and notes its outcome under the editor. */
  async function runOnOpened(
    action: (opened: OpenedClip) => Promise<Result<void>>,
    note: (o: OpenedClip) => string,
  ) {
    if (view.kind !== 'clip') return;
    const opened = view.opened;
    onError(null);
    const result = await action(opened);
    if (!result.ok) {
      onError(result);
      return;
    }
    setView((v) => (v.kind === 'clip' && v.opened === opened ? { ...v, note: note(opened) } : v));
  }

  return {
    view,
    lastOpenedId,
    showLibrary: () => setView({ kind: 'library' }),
    hasEditedBody,
    dropEditedBody,
    showClip,
    openClip,
    saveBody,
    saveEdits,
    runOnOpened,
  };
}

export type OpenedClipState = ReturnType<typeof useOpenedClip>;
