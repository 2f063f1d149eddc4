// The popup's view of the background's batch: asks where it stands when the popup opens, then polls while it runs.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BatchServices } from '../utils/pure/page-api';
import type { BatchScope, BatchState, DiscardedChoice } from '../utils/pure/protocol';
import { isBatchActive } from '../utils/pure/protocol';
import type { Failure } from '../utils/pure/result';

export const BATCH_POLL_MS = 400;

export interface BatchView {
  state: BatchState | null;
  error: Failure | null;
  discarded: DiscardedChoice;
  setDiscarded: (choice: DiscardedChoice) => void;
  /** Call straight from the click: the permission prompt needs the click's user gesture. */
  start: (scope: BatchScope) => void;
  cancel: () => void;
  dismissError: () => void;
}

export function useBatch(
  services: BatchServices,
  onClipsChanged: () => void,
  pollMs = BATCH_POLL_MS,
): BatchView {
  const [state, setState] = useState<BatchState | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [discarded, setDiscarded] = useState<DiscardedChoice>('reload');
  const finishedCount = useRef(-1);

  function accept(next: BatchState | null) {
    setState(next);
    // The library list reloads when a tab's clip lands, not on every poll.
    const saved = next?.items.filter((i) => i.status === 'saved' || i.status === 'updated').length ?? 0;
    if (finishedCount.current >= 0 && saved !== finishedCount.current) onClipsChanged();
    finishedCount.current = saved;
  }

  useEffect(() => {
    void services.status().then((r) => r.ok && accept(r.value));
    void services.discardedChoice().then(setDiscarded);
  }, []);

  const isActive = isBatchActive(state);
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => {
      void services.status().then((r) => r.ok && accept(r.value));
    }, pollMs);
    return () => clearInterval(timer);
  }, [isActive]);

  return {
    state,
    error,
    discarded,
    setDiscarded,
    start(scope) {
      setError(null);
      void services.start(scope, discarded).then((r) => {
        if (r.ok) accept(r.value);
        else setError(r.detail === undefined ? { code: r.code } : { code: r.code, detail: r.detail });
      });
    },
    cancel() {
      void services.cancel().then((r) => r.ok && accept(r.value));
    },
    dismissError: () => setError(null),
  };
}
