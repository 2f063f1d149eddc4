// CLI DOM boundary: linkedom documents shaped as a browser would build them, with the page URL set.
import { describe, expect, it } from 'vitest';
import { findPageUrl, parseHtmlDocument } from '../../cli/parse';
import { clipDocument } from '../../utils/dom/pipeline';

describe('parseHtmlDocument', () => {
  it('sets the URL Readability resolves links against, honouring <base href>', () => {
    const doc = parseHtmlDocument(
      '<html><head><base href="/news/"></head><body><p>x</p></body></html>',
      'https://a.test/p.html',
    );
    expect([doc.documentURI, doc.baseURI]).toEqual(['https://a.test/p.html', 'https://a.test/news/']);
  });

  it.each([
    ['no <html>, <head> or <body>', '<meta charset=gbk><title>T</title><p>x</p>'],
    ['<html> without <body>', '<html lang="zh-CN"><head><title>T</title></head><p>x</p></html>'],
    [
      'a script before <html>',
      '<script>var a = 1</script><html lang="zh-CN"><head><title>T</title></head><body class="c"><p>x</p></body></html>',
    ],
    ['content in an unknown root tag', '<text id="1"><title>T</title><p>x</p></text>'],
  ])('builds html > head + body when the page has %s', (_name, html) => {
    const doc = parseHtmlDocument(html, 'https://a.test/');
    expect(doc.documentElement.tagName).toBe('HTML');
    expect(doc.querySelector('title')?.textContent).toBe('T');
    expect(doc.body.querySelector('p')?.textContent).toBe('x');
    expect(Array.from(doc.documentElement.children, (el) => el.tagName)).toEqual(['HEAD', 'BODY']);
  });

  it('keeps <html lang> and <body> attributes when it rebuilds the skeleton', () => {
    const doc = parseHtmlDocument(
      '<html lang="zh-CN"><title>T</title><body class="c"><p>x</p></body>',
      'https://a.test/',
    );
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.body.getAttribute('class')).toBe('c');
  });

  // The CLI crash of issue 9: linkedom left this content in <head>, Readability's climb to <body> fell off the
  // document and threw "Cannot read properties of null (reading 'tagName')". Browsers move it into <body>.
  const PARAGRAPHS = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i}, long enough, with commas, to be scored as the article's running text by Readability.</p>`,
  ).join('');

  it.each([
    [
      'body content inside <head>',
      `<html><head><title>T</title><div>${PARAGRAPHS}</div></head><body></body></html>`,
    ],
    [
      'content after </html>',
      `<html><head><title>T</title></head><body><p>x</p></body></html><div>${PARAGRAPHS}</div>`,
    ],
    [
      'a stray <head> in the body',
      `<html><head><title>T</title></head><body><div><head><div>${PARAGRAPHS}</div></head></div></body></html>`,
    ],
  ])('puts %s where a browser does, and the page clips', (_name, html) => {
    const doc = parseHtmlDocument(html, 'https://a.test/a.html');
    expect(doc.head.querySelector('div, p')).toBeNull();
    expect(doc.body.querySelectorAll('p').length).toBeGreaterThanOrEqual(8);
    const result = clipDocument(doc, 'https://a.test/a.html', { now: new Date('2026-01-01T00:00:00Z') });
    expect(result.ok && result.value.draft.textContent).toContain('Paragraph 7');
  });

  it('keeps <template> contents out of the page, as a browser does', () => {
    const doc = parseHtmlDocument(
      '<html><head></head><body><template><p>hidden</p></template><p>shown</p></body></html>',
      'https://a.test/',
    );
    expect(doc.body.textContent).not.toContain('hidden');
    expect(doc.body.textContent).toContain('shown');
  });
});

describe('findPageUrl', () => {
  it('prefers the canonical link, then og:url, and only takes absolute web URLs', () => {
    const both =
      '<html><head><link rel="canonical" href="https://a.test/c"><meta property="og:url" content="https://a.test/o"></head><body></body></html>';
    expect(findPageUrl(parseHtmlDocument(both, 'http://localhost/x.html'))).toBe('https://a.test/c');
    const og =
      '<html><head><link rel="canonical" href="/relative"><meta property="og:url" content="https://a.test/o"></head><body></body></html>';
    expect(findPageUrl(parseHtmlDocument(og, 'http://localhost/x.html'))).toBe('https://a.test/o');
    expect(
      findPageUrl(parseHtmlDocument('<html><head></head><body></body></html>', 'http://localhost/x.html')),
    ).toBeNull();
  });
});
