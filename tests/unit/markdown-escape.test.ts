import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { encodeDestination, escapeInline, escapeText } from '../../utils/dom/markdown-escape';

describe('escapeText', () => {
  it('escapes Markdown syntax, tags, entities and kramdown attribute lists; Chinese passes untouched', () => {
    expect(escapeText('*a* _b_ [c]')).toBe('\\*a\\* \\_b\\_ \\[c\\]');
    expect(escapeText('<script> &amp;')).toBe('&lt;script> &amp;amp;');
    expect(escapeText('# not a heading')).toBe('\\# not a heading');
    expect(escapeText('~~x~~ {:.c}')).toBe('\\~\\~x\\~\\~ \\{:.c}');
    expect(escapeText('记者：张三')).toBe('记者：张三');
  });

  it('keeps a paragraph that starts like an ordered list item (`1.` or `1)`) a paragraph', () => {
    for (const text of ['1. Finland', '7) Sweden', '2026. A year']) {
      const html = marked.parse(escapeText(text), { async: false });
      expect(html).toBe(`<p>${text}</p>\n`);
    }
  });
});

describe('escapeInline', () => {
  it('gives one line that cannot close a bracket or open a tag', () => {
    expect(escapeInline(' a\n [b] <i> ')).toBe('a \\[b\\] &lt;i>');
  });
});

describe('encodeDestination', () => {
  it('percent-encodes spaces, brackets and quotes', () => {
    expect(encodeDestination('https://x.test/a b(c)"')).toBe('https://x.test/a%20b%28c%29%22');
  });
});
