// The popup outside the extension: its own app with services that explain why nothing is there.
import { render } from 'preact';
import { I18nContext } from '../../components/i18n-context';
import { OFFLINE_I18N, OFFLINE_POPUP } from '../../components/offline';
import { PopupApp } from '../../components/popup-app';

export function startPopupOffline(root: HTMLElement): void {
  render(
    <I18nContext.Provider value={OFFLINE_I18N}>
      <PopupApp services={OFFLINE_POPUP} />
    </I18nContext.Provider>,
    root,
  );
}
