// Pure: which tab URLs no extension may script, so the popup can explain instead of failing. No DOM, no extension API.

/** Why a page cannot be clipped; the detail travels with the `restricted-page` error. */
export type RestrictionKind =
  'browser-page' | 'file-access' | 'extension-store' | 'pdf-viewer' | 'not-a-web-page';

// Chrome and Edge refuse scripts in their stores; Firefox has a fixed list (`extensions.webextensions.restrictedDomains`).
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

const BROWSER_SCHEMES = new Set([
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'moz-extension:',
  'resource:',
  'view-source:',
]);

/**
 * Why `url` cannot be scripted, or null when it can. `file:` counts as restricted: Chrome blocks it unless the
 * user turned on "Allow access to file URLs", and the popup should say so rather than fail vaguely.
 */
export function findRestriction(url: string): RestrictionKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-a-web-page';
  }
  const scheme = parsed.protocol;
  if (BROWSER_SCHEMES.has(scheme)) return 'browser-page';
  if (scheme === 'file:') return 'file-access';
  if (scheme !== 'http:' && scheme !== 'https:') return 'not-a-web-page';
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.has(host)) return 'extension-store';
  if (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return 'extension-store';
  // Both browsers show PDFs in their own viewer, where extension scripts cannot reach the text.
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf-viewer';
  return null;
}

export function isRestrictedUrl(url: string): boolean {
  return findRestriction(url) !== null;
}
