import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleArea, isChromeBeforeHeadline, preferDatelineOverChrome } from '../../utils/dom/date-chrome';
import type { Candidate } from '../../utils/dom/date-context';
import { makeContext } from '../../utils/dom/date-context';
import { findPublishedDate } from '../../utils/dom/published-date';

const NOW = new Date('2019-09-08T04:00:00Z');
const NOW_2026 = new Date('2026-11-27T12:00:00Z');
const TEXT = `<p>${'记者从市园林局获悉，今年全市新建口袋公园四十余处，方便市民就近休闲。'.repeat(8)}</p>`;

function page(body: string): Document {
  return parseHTML(
    `<!doctype html><html lang="zh-CN"><head><title>口袋公园</title></head><body>${body}</body></html>`,
  ).document;
}

function chromeOf(doc: Document, selector: string): boolean {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  const ctx = makeContext(doc, 'https://news.example.cn/a/1.html', { now: NOW });
  return isChromeBeforeHeadline(el, doc, ctx);
}

describe("the article's area", () => {
  it('is the <article> or <main> holding the headline', () => {
    const doc = page(`<main id="m"><div><h1>口袋公园</h1></div>${TEXT}</main>`);
    expect(articleArea(doc.querySelector('h1') as Element)?.getAttribute('id')).toBe('m');
  });

  it('else the nearest block around the headline that holds the text too', () => {
    const doc = page(`<div id="wrap"><div id="box"><div id="t"><h1>口袋公园</h1></div>${TEXT}</div></div>`);
    expect(articleArea(doc.querySelector('h1') as Element)?.getAttribute('id')).toBe('box');
  });

  it('is none when only the whole page holds the text', () => {
    const doc = page(`<h1>口袋公园</h1>${TEXT}`);
    expect(articleArea(doc.querySelector('h1') as Element)).toBeNull();
  });
});

describe('chrome before the headline', () => {
  it("is a block before the headline outside the article's area", () => {
    const doc = page(
      `<div class="top"><span id="clock">2019年9月8日</span></div><div class="article"><p id="kicker">2019年9月5日</p><h1>口袋公园</h1><p id="line">09-07 19:02</p>${TEXT}</div><p id="after">2019年9月1日</p>`,
    );
    expect(chromeOf(doc, '#clock')).toBe(true);
    expect(chromeOf(doc, '#kicker')).toBe(false);
    expect(chromeOf(doc, '#line')).toBe(false);
    // After the headline a date is never the top bar's.
    expect(chromeOf(doc, '#after')).toBe(false);
  });

  it('is a banner not holding the headline, when the article has no area of its own', () => {
    const doc = page(
      `<header><span id="clock">2019年9月8日</span></header><div id="plain">2019年9月6日</div><h1>口袋公园</h1>${TEXT}`,
    );
    expect(chromeOf(doc, '#clock')).toBe(true);
    expect(chromeOf(doc, '#plain')).toBe(false);
  });

  it("is never the article's own header", () => {
    const doc = page(
      `<article><header><span id="d">2019年9月5日</span><h1>口袋公园</h1></header>${TEXT}</article>`,
    );
    expect(chromeOf(doc, '#d')).toBe(false);
  });
});

describe('the date line over a top-bar clock', () => {
  const PORTAL = `<div class="top"><span id="clock">2019年9月8日 星期日</span></div><div class="article"><h1>口袋公园</h1><div class="info"><span class="time">发布时间：2019年9月7日 19:02</span></div>${TEXT}</div>`;

  function clockCandidate(doc: Document): Candidate {
    const el = doc.querySelector('#clock') as Element;
    return {
      raw: '2019年9月8日',
      source: 'text',
      detail: 'text:span#clock',
      parts: { year: 2019, month: 9, day: 8 },
      el,
    };
  }

  function prefer(doc: Document, isUrlConsistent: () => boolean): Candidate {
    const ctx = makeContext(doc, 'https://news.example.cn/a/1.html', { now: NOW });
    return preferDatelineOverChrome(clockCandidate(doc), doc, 'published', ctx, isUrlConsistent);
  }

  it("takes the article's own date line", () => {
    const doc = page(PORTAL);
    expect(prefer(doc, () => true).parts).toMatchObject({ year: 2019, month: 9, day: 7, hour: 19 });
  });

  it('keeps the clock when the DOM refuses a query on an odd tree', () => {
    const doc = page(PORTAL);
    const chosen = prefer(doc, () => {
      throw new DOMException('refused', 'HierarchyRequestError');
    });
    expect(chosen.detail).toBe('text:span#clock');
  });

  it('keeps the clock on a plain Error too (linkedom, in the CLI, throws no DOMException): the date is not lost', () => {
    const doc = page(PORTAL);
    const chosen = prefer(doc, () => {
      throw new Error('unsupported selector');
    });
    expect(chosen.detail).toBe('text:span#clock');
  });
});

describe("a <time> clock in the site's header", () => {
  // A theatre magazine's top bar shows today's date in a <time>; the column's own line shows the day it ran.
  const STORY = `<p>${'Drag ist auf den Bühnen angekommen, und das Publikum feiert es. '.repeat(8)}</p>`;

  function magazine(dateline: string): Document {
    return parseHTML(
      `<!doctype html><html lang="de"><head><title>Kolumne: Queer Royal</title></head><body><div id="wrap"><header class="container"><div class="navtop"><span class="mod_datetime"><time datetime="2023-11-01T13:56:20+01:00">Mittwoch, 01. November 2023</time></span></div></header><main id="content"><div class="page-top"><h2>Kolumne: Queer Royal</h2><div class="intro">${dateline}<p>${'Über Dragqueens und Dragkings auf und jenseits der Bühne, und was das Theater von ihnen lernen kann. '.repeat(3)}</p></div></div>${STORY}</main></div></body></html>`,
    ).document;
  }

  it("yields to the article's own date line", () => {
    const doc = magazine(
      '<div class="article-meta"><span class="text_datum">31. Oktober 2023</span> – Von Georg Kasch</div>',
    );
    const found = findPublishedDate(doc, 'https://theater.example.de/kolumnen/queer-royal', {
      now: NOW_2026,
    });
    expect(found?.parts).toEqual({ year: 2023, month: 10, day: 31 });
    expect(found?.detail).toContain('date line over time[datetime]');
  });

  it('still dates the page when the article shows no date line', () => {
    const found = findPublishedDate(magazine(''), 'https://theater.example.de/kolumnen/queer-royal', {
      now: NOW_2026,
    });
    expect(found?.parts).toMatchObject({ year: 2023, month: 11, day: 1 });
  });
});
