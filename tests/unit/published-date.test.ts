import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  findArticleDates,
  findModifiedDate,
  findPublishedDate,
  listTextDates,
} from '../../utils/dom/published-date';

const NOW = new Date('2026-11-27T12:00:00Z');
const URL_EN = 'https://news.example.com/story';

function page(body: string, head = '', lang = 'en'): Document {
  return parseHTML(
    `<!doctype html><html lang="${lang}"><head><title>Big news - Example</title>${head}</head><body>${body}</body></html>`,
  ).document;
}

function ld(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('findPublishedDate: structured data', () => {
  it('reads JSON-LD inside @graph, keeping time and offset', () => {
    const doc = page(
      '<h1>Big news</h1>',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', datePublished: '2001-01-01' },
          {
            '@type': 'NewsArticle',
            datePublished: '2022-02-17T09:00:40+01:00',
            dateModified: '2022-02-18T10:00:00+01:00',
          },
        ],
      }),
    );
    const found = findPublishedDate(doc, URL_EN, { now: NOW });
    expect(found).toMatchObject({
      raw: '2022-02-17T09:00:40+01:00',
      source: 'json-ld',
      parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 60 },
      zoneFrom: 'page',
    });
    expect(findModifiedDate(doc, URL_EN, { now: NOW })?.parts).toMatchObject({ day: 18, hour: 10 });
  });

  it('reads JSON-LD arrays of BlogPosting and ReportageNewsArticle', () => {
    const doc = page(
      '',
      ld([{ '@type': 'Organization' }, { '@type': ['ReportageNewsArticle'], datePublished: '2021-05-04' }]),
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      source: 'json-ld',
      parts: { year: 2021, month: 5, day: 4 },
    });
  });

  it.each([
    ['<meta property="article:published_time" content="2022-02-17T09:00:00Z">', 'article:published_time'],
    ['<meta property="og:published_time" content="2022-02-17">', 'og:published_time'],
    ['<meta name="pubdate" content="20220217">', 'pubdate'],
    ['<meta name="PubDate" content="2022-02-17">', 'pubdate'],
    ['<meta name="publishdate" content="2022-02-17">', 'publishdate'],
    ['<meta name="DC.date.issued" content="2022-02-17">', 'dc.date.issued'],
    ['<meta name="dcterms.created" content="2022-02-17">', 'dcterms.created'],
    ['<meta name="sailthru.date" content="2022-02-17 09:00:00">', 'sailthru.date'],
    ['<meta name="parsely-pub-date" content="2022-02-17T09:00:00Z">', 'parsely-pub-date'],
    ['<meta name="citation_publication_date" content="2022/02/17">', 'citation_publication_date'],
    ['<meta itemprop="datePublished" content="2022-02-17">', 'datepublished'],
    ['<meta name="date" content="2022-02-17">', 'date'],
    // A canton's site, tagged for its Swiftype site search.
    [
      '<meta class="swiftype" name="publication_date" content="2022-02-17T14:00:00" data-type="date">',
      'publication_date',
    ],
  ])('meta %s', (head, key) => {
    const found = findPublishedDate(page('<h1>Big news</h1>', head), URL_EN, { now: NOW });
    expect(found?.source).toBe('meta');
    expect(found?.detail).toContain(key);
    expect(found?.parts).toMatchObject({ year: 2022, month: 2, day: 17 });
  });

  it('uses og:updated_time and article:modified_time only for the modified date', () => {
    const doc = page(
      '<h1>Big news</h1>',
      '<meta property="og:updated_time" content="2022-03-01T08:00:00+00:00">',
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toBeNull();
    expect(findModifiedDate(doc, URL_EN, { now: NOW })?.parts).toMatchObject({ month: 3, day: 1 });
  });

  it('reads itemprop=datePublished on any element', () => {
    const doc = page('<h1>Big news</h1><span itemprop="datePublished" content="2022-02-17">Feb 17</span>');
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      source: 'meta',
      detail: '[itemprop=datepublished]',
    });
  });

  it("ranks an embedded video's uploadDate below the page's own meta tags", () => {
    // A US TV station's story page: the article has no JSON-LD, only its clip's VideoObject (uploaded the evening
    // before the story ran) and parse.ly's publish date.
    const doc = page(
      '<h1>Big news</h1><div class="player"></div>',
      '<meta name="parsely-pub-date" content="2020-09-30T02:00:07-0700">' +
        ld({ '@type': 'VideoObject', name: 'Clip', uploadDate: '2020-09-29T22:40:00-07:00' }),
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      raw: '2020-09-30T02:00:07-0700',
      parts: { day: 30 },
    });
    // Without a meta tag, the video's date is still better than none.
    const bare = page(
      '<h1>Big news</h1>',
      ld({ '@type': 'VideoObject', uploadDate: '2020-09-29T22:40:00-07:00' }),
    );
    expect(findPublishedDate(bare, URL_EN, { now: NOW })?.parts.day).toBe(29);
  });

  it("keeps a node's datePublished even when its dateModified is earlier (a post held back, then published)", () => {
    const doc = page(
      '<h1>Big news</h1>',
      ld({
        '@type': 'NewsArticle',
        datePublished: '2023-11-01T06:43:59+00:00',
        dateModified: '2023-10-26T09:02:00+00:00',
      }),
      'de',
    );
    expect(findPublishedDate(doc, 'https://www.kultur.example.de/tour/', { now: NOW })?.raw).toBe(
      '2023-11-01T06:43:59+00:00',
    );
  });

  it('skips an implausible structured date for a plausible one', () => {
    const doc = page(
      '<h1>Big news</h1>',
      `${ld({ '@type': 'Article', datePublished: '2099-01-01' })}<meta property="article:published_time" content="2022-02-17">`,
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      source: 'meta',
      parts: { day: 17 },
    });
  });
});

