import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  findHeadline,
  findHeadlineCopies,
  findHeadlineElement,
  findTitleTextElement,
} from '../../utils/dom/headline';
import { page } from './metadata-pages';

describe('findHeadlineElement', () => {
  it('prefers the article h1 that the titles name over a logo h1 in the site header', () => {
    const doc = page(
      '',
      '<header class="site-header"><h1 class="logo">Example News</h1></header><article><h1>Harbour wall approved</h1></article>',
    );
    expect(findHeadlineElement(doc, ['Harbour wall approved | Example News'])?.textContent).toBe(
      'Harbour wall approved',
    );
  });

  it("takes an h1 in an <aside> that the titles name (a mobile portal's title box), not one they do not", () => {
    const doc = page(
      '',
      '<aside class="contxt-aside"><h1>逆水寒新版本上线</h1><span>2019-09-05 11:10</span></aside><aside><h1>热门推荐</h1></aside>',
    );
    expect(findHeadlineElement(doc, ['逆水寒新版本上线|游民星空'])?.textContent).toBe('逆水寒新版本上线');
    expect(findHeadlineElement(doc, ['另一条新闻|游民星空'])).toBeNull();
  });

  it('finds nothing when the page has no headline element', () => {
    expect(findHeadlineElement(page('', '<p>Just text</p>'))).toBeNull();
  });
});

describe('findTitleTextElement', () => {
  it('finds the innermost table cell that holds the title, outside links', () => {
    const doc = page(
      '',
      '<a><b>老茶馆重新开张</b></a><table><tr><td><b>老茶馆重新开张</b></td></tr></table>',
    );
    const el = findTitleTextElement(doc, '老茶馆重新开张');
    expect(el?.tagName).toBe('B');
    expect(el?.closest('td')).not.toBeNull();
  });
});

describe('findHeadline', () => {
  const title = '<title>Fall in love with black – Example Shop</title>';

  it('keeps the scored heading when there is one', () => {
    const doc = page(title, '<h2 class="title">Fall in love with black</h2><h1>Other</h1>');
    const heading = doc.querySelector('h1');
    expect(findHeadline(doc, heading, 'Fall in love with black', 'x')).toBe(heading);
  });

  it('else the innermost element whose whole text is the title', () => {
    const doc = page('', '<table><tr><td><b>老茶馆重新开张</b></td></tr></table>');
    expect(findHeadline(doc, null, '老茶馆重新开张', '')?.tagName).toBe('B');
  });

  it("else a short element that the tab title's first part names, outside links", () => {
    const doc = page(
      title,
      '<a href="/x"><b>Fall in love with black</b></a><h2 class="title">FALL IN LOVE WITH BLACK</h2>',
    );
    const el = findHeadline(doc, null, 'Something else entirely', 'Fall in love with black – Example Shop');
    expect(el?.tagName).toBe('H2');
  });

  it('else the first h1 outside navigation', () => {
    const doc = page('', '<nav><h1>Menu</h1></nav><h1>Only one</h1>');
    expect(findHeadline(doc, null, 'zzzz', 'x')?.textContent).toBe('Only one');
    expect(findHeadline(page('', '<p>Just text</p>'), null, 'zzzz', 'x')).toBeNull();
  });
});

describe('findHeadlineCopies', () => {
  const body = `<p>${'市园林局介绍了口袋公园的建设进展。'.repeat(4)}</p>`;

  it("finds a sticky header's copy of the h1, in any heading, and nothing for a lone headline", () => {
    const { document } = parseHTML(`<html><body><h1 class="bar">城市新建一批口袋公园</h1>
      <div class="content"><h1>城市新建 一批口袋公园</h1><h2>城市新建一批口袋公园</h2>${body}</div></body></html>`);
    const [bar, own, sub] = Array.from(document.querySelectorAll('h1, h2'));
    expect(findHeadlineCopies(document, bar ?? null)).toEqual([own, sub].filter((el) => el !== undefined));
    const lone = parseHTML(`<html><body><h1>城市新建一批口袋公园</h1>${body}</body></html>`).document;
    expect(findHeadlineCopies(lone, lone.querySelector('h1'))).toEqual([]);
  });

  it('finds none when the text recurs as often as a list, nor for a headline that is no heading', () => {
    const list = parseHTML(
      `<html><body>${'<h3>城市新建一批口袋公园</h3>'.repeat(4)}${body}</body></html>`,
    ).document;
    expect(findHeadlineCopies(list, list.querySelector('h3'))).toEqual([]);
    const cell = parseHTML(
      `<html><body><table><tr><td>城市新建一批口袋公园</td></tr></table><h2>城市新建一批口袋公园</h2></body></html>`,
    ).document;
    expect(findHeadlineCopies(cell, cell.querySelector('td'))).toEqual([]);
  });
});
