// Next-page choice (utils/pure/next-page.ts) and finding it on a page (utils/dom/next-page.ts).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findNextPageUrl, hasPageLinks } from '../../utils/dom/next-page';
import type { PageLink } from '../../utils/pure/next-page';
import {
  chooseNextPage,
  comparePages,
  isNextPageText,
  readShownPage,
  toPageKey,
} from '../../utils/pure/next-page';

const BASE = 'https://news.example.cn/finance/2026-05/12/content_70001.html';

describe('comparePages', () => {
  it.each([
    [BASE, 'https://news.example.cn/finance/2026-05/12/content_70001_2.html', 1, 2],
    ['https://a.test/story/slug', 'https://a.test/story/slug/2/', 1, 2],
    ['https://a.test/story/slug/2', 'https://a.test/story/slug/3', 2, 3],
    ['https://a.test/read?id=5', 'https://a.test/read?id=5&page=2', 1, 2],
    ['https://a.test/read?id=5&page=2', 'https://a.test/read?id=5&page=3', 2, 3],
    ['https://a.test/a/story.html', 'https://a.test/a/story-p2.html', 1, 2],
  ])('%s → %s is page %i → %i', (current, candidate, here, there) => {
    expect(comparePages(current, candidate)).toMatchObject({ current: here, candidate: there });
  });

  it.each([
    ['another origin', 'https://other.test/finance/2026-05/12/content_70001_2.html'],
    ['another article', 'https://news.example.cn/finance/2026-05/12/content_70002.html'],
    ['a section front', 'https://news.example.cn/finance/'],
    ['the same page', `${BASE}#comments`],
  ])('refuses %s', (_name, candidate) => {
    expect(comparePages(BASE, candidate)).toBeNull();
  });
});

describe('chooseNextPage', () => {
  const page2 = 'https://news.example.cn/finance/2026-05/12/content_70001_2.html';
  const page3 = 'https://news.example.cn/finance/2026-05/12/content_70001_3.html';
  const link = (url: string, kind: PageLink['kind'], isNearArticle: boolean, shown?: number): PageLink =>
    shown === undefined ? { url, kind, isNearArticle } : { url, kind, isNearArticle, shown };

  it('takes rel=next, then a "next" link near the article, then the next number near it', () => {
    expect(chooseNextPage(BASE, [link(page3, 'next', true), link(page2, 'rel', false)])).toBe(page2);
    expect(chooseNextPage(BASE, [link(page3, 'number', true, 3), link(page2, 'next', true)])).toBe(page2);
    expect(chooseNextPage(BASE, [link(page3, 'number', true, 3), link(page2, 'number', true, 2)])).toBe(
      page2,
    );
  });

  it('ignores links far from the article, pages already joined, and numbers that are not the next one', () => {
    expect(chooseNextPage(BASE, [link(page2, 'next', false), link(page2, 'number', false, 2)])).toBeNull();
    expect(chooseNextPage(BASE, [link(page2, 'rel', false)], new Set([toPageKey(page2) ?? '']))).toBeNull();
    expect(chooseNextPage(BASE, [link(page3, 'number', true, 3)])).toBeNull();
    expect(chooseNextPage(page2, [link(BASE, 'rel', false)])).toBeNull();
  });
});

describe('link text', () => {
  it('reads "next page" words and page numbers', () => {
    expect(['下一页', 'Next ›', 'next page', '»', 'Weiter'].every(isNextPageText)).toBe(true);
    expect(['下一篇', 'Next article', 'More'].some(isNextPageText)).toBe(false);
    expect([readShownPage('2'), readShownPage('[3]'), readShownPage('第4页'), readShownPage('2026')]).toEqual(
      [2, 3, 4, null],
    );
  });
});

describe('findNextPageUrl', () => {
  const ARTICLE = '走进位于城西的原江城第二纺织厂，高大的锯齿形厂房依然保留着当年的模样。';
  const page = (body: string, head = ''): Document =>
    parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document;

  it('finds the pager just under the article, not a "next" link in the site menu', () => {
    const doc = page(
      `<div class="nav"><a href="content_70001_9.html">下一页</a> 首页 新闻 财经 图片 文化 体育 科技 汽车 房产 旅游 教育 健康 ${'导航'.repeat(200)}</div>` +
        `<div class="content"><p>${ARTICLE}</p><div class="pager"><span>1</span> <a href="content_70001_2.html">2</a> <a href="content_70001_2.html">下一页</a></div></div>`,
    );
    expect(findNextPageUrl(doc, BASE, ARTICLE)).toBe(
      'https://news.example.cn/finance/2026-05/12/content_70001_2.html',
    );
  });

  it('follows <link rel=next> in the head', () => {
    const doc = page(`<p>${ARTICLE}</p>`, '<link rel="next" href="content_70001_2.html">');
    expect(findNextPageUrl(doc, BASE, ARTICLE)).toBe(
      'https://news.example.cn/finance/2026-05/12/content_70001_2.html',
    );
  });

  it('finds nothing on a page whose only "next" link is in a far-away menu', () => {
    const doc = page(
      `<div class="nav"><a href="content_70001_2.html">下一页</a></div><div>${'广告'.repeat(400)}</div><p>${ARTICLE}</p><div>${'推荐'.repeat(400)}</div>`,
    );
    expect(findNextPageUrl(doc, BASE, ARTICLE)).toBeNull();
  });
});

describe('hasPageLinks', () => {
  const ARTICLE = '走进位于城西的原江城第二纺织厂，高大的锯齿形厂房依然保留着当年的模样。';
  const page = (body: string, head = ''): Document =>
    parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document;

  it('is false on a page with no link to another page of the article: the search needs no article text', () => {
    const doc = page(
      `<nav><a href="/finance/">财经</a> <a href="content_70002.html">下一篇</a></nav><p>${ARTICLE}</p>` +
        '<a href="https://other.test/finance/2026-05/12/content_70001_2.html">下一页</a>',
    );
    expect(hasPageLinks(doc, BASE)).toBe(false);
    // Whatever text it is given, the search then finds nothing either.
    expect(findNextPageUrl(doc, BASE, ARTICLE)).toBeNull();
    expect(findNextPageUrl(doc, BASE, '')).toBeNull();
  });

  it('is true for a pager, a next-page link or <link rel=next>, near the article or not', () => {
    expect(hasPageLinks(page(`<p>${ARTICLE}</p><a href="content_70001_2.html">2</a>`), BASE)).toBe(true);
    expect(hasPageLinks(page(`<div class="nav"><a href="content_70001_2.html">下一页</a></div>`), BASE)).toBe(
      true,
    );
    expect(hasPageLinks(page('<p>x</p>', '<link rel="next" href="content_70001_2.html">'), BASE)).toBe(true);
  });
});
