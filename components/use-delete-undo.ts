// Deleting clips from the popup with an Undo offer that lasts a few seconds, after which the deletion stands.
import { useEffect, useState } from 'preact/hooks';
import type { PopupServices } from '../utils/pure/page-api';
import type { Failure } from '../utils/pure/result';
import type { StoredClip } from '../utils/pure/types';
import type { BusyState } from './use-busy';

interface Toast {
  message: string;
  clips: StoredClip[];
}

interface Deps {
  services: Pick<PopupServices, 'deleteClips' | 'putClips'>;
  busy: BusyState;
  undoMs: number;
  onError: (failure: Failure | null) => void;
  /** The rows are gone from the store. */
  onDeleted: (ids: string[]) => void;
  /** The clips are back in the store; `firstId` is the first of them. */
  onRestored: (firstId: string | null) => Promise<void>;
}

export function useDeleteUndo({ services, busy, undoMs, onError, onDeleted, onRestored }: Deps) {
  const [toast, setToast] = useState<Toast | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), undoMs);
    return () => clearTimeout(timer);
  }, [toast, undoMs]);

  function deleteClips(ids: string[], message: (deleted: StoredClip[]) => string) {
    return busy.run('delete', async () => {
      onError(null);
      const result = await services.deleteClips(ids);
      if (!result.ok) {
        onError(result);
        return;
      }
      onDeleted(ids);
      setToast({ message: message(result.value), clips: result.value });
    });
  }

  async function undoDelete() {
    if (!toast) return;
    const { clips } = toast;
    setToast(null);
    const result = await services.putClips(clips);
    if (!result.ok) {
      onError(result);
      return;
    }
    await onRestored(clips[0]?.id ?? null);
  }

  return { toast, deleteClips, undoDelete };
}