describe('findPublishedDate: <time> and text', () => {
  it('ignores a <time> inside a related-articles list and links to other pages', () => {
    const doc = page(`
      <article><h1>Big news</h1><p class="byline">By A. Writer <time datetime="2022-02-17T09:00">17 Feb</time></p><p>Body text.</p></article>
      <ul class="related-articles"><li><time datetime="2023-05-05">May 5</time> Other</li></ul>`);
    const earlier = page(`
      <section class="related"><time datetime="2023-05-05">May 5</time></section>
      <a href="/other-story"><time datetime="2023-06-06">June 6</time></a>
      <article><h1>Big news</h1><time datetime="2022-02-17">17 Feb</time></article>`);
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      source: 'time-element',
      parts: { year: 2022, day: 17 },
    });
    expect(findPublishedDate(earlier, URL_EN, { now: NOW })?.parts).toEqual({
      year: 2022,
      month: 2,
      day: 17,
    });
  });

  it('takes WordPress `entry-date published updated` as the published date', () => {
    const doc = page(
      '<article><h1>Big news</h1><p>Body text.</p><footer><time class="entry-date published updated" datetime="2021-08-09T18:42:11+00:00">August 9, 2021</time></footer></article>',
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      source: 'time-element',
      parts: { year: 2021, month: 8, day: 9, hour: 18, offsetMinutes: 0 },
    });
    expect(findModifiedDate(doc, URL_EN, { now: NOW })?.parts).toMatchObject({ day: 9, hour: 18 });
  });

  it("adds a time of day to a day-only date from the article's dateline, never from a list of other stories", () => {
    const head = '<meta property="article:published_time" content="2020-05-04">';
    const side = `<div class="side"><h4>Latest</h4><ul>
      <li><a href="/a">Bus timetable</a> <span>4 May 2020, 18:02</span></li>
      <li><a href="/b">Oldest resident</a> <span>4 May 2020, 11:40</span></li></ul></div>`;
    const listed = page(
      `<div class="story"><h1>Big news</h1><p>Body text of the story.</p></div>${side}`,
      head,
    );
    expect(findPublishedDate(listed, URL_EN, { now: NOW })).toMatchObject({
      source: 'meta',
      parts: { year: 2020, month: 5, day: 4 },
    });
    expect(findPublishedDate(listed, URL_EN, { now: NOW })?.parts.hour).toBeUndefined();
    const dated = page(
      `<div class="story"><h1>Big news</h1><p class="date">4 May 2020, 09:30</p><p>Body text of the story.</p></div>${side}`,
      head,
    );
    expect(findPublishedDate(dated, URL_EN, { now: NOW })?.parts).toMatchObject({
      day: 4,
      hour: 9,
      minute: 30,
    });
  });

  it('reads <abbr class="published" title>', () => {
    const doc = page(
      '<h1>Big news</h1><abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr>',
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toMatchObject({
      parts: { day: 23, offsetMinutes: -300 },
      zoneFrom: 'page',
    });
  });

  it('finds a Chinese dateline near the headline and gives it Beijing time', () => {
    const doc = page(
      `<div class="nav"><a href="/">首页</a> 2023年5月5日 星期五</div>
       <h1>重大新闻</h1><div class="info">发布时间：2022-02-17 09:00:40 来源：新华社</div>
       <p>正文。</p>`,
      '',
      'zh-CN',
    );
    const found = findPublishedDate(doc, 'https://news.example.com/a.html', { now: NOW });
    expect(found).toMatchObject({
      source: 'text',
      raw: '2022-02-17 09:00:40',
      parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40, offsetMinutes: 480 },
      zoneFrom: 'publisher',
    });
  });

  it('reads 年月日 forms and the Baidu pubtime span on a .cn page without lang', () => {
    const doc = page('<h1>标题</h1><span id="pubtime_baidu">2022年02月17日 09:00</span>', '', '');
    expect(findPublishedDate(doc, 'http://www.example.cn/n/1.html', { now: NOW })).toMatchObject({
      parts: { day: 17, hour: 9, minute: 0, offsetMinutes: 480 },
      zoneFrom: 'publisher',
    });
  });

  it('leaves a local time with no knowable zone without an offset', () => {
    const doc = page('<h1>Big news</h1><p class="date">Published: 17.02.2022, 14:30</p>', '', 'en');
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toEqual({ year: 2022, month: 2, day: 17, hour: 14, minute: 30 });
    expect(found?.zoneFrom).toBeUndefined();
  });

  it("gives a German page's local time the offset Berlin had on that day", () => {
    const winter = page('<h1>Big news</h1><p class="date">Published: 17.02.2022, 14:30</p>', '', 'de');
    expect(findPublishedDate(winter, 'https://example.com/a', { now: NOW })).toMatchObject({
      parts: { day: 17, hour: 14, minute: 30, offsetMinutes: 60 },
      zoneFrom: 'publisher',
    });
    const summer = page('<h1>Big news</h1><p class="date">Veröffentlicht: 17.07.2021, 14:30</p>', '', 'de');
    expect(findPublishedDate(summer, 'https://example.com/a', { now: NOW })?.parts.offsetMinutes).toBe(120);
  });

  it('keeps a day-only date day-only: no invented midnight', () => {
    const doc = page('<h1>Big news</h1><p class="post-date">February 17, 2022</p>');
    const found = findPublishedDate(doc, URL_EN, { now: NOW });
    expect(found?.parts).toEqual({ year: 2022, month: 2, day: 17 });
    expect(found?.zoneFrom).toBeUndefined();
  });

  it('ignores a comment date', () => {
    const doc = page(`<h1>Big news</h1><p class="byline">Posted on March 3, 2021</p><p>Body.</p>
      <div id="comments"><div class="comment"><span class="date">May 9, 2024 at 10:00 pm</span> Nice!</div></div>`);
    expect(findPublishedDate(doc, URL_EN, { now: NOW })?.parts).toEqual({ year: 2021, month: 3, day: 3 });
    const onlyComment = page(
      `<h1>Big news</h1><p>Body.</p><ol class="commentlist"><li><span>May 9, 2024</span></li></ol>`,
    );
    expect(findPublishedDate(onlyComment, URL_EN, { now: NOW })).toBeNull();
  });

  it('prefers the dateline over a date in the body text and an "updated" line', () => {
    const doc =
      page(`<h1>Big news</h1><p class="meta">Updated: 20 March 2022</p><p class="meta">By Jo, 17 February 2022</p>
      <p>Back on 3 January 1999 something long ago happened, which this article recalls at length for context.</p>`);
    expect(findPublishedDate(doc, URL_EN, { now: NOW })?.parts).toEqual({ year: 2022, month: 2, day: 17 });
    const scored = listTextDates(doc, URL_EN, { now: NOW });
    expect(scored.length).toBe(3);
  });

  it('never returns a date in the future', () => {
    const doc = page(
      '<h1>Big news</h1><p class="date">17 February 2030</p>',
      ld({ '@type': 'Article', datePublished: '2031-01-01' }),
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW })).toBeNull();
  });
});

