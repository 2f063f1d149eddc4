import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../utils/dom/date-context';
import { shareImageDate, titleDate } from '../../utils/dom/date-last-resort';
import { findArticleDates, findPublishedDate } from '../../utils/dom/published-date';

const NOW = new Date('2026-11-27T12:00:00Z');
const STORY = `<p>${'The court sentenced the poacher to a year in prison for killing a protected elephant. '.repeat(6)}</p>`;

function page(body: string, head = '<title>Poacher sentenced</title>', lang = 'en'): Document {
  return parseHTML(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`)
    .document;
}

describe('last resort: a column named sidebar', () => {
  // A WordPress theme whose main column is `sidebar_content` (the content beside the sidebar), the title an h3 link.
  const THEME = `<div id="content_wrapper"><div class="sidebar_content"><div class="post_wrapper"><div class="post_header"><h3><a href="https://wildlife.example.org/poacher-sentenced/">Poacher sentenced</a></h3></div><div class="post_detail"><div class="post_detail_item">27 Sep 2016</div></div><div class="post_excerpt">${STORY}</div></div></div><div class="sidebar"><ul><li>Newsletter</li></ul></div></div>`;

  it("dates the page from the theme's main column when nothing else does", () => {
    // Reached by its short link, with a tab title naming only the site: no headline vouches for the column.
    const doc = page(THEME, '<title>Wildlife Enforcement Project</title>');
    const found = findPublishedDate(doc, 'https://wildlife.example.org/?p=2258', { now: NOW });
    expect(found).toMatchObject({ raw: '27 Sep 2016', parts: { year: 2016, month: 9, day: 27 } });
    expect(found?.detail).toContain('last resort');
  });

  it("reads a story's fact column inside <article> (`div.sidebar` with its <time>)", () => {
    const doc = page(
      `<main><article class="post"><h1>Best of Rust</h1><div class="row"><div class="col">${STORY}</div><div class="sidebar js-copypaste"><div class="sidebar__item"><p class="time"><time datetime="2022-01-28">28. Januar 2022</time></p></div></div></div></article></main>`,
      '<title>Best of Rust</title>',
      'de',
    );
    expect(
      findPublishedDate(doc, 'https://wine.example.de/nd/best-of-rust/', { now: NOW })?.parts,
    ).toMatchObject({
      year: 2022,
      month: 1,
      day: 28,
    });
  });

  it("never lets a sidebar's date beat the article's own, and never dates the modified field from it", () => {
    const doc = page(
      `<div class="main"><h1>Poacher sentenced</h1><p class="byline">Posted on 3 October 2016</p>${STORY}</div><div id="sidebar"><h4>Recent posts</h4><p>Rangers trained, 12 Dec 2019</p></div>`,
    );
    const dates = findArticleDates(doc, 'https://wildlife.example.org/poacher-sentenced/', { now: NOW });
    expect(dates.published?.parts).toMatchObject({ year: 2016, month: 10, day: 3 });
    const bare = page(
      `<div class="main"><h1>Poacher sentenced</h1>${STORY}</div><div id="sidebar"><p>Updated 12 Dec 2019</p></div>`,
    );
    expect(findArticleDates(bare, 'https://wildlife.example.org/p/', { now: NOW }).modified).toBeNull();
  });

  it('still skips navigation, footers and comments', () => {
    const doc = page(
      `<nav>1 January 2020</nav><div class="main"><h1>Poacher sentenced</h1>${STORY}</div><div class="comments"><p>Reply, 5 May 2021</p></div><footer>© 2 February 2021</footer>`,
    );
    expect(
      findPublishedDate(doc, 'https://wildlife.example.org/poacher-sentenced/', { now: NOW }),
    ).toBeNull();
  });
});

describe('last resort: the URL, the title and the share image', () => {
  const BARE = `<div class="main"><h1>Success story</h1>${STORY}</div>`;

  it('reads a day-and-month date in the path', () => {
    const found = findPublishedDate(page(BARE), 'https://ring.example.de/media-news/meldungen/29-10-2021', {
      now: NOW,
    });
    expect(found).toMatchObject({ source: 'url', parts: { year: 2021, month: 10, day: 29 } });
  });

  it("reads one full date in the page's title", () => {
    const doc = page(BARE, '<title>Una solución no violenta - 07.12.2017 - LA NACION</title>', 'es');
    expect(findPublishedDate(doc, 'https://diario.example.com/opinion/nota', { now: NOW })?.parts).toEqual({
      year: 2017,
      month: 12,
      day: 7,
    });
  });

  it("reads a full date in the share image's path, last", () => {
    const head =
      '<title>Annual report</title><meta property="og:image" content="/files/2016/05/04/ar-2015-og.png">';
    const found = findPublishedDate(page(BARE, head), 'https://www.example.org/annual-report/2015/', {
      now: NOW,
    });
    expect(found).toMatchObject({
      source: 'url',
      detail: 'og:image url',
      parts: { year: 2016, month: 5, day: 4 },
    });
  });

  it('never overrides a date the page gives', () => {
    const head =
      '<title>Report - 07.12.2017</title><meta property="og:image" content="/files/2016/05/04/x.png">';
    const doc = page(
      `<div class="main"><h1>Report</h1><p class="date">Published 9 March 2018</p>${STORY}</div>`,
      head,
    );
    expect(findPublishedDate(doc, 'https://e.org/news/29-10-2021', { now: NOW })?.parts).toMatchObject({
      year: 2018,
      month: 3,
      day: 9,
    });
  });
});

describe('the last-resort readers', () => {
  it('take a title with one date only, not after the reference time', () => {
    const ctx = (doc: Document): ReturnType<typeof makeContext> =>
      makeContext(doc, 'https://e.com/a', { now: NOW });
    const two = page('', '<title>Events 01.02.2019 – 03.02.2019</title>');
    expect(titleDate(two, ctx(two))).toBeNull();
    const future = page('', '<title>Preview - 01.02.2030</title>');
    expect(titleDate(future, ctx(future))).toBeNull();
  });

  it('take an image path with a full day only', () => {
    const doc = page(
      '',
      '<meta property="og:image" content="https://cdn.e.com/wp-content/uploads/2016/05/x.png">',
    );
    expect(shareImageDate(doc, makeContext(doc, 'https://e.com/a', { now: NOW }))).toBeNull();
  });
});
