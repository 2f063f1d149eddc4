// The readerable check by structure: a dominant block of running text, not a list of teasers, links or chrome.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isArticleShaped, measureReaderable } from '../../utils/dom/readerable';

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
