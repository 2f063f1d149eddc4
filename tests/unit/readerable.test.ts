// The readerable check by structure: a dominant block of running text, not a list of teasers, links or chrome.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isArticleShaped, measureReaderable } from '../../utils/dom/readerable';
import { measureText } from '../../utils/pure/text-weight';

const SENTENCE = 'The walk along the old canal takes about two hours and passes three locks and a brewery. ';

function doc(body: string, lang = 'en'): Document {
  return parseHTML(
    `<!doctype html><html lang="${lang}"><head><title>T</title></head><body>${body}</body></html>`,
  ).document;
}

const teasers = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<div class="item"><h3><a href="/story-${i}">Story ${i}</a></h3><p>${SENTENCE}${SENTENCE}</p></div>`,
  ).join('');

describe('isArticleShaped', () => {
  it('accepts a blog post whose paragraphs are divs with text and <br>', () => {
    const body = `<div class="post"><h1>Canal walk</h1><div class="entry">${SENTENCE}<br>${SENTENCE}<br>${SENTENCE}<br>${SENTENCE}${SENTENCE}</div></div>`;
    expect(isArticleShaped(doc(body))).toBe(true);
  });

  it('accepts an article outweighed by a comment section and a sidebar', () => {
    const comments = Array.from(
      { length: 20 },
      () => `<div class="comment"><p>${SENTENCE}${SENTENCE}</p></div>`,
    );
    const body = `<main><h1>Canal walk</h1><div class="body"><p>${SENTENCE.repeat(2)}</p><p>${SENTENCE.repeat(2)}</p><p>${SENTENCE.repeat(2)}</p></div>
      <section id="comments">${comments.join('')}</section></main><aside><p>${SENTENCE.repeat(10)}</p></aside>`;
    expect(isArticleShaped(doc(body))).toBe(true);
  });

  it('accepts a page an ASP.NET form wraps whole', () => {
    expect(
      isArticleShaped(
        doc(`<form id="Form1"><h1>Canal</h1><p>${SENTENCE.repeat(4)}</p><p>${SENTENCE.repeat(3)}</p></form>`),
      ),
    ).toBe(true);
  });

  it('reads paragraphs before the own text of wrappers, and still counts that text when no paragraph settles it', () => {
    // A story set as text and <br>s in a div: its own text is read after the paragraphs (here, none), and counted.
    const story = `<div class="entry">${SENTENCE.repeat(6)}<br>${SENTENCE.repeat(6)}</div>`;
    const page = doc(`<main><h1>Canal walk</h1>${story}</main>`);
    expect(measureReaderable(page).dominant).toBe(measureText(SENTENCE.repeat(12)));
    expect(isArticleShaped(page)).toBe(true);
    expect(isArticleShaped(doc(`<main><h1>Canal walk</h1>${teasers(2)}${story}</main>`))).toBe(true);
    // The same wrapper's own text is short beside its many paragraphs: the paragraphs decide, as before.
    const paragraphs = Array.from({ length: 30 }, () => `<p>${SENTENCE}</p>`).join('');
    const long = doc(`<main><h1>Canal walk</h1><div class="body">Filed at noon.${paragraphs}</div></main>`);
    expect(isArticleShaped(long)).toBe(true);
    expect(isArticleShaped(doc(`<main><h1>Archive</h1>${teasers(8)}</main>`))).toBe(false);
  });

  it('stops measuring at the first clearly dominant block, with the same answer', () => {
    // A long article, then more teasers than it has paragraphs: the early stop must not change the verdict.
    const paragraphs = Array.from({ length: 40 }, () => `<p>${SENTENCE.repeat(2)}</p>`).join('');
    const page = doc(`<main><h1>Canal walk</h1><div class="body">${paragraphs}</div>${teasers(60)}</main>`);
    const whole = measureReaderable(page);
    const early = measureReaderable(page, 400);
    expect(early.dominant).toBeGreaterThanOrEqual(400);
    expect(early.dominant).toBeLessThan(whole.dominant);
    expect(early.teaser).toBe(0);
    expect(whole.teaser).toBeGreaterThan(0);
    expect(isArticleShaped(page)).toBe(true);
  });

  it('counts a list inside the article with the text around it', () => {
    const body = `<article><h1>Notes</h1><p>${SENTENCE}</p><ul><li>${SENTENCE}</li><li>${SENTENCE}</li><li>${SENTENCE}</li><li>${SENTENCE}</li></ul></article>`;
    expect(measureReaderable(doc(body)).dominant).toBeGreaterThan(4 * 70);
    expect(isArticleShaped(doc(body))).toBe(true);
  });

  it('refuses repeated teasers (an archive or search results), whatever their snippets weigh', () => {
    const shape = measureReaderable(doc(`<main><h1>Archive</h1>${teasers(8)}</main>`));
    expect(shape.teaser).toBeGreaterThan(shape.dominant);
    expect(isArticleShaped(doc(`<main><h1>Archive</h1>${teasers(8)}</main>`))).toBe(false);
  });

  it("finds a teaser's heading link however deep it sits, and not a link to an anchor in the page", () => {
    const deep = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="card"><h4><span><b><a href="/s/${i}">Story ${i}</a></b></span></h4><p>${SENTENCE}</p></div>`,
    ).join('');
    expect(measureReaderable(doc(`<main><h1>Section</h1>${deep}</main>`)).isList).toBe(true);
    const anchors = Array.from(
      { length: 6 },
      (_, i) => `<div class="card"><h4><a href="#s${i}">Part ${i}</a></h4><p>${SENTENCE}</p></div>`,
    ).join('');
    expect(measureReaderable(doc(`<main><h1>Guide</h1>${anchors}</main>`)).teaser).toBe(0);
  });

  it('keeps an article followed by "more stories" teasers', () => {
    const body = `<article><h1>Canal</h1>${Array.from({ length: 6 }, () => `<p>${SENTENCE.repeat(2)}</p>`).join('')}</article><section>${teasers(8)}</section>`;
    expect(isArticleShaped(doc(body))).toBe(true);
  });

  it('refuses lists of links, a forum index table and a nav-only page', () => {
    const links = `<ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">Headline number ${i} about the canal</a></li>`).join('')}</ul>`;
    expect(isArticleShaped(doc(links))).toBe(false);
    const forum = `<table>${Array.from({ length: 20 }, (_, i) => `<tr><td><a href="/t/${i}">Topic ${i} on canal boats</a></td><td>12</td><td>3 days ago</td></tr>`).join('')}</table>`;
    expect(isArticleShaped(doc(forum))).toBe(false);
    expect(
      isArticleShaped(
        doc(`<nav><p>${SENTENCE.repeat(8)}</p></nav><footer><p>${SENTENCE.repeat(8)}</p></footer>`),
      ),
    ).toBe(false);
  });

  it('refuses a front page of many small blocks of similar size', () => {
    const cards = Array.from(
      { length: 12 },
      (_, i) => `<div class="card c${i}"><p>${SENTENCE.slice(0, 60)}</p></div>`,
    );
    expect(isArticleShaped(doc(`<div class="grid">${cards.join('')}</div>`))).toBe(false);
  });
});

// A local TV site's news brief: three paragraphs, each in a card of its own (one with an empty ad slot beside it),
// next to a right column with no sidebar class that holds more text than the story. And a list page of the same
// size in the same layout. The brief's paragraphs must count as one body; the list must stay refused.
const BRIEF = [
  'HONOLULU (KHNL) - Astronomers using a telescope on the summit of the island’s tallest mountain have confirmed water vapour above the surface of a moon of Jupiter, the team said on Monday.',
  'The find almost certainly means the moon holds liquid water under its ice, one of the three things life is thought to need.',
  '“Finding water vapour there is the next best thing to sampling the ocean directly,” said the planetary scientist who led the study, adding that a probe would arrive in the 2030s.',
];

const card = (inner: string): string =>
  `<div data-type="text" class="card collection-item"><div class="card-content card-article">${inner}</div></div>`;

/** A right column with no sidebar class: weather, a "most watched" list and a community calendar. */
const RIGHT_COLUMN = `<div class="col desktop-4">
  <div class="weather"><p>Partly cloudy today with trade winds of 15 to 25 miles per hour and a few showers over windward areas.</p></div>
  ${Array.from({ length: 6 }, (_, i) => `<div class="teaser"><h4><a href="/2026/11/19/story-${i}/">Most watched story number ${i} from around the islands</a></h4><p>${SENTENCE}</p></div>`).join('')}
  <div class="calendar">${Array.from({ length: 4 }, () => `<p>${SENTENCE}${SENTENCE}</p>`).join('')}</div>
