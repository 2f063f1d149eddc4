// Popup entry: loads the styles and starts the popup (see utils/platform/boot-page.ts for the dynamic imports).
import './popup.css';
import { bootPage } from '../../utils/platform/boot-page';

void bootPage(
  document,
  async (root) => (await import('./start-popup')).startPopup(root),
  async (root) => (await import('./offline')).startPopupOffline(root),
);
