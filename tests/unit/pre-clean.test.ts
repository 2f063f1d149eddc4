import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  cleanAttributes,
  flattenWrapperChains,
  measureDepth,
  querySafe,
  removeAll,
  removeBoilerplate,
  DROP_ATTRIBUTE,
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

  it('drops every ad label and breadcrumb label by its words, ad and crumb boxes by name, marks author boxes', () => {
    const story = '<p>The harbour board agreed on Tuesday to open a second ferry line across the bay.</p>';
    const labels = [
      'Advertisement',
      'ADVERTISING',
      'Anzeige',
      'Publicité',
      'publicidad',
      'Pubblicità',
      'reklame',
    ];
    const cjk = ['广告', '廣告', '広告', '광고'];
    const crumbs = ['当前', '您的', '你的', '您现在的', '你现在的', '现在', '所在'];
    const html = [
      ...[...labels, ...cjk].map((w) => `<div class="slot"><span>\n  ${w} </span></div>`),
      ...crumbs.map((w) => `<div class="where"> ${w}位置：<a href="/">首页</a> &gt; 新闻</div>`),
      '<div class="ad-slot">Buy now</div><div id="sponsored-top">Deals</div>',
      '<ul class="breadcrumbs"><li>Home</li><li>World</li></ul>',
      '<div class="author-bio">Lin Wei writes about transport.</div>',
      story,
    ].join('');
    const { document } = parseHTML(`<!doctype html><html><body><main>${html}</main></body></html>`);
    removeBoilerplate(document);
    expect(document.querySelectorAll('.slot, .where, .ad-slot, #sponsored-top, .breadcrumbs')).toHaveLength(
      0,
    );
    expect(document.querySelector('.author-bio')?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
    expect(document.querySelector('main p')?.textContent).toContain('harbour board');
  });
});
