// Asked before a re-clip would replace a body the user edited: keep the edit, replace it, or do nothing.
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n-context';

export interface ReclipQuestionProps {
  onKeep: () => void;
  onReplace: () => void;
  onCancel: () => void;
}

export function ReclipQuestion({ onKeep, onReplace, onCancel }: ReclipQuestionProps) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="reclip-question"
      class="question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="reclip-question">{t('editorReclipQuestion')}</p>
      <div class="actions">
        <button type="button" class="primary" ref={first} onClick={onKeep}>
          {t('editorReclipKeep')}
        </button>
        <button type="button" onClick={onReplace}>
          {t('editorReclipReplace')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('editorCancel')}
        </button>
      </div>
    </div>
  );
}
