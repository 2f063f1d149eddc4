// The body editor's autosave: a short pause after typing saves, and so do leaving the field, hiding or closing the
// page, and unmounting (Back, Escape), so an edit is never lost silently.
import { useEffect, useRef } from 'preact/hooks';

export const AUTOSAVE_MS = 600;

export interface Autosave {
  /** Call on every change with the whole text. */
  change: (value: string) => void;
  /** Saves now if a change is waiting. */
  flush: () => void;
}

/**
 * `save` gets the latest text once per pause; `saved` is the text last known to be stored, so an unchanged text
 * is never saved. `doc` is where pagehide and visibilitychange are heard (the popup's document).
 */
export function useAutosave(
  saved: string,
  save: (value: string) => void,
  doc: Document | null,
  delayMs = AUTOSAVE_MS,
): Autosave {
  const pending = useRef<string | null>(null);
  const lastSaved = useRef(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    clearTimeout(timer.current);
    const value = pending.current;
    pending.current = null;
    if (value === null || value === lastSaved.current) return;
    lastSaved.current = value;
    saveRef.current(value);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    if (!doc) return;
    const onHide = () => flushRef.current();
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') flushRef.current();
    };
    const win = doc.defaultView;
    win?.addEventListener('pagehide', onHide);
    win?.addEventListener('blur', onHide);
    doc.addEventListener('visibilitychange', onVisibility);
    return () => {
      win?.removeEventListener('pagehide', onHide);
      win?.removeEventListener('blur', onHide);
      doc.removeEventListener('visibilitychange', onVisibility);
    };
  }, [doc]);

  // Leaving the editor (Back, Escape, another clip) saves what was typed.
  useEffect(() => () => flushRef.current(), []);

  return {
    change: (value) => {
      pending.current = value;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flushRef.current(), delayMs);
    },
    flush,
  };
}
