import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { absolutizeUrls, resolveSrcset } from '../../utils/dom/absolute-urls';

describe('resolveSrcset', () => {
  it('resolves srcset candidates, including URLs with commas', () => {
    expect(resolveSrcset('a.jpg 1x,/b,c.jpg 2x', 'https://e.com/d/')).toBe(
      'https://e.com/d/a.jpg 1x, https://e.com/b,c.jpg 2x',
    );
  });
});

describe('absolutizeUrls', () => {
  it('makes links and images absolute, and leaves fragments and other schemes alone', () => {
    const { document } = parseHTML(
      '<div id="r"><a href="../x">x</a><a href="#n">n</a><a href="mailto:a@b.c">m</a><img data-src="i.png"></div>',
    );
    const root = document.getElementById('r');
    if (!root) throw new Error('no root');
    absolutizeUrls(root, 'https://e.com/a/b/');
    const hrefs = Array.from(root.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://e.com/a/x', '#n', 'mailto:a@b.c']);
    expect(root.querySelector('img')?.getAttribute('data-src')).toBe('https://e.com/a/b/i.png');
  });

  it('resolves every URL attribute it knows, on the root too', () => {
    const names = ['href', 'src', 'poster', 'cite', 'data', 'data-src', 'data-original', 'data-lazy-src'];
    const sets = ['srcset', 'data-srcset', 'data-lazy-srcset'];
    const inner = [...names, ...sets].map((name) => `<span ${name}="x.png"></span>`).join('');
    const { document } = parseHTML(`<div id="r" href="y.html"><p>text <b>${inner}</b></p></div>`);
    const root = document.getElementById('r');
    if (!root) throw new Error('no root');
    absolutizeUrls(root, 'https://e.com/a/');
    expect(root.getAttribute('href')).toBe('https://e.com/a/y.html');
    const values = Array.from(root.querySelectorAll('span'), (el) =>
      el.getAttribute(el.attributes[0]?.name ?? ''),
    );
    expect(values).toEqual([...names, ...sets].map(() => 'https://e.com/a/x.png'));
  });
});
