// The site-menu test edge-trim.ts uses above a story, on lists written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isMenuList } from '../../utils/dom/edge-menus';

function listOf(html: string): Element {
  const list = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.firstElementChild;
  if (!list) throw new Error('no element');
  return list;
}

describe('isMenuList', () => {
  it('takes a list of short links, with a submenu and a plain item among them', () => {
    expect(
      isMenuList(
        listOf(`<ul><li></li><li><a href="/">Home</a></li><li><a href="/news/">News</a>
          <ul><li><a href="/news/local/">Local</a></li></ul></li><li>Sign in</li></ul>`),
      ),
    ).toBe(true);
  });

  it('takes one link alone: a breadcrumb naming the section, an author-page link', () => {
    expect(isMenuList(listOf('<ol><li><a href="/entertainment">Entertainment</a></li></ol>'))).toBe(true);
    expect(isMenuList(listOf('<ul><li><a href="/author/jane-doe/">View author archive</a></li></ul>'))).toBe(
      true,
    );
  });

  it('refuses sentences, long items, mostly plain items, one plain item, and in-page links', () => {
    const refused = [
      '<ul><li><a href="/a">The wall will last a century.</a></li><li><a href="/b">It opens in May.</a></li></ul>',
      '<ul><li><a href="/a">Engineers from three countries who worked on the harbour wall</a></li><li><a href="/b">Council</a></li></ul>',
      '<ol><li>2 eggs</li><li>A cup of flour</li><li><a href="/salt">Salt</a></li></ol>',
      '<ul><li>Home</li></ul>',
      '<ul><li><a href="#why">Why now</a></li><li><a href="#cost">The cost</a></li></ul>',
      '<div><a href="/">Home</a><a href="/news/">News</a></div>',
    ];
    for (const html of refused) expect(isMenuList(listOf(html))).toBe(false);
  });
});
