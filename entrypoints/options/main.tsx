// Options entry: loads the styles and starts the options page (see popup/boot.ts for why the start is a dynamic import).
import './options.css';
import { bootPage } from '../popup/boot';

void bootPage('options', async (root) => {
  const { startOptions } = await import('./start-options');
  startOptions(root);
});
