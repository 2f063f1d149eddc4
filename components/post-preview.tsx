// The options page's live preview: exactly the file export would write (its name and content) for the newest clip,
// or for a built-in sample story when the library is empty.
import { useI18n } from './i18n-context';
import type { PostPreview as Preview } from '../utils/pure/page-api';

export interface PostPreviewProps {
  /** undefined: still rendering; null: nothing to show. */
  preview: Preview | null | undefined;
  /** True when the preview shows unsaved template changes. */
  isDraft?: boolean;
}

export function PostPreview({ preview, isDraft = false }: PostPreviewProps) {
  const { t } = useI18n();
  return (
    <div class="post-preview">
      <p class="hint">{t('previewHint')}</p>
      {preview === null && <p class="muted">{t('previewEmpty')}</p>}
      {preview && (
        <>
          {preview.isSample && <p class="muted">{t('previewSample')}</p>}
          {isDraft && <p class="muted">{t('previewDraft')}</p>}
          {preview.templateError && (
            <p class="hint is-invalid">{t('previewFallback', [preview.templateError])}</p>
          )}
          {/* Only the file name is announced: reading the whole post aloud after every keystroke would drown the page. */}
          <p class="filename" aria-live="polite">
            <span class="muted">{t('previewFileName')}: </span>
            <code data-testid="preview-filename">{preview.filename}</code>
          </p>
          <pre
            class="post preview"
            aria-label={t('previewContent')}
            tabIndex={0}
            data-testid="preview-content"
          >
            {preview.content}
          </pre>
        </>
      )}
    </div>
  );
}