describe('findPublishedDate: URL and rules', () => {
  it.each([
    ['https://example.com/2022/02/17/some-story/', { year: 2022, month: 2, day: 17 }],
    ['https://example.com/news/20220217/story.html', { year: 2022, month: 2, day: 17 }],
    ['https://example.com/2022-02-17-some-story', { year: 2022, month: 2, day: 17 }],
  ])('falls back to the URL %s', (url, parts) => {
    expect(findPublishedDate(page('<h1>Big news</h1><p>No date here.</p>'), url, { now: NOW })).toMatchObject(
      { source: 'url', parts },
    );
  });

  it('does not read a slug number as a day', () => {
    expect(
      findPublishedDate(page('<h1>Big news</h1>'), 'https://example.com/2023/10/3-questions/', { now: NOW }),
    ).toBeNull();
  });

  it('doubts metadata far from the date in the URL', () => {
    const doc = page(
      '<h1>Big news</h1>',
      '<meta property="article:published_time" content="2019-06-17T10:00:00+02:00">',
    );
    expect(findPublishedDate(doc, 'https://example.com/2017/7/12/story', { now: NOW })).toMatchObject({
      source: 'url',
      parts: { year: 2017, month: 7, day: 12 },
    });
  });

  it('lets a per-site selector win', () => {
    const doc = page(
      '<h1>Big news</h1><div class="stamp">Stand: 01.03.2022</div>',
      '<meta property="article:published_time" content="2022-02-17">',
    );
    expect(findPublishedDate(doc, URL_EN, { now: NOW, dateSelector: '.stamp' })).toMatchObject({
      source: 'rule',
      detail: '.stamp',
      parts: { year: 2022, month: 3, day: 1 },
    });
    // A broken selector falls through to the cascade instead of throwing.
    expect(findPublishedDate(doc, URL_EN, { now: NOW, dateSelector: '[[[' })?.source).toBe('meta');
  });

  it('returns null on an empty page', () => {
    expect(findPublishedDate(page(''), 'not a url', { now: NOW })).toBeNull();
    expect(findModifiedDate(page(''), '', { now: NOW })).toBeNull();
  });
});

