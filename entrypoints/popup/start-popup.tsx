// Renders the popup with the platform's services and the user's language.
import { render } from 'preact';
import { I18nContext } from '../../components/i18n-context';
import { PopupApp } from '../../components/popup-app';
import { describeError, setPageLanguage, t } from '../../utils/platform/i18n';
import { createPopupServices } from '../../utils/platform/page-services';

/** bench:clip reads this mark: when the popup first painted a clip as saved, however late the bench attached. */
export const CLIP_SHOWN_MARK = 'postclip:clip-shown';

function markFirstClipShown(root: HTMLElement): void {
  const observer = new MutationObserver(() => {
    if (!root.querySelector('.badge-saved, .badge-updated')) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark(CLIP_SHOWN_MARK));
  });
  observer.observe(root, { childList: true, subtree: true });
}

export function startPopup(root: HTMLElement): void {
  setPageLanguage(document);
  markFirstClipShown(root);
  render(
    <I18nContext.Provider value={{ t, describeError }}>
      <PopupApp services={createPopupServices()} doc={document} />
    </I18nContext.Provider>,
    root,
  );
}
