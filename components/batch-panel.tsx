// Clip many tabs: the two start buttons with the permission's reason said first, the unloaded-tab choice, then the
// background's progress (n of N, each tab's outcome), Cancel, and a summary that exports exactly those clips.
import type { BatchServices } from '../utils/pure/page-api';
import type { BatchItem, BatchState } from '../utils/pure/protocol';
import { countFinished, isBatchActive } from '../utils/pure/protocol';
import type { ErrorCode } from '../utils/pure/result';
import { isErrorCode } from '../utils/pure/result';
import { ErrorBanner } from './error-banner';
import type { I18n } from './i18n-context';
import { useI18n } from './i18n-context';
import { useBatch } from './use-batch';

export interface BatchPanelProps {
  services: BatchServices;
  /** Exports these clips through the popup's own export (progress and errors shown there). */
  onExport: (ids: string[]) => void;
  /** A tab's clip landed: the library list should show it. */
  onClipsChanged: () => void;
  pollMs?: number;
}

function reason(item: BatchItem, { t, describeError }: I18n): string {
  if (item.code === 'discarded') return t('batchSkippedDiscarded');
  const code: ErrorCode = isErrorCode(item.code) ? item.code : 'unknown';
  return describeError(code, item.detail);
}

export function describeItem(item: BatchItem, i18n: I18n): string {
  const { t } = i18n;
  switch (item.status) {
    case 'pending':
      return t('batchStatusPending');
    case 'running':
      return t('batchStatusRunning');
    case 'saved':
      return t('batchStatusSaved');
    case 'updated':
      return t('batchStatusUpdated');
    case 'not-article':
      return t('batchStatusNotArticle');
    case 'skipped':
      return t('batchStatusSkipped', [reason(item, i18n)]);
    case 'failed':
      return t('batchStatusFailed', [reason(item, i18n)]);
    case 'cancelled':
      return t('batchStatusCancelled');
  }
}

export function savedIds(state: BatchState): string[] {
  return state.items.flatMap((i) =>
    (i.status === 'saved' || i.status === 'updated') && i.clipId ? [i.clipId] : [],
  );
}

function Summary({ state, onExport }: { state: BatchState; onExport: (ids: string[]) => void }) {
  const { t } = useI18n();
  const count = (...statuses: BatchItem['status'][]) =>
    String(state.items.filter((i) => statuses.includes(i.status)).length);
  const ids = savedIds(state);
  return (
    <div class="batch-summary">
      {state.status === 'cancelled' && <p>{t('batchCancelled')}</p>}
      {state.status === 'interrupted' && <p>{t('batchInterrupted')}</p>}
      <p>
        {t('batchSummary', [
          count('saved'),
          count('updated'),
          count('not-article'),
          count('skipped'),
          count('failed'),
        ])}
      </p>
      {ids.length > 0 && (
        <button type="button" onClick={() => onExport(ids)}>
          {t('batchExport')}
        </button>
      )}
    </div>
  );
}

export function BatchPanel({ services, onExport, onClipsChanged, pollMs }: BatchPanelProps) {
  const i18n = useI18n();
  const { t, describeError } = i18n;
  const batch = useBatch(services, onClipsChanged, pollMs);
  const { state } = batch;
  const isActive = isBatchActive(state);
  return (
    <details class="batch-panel" open={state !== null || batch.error !== null}>
      <summary>{t('batchTitle')}</summary>
      <p class="hint">{t('batchPermissionReason')}</p>
      <label class="batch-discarded">
        {t('batchDiscardedLabel')}{' '}
        <select
          value={batch.discarded}
          disabled={isActive}
          onChange={(e) => batch.setDiscarded(e.currentTarget.value === 'skip' ? 'skip' : 'reload')}
        >
          <option value="reload">{t('batchDiscardedReload')}</option>
          <option value="skip">{t('batchDiscardedSkip')}</option>
        </select>
      </label>
      <div class="batch-actions">
        <button type="button" disabled={isActive} onClick={() => batch.start('window')}>
          {t('batchClipWindow')}
        </button>
        <button type="button" disabled={isActive} onClick={() => batch.start('selected')}>
          {t('batchClipSelected')}
        </button>
      </div>
      {batch.error && (
        <ErrorBanner
          message={describeError(batch.error.code, batch.error.detail)}
          onDismiss={batch.dismissError}
        />
      )}
      {state && (
        <div class="batch-progress">
          <p role="status" aria-live="polite">
            <progress max={state.items.length} value={countFinished(state)} aria-hidden="true" />{' '}
            {t('batchProgress', [String(countFinished(state)), String(state.items.length)])}
            {isActive && (
              <button type="button" disabled={state.status === 'cancelling'} onClick={batch.cancel}>
                {t('batchCancel')}
              </button>
            )}
          </p>
          <ul class="batch-items" aria-label={t('batchTitle')}>
            {state.items.map((item) => (
              <li key={item.tabId} data-status={item.status}>
                <span class="batch-item-title">{item.title || item.url}</span>{' '}
                <span class="batch-item-status">{describeItem(item, i18n)}</span>
              </li>
            ))}
          </ul>
          {!isActive && <Summary state={state} onExport={onExport} />}
        </div>
      )}
    </details>
  );
}