describe('findPublishedDate: against the reference time', () => {
  const URL_CN = 'https://news.example.cn/a/story.html';
  const ZH_NOW = new Date('2019-09-08T04:00:00Z'); // 12:00 in Beijing

  it('reads a relative dateline (`3小时前`) against the reference, in the publisher zone', () => {
    const doc = page(
      '<h1>Big news</h1><div class="info"><span class="time">3小时前</span> 来源：本报</div>',
      '',
      'zh-CN',
    );
    const found = findPublishedDate(doc, URL_CN, { now: ZH_NOW });
    expect(found?.parts).toMatchObject({ year: 2019, month: 9, day: 8, hour: 9, offsetMinutes: 480 });
  });

  it('prefers a full date over a widget form (`刚刚`, `6月3日`) on the same page', () => {
    const doc = page(
      '<div class="hot"><span class="time">刚刚</span> <span class="time">6月3日</span></div><h1>Big news</h1>' +
        '<div class="info">发布时间：2018-03-08 23:16</div>',
      '',
      'zh-CN',
    );
    expect(findPublishedDate(doc, URL_CN, { now: ZH_NOW })?.parts).toMatchObject({
      year: 2018,
      month: 3,
      day: 8,
    });
  });

  it("reads WeChat's `var ct` when the page text has no date", () => {
    const doc = page(
      '<h1>Big news</h1><p>正文</p>',
      '<script>var nickname = "x"; var ct = "1567843200";</script>',
      'zh-CN',
    );
    const found = findPublishedDate(doc, 'https://mp.weixin.qq.com/s/abc', { now: ZH_NOW });
    expect(found).toMatchObject({ source: 'script' });
    expect(found?.parts).toMatchObject({ year: 2019, month: 9, day: 7, hour: 16, offsetMinutes: 480 });
  });

  it('writes a UTC instant in the publisher zone, so the day is the local day', () => {
    const doc = page(
      '<h1>Big news</h1>',
      '<meta property="article:published_time" content="2019-09-07T18:30:00Z">',
      'zh-CN',
    );
    const found = findPublishedDate(doc, URL_CN, { now: ZH_NOW });
    expect(found?.parts).toMatchObject({
      year: 2019,
      month: 9,
      day: 8,
      hour: 2,
      minute: 30,
      offsetMinutes: 480,
    });
  });

  it("gives a UTC instant from a country of several zones the day all its zones share (a Canadian broadcaster's page)", () => {
    const head = ld({ '@type': 'NewsArticle', datePublished: '2020-08-25T00:23:33.312Z' });
    const url = 'http://ici.radio-canada.example.ca/nouvelle/1728875/transport-scolaire';
    const found = findPublishedDate(page('<h1>Big news</h1>', head, 'fr'), url, { now: NOW });
    // The evening of 24 August anywhere from Vancouver to St. John's: only the day is known, not which zone.
    expect(found?.parts).toEqual({ year: 2020, month: 8, day: 24 });
    // An afternoon instant is the same day everywhere there: kept as it is.
    const afternoon = ld({ '@type': 'NewsArticle', datePublished: '2020-08-25T18:23:33Z' });
    const kept = findPublishedDate(page('<h1>Big news</h1>', afternoon, 'fr'), url, { now: NOW });
    expect(kept?.parts).toMatchObject({ day: 25, hour: 18, offsetMinutes: 0 });
  });

  it('refuses a date after the reference time, whatever the machine clock says', () => {
    const doc = page(
      '<h1>Big news</h1>',
      '<meta property="article:published_time" content="2019-09-10T08:00:00+08:00">',
    );
    expect(findPublishedDate(doc, URL_EN, { now: ZH_NOW })).toBeNull();
  });
});

