// Popup entry: loads the styles and starts the popup (see boot.ts for why the start is a dynamic import).
import './popup.css';
import { bootPage } from './boot';

void bootPage('popup', async (root) => {
  const { startPopup } = await import('./start-popup');
  startPopup(root);
});
