// Renders the popup with the platform's services and the user's language.
import { render } from 'preact';
import { I18nContext } from '../../components/i18n-context';
import { PopupApp } from '../../components/popup-app';
import { describeError, setPageLanguage, t } from '../../utils/platform/i18n';
import { createPopupServices } from '../../utils/platform/page-services';

export function startPopup(root: HTMLElement): void {
  setPageLanguage(document);
  render(
    <I18nContext.Provider value={{ t, describeError }}>
      <PopupApp services={createPopupServices()} doc={document} />
    </I18nContext.Provider>,
    root,
  );
}
