import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Publishing to a Git repository (issue 12) fetches from its server, which needs that origin as a host permission:
// asked for one origin at a time, when the user saves the repository, never up front. 127.0.0.1 and localhost
// cover a self-hosted server on this machine (and the tests' server).
const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// Explicit imports keep every dependency visible (no auto-imports).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: {
        // See shims/fast-text-encoding.ts: the polyfill crashed the background service worker at load.
        'fast-text-encoding': fileURLToPath(new URL('./shims/fast-text-encoding.ts', import.meta.url)),
      },
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'downloads', 'contextMenus'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    commands: {
      'clip-page': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdClipPage__',
      },
    },
    // Extension pages run only our own bundled scripts: no inline code, no eval, no remote code, no plugins.
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'postclip@postclip.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
