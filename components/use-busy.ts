// The popup's one library task at a time (open, save, delete, export): a second click while one runs is ignored.
// Clipping runs beside these (the user may browse while a clip is saved), so it has its own phase.
import { useState } from 'preact/hooks';

export type Busy = 'export' | 'open' | 'save' | 'delete' | null;

export interface BusyState {
  busy: Busy;
  /** Runs `task` as `kind` unless a task is already running. */
  run: (kind: Exclude<Busy, null>, task: () => Promise<void>) => Promise<void>;
}

export function useBusy(): BusyState {
  const [busy, setBusy] = useState<Busy>(null);
  async function run(kind: Exclude<Busy, null>, task: () => Promise<void>) {
    if (busy) return;
    setBusy(kind);
    try {
      await task();
    } finally {
      setBusy(null);
    }
  }
  return { busy, run };
}
