// The popup's one status line: a spinner from the first moment (reading the page, then clipping), export progress,
// the last outcome, and the Undo offer. Only one busy line at a time.
import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n-context';

export type ClipPhase = 'probing' | 'clipping' | null;

export interface StatusLineProps {
  phase: ClipPhase;
  progress: { done: number; total: number } | null;
  message: string | null;
  children?: ComponentChildren;
}

export function StatusLine({ phase, progress, message, children }: StatusLineProps) {
  const { t } = useI18n();
  return (
    // data-phase names what the popup is doing, `idle` included, so tests wait for a state instead of sleeping.
    <div
      role="status"
      aria-live="polite"
      class="status"
      data-phase={phase ?? (progress ? 'exporting' : 'idle')}
    >
      {phase && (
        <p class="busy" data-phase={phase}>
          <span class="spinner" aria-hidden="true" />
          {phase === 'probing' ? t('editorLooking') : t('clipping')}
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
      {message && <p>{message}</p>}
      {children}
    </div>
  );
}
