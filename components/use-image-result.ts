// The popup's image line after a clip, and its Allow flow: ask the browser for the other sites (inside the click),
// then have the background fetch this clip's remote images again.
import { useState } from 'preact/hooks';
import type { ClipTarget, PopupServices } from '../utils/pure/page-api';
import type { ClipImagesReport } from '../utils/pure/protocol';
import type { Failure } from '../utils/pure/result';

export interface ImageResultView {
  clipId: string;
  target: ClipTarget | null;
  report: ClipImagesReport;
  isDeclined: boolean;
  isBusy: boolean;
}

export function useImageResult(
  services: Pick<PopupServices, 'allowImageSites' | 'refetchImages'>,
  onError: (failure: Failure) => void,
) {
  const [view, setView] = useState<ImageResultView | null>(null);

  function show(clipId: string, report: ClipImagesReport | undefined, target: ClipTarget | null) {
    setView(report ? { clipId, target, report, isDeclined: false, isBusy: false } : null);
  }

  function allow() {
    if (!view || !services.allowImageSites) return;
    const current = view;
    // Called synchronously in the click: the permission request needs the user gesture.
    const asking = services.allowImageSites(current.report.missingOrigins);
    setView({ ...current, isBusy: true });
    void (async () => {
      const isGranted = await asking;
      if (!isGranted || !services.refetchImages) {
        setView({ ...current, isDeclined: true, isBusy: false });
        return;
      }
      const result = await services.refetchImages(current.clipId, current.target ?? undefined);
      if (!result.ok) {
        onError(result);
        setView({ ...current, isBusy: false });
        return;
      }
      const report = result.value.images ?? current.report;
      setView({ ...current, report, isBusy: false });
    })();
  }

  return { view, show, allow, clear: () => setView(null) };
}
