import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  isExcluded,
  isPlausible,
  isSkipContainer,
  LABEL_BEFORE,
  makeContext,
} from '../../utils/dom/date-context';
import { findPublishedDate } from '../../utils/dom/published-date';

const NOW = new Date('2024-01-01T00:00:00Z');

describe('date-context', () => {
  it('refuses dates before the web and after now', () => {
    expect(isPlausible({ year: 2020, month: 5, day: 1 }, NOW)).toBe(true);
    expect(isPlausible({ year: 1990, month: 5, day: 1 }, NOW)).toBe(false);
    expect(isPlausible({ year: 2025, month: 5, day: 1 }, NOW)).toBe(false);
  });

  it('takes every publication word of the shared list as a label, with its joiner (`发布于`, `發表於`)', () => {
    for (const label of [
      'Published: ',
      'Erschienen am ',
      '发布时间：',
      '发布于 ',
      '發表於：',
      'opublikowano ',
    ])
      expect(LABEL_BEFORE.test(label)).toBe(true);
    expect(LABEL_BEFORE.test('Harbour wall of ')).toBe(false);
  });

  it('skips comments and related lists, but never the container of the headline', () => {
    const { document } = parseHTML(
      '<div class="comments"><h1>Title</h1></div><div class="comments"><p>x</p></div>',
    );
    const [withHeadline, plain] = Array.from(document.querySelectorAll('.comments'));
    if (!withHeadline || !plain) throw new Error('fixture');
    expect(isSkipContainer(plain, null)).toBe(true);
    expect(isSkipContainer(withHeadline, document.querySelector('h1'))).toBe(false);
  });

  it('gives a Chinese page Beijing time as its publisher zone', () => {
    const { document } = parseHTML('<html lang="zh-CN"><body><h1>宁波迈向智造未来</h1></body></html>');
    const ctx = makeContext(document, 'https://e.com/a', { now: NOW });
    expect(ctx.publisherOffset).toBe(480);
    expect(ctx.headline?.textContent).toBe('宁波迈向智造未来');
  });
});

describe('publisherOffsets', () => {
  it('is the range of a country of several zones named by the host, when the zone is unknown', () => {
    const { document } = parseHTML('<html lang="fr"><head></head><body></body></html>');
    const now = new Date('2020-06-01T00:00:00Z');
    const ctx = makeContext(document, 'http://ici.radio-canada.ca/nouvelle/1728875/', { now });
    expect(ctx.publisherZone).toBeNull();
    expect(ctx.publisherOffsets).toEqual([-480, -150]);
    // `en-US` is WordPress's default for English sites anywhere: not a country.
    const blog = parseHTML('<html lang="en-US"><head></head><body></body></html>').document;
    expect(makeContext(blog, 'https://www.foodblog.example.com/cake/', { now }).publisherOffsets).toBeNull();
  });

  it("skips an embedded post's date in a blockquote, unless the blockquote holds the headline", () => {
    const story = `<p>${'The court ruled on the posts of the influencer. '.repeat(10)}</p>`;
    const embed =
      '<blockquote class="instagram-media"><div><p><a href="https://www.instagram.com/p/x/">A post shared by Ann</a> (@ann) on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018 at 12:30pm PDT</time></p></div></blockquote>';
    const { document } = parseHTML(
      `<html lang="en"><head><title>What changes after the ruling</title></head><body><article><h1>What changes after the ruling</h1>${story}${embed}${story}<div class="comment-header">Tuesday, 29 January 2019</div></article></body></html>`,
    );
    const ctx = makeContext(document, 'https://e.com/a', { now: NOW });
    expect(isExcluded(document.querySelector('time') as Element, ctx)).toBe(true);
    expect(findPublishedDate(document, 'https://e.com/a', { now: NOW })?.parts).toEqual({
      year: 2019,
      month: 1,
      day: 29,
    });
    // A 1990s page indents its whole story with a blockquote: its dateline is still the story's.
    const old = parseHTML(
      `<html><head><title>Club news</title></head><body><blockquote><h1>Club news</h1><p>Posted 3 May 1999</p>${story}</blockquote></body></html>`,
    ).document;
    expect(findPublishedDate(old, 'https://e.com/club', { now: NOW })?.parts).toEqual({
      year: 1999,
      month: 5,
      day: 3,
    });
  });
});

