import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blockText,
  fitsShort,
  indexElements,
  listTextDates,
  rangesAround,
  scoreText,
  shortText,
  textPrefix,
} from '../../utils/dom/date-text-search';
import { makeContext } from '../../utils/dom/date-context';
import { findPublishedDate } from '../../utils/dom/published-date';
import { MAX_SHORT_TEXT } from '../../utils/dom/date-context';

const NOW = new Date('2024-01-01T00:00:00Z');

describe('listTextDates', () => {
  it('scores the labelled dateline under the headline above a date in the footer', () => {
    const { document } = parseHTML(
      `<html><head><title>Harbour wall approved</title></head><body><h1>Harbour wall approved</h1>
       <p class="date">Published: 17 February 2022</p><p>${'Story text. '.repeat(20)}</p>
       <footer><p>Archived 3 March 2021</p></footer></body></html>`,
    );
    const found = listTextDates(document, 'https://e.com/a', { now: NOW });
    const best = [...found].sort((a, b) => b.score - a.score)[0];
    expect(best?.day).toBe('2022-2-17');
  });

  it('reads `05/10/2018` day first on a page whose language writes dates so, and not on an English one', () => {
    const html = (lang: string): Document =>
      parseHTML(
        `<html lang="${lang}"><head><title>Arrombamento em dois veículos</title></head><body><div class="container"><h1>Arrombamento em dois veículos</h1>
         <small class="text-muted"><b>05/10/2018</b> - Publicado por: Cláudia</small><p>${'O serviço registrou o caso. '.repeat(20)}</p></div></body></html>`,
      ).document;
    expect(
      listTextDates(html('pt-BR'), 'https://noticias.example.com.br/a', { now: NOW }).map((d) => d.day),
    ).toEqual(['2018-10-5']);
    expect(listTextDates(html('en'), 'https://news.example.com/a', { now: NOW })).toEqual([]);
  });

  it('reads `08.05.12` as a last resort on a day-first page only', () => {
    const html = (lang: string): Document =>
      parseHTML(
        `<html lang="${lang}"><head><title>Netzpolitik im Bundestag</title></head><body><div class="post"><h1>Netzpolitik im Bundestag</h1>
         <div class="meta">Artikel vom 08.05.12</div><p>${'Der Ausschuss beriet über das Urheberrecht. '.repeat(20)}</p></div></body></html>`,
      ).document;
    const url = 'https://blog.example.info/netzpolitik';
    expect(findPublishedDate(html('de'), url, { now: NOW })?.parts).toEqual({ year: 2012, month: 5, day: 8 });
    expect(findPublishedDate(html('en'), url, { now: NOW })).toBeNull();
  });

  it('never throws on a page without text', () => {
    const { document } = parseHTML('<html><body></body></html>');
    expect(listTextDates(document, 'https://e.com/a', { now: NOW })).toEqual([]);
  });
});

describe('fitsShort', () => {
  const slow = (raw: string): boolean => raw.replace(/\s+/g, ' ').trim().length <= MAX_SHORT_TEXT;
  it('agrees with collapsing and trimming the whole text', () => {
    const piece = fc.constantFrom('a', '长', ' ', '\n', '\t', '  ', 'word ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 600 }), (parts) => {
        const raw = parts.join('');
        expect(fitsShort(raw)).toBe(slow(raw));
      }),
    );
    for (const raw of [
      ' '.repeat(500),
      `${'x'.repeat(MAX_SHORT_TEXT)}   `,
      ` ${'x'.repeat(MAX_SHORT_TEXT + 1)}`,
    ])
      expect(fitsShort(raw)).toBe(slow(raw));
  });
});

