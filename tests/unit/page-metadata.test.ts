// A page's metadata with no article (readPageMetadata): what a not-an-article CLI line carries.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '../../utils/dom/page-metadata';

const URL = 'https://www.example-news.com/politics/2020/01/20/budget-vote';
const NOW = new Date('2020-02-01T12:00:00Z');

function doc(html: string): Document {
  return parseHTML(html).document;
}

// A single-page app as saved before its scripts ran: the head has everything, the body one empty mount point.
const APP_SHELL = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Council passes the budget after a long night | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-01-20T10:00:08+08:00">
<meta property="article:modified_time" content="2020-01-20T10:09:41+08:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council passes the budget after a long night",
"author":"{ \\"@type\\":\\"Person\\", \\"name\\":\\"Alice Wu\\" }"}</script>
</head><body><div id="app"></div><script>window.__STATE__ = {"page": 1};</script></body></html>`;

describe('readPageMetadata', () => {
  it('reads title, dates, author, site name and language from an app shell with an empty body', () => {
    const meta = readPageMetadata(doc(APP_SHELL), URL, { now: NOW });
    expect(meta.title).toBe('Council passes the budget after a long night');
    expect(meta.siteName).toBe('Example News');
    expect(meta.byline).toBe('Alice Wu');
    expect(meta.lang).toBe('en-GB');
    expect(meta.published?.raw).toBe('2020-01-20T10:00:08+08:00');
    expect(meta.modified?.raw).toBe('2020-01-20T10:09:41+08:00');
  });

  it('reads a date the page shows only as text, against the reference time', () => {
    const page = doc(`<html lang="zh-CN"><head><title>图集：春天的公园</title></head><body>
      <h1>图集：春天的公园</h1><div class="info">发布时间：03-08 09:30</div>
      <ul><li><a href="/p/1">第一张</a></li><li><a href="/p/2">第二张</a></li></ul></body></html>`);
    const meta = readPageMetadata(page, 'https://pic.example.cn/a/1.html', { now: NOW });
    // March 8th is after the reference (February 2020): the latest March 8th not after it is 2019's.
    expect(meta.published?.parts).toMatchObject({ year: 2019, month: 3, day: 8 });
  });

  it('names a page with no title by its first sentence, and leaves what it lacks empty', () => {
    const page =
      doc(`<html><head></head><body><p>Snow closed the mountain pass for the third day. Crews expect
      to reopen it on Friday.</p></body></html>`);
    const meta = readPageMetadata(page, 'https://roads.example.org/status', { now: NOW });
    expect(meta.title).toBe('Snow closed the mountain pass for the third day.');
    expect(meta.published).toBeNull();
    expect(meta.byline).toBeNull();
  });

  it('never changes the page', () => {
    const page = doc(APP_SHELL);
    const before = page.documentElement.outerHTML;
    readPageMetadata(page, URL, { now: NOW });
    expect(page.documentElement.outerHTML).toBe(before);
  });
});
