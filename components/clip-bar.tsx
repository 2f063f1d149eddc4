// The popup's header: Clip this page (the primary action), Clip selection when the page has one, Remove parts…,
// Save whole page when the page is not an article, and hints about this page and the library.
import type { Ref } from 'preact';
import type { ClipMode } from '../utils/pure/choices';
import type { TabProbe } from '../utils/pure/protocol';
import { useI18n } from './i18n-context';

export interface ClipBarProps {
  probe: TabProbe | null;
  isClipping: boolean;
  canPick: boolean;
  primaryRef: Ref<HTMLButtonElement>;
  onClip: (mode: ClipMode) => void;
  onPick: () => void;
}

export function ClipBar({ probe, isClipping, canPick, primaryRef, onClip, onPick }: ClipBarProps) {
  const { t } = useI18n();
  return (
    <header class="clip-bar">
      <div class="clip-actions">
        <img class="brand-icon" src="/icons/icon-32.png" alt="" width={20} height={20} />
        <button
          type="button"
          class="primary"
          ref={primaryRef}
          disabled={isClipping}
          onClick={() => onClip('article')}
        >
          {t('clipThisPage')}
        </button>
        {probe?.hasSelection && (
          <button type="button" class="secondary" disabled={isClipping} onClick={() => onClip('selection')}>
            {t('editorClipSelection')}
          </button>
        )}
        {canPick && (
          <button type="button" class="secondary" disabled={isClipping} onClick={onPick}>
            {t('editorRemoveParts')}
          </button>
        )}
        {probe && !probe.isReaderable && (
          <button type="button" class="secondary" disabled={isClipping} onClick={() => onClip('page')}>
            {t('savePage')}
          </button>
        )}
      </div>
      {probe?.savedClipId && <p class="hint">{t('alreadySaved')}</p>}
      {probe && !probe.isReaderable && <p class="hint">{t('notReaderable')}</p>}
      <p class="hint library-hint">{t('libraryHint')}</p>
    </header>
  );
}
