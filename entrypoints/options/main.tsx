// Options entry: loads the styles and starts the page (see utils/platform/boot-page.ts for the dynamic imports).
import './options.css';
import { bootPage } from '../../utils/platform/boot-page';

void bootPage(
  document,
  async (root) => (await import('./start-options')).startOptions(root),
  async (root) => (await import('./offline')).startOptionsOffline(root),
);
