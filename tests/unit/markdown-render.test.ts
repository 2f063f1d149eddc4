import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BREAK_MARK } from '../../utils/dom/markdown-prepare';
import type { ConvertContext } from '../../utils/dom/markdown-render';
import {
  collapseToLine,
  findCodeLanguage,
  renderHeading,
  renderImage,
  renderLink,
  renderTable,
} from '../../utils/dom/markdown-render';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

function el(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const first = document.body.firstElementChild;
  if (!first) throw new Error('no element');
  return first as HTMLElement;
}

const ctx = (): ConvertContext => ({
  baseUrl: 'https://x.test/a/',
  style: DEFAULT_MARKDOWN_STYLE,
  codes: [],
  references: new Map(),
});

describe('renderers', () => {
  it('renderHeading writes one line in the chosen style', () => {
    expect(renderHeading(`Two${BREAK_MARK}\nlines`, 2, DEFAULT_MARKDOWN_STYLE)).toBe('\n\n## Two lines\n\n');
    expect(collapseToLine(`a${BREAK_MARK}\nb`)).toBe('a b');
  });

  it('renderLink resolves the URL and drops unsafe schemes', () => {
    expect(renderLink('Next', el('<a href="b.html">Next</a>'), ctx())).toBe(
      '[Next](https://x.test/a/b.html)',
    );
    expect(renderLink('Run', el('<a href="javascript:x()">Run</a>'), ctx())).toBe('Run');
  });

  it('renderImage escapes the alt text and encodes the source', () => {
    expect(renderImage(el('<img src="https://x.test/a b.png" alt="[x]">'))).toBe(
      '![\\[x\\]](https://x.test/a%20b.png)',
    );
  });

  it('findCodeLanguage reads language classes, not noise', () => {
    expect(findCodeLanguage(el('<pre><code class="language-ts">x</code></pre>'))).toBe('ts');
    expect(findCodeLanguage(el('<pre class="notranslate">x</pre>'))).toBe('');
  });

  it('renderTable adds the divider row after the header', () => {
    expect(renderTable('\n| a | b |\n| 1 | 2 |')).toBe('\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n');
  });
});
