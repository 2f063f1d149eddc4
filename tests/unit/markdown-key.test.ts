import { describe, expect, it } from 'vitest';
import { MARKDOWN_CONVERTER_VERSION, toMarkdownKey } from '../../utils/pure/markdown-key';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

describe('toMarkdownKey', () => {
  it('is the same for the same style whatever the field order', () => {
    const reversed = Object.fromEntries(
      Object.entries(DEFAULT_MARKDOWN_STYLE).reverse(),
    ) as typeof DEFAULT_MARKDOWN_STYLE;
    expect(toMarkdownKey(reversed)).toBe(toMarkdownKey(DEFAULT_MARKDOWN_STYLE));
  });

  it('changes with any style field and names the converter version', () => {
    const base = toMarkdownKey(DEFAULT_MARKDOWN_STYLE);
    expect(toMarkdownKey({ ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' })).not.toBe(base);
    expect(toMarkdownKey({ ...DEFAULT_MARKDOWN_STYLE, linkStyle: 'referenced' })).not.toBe(base);
    expect(base.startsWith(`v${MARKDOWN_CONVERTER_VERSION};`)).toBe(true);
  });
});
