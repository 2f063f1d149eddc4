// The body's element list shared by the boilerplate passes: the same elements, in the same order, as the selector
// walks it replaces, and the same layout answers; renewed after a removal.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listBodyElements } from '../../utils/dom/boilerplate-elements';
import { isLayout } from '../../utils/dom/boilerplate-measure';

const PAGE = `<header><a href="/">Home</a><nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav></header>
  <main><article><div class="top"><h1>Headline</h1></div><p>Text <b>bold</b> <i>it</i> <a href="#n1">1</a></p>
  <div class="box"><span>12</span><em>x</em><strong>y</strong><svg><a href="/svg-link"></a></svg></div>
  <ol><li>One</li></ol><form><input type="email"></form><section><p>End</p></section></article></main>
  <aside><div><h2>More</h2><ul><li><a href="/c">C</a></li></ul></div></aside><footer><p>© Site</p></footer>`;

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

describe('listBodyElements', () => {
  it('lists what querySelectorAll lists, by tag in document order', () => {
    const body = bodyOf(PAGE);
    const elements = listBodyElements(body);
    expect(elements.all()).toEqual(Array.from(body.querySelectorAll('*')));
    const cases: [string[], string][] = [
      [['UL', 'OL'], 'ul, ol'],
      [['DIV', 'SPAN', 'EM', 'I', 'B', 'STRONG', 'A'], 'div, span, em, i, b, strong, a'],
      [['P', 'DIV', 'SECTION', 'SPAN', 'STRONG', 'B'], 'p, div, section, span, strong, b'],
      [['FORM'], 'form'],
    ];
    for (const [tags, selector] of cases)
      expect(elements.withTags(new Set(tags))).toEqual(Array.from(body.querySelectorAll(selector)));
  });

  it('answers isLayout as the subtree search does', () => {
    const body = bodyOf(PAGE);
    const elements = listBodyElements(body);
    for (const el of elements.all())
      expect([el.tagName, elements.isLayout(el)]).toEqual([el.tagName, isLayout(el)]);
  });

  it('is read again after reset, without the removed elements and with the layout as it now is', () => {
    const body = bodyOf(PAGE);
    const elements = listBodyElements(body);
    const before = elements.all();
    const article = body.querySelector('article');
    const top = body.querySelector('.top');
    expect(article && elements.isLayout(article)).toBe(true);
    expect(top && elements.isLayout(top)).toBe(true);
    body.querySelector('h1')?.remove();
    body.querySelector('aside')?.remove();
    elements.reset();
    expect(elements.all()).toEqual(Array.from(body.querySelectorAll('*')));
    expect(elements.all().length).toBeLessThan(before.length);
    expect(article && elements.isLayout(article)).toBe(true); // still an ARTICLE
    expect(top && elements.isLayout(top)).toBe(false); // its h1 is gone
    const box = body.querySelector('.box');
    expect(box && elements.isLayout(box)).toBe(false);
    const main = body.querySelector('main');
    const section = body.querySelector('section');
    expect(section && elements.isLayout(section)).toBe(false);
    expect(main && elements.isLayout(main)).toBe(true);
  });
});
