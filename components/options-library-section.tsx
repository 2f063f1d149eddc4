// The options page's library section: storage use, clip count, export all, backup and restore.
import { useEffect, useState } from 'preact/hooks';
import type { OptionsServices, StorageEstimate } from '../utils/pure/page-api';
import type { Failure } from '../utils/pure/result';
import { useI18n } from './i18n-context';

/** Bytes as a short human size, in the page's locale. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

interface LibrarySectionProps {
  services: OptionsServices;
  onError: (failure: Failure | null) => void;
  /** A restore may bring settings-independent changes only, but the page reloads what it shows. */
  onRestored: () => Promise<void>;
}

export function LibrarySection({ services, onError, onRestored }: LibrarySectionProps) {
  const { t } = useI18n();
  const [storage, setStorage] = useState<StorageEstimate | null>(null);
  const [count, setCount] = useState<number | null>(null);
  // A chosen backup waits here until the user confirms: restoring replaces the settings, templates and rules.
  const [pending, setPending] = useState<File | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function refreshFacts() {
    const [estimate, counted] = await Promise.all([services.estimateStorage(), services.countClips()]);
    setStorage(estimate);
    setCount(counted.ok ? counted.value : null);
  }

  useEffect(() => {
    void refreshFacts();
  }, []);

  async function runTask(task: () => Promise<string | null>) {
    setBusy(true);
    onError(null);
    setNote(null);
    try {
      const done = await task();
      if (done !== null) setNote(done);
    } finally {
      setBusy(false);
      setProgress(null);
      void refreshFacts();
    }
  }

  const exportAll = () =>
    runTask(async () => {
      setProgress({ done: 0, total: count ?? 0 });
      const result = await services.exportZip('all', (done, total) => setProgress({ done, total }));
      if (!result.ok) {
        onError(result);
        return null;
      }
      return t('exportDone', [String(result.value)]);
    });

  const backup = () =>
    runTask(async () => {
      const result = await services.backup();
      if (!result.ok) {
        onError(result);
        return null;
      }
      return t('backupDone');
    });

  function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (file) setPending(file);
  }

  async function restore(file: File) {
    setPending(null);
    await runTask(async () => {
      const text = await file.text();
      const result = await services.restore(text);
      if (!result.ok) {
        onError(result);
        return null;
      }
      await onRestored();
      const { added, updated, unchanged } = result.value;
      return t('restored', [String(added), String(updated), String(unchanged)]);
    });
  }

  return (
    <section aria-labelledby="sec-library">
      <h2 id="sec-library">{t('sectionLibrary')}</h2>
      <p>
        {storage
          ? t('storageUsed', [formatBytes(storage.usage), formatBytes(storage.quota)])
          : t('storageUnknown')}
      </p>
      {count !== null && <p>{t('clipCount', [String(count)])}</p>}
      <div class="actions">
        <button type="button" disabled={isBusy} onClick={() => void exportAll()}>
          {t('exportAll')}
        </button>
        <button type="button" disabled={isBusy} onClick={() => void backup()}>
          {t('backup')}
        </button>
      </div>
      <div class="field">
        <label for="restore-file">{t('restoreFromBackup')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="restore-hint"
          disabled={isBusy}
          onChange={(e) => choose(e.currentTarget)}
        />
        <p id="restore-hint" class="hint">
          {t('restoreHint')}
        </p>
        {pending && (
          <div role="alertdialog" aria-labelledby="restore-ask" class="confirm">
            <p id="restore-ask">{t('libraryRestoreAsk', [pending.name])}</p>
            <button type="button" class="primary" onClick={() => void restore(pending)}>
              {t('libraryRestoreConfirm')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('libraryRestoreCancel')}
            </button>
          </div>
        )}
      </div>
      <div role="status" aria-live="polite" class="status">
        {progress && (
          <p class="busy">
            <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
            {t('exportProgress', [String(progress.done), String(progress.total || '…')])}
          </p>
        )}
        {note && <p>{note}</p>}
      </div>
    </section>
  );
}