describe('textPrefix and shortText', () => {
  // Nested blocks, inline markup, a comment and CDATA-free text: what a news page's byline box looks like.
  const html = `<div id="box"><p class="byline">By <a href="/staff/lin">Lin Wei</a> ·
    <time datetime="2024-03-18">18 March 2024</time></p><!-- ad slot --><div><span>Photo:</span> <b>Bay</b></div></div>`;

  it('reads the same text as textContent, in document order, up to the limit', () => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const box = document.getElementById('box');
    if (!box) throw new Error('no box');
    const full = box.textContent ?? '';
    expect(textPrefix(box, 100_000)).toBe(full);
    for (const max of [0, 1, 5, 17, 40]) expect(textPrefix(box, max)).toBe(full.slice(0, max));
  });

  it('gives the collapsed text of a dateline, and null for an article container without reading it all', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>Paragraph ${i} of the minutes.</p>`).join(
      '',
    );
    const { document } = parseHTML(
      `<html><body><article><h1>Minutes</h1><p class="date">Published:
        17 February 2022</p>${paragraphs}</article></body></html>`,
    );
    expect(shortText(document.querySelector('.date') as Element)).toBe('Published: 17 February 2022');
    expect(shortText(document.querySelector('article') as Element)).toBeNull();
  });

  it('agrees with collapsing the whole textContent on generated trees', () => {
    const leaf = fc.constantFrom('a', ' ', '\n', 'date 2022 ', '长', 'x'.repeat(90));
    const tree = fc.array(fc.tuple(fc.constantFrom('p', 'span', 'div'), fc.array(leaf, { maxLength: 6 })), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(tree, (nodes) => {
        const inner = nodes.map(([tag, texts]) => `<${tag}>${texts.join('<i></i>')}</${tag}>`).join('');
        const { document } = parseHTML(`<html><body><section>${inner}</section></body></html>`);
        const section = document.querySelector('section') as Element;
        const flat = (section.textContent ?? '').replace(/\s+/g, ' ').trim();
        expect(shortText(section)).toBe(flat.length <= MAX_SHORT_TEXT ? flat : null);
      }),
    );
  });
});

describe('indexElements', () => {
  it('sorts out the same elements as the selector queries, in document order, once per context', () => {
    // A WordPress post with hAtom markup, Drupal RDFa and microdata, as real templates mix them.
    const { document } = parseHTML(`<html><head><meta property="article:published_time" content="2022-02-17">
      <meta name="date" content="2022-02-18"></head><body>
      <abbr class="published" title="2022-02-17T09:00">Feb 17</abbr><abbr class="initialism">UN</abbr>
      <time datetime="2022-02-17">17 Feb</time><abbr class="date" title="2022-02-19">19 Feb</abbr><abbr class="date">x</abbr>
      <span property="schema:dateCreated" content="2022-02-16"></span><span property="name">No content</span>
      <div itemprop="datePublished">2022-02-17</div><meta itemprop="dateModified" content="2022-02-20">
      </body></html>`);
    const ctx = makeContext(document, 'https://e.com/a', { now: NOW });
    const index = indexElements(document, ctx);
    const same = (got: Element[], selector: string): void =>
      expect(got).toEqual(
        Array.from(document.querySelectorAll(selector)).filter((el) => el.tagName !== 'META'),
      );
    expect(index.metas).toEqual(Array.from(document.querySelectorAll('meta')));
    same(index.times, 'time, abbr.published, abbr.updated, abbr[title].date');
    same(index.itemprops, '[itemprop]');
    same(index.properties, '[property][content]');
    expect(indexElements(document, ctx)).toBe(index);
  });
});

describe('blockText', () => {
  const el = (html: string): Element =>
    parseHTML(`<div id="x">${html}</div>`).document.querySelector('#x') as Element;

  it('keeps two numbers in sibling elements apart, as their styling shows them', () => {
    // A forum's post header: date and time in two spans, spaced by CSS.
    expect(blockText(el('<span class="time"><span>28.09.19</span><span>12:44</span></span>'))).toBe(
      '28.09.19 12:44',
    );
  });

  it('joins inline pieces of one date, and separates blocks', () => {
    expect(blockText(el('<b>17</b>.02.2022'))).toBe('17.02.2022');
    expect(blockText(el('<span>Feb</span><span>ruary 17, 2022</span>'))).toBe('February 17, 2022');
    expect(blockText(el('<div>News</div><div>January 19, 2020</div>'))).toBe('News January 19, 2020');
  });

  it("leaves out a script's code and styles, and keeps what a one-call script prints", () => {
    // A CMS's date cell: a click counter's code before the label, the count written by a call with numbers.
    const cell = el(
      `<script>Vote.getUrl(1081,'141','vsb',skip);function skip(d){if(d != ""){location.href = d;}}</script>
来源: | 发布时间: 2018-05-17 | 浏览次数: <script>showClicks("news", 1412, 1081)</script><span>2168</span><style>.x{}</style>`,
    );
    expect(blockText(cell)).toBe('来源: | 发布时间: 2018-05-17 | 浏览次数: 2168');
    expect(shortText(cell)).toBe('来源: | 发布时间: 2018-05-17 | 浏览次数: 2168');
    // A forum's post header prints its date with a script call: a reader sees the date.
    expect(blockText(el('<script>showDate("2020/04/17 01:43:09")</script> 瀏覽<strong>7</strong>'))).toBe(
      '2020/04/17 01:43:09 瀏覽7',
    );
  });
});

describe('a date in the entry title beside the entry date', () => {
  // Modelled on a Japanese blog host: the entry's title (a race weekend's dates) and its date line share one short
  // block, the title first; the blog's own name is the page's h1.
  const entry = (title: string, meta: string): Document =>
    parseHTML(
      `<html lang="ja"><head><title>セール出身馬の勝利 - 馬市ブログ</title></head><body><h1><a href="/umaichi">馬市ブログ</a></h1>
       <div class="entry-top"><h3><a href="/umaichi/e/1">${title}</a></h3><div class="entry-top-info"><a href="/umaichi/e/1">${meta}</a></div></div>
       <div class="entry-body">${'セール出身馬が勝ちました。'.repeat(20)}</div></body></html>`,
    ).document;

  it('takes the marked entry date, not the date the title is about', () => {
    const doc = entry(
      'JRA競走に勝ったセール出身馬(2020/7/11-12)',
      '<span class="entry-top-info-time">2020年07月12日</span>',
    );
    expect(findPublishedDate(doc, 'https://blog.example.jp/umaichi/e/1', { now: NOW })?.parts).toEqual({
      year: 2020,
      month: 7,
      day: 12,
    });
  });

  it('takes a date line that is itself a heading marked as one (Blogger’s h2.date-header) over the title', () => {
    const doc = entry('Race notes of 2020/7/11', '<h2 class="date-header"><span>2020年07月12日</span></h2>');
    expect(findPublishedDate(doc, 'https://blog.example.jp/umaichi/e/1', { now: NOW })?.parts).toMatchObject({
      day: 12,
    });
  });
});

describe('scoreText: a short sentence that mentions a day is no date line', () => {
  const el = parseHTML('<div><p>x</p></div>').document.querySelector('p') as Element;
  const day = { year: 2018, month: 3, day: 20 };

  it('gives the short-line point to a date line, not to a sentence ending in 。 or .', () => {
    // The label after the date (+2) and the short line (+1).
    expect(scoreText(el, '2018年3月20日 来源：本报', 0, day).score).toBe(3);
    expect(scoreText(el, '2018年3月20日，市政府常务会议通过了建设方案', 0, day).score).toBe(1);
    expect(scoreText(el, '2018年3月20日，市政府常务会议通过了建设方案。', 0, day).score).toBe(0);
    expect(scoreText(el, 'The plan passed 20 March 2018 after a long debate.', 16, day).score).toBe(0);
    // A dateline's own dot after its year or its `p.m.` ends no sentence.
    expect(scoreText(el, '20. März 2018.', 0, day).score).toBe(1);
    expect(scoreText(el, 'March 20, 2018, 9:45 p.m.', 0, { ...day, hour: 21, minute: 45 }).score).toBe(2);
    expect(scoreText(el, 'The plan passed 20 March 2018 as part of the program.', 16, day).score).toBe(0);
  });
});

describe('rangesAround', () => {
  it('windows each anchor, merging the ones that overlap and staying inside the list', () => {
    expect(rangesAround([3], 15, 40, 100)).toEqual([[0, 44]]);
    expect(rangesAround([10, 200], 15, 40, 220)).toEqual([
      [0, 51],
      [185, 220],
    ]);
    expect(rangesAround([10, 60], 15, 40, 500)).toEqual([[0, 101]]);
    expect(rangesAround([], 15, 40, 500)).toEqual([]);
  });
});
