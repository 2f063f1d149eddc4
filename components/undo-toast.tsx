// "Deleted … — Undo": rendered inside the page's polite status region; the caller owns the timer.
import { useI18n } from './i18n-context';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
}

export function UndoToast({ message, onUndo }: UndoToastProps) {
  const { t } = useI18n();
  return (
    <div class="toast">
      <span>{message}</span>
      <span aria-hidden="true"> — </span>
      <button type="button" class="link-button" onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
