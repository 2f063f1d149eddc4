// What can be done with the selected rows: Export selected, Publish selected (where offered), Delete selected.
import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n-context';

export interface SelectionBarProps {
  count: number;
  isBusy: boolean;
  onExport: () => void;
  onDelete: () => void;
  /** Publish selected, where publishing is offered. */
  publishSlot?: ComponentChildren;
}

export function SelectionBar({ count, isBusy, onExport, onDelete, publishSlot }: SelectionBarProps) {
  const { t } = useI18n();
  return (
    <div class="selection-bar">
      <span>{t('selectedCount', [String(count)])}</span>
      <button type="button" disabled={isBusy} onClick={onExport}>
        {t('exportSelected')}
      </button>
      {publishSlot}
      <button type="button" class="danger" disabled={isBusy} onClick={onDelete}>
        {t('deleteSelected')}
      </button>
    </div>
  );
}
