// `Read more:` links to the site's other stories between a story's paragraphs, on pages written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeReadMoreLinks } from '../../utils/dom/boilerplate-read-more';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';

const PARAGRAPH =
  'The exchange said on Wednesday that the listing drew more orders than any other this year, with retail investors asking for shares worth many times the amount on offer.';
const URL = 'https://www.paper.example/business/listing-record';

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

function kept(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(`[${DROP_ATTRIBUTE}]`))) el.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removeReadMoreLinks', () => {
  it('drops a labelled headline link between paragraphs (a business daily)', () => {
    const body = bodyOf(`<div class="story"><p>${PARAGRAPH}</p>
      <p><strong>Read more:</strong> <a href="/business/tech-giant-profit-falls">Tech giant profit falls as rival gains ground</a></p>
      <p>${PARAGRAPH}</p></div>`);
    removeReadMoreLinks(body, URL);
    expect(kept(body)).not.toMatch(/Read more|profit falls/);
    expect(kept(body).split('The exchange').length - 1).toBe(2);
  });

  it('drops a label over one-link lists of headlines (a broadcaster), and a line of tagged headlines', () => {
    const body = bodyOf(`<div class="story"><p>${PARAGRAPH}</p><h4>More:</h4>
      <ul><li><h4><a href="https://www.paper.example/news/ferry-strike-ends">Ferry strike ends after nine days of talks</a></h4></li></ul>
      <ul><li><h4><a href="https://news.paper.example/port-mayor">Port city names its first night mayor</a></h4></li></ul>
      <p>${PARAGRAPH}</p><p></p><p><strong>DON'T MISS</strong></p>
      <p><a href="/a">Markets rally as rates hold steady</a> [<strong>VIDEO]<br></strong><a href="/b">Why the listing matters for savers</a> [INSIGHT]</p>
      <p></p></div><div class="photo"><img src="/p.jpg"></div><div><p>${PARAGRAPH}</p></div>`);
    removeReadMoreLinks(body, URL);
    expect(kept(body)).not.toMatch(/More:|Ferry strike|night mayor|DON'T MISS|Markets rally|savers|VIDEO/);
    expect(kept(body).split('The exchange').length - 1).toBe(3);
  });

  it('drops a list of headlines after a last sentence that cites its source in a link (a science site)', () => {
    const body = bodyOf(`<div class="story"><p>${PARAGRAPH}</p>
      <p>The findings were published today (Nov. 18) in the journal <a href="https://journal.example/x">Case Reports</a>.</p>
      <p class="mid"></p><ul><li><a href="https://www.paper.example/a">27 Oddest Medical Case Reports</a></li>
      <li><a href="https://www.paper.example/b">10 Strangest Medical Cases</a></li></ul>
      <p><em>Originally published on </em><a href="https://www.paper.example/">Paper</a>.</p></div>`);
    removeReadMoreLinks(body, URL);
    expect(kept(body)).not.toMatch(/Oddest|Strangest/);
    expect(kept(body)).toContain('Case Reports.');
  });

  it("keeps the story's own links: to other sites, in a sentence, short, inside a list, or before any paragraph", () => {
    const cases = [
      `<p>${PARAGRAPH}</p><p>Source: <a href="https://regulator.example/report">Annual report of the market regulator</a></p><p>${PARAGRAPH}</p>`,
      `<p>${PARAGRAPH}</p><p>The full ruling is <a href="/docs/ruling">published on the court's own website today</a>, the clerk said.</p><p>${PARAGRAPH}</p>`,
      `<p>${PARAGRAPH}</p><p><a href="/video">Video</a></p><p>${PARAGRAPH}</p>`,
      `<p>${PARAGRAPH}</p><p>Ticketing<br><a href="https://www.paper.example/">www.paper.example/tickets</a></p><p>${PARAGRAPH}</p>`,
      `<p>${PARAGRAPH}</p><ul><li>Key dates: <a href="/timeline">The listing timeline from filing to first trade</a></li><li>${PARAGRAPH}</li></ul>`,
      `<p><a href="/business/other-story">Tech giant profit falls as rival gains ground</a></p><p>${PARAGRAPH}</p>`,
    ];
    for (const html of cases) {
      const body = bodyOf(`<div class="story">${html}</div>`);
      removeReadMoreLinks(body, URL);
      expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
    }
  });
});
