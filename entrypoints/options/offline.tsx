// The options page outside the extension: its own app with services that explain why nothing is there.
import { render } from 'preact';
import { I18nContext } from '../../components/i18n-context';
import { OFFLINE_I18N, OFFLINE_OPTIONS } from '../../components/offline';
import { OptionsApp } from '../../components/options-app';

export function startOptionsOffline(root: HTMLElement): void {
  render(
    <I18nContext.Provider value={OFFLINE_I18N}>
      <OptionsApp services={OFFLINE_OPTIONS} />
    </I18nContext.Provider>,
    root,
  );
}
