import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { prepareTree } from '../../utils/dom/markdown-prepare';

function body(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body;
}

describe('prepareTree', () => {
  it('drops active content and comments, and joins CJK lines without a space', () => {
    const root = body('<p>中文\n文本</p><script>x()</script><!-- c --><form><input></form>');
    prepareTree(root, 'https://x.test/');
    expect(root.innerHTML).toBe('<p>中文文本</p>');
  });

  it('pushes a link below the blocks it wraps, and marks task checkboxes', () => {
    const root = body(
      '<a href="/a"><h2>Title</h2><p>Lede</p></a><ul><li><input type="checkbox" checked> done</li></ul>',
    );
    prepareTree(root, 'https://x.test/');
    expect(root.querySelector('h2')?.innerHTML).toBe('<a href="/a">Title</a>');
    expect(root.querySelector('postclip-task')?.hasAttribute('checked')).toBe(true);
  });
});
