import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { prepareTable, readColspan } from '../../utils/dom/markdown-tables';

function table(html: string): { root: HTMLElement; table: Element } {
  const root = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body;
  const el = root.querySelector('table');
  if (!el) throw new Error('no table');
  return { root, table: el };
}

describe('prepareTable', () => {
  it('keeps a data table, its cells on one line, and moves the caption before it', () => {
    const { root, table: t } = table(
      '<table><caption>Cap</caption><tr><td>a<br>b</td><td><p>c</p></td></tr><tr><td>1</td><td>2</td></tr></table>',
    );
    prepareTable(t);
    expect(root.firstElementChild?.outerHTML).toBe('<p>Cap</p>');
    expect(root.querySelector('td')?.innerHTML).toBe('a b');
    expect(root.querySelectorAll('td')[1]?.innerHTML).toBe(' <span>c</span>');
  });

  it('turns a layout table (one column, or lists inside) into plain blocks', () => {
    const { root, table: t } = table('<table><tr><td><ul><li>x</li></ul></td><td>y</td></tr></table>');
    prepareTable(t);
    expect(root.querySelector('table')).toBeNull();
    expect(root.innerHTML).toBe('<div><div><ul><li>x</li></ul></div><div>y</div></div>');
  });
});

describe('readColspan', () => {
  it('reads colspan, capped, defaulting to 1', () => {
    const { table: t } = table(
      '<table><tr><td colspan="3">a</td><td colspan="x">b</td><td colspan="99">c</td></tr></table>',
    );
    expect(Array.from(t.querySelectorAll('td')).map(readColspan)).toEqual([3, 1, 50]);
  });
});
