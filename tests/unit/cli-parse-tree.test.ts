// CLI DOM boundary: parse5's tree copied into linkedom keeps the standard's shape, node for node.
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/parse';

const URL = 'https://a.test/';

describe('parseHtmlDocument (parse5 tree copied into linkedom)', () => {
  it('keeps attributes in source order, numeric names included', () => {
    const doc = parseHtmlDocument('<p id="a" 47 class="b c" data-x="&amp;">x</p>', URL);
    const p = doc.querySelector('p');
    expect(p?.getAttributeNames()).toEqual(['id', '47', 'class', 'data-x']);
    expect(p?.getAttribute('data-x')).toBe('&');
    expect(doc.querySelector('.c')).toBe(p);
  });

  it('keeps a run of text as one text node, character references included', () => {
    const doc = parseHtmlDocument('<p>a &amp; b&nbsp;c</p>', URL);
    const p = doc.querySelector('p');
    expect(p?.childNodes.length).toBe(1);
    expect(p?.textContent).toBe('a & b\u00a0c');
  });

  it('drops the newline right after <pre> and <textarea>, as a browser does', () => {
    const doc = parseHtmlDocument('<pre>\n\ncode</pre><textarea>\nnote</textarea>', URL);
    expect(doc.querySelector('pre')?.textContent).toBe('\ncode');
    expect(doc.querySelector('textarea')?.textContent).toBe('note');
  });

  it('keeps a table inside a paragraph on a quirks-mode page (no doctype), as a browser does', () => {
    const doc = parseHtmlDocument('<p>text<table><tr><td>cell</td></tr></table></p>', URL);
    expect(doc.querySelector('table')?.parentElement?.tagName).toBe('P');
  });

  it('makes everything under <svg> an SVG element, with lower-case tag names', () => {
    const doc = parseHtmlDocument(
      '<!doctype html><p>x<svg viewBox="0 0 1 1"><foreignObject><b>y</b></foreignObject></svg></p>',
      URL,
    );
    const svg = doc.querySelector('svg');
    expect(svg?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 1 1');
    expect(svg?.firstElementChild?.localName).toBe('foreignobject');
    expect(doc.querySelector('b')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('gives <noscript> its contents as elements, which Readability unwraps lazy images from', () => {
    const doc = parseHtmlDocument(
      '<!doctype html><body><noscript><img src="/a.jpg" srcSet="/a.jpg 1x"></noscript></body>',
      URL,
    );
    const img = doc.querySelector('noscript > img');
    expect(img?.getAttribute('src')).toBe('/a.jpg');
    expect(img?.getAttribute('srcset')).toBe('/a.jpg 1x');
  });

  it('keeps the doctype and comments, and copies a deeply nested page without overflowing the stack', () => {
    const depth = 20_000;
    const html = `<!DOCTYPE html><!-- c --><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body>`;
    const doc = parseHtmlDocument(html, URL);
    expect(doc.doctype?.name).toBe('html');
    expect(doc.body.textContent).toBe('deep');
    expect(doc.querySelectorAll('div').length).toBe(depth);
  });
});