</div>`;

function tvPage(main: string): Document {
  return doc(`<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav></header>
    <div class="container flex-grid"><div id="content-well" class="col desktop-8"><h1>Telescope spots water vapour on a distant moon</h1>
    <div class="byline">By Newsroom Staff | November 19, 2026 at 6:10 PM</div>${main}</div>${RIGHT_COLUMN}</div>
    <footer><p>${SENTENCE}</p></footer>`);
}

describe('isArticleShaped on short briefs split into wrappers', () => {
  it('counts paragraphs that each sit in a card of their own as one body, beside a heavier column', () => {
    const cards = [
      card(`<p>${BRIEF[0]}</p>`),
      card(`<p>${BRIEF[1]}</p><div class="ad-slot"><div id="ad-sticky-1"></div></div>`),
      card(`<p>${BRIEF[2]}</p>`),
    ];
    const page = tvPage(`<div id="article-body" class="collection collection-cards">${cards.join('')}</div>`);
    const shape = measureReaderable(page);
    const story = BRIEF.reduce((sum, p) => sum + measureText(p), 0);
    expect(shape.dominant).toBe(story);
    expect(shape.total - shape.dominant).toBeGreaterThan(story);
    expect(isArticleShaped(page)).toBe(true);
  });

  it('counts divs that hold a paragraph of text and inline tags as paragraphs of their parent', () => {
    // A wire-service markets brief: the paragraphs are divs with inline quote links, an ad between them.
    const body = `<div class="l-container">
      <div class="el__leafmedia"><p class="body__paragraph"><cite>Hong Kong (Wire)</cite>A <a href="/trade">muddled view</a> of trade talks weighed on investors again on Tuesday.</p></div>
      <div class="body__paragraph">Markets in Tokyo <span>(<a href="/q/n225">N225</a>)</span> declined 0.3%, while Seoul <span>(<a href="/q/ks11">KS11</a>)</span> fell 0.5% and Shanghai ended the session flat.</div>
      <div class="ad ad--epic"><div id="ad_rect_atf_02"></div></div>
      <div class="body__paragraph">Hong Kong started in the red but was last up about 1%, as stocks there tried to claw back the losses of last week.</div>
      <div class="body__paragraph">“With no data due in Asia today, attention stays on the talks,” an analyst wrote in a note to clients.</div>
      <div class="body__paragraph">Oil prices edged higher in early trading, and the dollar was little changed against the yen and the euro.</div>
    </div>`;
    const page = tvPage(body);
    const shape = measureReaderable(page);
    expect(shape.dominant).toBeGreaterThan(400);
    expect(isArticleShaped(page)).toBe(true);
  });

  it('counts a Chinese portal brief whose short paragraphs each sit in a wrapper of their own', () => {
    const paragraphs = [
      '\u3000\u3000本报讯（记者 王明）昨日上午，市交通部门宣布，连接新区与老城的跨江大桥将于下月底正式通车。',
      '\u3000\u3000据介绍，大桥全长约两公里，双向六车道，通车后两岸之间的车程将由四十分钟缩短至十分钟左右。',
      '\u3000\u3000相关负责人表示，通车初期将实行免费通行，并同步开通三条跨江公交线路，方便市民出行。',
    ];
    const story = paragraphs.map((p) => `<div class="text-p"><p>${p}</p></div>`).join('');
    const side = `<div class="right-col"><p>${'今日天气晴，气温十二至二十度，东北风三到四级，空气质量良。'.repeat(3)}</p></div>`;
    const page = doc(
      `<div class="main"><h1>跨江大桥下月底通车</h1><div class="info">2026-11-19 08:30 来源：本报</div>
      <div class="article-content">${story}</div></div>${side}`,
      'zh-CN',
    );
    expect(measureReaderable(page).dominant).toBe(paragraphs.reduce((sum, p) => sum + measureText(p), 0));
    expect(isArticleShaped(page)).toBe(true);
  });

  it('keeps a div that holds a label, not a sentence, as a block of its own', () => {
    const labels = Array.from(
      { length: 12 },
      (_, i) => `<div class="tile">Canal lock number ${i} <b>open</b> from 8 am to 6 pm, moorings free</div>`,
    ).join('');
    const shape = measureReaderable(doc(`<div class="grid">${labels}</div>`));
    expect(shape.dominant).toBeLessThan(shape.total / 6);
    expect(isArticleShaped(doc(`<div class="grid">${labels}</div>`))).toBe(false);
  });

  it('refuses a list page of the same size in the same card layout', () => {
    const cards = Array.from({ length: 5 }, (_, i) =>
      card(
        `<h3><a href="/2026/11/19/story-${i}/">Local story number ${i} about the islands</a></h3><p>${BRIEF[i % 3] ?? ''}</p>`,
      ),
    );
    const page = tvPage(`<div class="collection collection-cards">${cards.join('')}</div>`);
    expect(measureReaderable(page).isList).toBe(true);
    expect(isArticleShaped(page)).toBe(false);
  });

  it('refuses a forum index whose rows are divs of a link and counts', () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) =>
        `<div class="topic-row"><a href="/t/${i}">Which mooring is best for a narrowboat in winter, part ${i}?</a> <span>12 replies</span> <span>last post 3 hours ago by boater${i}</span></div>`,
    ).join('');
    expect(isArticleShaped(doc(`<h1>Forum: Moorings</h1><div class="topics">${rows}</div>`))).toBe(false);
  });
});
