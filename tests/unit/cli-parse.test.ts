// CLI DOM boundary: linkedom documents shaped as a browser would build them, with the page URL set.
import { describe, expect, it } from 'vitest';
import { findPageUrl, parseHtmlDocument, toBrowserShape } from '../../cli/parse';

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
    expect(doc.title).toBe('T');
    expect(doc.body.querySelector('p')?.textContent).toBe('x');
    expect(Array.from(doc.documentElement.children, (el) => el.tagName)).toEqual(['HEAD', 'BODY']);
  });

  it('keeps <html lang> and <body> attributes when it rebuilds the skeleton', () => {
    expect(toBrowserShape('<html lang="zh-CN"><p>x</p></html>')).toBe(
      '<!DOCTYPE html><html lang="zh-CN"><head></head><body><p>x</p></body></html>',
    );
    expect(toBrowserShape('<title>T</title><body class="c"><p>x</p></body>')).toContain(
      '<body class="c"><p>x</p></body>',
    );
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
