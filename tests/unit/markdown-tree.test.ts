import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_TAGS,
  findDescendants,
  hasBlockDescendant,
  hasDescendant,
  replaceWithDiv,
  unwrap,
} from '../../utils/dom/markdown-tree';

function body(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body;
}

describe('tree helpers', () => {
  it('find descendants by tag, at any depth', () => {
    const root = body('<div><p>a</p><span><p>b</p></span></div>');
    expect(findDescendants(root, (t) => t === 'P').map((p) => p.textContent)).toEqual(['a', 'b']);
    expect(hasDescendant(root, (t) => t === 'SPAN')).toBe(true);
    expect(hasBlockDescendant(body('<span><b>x</b></span>'))).toBe(false);
    expect(BLOCK_TAGS.has('TD')).toBe(true);
  });

  it('unwrap keeps the children in place; replaceWithDiv keeps them in a div', () => {
    const root = body('<p>a<b>b<i>c</i></b>d</p><td>e</td>');
    const b = root.querySelector('b');
    if (b) unwrap(b);
    expect(root.querySelector('p')?.innerHTML).toBe('ab<i>c</i>d');
    const span = root.querySelector('i');
    if (span) replaceWithDiv(span);
    expect(root.querySelector('p')?.innerHTML).toBe('ab<div>c</div>d');
  });
});
