import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  cleanAttributes,
  flattenWrapperChains,
  measureDepth,
  querySafe,
  removeAll,
} from '../../utils/dom/pre-clean';

function root(html: string): Element {
  const { document } = parseHTML(`<div id="r">${html}</div>`);
  const el = document.getElementById('r');
  if (!el) throw new Error('no root');
  return el;
}

describe('pre-clean', () => {
  it('removes handlers and javascript: links, keeps the rest', () => {
    const el = root('<a href="javascript:alert(1)" onclick="x()" title="t">a</a><a href="/b">b</a>');
    cleanAttributes(el);
    const [a, b] = Array.from(el.querySelectorAll('a'));
    expect(a?.getAttributeNames()).toEqual(['title']);
    expect(b?.getAttribute('href')).toBe('/b');
  });

  it('survives a broken per-site selector', () => {
    const el = root('<p class="ad">x</p><p>y</p>');
    expect(querySafe(el, '[[[')).toBeNull();
    removeAll(el, '[[[');
    removeAll(el, '.ad');
    expect(el.textContent).toBe('y');
  });

  it('measures nesting and flattens wrapper chains without losing text', () => {
    const el = root('<div><div><div><p>deep</p></div></div></div>');
    expect(measureDepth(el)).toBe(5);
    flattenWrapperChains(el);
    expect(measureDepth(el)).toBeLessThan(5);
    expect(el.textContent).toBe('deep');
  });

  it('measures the deepest branch, wherever it sits among its siblings', () => {
    expect(measureDepth(root(''))).toBe(1);
    expect(measureDepth(root('<p>a</p><div><p><b>x</b></p></div><p>b</p>'))).toBe(4);
    expect(measureDepth(root('<div><p>1</p></div><section><div><p><i>late</i></p></div></section>'))).toBe(5);
  });
});
