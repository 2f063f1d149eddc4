import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../utils/dom/date-context';
import { settleUtcDay } from '../../utils/dom/date-dateline';
import { findPublishedDate } from '../../utils/dom/published-date';

const NOW = new Date('2024-06-01T12:00:00Z');
const STORY = `<p>${'The council met again on the harbour wall and voted on the plan. '.repeat(12)}</p>`;

function page(body: string, head = '', lang = 'en'): Document {
  return parseHTML(
    `<!doctype html><html lang="${lang}"><head><title>Harbour wall approved</title>${head}</head><body>${body}</body></html>`,
  ).document;
}

function ld(datePublished: string): string {
  const node = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Harbour wall',
    datePublished,
  };
  return `<script type="application/ld+json">${JSON.stringify(node)}</script>`;
}

describe('a UTC instant settled by the article dateline', () => {
  it("takes the offset from a US dateline that states the same moment in the newsroom's time", () => {
    // Modelled on US tabloids: JSON-LD in UTC, the byline in Eastern time.
    const doc = page(
      `<article><h1>Harbour wall approved</h1><div class="byline">By Ann Lee · Published Nov. 8, 2023, 10:28 p.m. ET</div>${STORY}</article>`,
      ld('2023-11-09T03:28:35Z'),
    );
    const found = findPublishedDate(doc, 'https://news.example.com/story', { now: NOW });
    expect(found?.parts).toMatchObject({
      year: 2023,
      month: 11,
      day: 8,
      hour: 22,
      minute: 28,
      offsetMinutes: -300,
    });
    expect(found?.detail).toContain('offset from dateline');
  });

  it('takes the day the dateline shows when it gives no time (day only: the zone stays unknown)', () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="article-info">Lunes 17 de febrero 2020</div>${STORY}`,
      ld('2020-02-18T02:18:11Z'),
      'es',
    );
    const found = findPublishedDate(doc, 'https://diario.example.com/nota', { now: NOW });
    expect(found?.parts).toEqual({ year: 2020, month: 2, day: 17 });
  });

  it("keeps a WordPress site's +00:00 day when its own <time> shows that day, whatever the site's zone", () => {
    // A British WordPress site set to UTC: converting to London summer time would move the post to the 11th.
    const doc = page(
      `<h1>Harbour wall approved</h1><span class="td-post-date"><time class="entry-date updated" datetime="2023-10-10T23:25:44+00:00">Oct 10, 2023</time></span>${STORY}`,
      '<meta property="article:published_time" content="2023-10-10T23:25:44+00:00">',
      'en-GB',
    );
    const found = findPublishedDate(doc, 'https://news.example.scot/growth', { now: NOW });
    expect(found?.parts).toMatchObject({ year: 2023, month: 10, day: 10, hour: 23, minute: 25 });
  });

  it("takes the URL's day when the page shows none", () => {
    const doc = page(`<h1>Harbour wall approved</h1>${STORY}`, ld('2020-02-25T02:25:54Z'));
    const found = findPublishedDate(doc, 'https://example.com/2020/02/24/harbour-wall/', { now: NOW });
    expect(found?.parts).toEqual({ year: 2020, month: 2, day: 24 });
  });

  it("writes the instant in the publisher's zone when the page names it and shows no other day", () => {
    const doc = page(`<h1>Harbour wall approved</h1>${STORY}`, ld('2021-11-04T23:00:00Z'), 'de');
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toMatchObject({ day: 5, hour: 0, minute: 0, offsetMinutes: 60 });
  });

  it('leaves the instant alone when nothing on the page says where it is', () => {
    const doc = page(`<h1>Harbour wall approved</h1>${STORY}`, ld('2023-11-09T03:28:35Z'));
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toMatchObject({ day: 9, hour: 3, minute: 28, offsetMinutes: 0 });
  });

  it('never takes a day that no real zone gives the instant', () => {
    // 03:28 UTC is the 8th from UTC-3:28 westward, never the 10th.
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="date">Nov 10, 2023</div>${STORY}`,
      ld('2023-11-09T03:28:35Z'),
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts.day).toBe(9);
  });
});

