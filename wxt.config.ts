import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const ICONS = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

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
    icons: ICONS,
    // The toolbar button: MV3 names it `action`, MV2 `browser_action` (WXT adds the popup and title to either).
    ...(manifestVersion === 3
      ? { action: { default_icon: ICONS } }
      : { browser_action: { default_icon: ICONS } }),
    // declarativeNetRequestWithHostAccess: one session rule sets the page as Referer on one image fetch (hotlink
    // checks); unlike `declarativeNetRequest` it shows no install warning and acts only on granted hosts.
    // `offscreen` (Chrome MV3 only; not a host permission): the document that parses a link clipped without opening it.
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'downloads',
      'contextMenus',
      'declarativeNetRequestWithHostAccess',
      ...(manifestVersion === 3 && browser !== 'firefox' ? ['offscreen'] : []),
    ],
    // Optional host access (README, Permissions), asked at the moment of need: all sites when the user starts a batch
    // of tabs, one site when a clip's images live on another site and the user presses Allow, one repository's origin when
    // the user saves a Git destination. MV2 has no optional_host_permissions; origins go in optional_permissions there.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['<all_urls>'] }
      : { optional_permissions: ['<all_urls>'] }),
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