describe('a meta line named footer beside its heading', () => {
  // A TYPO3 news detail page as the news extension prints it: `div.header` with the headline next to `div.footer`
  // with the date and categories, and the site's own footer (with a stand date) at the end of the page.
  const story = `<p>${'The new enclosure for the rhinos is taking shape behind the station. '.repeat(8)}</p>`;
  const detail = (meta: string, before: boolean): string => {
    const header = '<div class="header"><h1 itemprop="headline">A tower for the rhinos</h1></div>';
    const footer = `<div class="footer"><p><span class="news-list-date">${meta}</span><span class="news-list-category">Press release</span></p></div>`;
    return `<div class="news news-single"><div class="article" itemscope itemtype="http://schema.org/Article">${before ? footer + header : header + footer}<div class="news-text-wrap" itemprop="articleBody">${story}</div></div></div>`;
  };
  const site = '<div class="footer"><p>© 2022 City Zoo · Stand: 14.03.2022</p></div>';
  const html = (body: string): Document =>
    parseHTML(
      `<html lang="de"><head><title>A tower for the rhinos</title></head><body><div class="page">${body}</div>${site}</body></html>`,
    ).document;
  const URL_ZOO = 'https://www.zoo.example.de/de/aktuelles/alle-news/artikel/a-tower';

  it.each([true, false])('reads the date in the footer of the news item (footer first: %s)', (before) => {
    const doc = html(
      detail('<time itemprop="datePublished" datetime="2022-01-21">21.01.2022</time>', before),
    );
    expect(findPublishedDate(doc, URL_ZOO, { now: NOW })?.parts).toEqual({ year: 2022, month: 1, day: 21 });
    const doc2 = html(detail('21.01.2022', before));
    expect(findPublishedDate(doc2, URL_ZOO, { now: NOW })?.parts).toEqual({ year: 2022, month: 1, day: 21 });
  });

  it("still skips the site's footer, and a long block named footer beside a heading", () => {
    const doc = html(`<h1>A tower for the rhinos</h1>${story}`);
    expect(findPublishedDate(doc, URL_ZOO, { now: NOW })).toBeNull();
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">Page number ${i}</a>`).join(' ');
    const { document } = parseHTML(
      `<div><h2>Service</h2><div class="footer">${links} 14.03.2022</div></div><div><div class="footer">x</div></div>`,
    );
    const [long, alone] = Array.from(document.querySelectorAll('.footer'));
    if (!long || !alone) throw new Error('fixture');
    expect(isSkipContainer(long, null)).toBe(true);
    expect(isSkipContainer(alone, null)).toBe(true);
  });

  it("skips a site footer after a screen-reader heading: the heading is not the page's headline", () => {
    const srFooter =
      '<h2 class="sr-only">Footer</h2><div class="footer"><p>© 2022 City Zoo · Stand: 14.03.2022</p></div>';
    const doc = parseHTML(
      `<html lang="de"><head><title>A tower for the rhinos</title></head><body><div class="page"><h1>A tower for the rhinos</h1>${story}</div>${srFooter}</body></html>`,
    ).document;
    expect(findPublishedDate(doc, URL_ZOO, { now: NOW })).toBeNull();
    const footer = doc.querySelector('body > .footer');
    if (!footer) throw new Error('fixture');
    // The chrome tests (readerable, site name) never take a footer for an item's meta line.
    expect(isSkipContainer(footer, null)).toBe(true);
    expect(isSkipContainer(footer, doc.querySelector('h1'), { itemFooters: true })).toBe(true);
  });
});

describe('a story list left unclosed around the article', () => {
  // Modelled on an old Korean entertainment portal: `div.recentNews` opens a list of top stories and is never closed,
  // so the article, its title in a `<dt>` and its `기사입력` line all sit inside it; the only h1 is the site's logo.
  const portal = (title: string): Document =>
    parseHTML(
      `<!doctype html><html lang="ko"><head><title>${title} - Harbour Media</title></head><body><div class="top"><h1>Harbour Media</h1></div><div class="mainArea"><div class="recentNews"><h4>Top stories</h4><ul><li><a href="/news/1">Another story entirely</a></li><li><a href="/news/2">A third story here</a></li></ul><div class="newsContent"><dl class="newsTitle"><dt>Harbour wall approved by the council</dt></dl>기사입력 :[ 2018-08-25 15:24 ]<div class="newsArticle">${'The council met again and voted on the plan for the harbour wall. '.repeat(20)}</div></div></div></div></body></html>`,
    ).document;

  it('reads the dateline of the article whose title it holds', () => {
    const found = findPublishedDate(
      portal('Harbour wall approved by the council'),
      'http://e.co.kr/news/view?idx=1',
      {
        now: NOW,
      },
    );
    expect(found?.parts).toMatchObject({ year: 2018, month: 8, day: 25, hour: 15, minute: 24 });
  });

  it('still skips a story list that does not hold the page title', () => {
    const found = findPublishedDate(
      portal('Something else entirely here'),
      'http://e.co.kr/news/view?idx=1',
      {
        now: NOW,
      },
    );
    expect(found).toBeNull();
  });
});