describe('datelines split over block elements', () => {
  it('reads a date whose block neighbour would otherwise run into it', () => {
    const doc = page(
      `<div class="header"><div class="channel"><a href="/news">Entertainment News</a></div><div class="date">January 19, 2020 / 12:25 PM</div><h1>Harbour wall approved</h1></div>${STORY}`,
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toMatchObject({
      day: 19,
      hour: 12,
      minute: 25,
    });
  });

  it('keeps inline pieces of one date together', () => {
    const doc = page(`<h1>Harbour wall approved</h1><p class="date"><b>17</b>.02.2022</p>${STORY}`, '', 'en');
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toMatchObject({
      year: 2022,
      month: 2,
      day: 17,
    });
  });
});

describe('the dateline readers see over a structured date', () => {
  it("takes the page's marked dateline over a JSON-LD date months away (a stale template date)", () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="publishInfo">Veröffentlicht: 01.04.2023, 12:00 Uhr</div>${STORY}`,
      ld('2021-01-01T11:00:00.000Z'),
      'de',
    );
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toMatchObject({ year: 2023, month: 4, day: 1, hour: 12, minute: 0 });
    expect(found?.detail).toContain('dateline over');
  });

  it('takes the dateline over a generic `date` meta even a day apart', () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="Infoline"><span class="date">29.04.2020, 12:01 Uhr</span></div>${STORY}`,
      '<meta name="date" content="2020-04-30">',
      'de',
    );
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toMatchObject({ year: 2020, month: 4, day: 29, hour: 12, minute: 1 });
  });

  it('keeps JSON-LD when the other date is one the first paragraph mentions', () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><p>Am 24.01.2020 stimmte der Rat zu.</p>${STORY}`,
      ld('2020-02-04T08:00:00+01:00'),
      'de',
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toMatchObject({
      month: 2,
      day: 4,
    });
  });

  it('takes a date marked by its own element when the standfirst and the date read as one short block', () => {
    // Modelled on a German outdoor magazine: `div.lead` holds the standfirst and `div.article__info > div.item` the
    // date; the JSON-LD keeps the draft's day.
    const lead = (meta: string): string =>
      `<h1>Harbour wall approved</h1><div class="v-article__content__lead"><div class="v-lead"><p>The council voted: what the new wall means for the harbour.</p></div>${meta}</div>${STORY}`;
    const doc = page(
      lead('<div class="v-article__info"><div class="v-article__info-item">06.01.2022</div></div>'),
      ld('2022-01-04T07:29:00.000Z'),
      'de',
    );
    const found = findPublishedDate(doc, 'https://example.com/a', { now: NOW });
    expect(found?.parts).toEqual({ year: 2022, month: 1, day: 6 });
    expect(found?.detail).toContain('dateline over');
    // Without a class that marks it, the date is one the standfirst mentions: JSON-LD stays.
    const plain = page(
      lead('<div class="v-box"><div class="v-item">06.01.2022</div></div>'),
      ld('2022-01-04T07:29:00.000Z'),
      'de',
    );
    expect(findPublishedDate(plain, 'https://example.com/a', { now: NOW })?.parts).toMatchObject({ day: 4 });
  });

  it('keeps the published date when the byline shows the day the page declares as its last change', () => {
    // Modelled on a design magazine: a 2018 story whose byline prints the date of a 2019 edit, as its JSON-LD says.
    const byline = (modified: string): Document =>
      page(
        `<div class="row-fluid"><div class="span12"><h1 class="single-title">Harbour wall approved</h1><p class="post-text-author">By <a href="/author/ann/">ANN LEE</a> - 2019-04-10</p></div></div>${STORY}`,
        `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', datePublished: '2018-04-18', dateModified: modified })}</script>`,
      );
    const URL_MAG = 'https://mag.example.com/marker/harbour-wall/';
    expect(findPublishedDate(byline('2019-04-10'), URL_MAG, { now: NOW })?.parts).toEqual({
      year: 2018,
      month: 4,
      day: 18,
    });
    // A byline showing a day the page declares nothing about is the one readers see.
    expect(findPublishedDate(byline('2019-05-02'), URL_MAG, { now: NOW })?.parts).toEqual({
      year: 2019,
      month: 4,
      day: 10,
    });
  });

  it('takes a date that a publication label introduces in a box no class marks as a date', () => {
    // Modelled on a charity's press box: `Erschienen am:` and the date in an h2 of a box named after events; the
    // generic `date` meta holds the last edit, shown at the foot as `Zuletzt geändert am`.
    const box = (label: string): Document =>
      page(
        `<div class="eventbox"><div class="eventbox__left"><h1 class="eventbox__headline">Harbour wall approved</h1></div><div class="eventbox__right-col"><span class="eventbox__subheadline">${label}</span><h2 class="eventbox-event__headline">13.10.2021</h2><strong>Herausgeber:</strong> Harbour council</div></div>${STORY}`,
        '<meta name="date" content="2021-10-15">',
        'de',
      );
    expect(findPublishedDate(box('Erschienen am:'), 'https://example.com/a', { now: NOW })?.parts).toEqual({
      year: 2021,
      month: 10,
      day: 13,
    });
    // A bare `Am` opens a sentence as often as a dateline: the meta stays.
    expect(findPublishedDate(box('Am'), 'https://example.com/a', { now: NOW })?.parts).toMatchObject({
      day: 15,
    });
  });

  it('reads the publication label before the date the scan found, not before an earlier copy of it', () => {
    // The same box, with the day also in the headline: the label stands before the second `13.10.2021`.
    const doc = page(
      `<div class="eventbox"><div class="eventbox__left"><h1 class="eventbox__headline">Harbour wall of 13.10.2021 approved</h1></div><div class="eventbox__right-col"><span class="eventbox__subheadline">Erschienen am:</span><h2 class="eventbox-event__headline">13.10.2021</h2><strong>Herausgeber:</strong> Harbour council</div></div>${STORY}`,
      '<meta name="date" content="2021-10-15">',
      'de',
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toEqual({
      year: 2021,
      month: 10,
      day: 13,
    });
  });

  it('never takes a line marked as the last change over the published date (`Aktualisiert am`)', () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="article-expert">Von Ann Lee <div class="changed-date">Aktualisiert am 06. Mär. 2023</div></div>${STORY}`,
      ld('2023-01-10'),
      'de',
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toEqual({
      year: 2023,
      month: 1,
      day: 10,
    });
  });

  it('keeps JSON-LD a day away from the dateline (an evening story dated next morning)', () => {
    const doc = page(
      `<h1>Harbour wall approved</h1><div class="article-meta">Published 3 March 2022</div>${STORY}`,
      ld('2022-03-04T06:00:00+01:00'),
      'de',
    );
    expect(findPublishedDate(doc, 'https://example.com/a', { now: NOW })?.parts).toMatchObject({
      month: 3,
      day: 4,
    });
  });
});

describe('relative words as a last resort', () => {
  it('never dates an article by an opening-hours widget that says `Heute`', () => {
    const doc = page(
      `<h1>Der Turm ist wieder offen</h1><div class="toolbar-popup">Heute geöffnet 9–18 Uhr</div>${STORY}`,
      '',
      'de',
    );
    expect(findPublishedDate(doc, 'https://zoo.example.de/turm', { now: NOW })).toBeNull();
  });

  it('reads `Heute, 11:30` and a marked `heute` as the dateline', () => {
    const timed = page(`<h1>Der Turm</h1><div class="kopf">Heute, 11:30</div>${STORY}`, '', 'de');
    expect(findPublishedDate(timed, 'https://example.de/a', { now: NOW })?.parts).toMatchObject({
      day: 1,
      hour: 11,
      minute: 30,
    });
    const marked = page(`<h1>Der Turm</h1><div class="meta">Von Ann Lee · heute</div>${STORY}`, '', 'de');
    expect(findPublishedDate(marked, 'https://example.de/a', { now: NOW })?.parts).toEqual({
      year: 2024,
      month: 6,
      day: 1,
    });
  });
});

describe('settleUtcDay', () => {
  it('leaves an instant with a stated non-UTC offset as it is', () => {
    const doc = page(`<h1>Harbour wall approved</h1><div class="date">Nov 8, 2023</div>${STORY}`);
    const ctx = makeContext(doc, 'https://example.com/a', { now: NOW });
    const chosen = {
      raw: '2023-11-09T03:28:35+01:00',
      source: 'json-ld' as const,
      detail: 'NewsArticle.datePublished',
      parts: { year: 2023, month: 11, day: 9, hour: 3, minute: 28, second: 35, offsetMinutes: 60 },
    };
    expect(settleUtcDay(chosen, doc, 'published', ctx, null)).toBe(chosen);
  });

  it('moves a UTC instant to the day before when the dateline shows it', () => {
    const doc = page(`<h1>Harbour wall approved</h1><div class="date">Nov 8, 2023</div>${STORY}`);
    const ctx = makeContext(doc, 'https://example.com/a', { now: NOW });
    const chosen = {
      raw: '2023-11-09T03:28:35Z',
      source: 'json-ld' as const,
      detail: 'NewsArticle.datePublished',
      parts: { year: 2023, month: 11, day: 9, hour: 3, minute: 28, second: 35, offsetMinutes: 0 },
    };
    expect(settleUtcDay(chosen, doc, 'published', ctx, null).parts).toEqual({
      year: 2023,
      month: 11,
      day: 8,
    });
  });
});

describe('the clock the dateline shows for a structured instant', () => {
  it('takes the day a byline shows for the same minute a whole number of hours away (a UTC clock, local offset)', () => {
    // Modelled on a US tech blog: JSON-LD writes the UTC wall clock with the newsroom's offset, the byline the local one.
    const doc = page(
      `<article><h1>Harbour wall approved</h1><div id="post-prep">Ann Lee - Nov 19, 2019, 10:31 pm CST</div>${STORY}</article>`,
      ld('2019-11-20T04:31:13-06:00'),
    );
    const found = findPublishedDate(doc, 'https://news.example.com/harbour-wall-19600475/', { now: NOW });
    expect(found?.parts).toMatchObject({ year: 2019, month: 11, day: 19, hour: 22, minute: 31 });
    expect(found?.detail).toContain('clock from dateline');
  });

  it('takes the day a byline shows for a zone-less structured time (the server clock in UTC)', () => {
    // Modelled on a US sports site: `itemprop=datePublished` with no zone, the byline in Eastern time.
    const doc = page(
      `<h1>Harbour wall approved</h1><ul class="article-author"><li>By Ann Lee</li><li>Nov 18, 2019 at 9:24 pm ET</li></ul>${STORY}`,
      '<meta itemprop="datePublished" content="2019-11-19 02:24:00">',
    );
    const found = findPublishedDate(doc, 'https://sports.example.com/news/harbour-wall/', { now: NOW });
    expect(found?.parts).toMatchObject({ year: 2019, month: 11, day: 18, hour: 21, minute: 24 });
  });

  it('keeps the structured date when the byline shows another minute, or the same day', () => {
    const other = page(
      `<article><h1>Harbour wall approved</h1><div id="post-prep">Ann Lee - Nov 19, 2019, 10:15 pm</div>${STORY}</article>`,
      ld('2019-11-20T04:31:13-06:00'),
    );
    expect(findPublishedDate(other, 'https://e.com/a', { now: NOW })?.parts).toMatchObject({
      day: 20,
      hour: 4,
    });
    const same = page(
      `<article><h1>Harbour wall approved</h1><div id="post-prep">Ann Lee - Nov 20, 2019, 10:31 am</div>${STORY}</article>`,
      ld('2019-11-20T04:31:13-06:00'),
    );
    expect(findPublishedDate(same, 'https://e.com/a', { now: NOW })?.parts).toMatchObject({
      day: 20,
      hour: 4,
    });
  });
});
