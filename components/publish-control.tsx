// The clip view's Publish button: the clip's publish state, why it failed, Try again, and the choice on a conflict.
import { useEffect, useState } from 'preact/hooks';
import type { PublishPopupServices } from '../utils/pure/page-api';
import type { PublishReport } from '../utils/pure/protocol';
import type { Publication, PublicationState } from '../utils/pure/types';
import { useI18n } from './i18n-context';
import { publishErrorKey } from './publish-labels';
import { PublishMarker } from './publish-marker';

export interface PublishControlProps {
  clipId: string;
  publication: Publication | undefined;
  services: PublishPopupServices;
  onOpenOptions: () => void;
  /** Told after each publish, so the library row can show the new state. */
  onPublished?: (clipId: string) => void;
}

interface Shown {
  state: PublicationState | undefined;
  error: string | undefined;
  conflictPaths: string[];
}

function fromPublication(p: Publication | undefined): Shown {
  return { state: p?.state, error: p?.state === 'published' ? undefined : p?.error, conflictPaths: [] };
}

function fromReport(report: PublishReport, clipId: string): Shown {
  if (report.published.includes(clipId)) return { state: 'published', error: undefined, conflictPaths: [] };
  const isConflict = report.code === 'publish-conflict';
  return {
    state: isConflict ? 'conflict' : 'failed',
    error: report.code,
    conflictPaths: report.conflictPaths ?? [],
  };
}

export function PublishControl({
  clipId,
  publication,
  services,
  onOpenOptions,
  onPublished,
}: PublishControlProps) {
  const { t, describeError } = useI18n();
  const [shown, setShown] = useState<Shown>(() => fromPublication(publication));
  const [isBusy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [isConfigured, setConfigured] = useState<boolean | null>(null);

  useEffect(() => {
    setShown(fromPublication(publication));
    setNote(null);
  }, [clipId, publication?.state, publication?.publishedAt]);

  useEffect(() => {
    void services.isConfigured().then(setConfigured);
  }, [services]);

  async function publish(overwrite?: string[]) {
    setBusy(true);
    setNote(null);
    try {
      const result = await services.publish([clipId], overwrite);
      if (!result.ok) {
        setShown({ state: 'failed', error: undefined, conflictPaths: [] });
        setNote(describeError(result.code, result.detail));
        return;
      }
      if (result.value.code === 'publish-invalid' && result.value.failed.length === 0) return;
      setShown(fromReport(result.value, clipId));
      if (result.value.published.includes(clipId)) setNote(t('publishDone'));
      onPublished?.(clipId);
    } finally {
      setBusy(false);
    }
  }

  async function keepTheirs() {
    setBusy(true);
    try {
      const kept = await services.keepTheirs(clipId);
      if (!kept.ok) {
        setNote(describeError(kept.code, kept.detail));
        return;
      }
      setShown({ state: 'published', error: undefined, conflictPaths: [] });
      setNote(t('publishKeptTheirs'));
      onPublished?.(clipId);
    } finally {
      setBusy(false);
    }
  }

  if (isConfigured === false) {
    return (
      <div class="publish-control">
        <p class="muted">{t('publishNotConfigured')}</p>
        <button type="button" class="link-button" onClick={onOpenOptions}>
          {t('options')}
        </button>
      </div>
    );
  }

  const isFailed = shown.state === 'failed';
  const isConflict = shown.state === 'conflict';
  return (
    <div class="publish-control" aria-busy={isBusy}>
      <PublishMarker state={shown.state} />
      {!isConflict && (
        <button type="button" disabled={isBusy || isConfigured === null} onClick={() => void publish()}>
          {isBusy ? t('publishRunning') : isFailed ? t('publishRetry') : t('publishButton')}
        </button>
      )}
      {isFailed && shown.error !== undefined && (
        <p role="alert" class="publish-error">
          {t(publishErrorKey(shown.error))}
        </p>
      )}
      {isConflict && (
        <div role="alert" class="publish-conflict">
          <p>{t('publishConflictText')}</p>
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void publish(shown.conflictPaths.length > 0 ? shown.conflictPaths : undefined)}
          >
            {t('publishOverwrite')}
          </button>
          <button type="button" class="secondary" disabled={isBusy} onClick={() => void keepTheirs()}>
            {t('publishKeepTheirs')}
          </button>
        </div>
      )}
      {note !== null && (
        <p role="status" class="note">
          {note}
        </p>
      )}
    </div>
  );
}
