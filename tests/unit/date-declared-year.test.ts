// A year-less date line takes the year of the full date the page declares for the same day and time. Pages modelled
// on a Chinese self-media platform: the date line shows `发布时间：10-08` and `12:00` in two spans, and a microdata
// meta holds the full timestamp.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../utils/dom/date-context';
import { withDeclaredYear } from '../../utils/dom/date-declared-year';
import { findPublishedDate } from '../../utils/dom/published-date';

const URL_CN = 'https://media.example.com/s?id=1646854316570887042';
const NOW = new Date('2025-01-01T00:00:00Z');
const BODY = '据外媒报道，一名女子辞去殡仪馆的工作后转行做专业美人鱼表演，收入可观，引发网友热议。';

function page(
  head: string,
  line = '<span class="date">发布时间：10-08</span><span class="time">12:00</span>',
): Document {
  return parseHTML(`<!doctype html><html><head><title>转行当美人鱼</title>${head}</head><body>
<div class="article-title"><h2>转行当美人鱼</h2></div>
<div class="article-desc"><p class="author-name">某某号</p><div class="article-source">${line}</div></div>
<div class="article-content">${`<p><span class="bjh-p">${BODY}</span></p>`.repeat(6)}</div>
</body></html>`).document;
}

function published(doc: Document): unknown {
  return findPublishedDate(doc, URL_CN, { now: NOW, lang: 'zh-CN' })?.parts;
}

describe('withDeclaredYear on a page', () => {
  it("takes the year of the page's meta for that day and time", () => {
    const doc = page('<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">');
    expect(published(doc)).toMatchObject({ year: 2019, month: 10, day: 8, hour: 12, minute: 0 });
  });

  it('keeps the latest year before the clip when the page declares no such day', () => {
    expect(published(page(''))).toMatchObject({ year: 2024, month: 10, day: 8 });
    // Another time that day, or another day, is another date.
    expect(published(page('<meta itemprop="dateUpdate" content="2019-10-08 18:30:00">'))).toMatchObject({
      year: 2024,
    });
    expect(published(page('<meta itemprop="dateUpdate" content="2019-10-09 12:00:00">'))).toMatchObject({
      year: 2024,
    });
  });

  it('keeps it when the page declares that day in two years', () => {
    const doc = page(
      '<meta itemprop="dateUpdate" content="2019-10-08 12:00:57"><meta name="other" content="2021-10-08 12:00:00">',
    );
    expect(published(doc)).toMatchObject({ year: 2024 });
  });
});

describe('withDeclaredYear on a candidate', () => {
  const doc = page('<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">');
  const ctx = makeContext(doc, URL_CN, { now: NOW, lang: 'zh-CN' });

  it('leaves a date that shows its year alone', () => {
    const full = {
      raw: '2023-10-08 12:00',
      source: 'text' as const,
      detail: 'text',
      parts: { year: 2023, month: 10, day: 8, hour: 12, minute: 0 },
    };
    expect(withDeclaredYear(full, doc, ctx)).toBe(full);
  });

  it('moves a year-less one and says so', () => {
    const yearless = {
      raw: '10-08 12:00',
      source: 'text' as const,
      detail: 'text:div',
      parts: { year: 2024, month: 10, day: 8, hour: 12, minute: 0 },
    };
    expect(withDeclaredYear(yearless, doc, ctx)).toMatchObject({
      parts: { year: 2019, month: 10, day: 8 },
      detail: "text:div (year from the page's declared date)",
    });
  });
});
