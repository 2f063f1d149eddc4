// After "Remove parts…": offer to remove the same blocks on every later clip of the site, as a site rule.
import { useI18n } from './i18n-context';

export interface PickOfferProps {
  host: string;
  count: number;
  /** Set once the rule is saved: the offer becomes a note with a way to the rule. */
  isSaved: boolean;
  onKeep: () => void;
  onOpenOptions: () => void;
}

export function PickOffer({ host, count, isSaved, onKeep, onOpenOptions }: PickOfferProps) {
  const { t } = useI18n();
  return (
    <div class="pick-offer">
      <p>{isSaved ? t('editorRuleSaved', [host]) : t('editorPickedDone', [String(count)])}</p>
      {isSaved ? (
        <button type="button" class="link-button" onClick={onOpenOptions}>
          {t('editorOpenOptions')}
        </button>
      ) : (
        <button type="button" onClick={onKeep}>
          {t('editorAlwaysRemove', [host])}
        </button>
      )}
    </div>
  );
}
