import { describe, expect, it } from 'vitest';
import { findRestriction, isRestrictedUrl } from '../../utils/pure/restricted-url';

describe('findRestriction', () => {
  it.each([
    ['chrome://version', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['about:reader?url=https://news.example/a', 'browser-page'],
    ['moz-extension://1234/popup.html', 'browser-page'],
    ['view-source:https://news.example/', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['file:///home/me/page.html', 'file-access'],
    ['data:text/html,<p>x</p>', 'not-a-web-page'],
    ['javascript:alert(1)', 'not-a-web-page'],
    ['ftp://files.example/x', 'not-a-web-page'],
    ['', 'not-a-web-page'],
    ['not a url', 'not-a-web-page'],
    ['https://chrome.google.com/webstore/detail/abc', 'extension-store'],
    ['https://chromewebstore.google.com/detail/abc', 'extension-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'extension-store'],
    ['https://news.example/report.pdf', 'pdf-viewer'],
    ['https://news.example/REPORT.PDF', 'pdf-viewer'],
  ])('%s → %s', (url, kind) => {
    expect(findRestriction(url)).toBe(kind);
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each([
    'https://news.example/2024/03/18/story.html',
    'http://localhost:8080/article.html',
    'https://chrome.google.com/search?q=x',
    'https://mozilla.org/about/',
    'https://news.example/pdf-guide.html',
  ])('%s is a normal page', (url) => {
    expect(findRestriction(url)).toBeNull();
    expect(isRestrictedUrl(url)).toBe(false);
  });
});
