import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { clipFetchedDocument, setFetchedBase } from '../../utils/dom/clip-fetched';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour opens a second ferry line</title>
<meta property="article:published_time" content="2024-03-18T09:30:00+08:00"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Harbour opens a second ferry line</h1>
${Array.from({ length: 6 }, (_, i) => `<p>The harbour board agreed on Tuesday to open a second ferry line across the bay, paragraph ${i}, with boats every twenty minutes at rush hour and <a href="/fares">cheaper tickets</a>.</p>`).join('')}
<script>document.title = 'ran'</script></article></body></html>`;

/** As the parser page parses: DOMParser, whose document's base is the parser page's own URL. */
function parse(html: string): Document {
  const { window } = new JSDOM('', { url: 'chrome-extension://abc/link-parser.html' });
  return new window.DOMParser().parseFromString(html, 'text/html');
}

describe('clipFetchedDocument', () => {
  it('clips a fetched page as its own URL: links resolve against it, not the extension page', () => {
    const result = clipFetchedDocument(parse(ARTICLE), 'https://news.example/2024/ferry', {
      mode: 'article',
      now: Date.parse('2024-04-01T00:00:00Z'),
      style: DEFAULT_MARKDOWN_STYLE,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.draft.title).toBe('Harbour opens a second ferry line');
    expect(result.value.draft.url).toBe('https://news.example/2024/ferry');
    expect(result.value.draft.published?.raw).toBe('2024-03-18T09:30:00+08:00');
    expect(result.value.markdown).toContain('[cheaper tickets](https://news.example/fares)');
    expect(result.value.markdown).not.toContain('chrome-extension');
    expect(result.value.markdown).not.toContain('ran');
    // The message back carries the Markdown, not the HTML and text it was made from.
    expect(result.value.draft).not.toHaveProperty('contentHtml');
    expect(result.value.draft).not.toHaveProperty('textContent');
  });

  it('says not-an-article for a page of links, and never throws', () => {
    const links = `<html><body>${'<a href="/x">A link to another story</a> '.repeat(40)}</body></html>`;
    const result = clipFetchedDocument(parse(links), 'https://news.example/', {
      mode: 'article',
      now: 0,
      style: DEFAULT_MARKDOWN_STYLE,
    });
    expect(result).toMatchObject({ ok: false, code: 'not-an-article' });
  });

  it('resolves the page’s own relative <base> against where it came from', () => {
    const doc = parse('<html><head><base href="/section/"></head><body><a href="x">x</a></body></html>');
    setFetchedBase(doc, 'https://news.example/a/b');
    expect(doc.querySelector('base')?.getAttribute('href')).toBe('https://news.example/section/');
    expect(doc.querySelector('a')?.href).toBe('https://news.example/section/x');
    const plain = parse('<html><head></head><body><a href="x">x</a></body></html>');
    setFetchedBase(plain, 'https://news.example/a/b');
    expect(plain.querySelector('a')?.href).toBe('https://news.example/a/x');
  });
});
