// "Publish selected" in the popup's selection bar: one publish (one commit for Git) for every selected clip.
import { useState } from 'preact/hooks';
import type { PublishPopupServices } from '../utils/pure/page-api';
import { useI18n } from './i18n-context';
import { publishErrorKey } from './publish-labels';

export interface PublishSelectedProps {
  ids: string[];
  services: PublishPopupServices;
  disabled: boolean;
  /** After the publish: the clips whose state changed, so the list can show it. */
  onDone: (ids: string[]) => void;
}

export function PublishSelected({ ids, services, disabled, onDone }: PublishSelectedProps) {
  const { t, describeError } = useI18n();
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      if (!(await services.isConfigured())) {
        setMessage({ text: t('publishNotConfigured'), isError: true });
        return;
      }
      const result = await services.publish(ids);
      if (!result.ok) {
        setMessage({ text: describeError(result.code, result.detail), isError: true });
        return;
      }
      const { published, failed, code } = result.value;
      setMessage(
        failed.length === 0
          ? { text: t('publishDoneMany', [String(published.length)]), isError: false }
          : { text: t(publishErrorKey(code)), isError: true },
      );
      onDone(ids);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" disabled={disabled || isBusy} onClick={() => void run()}>
        {isBusy ? t('publishRunning') : t('publishSelected')}
      </button>
      {message && (
        <span role={message.isError ? 'alert' : 'status'} class={message.isError ? 'publish-error' : 'note'}>
          {message.text}
        </span>
      )}
    </>
  );
}
