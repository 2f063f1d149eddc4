// The clip result's image line: how many images were kept, how many stayed remote and why, and, when some are on
// another site, the Allow button that asks the browser for that site (the click is the user gesture it needs).
import type { ImageRefusal } from '../utils/pure/images/types';
import type { ClipImagesReport } from '../utils/pure/protocol';
import type { Translate } from './i18n-context';
import { useI18n } from './i18n-context';

export interface ImageResultProps {
  report: ClipImagesReport;
  /** True after the user pressed Allow and the browser said no (or could not ask). */
  isDeclined: boolean;
  isBusy: boolean;
  onAllow: () => void;
}

/** The words for a reason; reasons that read alike share them. Literal t() calls, so the key check sees them. */
function reasonText(t: Translate, reason: ImageRefusal): string {
  switch (reason) {
    case 'no-permission':
      return t('imagesReasonNoPermission');
    case 'image-too-large':
    case 'clip-too-large':
      return t('imagesReasonTooLarge');
    case 'fetch-failed':
    case 'not-local':
      return t('imagesReasonFetchFailed');
    case 'storage-failed':
      return t('imagesReasonStorage');
    case 'empty':
    case 'svg':
    case 'html':
    case 'unknown':
      return t('imagesReasonNotImage');
  }
}

/** `https://img.example.com/*` → `img.example.com`, for the sentence. */
function hostOfPattern(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

export function ImageResult({ report, isDeclined, isBusy, onAllow }: ImageResultProps) {
  const { t } = useI18n();
  const { kept, remote, reasons } = report.summary;
  // Reasons that share wording are counted together.
  const worded = new Map<string, number>();
  for (const [reason, count] of Object.entries(reasons) as [ImageRefusal, number][]) {
    const text = reasonText(t, reason);
    worded.set(text, (worded.get(text) ?? 0) + count);
  }
  const why = [...worded].map(([text, count]) => `${count} ${text}`).join(', ');
  const hosts = report.missingOrigins.map(hostOfPattern).join(', ');
  return (
    <div class="image-result">
      <p>
        {t('imagesKept', [String(kept)])}
        {remote > 0 && `; ${t('imagesRemote', [String(remote), why])}`}
      </p>
      {report.storageFull && <p>{t('imagesStorageFull')}</p>}
      {report.missingOrigins.length > 0 && !isDeclined && (
        <p>
          {t('imagesAllowPrompt', [hosts])}{' '}
          <button type="button" class="link-button" disabled={isBusy} onClick={onAllow}>
            {t('imagesAllow')}
          </button>
        </p>
      )}
      {isDeclined && <p>{t('imagesDeclined')}</p>}
    </div>
  );
}
