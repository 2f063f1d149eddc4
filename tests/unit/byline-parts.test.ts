// Bylines Readability read with textContent: a neighbouring element's text glued to the name, a social link, an
// author box with the writer's label in its last line. Pages written here, modelled on news and magazine templates.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleHints } from '../../utils/dom/page-signals';
import { findByline } from '../../utils/dom/byline';
import { rereadByline } from '../../utils/dom/byline-parts';

const URL = 'https://www.example.com/2026/10/07/story.html';
const PARA = `<p>${'The council voted on Tuesday to extend the programme for another three years. '.repeat(4)}</p>`;

function doc(body: string, head = '<title>Council extends programme</title>'): Document {
  return parseHTML(`<html><head>${head}</head><body><h1>Council extends programme</h1>${body}</body></html>`)
    .document;
}

/** The byline as Readability takes it from an element: its `textContent`, trimmed. */
function bylineOf(body: string, selector: string, hints: ArticleHints = {}, head?: string): string | null {
  const d = doc(body, head);
  const byline = (d.querySelector(selector)?.textContent ?? '').trim();
  return findByline(d, URL, { byline, ...hints });
}

describe('rereadByline', () => {
  it('separates a name from the section label after a <br>', () => {
    const d =
      doc(`<div class="author-info-block"><span><a href="/author-bio.asp?id=8">Kelly Sheridan</a><br></span>
      <span class="smaller gray">News</span></div>${PARA}`);
    const byline = (d.querySelector('.author-info-block')?.textContent ?? '').trim();
    expect(rereadByline(d, byline)).toBe('Kelly Sheridan | News');
  });

  it('separates inline elements glued to a word, not those spaced as words', () => {
    const d = doc(
      `<div class="byline"><span>By </span><a href="/a/said">Carolyn Said</a><span>Updated</span></div>`,
    );
    expect(rereadByline(d, 'By Carolyn SaidUpdated')).toBe('By Carolyn Said | Updated');
  });

  it('leaves out social links and buttons, and keeps a label alone in its block with the name', () => {
    const d =
      doc(`<div class="byline"><div>By</div><p class="byline__name"><a rel="author" href="/p/1">Jane Doe</a></p>
      <a class="byline__handle" href="https://twitter.com/janedoe">Twitter</a><button>Follow</button></div>`);
    const byline = (d.querySelector('.byline')?.textContent ?? '').trim();
    expect(rereadByline(d, byline)).toBe('By Jane Doe');
  });

  it('keeps a word whose last letter sits in its own span, and joins a part that ends in `von` to the names', () => {
    const d =
      doc(`<div class="byline"><div class="byline__name"><a href="/contributor/molly-wood">Molly Woo<span class="last-letter">d</span></a></div></div>
      <div class="entry-author"><span>Veröffentlicht von</span><a href="/author/cem">Cem Basman</a></div>`);
    expect(rereadByline(d, 'Molly Wood')).toBe('Molly Wood');
    expect(rereadByline(d, 'Veröffentlicht vonCem Basman')).toBe('Veröffentlicht von Cem Basman');
  });

  it('returns a byline no element holds (from metadata) and Chinese text as they are', () => {
    const d = doc(`<a class="author" href="/u/1"><div>江眼</div><div>企鹅号</div></a>`);
    expect(rereadByline(d, 'Jane Doe')).toBe('Jane Doe');
    expect(rereadByline(d, '江眼企鹅号')).toBe('江眼企鹅号');
  });
});

