// An error the user should see now: role=alert, so screen readers announce it as it appears.
import { useI18n } from './i18n-context';

export interface ErrorBannerProps {
  message: string;
  onDismiss?: () => void;
}

export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  const { t } = useI18n();
  return (
    <div class="banner banner-error">
      <p role="alert" class="banner-text">
        {message}
      </p>
      {onDismiss && (
        <button
          type="button"
          class="icon-button"
          aria-label={t('dismiss')}
          title={t('dismiss')}
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </div>
  );
}
