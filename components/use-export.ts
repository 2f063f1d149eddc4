// Export all or the selected clips as a zip from the popup, with progress on the status line.
import { useState } from 'preact/hooks';
import type { ExportTarget, PopupServices } from '../utils/pure/page-api';
import type { Failure } from '../utils/pure/result';
import { useI18n } from './i18n-context';
import type { BusyState } from './use-busy';

interface Deps {
  services: Pick<PopupServices, 'exportZip'>;
  busy: BusyState;
  onError: (failure: Failure | null) => void;
  onStatus: (message: string | null) => void;
}

export function useExport({ services, busy, onError, onStatus }: Deps) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  function exportZip(target: ExportTarget) {
    return busy.run('export', async () => {
      onError(null);
      onStatus(null);
      setProgress({ done: 0, total: target === 'all' ? 0 : target.length });
      try {
        const result = await services.exportZip(target, (done, total) => setProgress({ done, total }));
        if (!result.ok) {
          onError(result);
          return;
        }
        onStatus(t('exportDone', [String(result.value)]));
      } finally {
        setProgress(null);
      }
    });
  }

  return { progress, exportZip };
}
