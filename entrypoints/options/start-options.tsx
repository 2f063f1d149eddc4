// Renders the options page with the platform's services and the user's language.
import { render } from 'preact';
import { I18nContext } from '../../components/i18n-context';
import { OptionsApp } from '../../components/options-app';
import { describeError, setPageLanguage, t } from '../../utils/platform/i18n';
import { createOptionsServices } from '../../utils/platform/page-services';

export function startOptions(root: HTMLElement): void {
  setPageLanguage(document);
  document.title = t('optionsTitle');
  render(
    <I18nContext.Provider value={{ t, describeError }}>
      <OptionsApp services={createOptionsServices()} />
    </I18nContext.Provider>,
    root,
  );
}