describe('findArticleDates', () => {
  it('gives both dates as the two separate searches do, from one shared pass', () => {
    const pages = [
      // A German portal: structured published date, the update only as a labelled line under the headline.
      page(
        '<h1>Big news</h1><p class="meta">Veröffentlicht am 01.04.2023, 12:00 Uhr · Aktualisiert am 02.04.2023, 08:15 Uhr</p>',
        '<meta property="article:published_time" content="2023-04-01T12:00:00+02:00">',
        'de',
      ),
      // A blog with dates only in its text: `Posted` and `Updated` lines.
      page(
        '<article><h1>Big news</h1><p class="post-date">Posted 3 May 2021</p><p>Updated: 5 May 2021</p></article>',
      ),
      // A Chinese portal line with both.
      page(
        '<h1>大新闻</h1><div class="info">发布时间：2022-02-17 09:00 更新时间：2022-02-18 10:00</div>',
        '',
        'zh-CN',
      ),
    ];
    for (const doc of pages) {
      const both = findArticleDates(doc, URL_EN, { now: NOW });
      expect(both.published).toEqual(findPublishedDate(doc, URL_EN, { now: NOW }));
      expect(both.modified).toEqual(findModifiedDate(doc, URL_EN, { now: NOW }));
      expect(both.published).not.toBeNull();
    }
  });
});

describe('month names of Romanian and Levantine portals', () => {
  it('dates a Moldovan news story by its Romanian dateline, not the header clock', () => {
    const doc = page(
      '<div class="top-bar">duminică, 20 septembrie 2020</div><h1>Femeile pot studia IT gratuit</h1><div class="story-date">20 septembrie 2020 16:20</div><p>Cursurile încep luna viitoare, anunță organizatorii programului de studii.</p>',
      '',
      'ro',
    );
    expect(findPublishedDate(doc, 'https://news.example.md/ro/story/1', { now: NOW })?.parts).toMatchObject({
      year: 2020,
      month: 9,
      day: 20,
      hour: 16,
      minute: 20,
    });
  });

  it('dates a Jordanian story by its `published` line that names the month twice', () => {
    const doc = page(
      '<h1>حصيلة الوفيات تتجاوز 50 ألفا</h1><div class="news-date">تم نشره الجمعة 24 نيسان / أبريل 2020</div><p>بلغت حصيلة الوفيات الناجمة عن الفيروس 50 ألفا مساء الجمعة.</p>',
      '',
      'ar',
    );
    expect(findPublishedDate(doc, 'https://news.example.jo/article/825076', { now: NOW })?.parts).toEqual({
      year: 2020,
      month: 4,
      day: 24,
    });
  });
});

describe('a <time> that shows another day than its datetime', () => {
  // Modelled on a SPIP collective site: the attribute holds the record's last save, the text the publication day.
  const spip = (attr: string, text: string): Document =>
    page(
      `<div class="rubrique">Analyse et réflexion</div><h1 class="crayon article-titre">Les grenades et le maintien de l’ordre</h1><div class="time"><time datetime="${attr}">${text}</time></div><p>${'Une analyse du rôle des grenades dans la doctrine. '.repeat(8)}</p>`,
      '',
      'fr',
    );
  const URL_FR = 'https://collectif.example.fr/quand-on-comprend-12355';

  it('takes the day the text shows when it is days away from the attribute', () => {
    const found = findPublishedDate(spip('2019-07-03T10:18:46Z', 'Publié le 29 juin 2019'), URL_FR, {
      now: NOW,
    });
    expect(found).toMatchObject({ source: 'time-element', raw: '29 juin 2019' });
    expect(found?.parts).toEqual({ year: 2019, month: 6, day: 29 });
  });

  it('keeps the attribute a day from the text (a UTC value, a local text) and when the text is no full date', () => {
    expect(
      findPublishedDate(spip('2019-06-29T23:30:00Z', 'Publié le 30 juin 2019'), URL_FR, { now: NOW })?.raw,
    ).toBe('2019-06-29T23:30:00Z');
    expect(
      findPublishedDate(spip('2019-07-03T10:18:46Z', 'Publié le 29 juin'), URL_FR, { now: NOW })?.parts,
    ).toMatchObject({ year: 2019, month: 7, day: 3 });
  });
});
