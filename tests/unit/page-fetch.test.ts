// The page's fetch of a multi-page article's later page (utils/platform/page-fetch.ts): same origin only, HTML
// only, decoded by the declared charset, null on failure. fetch and DOMParser are stubbed: jsdom's stand in.
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchPage } from '../../utils/platform/page-fetch';

const ORIGIN = 'https://news.example.test';

function stub(
  body: BodyInit,
  headers: Record<string, string>,
  url = `${ORIGIN}/a_2.html`,
  status = 200,
): void {
  const response = new Response(body, { status, headers });
  Object.defineProperty(response, 'url', { value: url });
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(response)),
  );
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchPage', () => {
  it('parses a same-origin HTML page, decoded by the charset the response names', async () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
    stub(new Blob(['<p>', gbk, '</p>']), { 'content-type': 'text/html; charset=gbk' });
    const page = await fetchPage(`${ORIGIN}/a_2.html`, ORIGIN, 'utf-8');
    expect(page?.doc.querySelector('p')?.textContent).toBe('中文');
    expect(page?.url).toBe(`${ORIGIN}/a_2.html`);
  });

  it('refuses another origin, a redirect to one, an HTTP error and a non-HTML answer', async () => {
    stub('<p>x</p>', { 'content-type': 'text/html' });
    expect(await fetchPage('https://other.test/a_2.html', ORIGIN, 'utf-8')).toBeNull();
    stub('<p>x</p>', { 'content-type': 'text/html' }, 'https://other.test/landing');
    expect(await fetchPage(`${ORIGIN}/a_2.html`, ORIGIN, 'utf-8')).toBeNull();
    stub('gone', { 'content-type': 'text/html' }, `${ORIGIN}/a_2.html`, 404);
    expect(await fetchPage(`${ORIGIN}/a_2.html`, ORIGIN, 'utf-8')).toBeNull();
    stub('{}', { 'content-type': 'application/json' });
    expect(await fetchPage(`${ORIGIN}/a_2.html`, ORIGIN, 'utf-8')).toBeNull();
  });
});