describe('findByline with the byline element re-read', () => {
  it('drops the section label a <br> separates from the name', () => {
    const body = `<div class="author-info-block"><span><a href="/author-bio.asp?id=8">Kelly Sheridan</a><br></span><span>News</span></div>${PARA}`;
    expect(bylineOf(body, '.author-info-block')).toBe('Kelly Sheridan');
  });

  it("drops the writer's social link", () => {
    const body = `<div class="byline byline--block"><p class="byline__name"><a href="/people/1" rel="author">
      Darian Woods</a></p><a class="byline__social-handle" href="https://www.twitter.com/darianwoods">Twitter</a>
      </div>${PARA}`;
    expect(bylineOf(body, '.byline')).toBe('Darian Woods');
  });

  it('takes the labelled line of an author box', () => {
    const body = `<div class="author-box"><p>Gründerin Journelles</p><p>Journelles</p><p>Artikel von: Jessie</p></div>${PARA}`;
    expect(bylineOf(body, '.author-box')).toBe('Jessie');
  });

  it('keeps the metadata name over the same name glued to a date label on the line under the headline', () => {
    const head = `<title>Council extends programme</title><script type="application/ld+json">${JSON.stringify(
      {
        '@type': 'NewsArticle',
        author: [{ '@type': 'Person', name: 'Carolyn Said' }],
      },
    )}</script>`;
    const body = `<div class="f"><span><span>By </span><span><a href="/author/carolyn-said/">Carolyn Said</a></span></span><span>Updated <time>April 25, 2016 4:38 p.m.</time></span></div>${PARA}`;
    expect(findByline(doc(body, head), URL, { byline: 'Carolyn Said', text: 'The council voted.' })).toBe(
      'Carolyn Said',
    );
  });

  it('keeps the reporters the line under the headline lists over one name of the list from metadata', () => {
    const head = `<title>Council extends programme</title><meta name="parsely-author" content="Tariq Malik">`;
    const body = `<p class="byline">By <span class="by-author"><a href="/author/tariq-malik" rel="author">Tariq Malik</a>, </span>
      <span class="by-author"><a href="/author/mike-wall" rel="author">Mike Wall</a></span>
      <time datetime="2019-11-18T22:05:36+00:00">2019-11-18T22:05:36Z</time></p>${PARA}`;
    expect(findByline(doc(body, head), URL, { byline: 'Tariq Malik', text: 'The council voted.' })).toBe(
      'Tariq Malik, Mike Wall',
    );
  });

  it("takes a proper name over a CMS login with the same letters, and decodes a JSON-LD name's entities", () => {
    const head = `<title>Council extends programme</title><meta name="author" content="Edilson La Rosa">
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"edilson.la.rosa"}}</script>`;
    expect(findByline(doc(PARA, head), URL, { byline: 'edilson.la.rosa' })).toBe('Edilson La Rosa');
    const escaped = `<title>Council extends programme</title>
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Redacci&oacute;n Diario Siete"}}</script>`;
    expect(findByline(doc(PARA, escaped), URL, { byline: 'Redacci&oacute;n Diario Siete' })).toBe(
      'Redacción Diario Siete',
    );
    expect(findByline(doc(PARA, escaped), URL)).toBe('Redacción Diario Siete');
  });

  it('keeps a login when no other source spells it as a name', () => {
    const head = `<title>Council extends programme</title><meta name="author" content="Jane Roe">`;
    expect(findByline(doc(PARA, head), URL, { byline: 'arianschlichenmayer' })).toBe('arianschlichenmayer');
  });

  it('takes the fuller list JSON-LD gives, one Person node naming two people, over the first byline element', () => {
    const head = `<title>Council extends programme</title><script type="application/ld+json">${JSON.stringify(
      {
        '@type': 'NewsArticle',
        author: { '@type': 'Person', name: ['Darian Woods', 'Sarah Gonzalez'] },
      },
    )}</script>`;
    const body = `<div class="byline"><p class="byline__name"><a href="/people/1" rel="author">Darian Woods</a></p></div>
      <div class="byline"><p class="byline__name"><a href="/people/2" rel="author">Sarah Gonzalez</a></p></div>${PARA}`;
    expect(bylineOf(body, '.byline', {}, head)).toBe('Darian Woods, Sarah Gonzalez');
  });
});

describe('rereadByline: social links and co-authors', () => {
  it("keeps a name linked to its social profile, drops a handle or the network's name", () => {
    const named = doc(
      `<p class="author">Posted by <a href="https://www.linkedin.com/in/janedoe">Jane Doe</a> on May 3, 2021</p>${PARA}`,
    );
    const byline = (named.querySelector('.author')?.textContent ?? '').trim();
    expect(rereadByline(named, byline)).toContain('Jane Doe');
    const handle = doc(
      `<p class="author">Jane Doe <a href="https://twitter.com/janedoe">@janedoe</a> <a href="https://x.com/janedoe">Twitter</a></p>${PARA}`,
    );
    const withHandle = (handle.querySelector('.author')?.textContent ?? '').trim();
    expect(rereadByline(handle, withHandle)).toBe('Jane Doe');
  });

  it('does not treat a `follow-name` element as a control', () => {
    const d = doc(`<div class="byline">By <span class="follow-name">Jane Doe</span></div>${PARA}`);
    expect(rereadByline(d, 'By Jane Doe')).toBe('By Jane Doe');
  });

  it('joins co-authors in separate list items with a comma', () => {
    const d = doc(
      `<ul class="authors"><li><a href="/people/jane-doe">Jane Doe</a></li><li><a href="/people/john-roe">John Roe</a></li></ul>${PARA}`,
    );
    const byline = (d.querySelector('.authors')?.textContent ?? '').trim();
    expect(rereadByline(d, byline)).toBe('Jane Doe, John Roe');
    expect(
      bylineOf(
        `<ul class="authors"><li><a href="/people/jane-doe">Jane Doe</a></li><li><a href="/people/john-roe">John Roe</a></li></ul>${PARA}`,
        '.authors',
      ),
    ).toMatch(/Jane Doe.*John Roe/u);
  });

  it('keeps a name and a section label apart', () => {
    const d = doc(
      `<div class="author-info"><a href="/a/1">Kelly Sheridan</a><br><span>Senior Editor</span></div>${PARA}`,
    );
    const byline = (d.querySelector('.author-info')?.textContent ?? '').trim();
    expect(rereadByline(d, byline)).toBe('Kelly Sheridan | Senior Editor');
  });
});
