// A clip's publish state as a small marker: in the library row and in the clip view.
import type { PublicationState } from '../utils/pure/types';
import { useI18n } from './i18n-context';
import { PUBLISH_STATE_KEYS } from './publish-labels';

export function PublishMarker({ state }: { state: PublicationState | undefined }) {
  const { t } = useI18n();
  if (!state) return null;
  return (
    <span class={`badge badge-publish badge-publish-${state}`} data-publish-state={state}>
      {t(PUBLISH_STATE_KEYS[state])}
    </span>
  );
}
