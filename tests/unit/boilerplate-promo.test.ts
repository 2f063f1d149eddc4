// Promo boxes, widget labels and next-page image links, on pages written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  removePagerImageLinks,
  removePromoBoxes,
  removeWidgetLabels,
} from '../../utils/dom/boilerplate-promo';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';

const PARAGRAPH =
  'Officials hope the train will bring visitors who stay longer and spend more, rather than the day-trippers who arrive by cruise ship and leave by dinner time.';
const URL = 'https://paper.example/world/2026/jun/14/night-train';

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

function kept(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(`[${DROP_ATTRIBUTE}]`))) el.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removePromoBoxes', () => {
  it('drops a heading over a list of links inside the story', () => {
    const body = bodyOf(`<div class="body"><p>${PARAGRAPH}</p>
      <div class="inline"><h2>What to know about night trains</h2><ul>
        <li><a href="/a">The routes worth taking</a></li><li><a href="/b">Why a bunk costs more</a></li></ul></div>
      <p>${PARAGRAPH}</p></div>`);
    removePromoBoxes(body);
    expect(kept(body)).not.toMatch(/What to know|routes worth/);
    expect(kept(body).split('Officials').length - 1).toBe(2);
  });

  it('drops a related-stories widget wrapped in its own boxes, found from the story beside the outer box', () => {
    // Modelled on a broadcaster's story page: div.widget > div.content > h3 + ul of headline links.
    const body = bodyOf(`<div class="article-body"><p>${PARAGRAPH}</p>
      <div class="article-widget related-stories"><div class="related-stories__content">
        <h3>More from World</h3><ul>
        <li><a href="/story/1"><h4>Ferry strike ends after nine days</h4></a></li>
        <li><a href="/story/2"><h4>Port city names its first night mayor</h4></a></li></ul></div></div>
      <p>${PARAGRAPH}</p></div>`);
    removePromoBoxes(body);
    expect(body.querySelector('.related-stories')?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
    expect(kept(body)).not.toMatch(/More from World|Ferry strike/);
    expect(kept(body).split('Officials').length - 1).toBe(2);
  });

  it('keeps a heading over links within the page: a table of contents', () => {
    const body = bodyOf(`<div class="article-body"><p>${PARAGRAPH}</p>
      <section id="more"><div class="container"><h2>More ways to travel</h2><ul>
        <li><a href="#sleeper">Sleeper trains</a></li><li><a href="#ferries">Night ferries</a></li></ul></div></section>
      <p>${PARAGRAPH}</p></div>`);
    removePromoBoxes(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });

  it('does not climb past a wrapper that holds more than the box', () => {
    const body = bodyOf(`<div class="article-body"><p>${PARAGRAPH}</p>
      <div class="column"><span>Filed from Lisbon</span><div class="inner">
        <h3>More from World</h3><ul><li><a href="/story/1">Ferry strike ends</a></li>
        <li><a href="/story/2">Port city mayor</a></li></ul></div></div>
      <p>${PARAGRAPH}</p></div>`);
    removePromoBoxes(body);
    expect(body.querySelector('.inner')?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
    expect(body.querySelector('.column')?.hasAttribute(DROP_ATTRIBUTE)).toBe(false);
    expect(kept(body)).toContain('Filed from Lisbon');
  });

  it('finds the story past an empty slot and out of a wrapper, where its paragraphs are short sentences', () => {
    // Modelled on a sports site: the widget sits between one-sentence paragraphs, an ad slot beside it.
    const sentence = 'The club said the new manager had won trophies in four different countries.';
    const body = bodyOf(`<div class="article-body"><div class="part"><p>${sentence}</p><div class="ad"></div>
      <div class="widget"><div class="content"><h3>More from Sport</h3><ul>
        <li><a href="/story/1">Ferry strike ends after nine days</a></li>
        <li><a href="/story/2">Port city names its first night mayor</a></li></ul></div></div></div>
      <p>${sentence}</p></div>`);
    removePromoBoxes(body);
    expect(body.querySelector('.widget')?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
  });

  it('keeps a section that cites its links in running text, and a list that is not mostly links', () => {
    const body =
      bodyOf(`<section><h2>Sources</h2><p>${PARAGRAPH}</p><ul><li><a href="/r">Report</a></li><li><a href="/s">Study</a></li></ul></section>
      <div><h3>Timetable</h3><ul><li>Paris 19:04, Madrid 07:40 the next morning</li><li>Seville 11:10</li></ul></div>`);
    removePromoBoxes(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });
});

describe('removeWidgetLabels', () => {
  it('drops a lone label before a gallery and a lone short link, keeping the credit after an image', () => {
    const body = bodyOf(`<div class="text"><p>${PARAGRAPH}</p>
      <div class="tag">图集</div><div class="gallery"><img src="/1.jpg"><img src="/2.jpg"></div>
      <div><img src="/3.jpg"></div><div class="credit">新华社</div>
      <div class="more"><a href="/pic/">图片</a></div><p>${PARAGRAPH}</p></div>`);
    removeWidgetLabels(body);
    expect(kept(body)).not.toContain('图集');
    expect(kept(body)).not.toContain('图片');
    expect(kept(body)).toContain('新华社');
  });

  it('keeps captions with a colon and labels outside any story', () => {
    const body = bodyOf(
      `<div class="text"><p>${PARAGRAPH}</p><div>Photo: AP</div><div class="gallery"><img src="/1.jpg"><img src="/2.jpg"></div></div>`,
    );
    removeWidgetLabels(body);
    expect(kept(body)).toContain('Photo: AP');
  });
  it('drops a lone link on its line, and keeps a link with text beside it', () => {
    const body = bodyOf(`<div class="text"><p>${PARAGRAPH}</p>
      <div class="lone"><a href="/pic/">图片</a></div><div class="beside">见<a href="/video/">视频</a></div>
      <p>${PARAGRAPH}</p></div>`);
    removeWidgetLabels(body);
    expect(kept(body)).not.toContain('图片');
    expect(body.querySelector(`.beside [${DROP_ATTRIBUTE}], .beside[${DROP_ATTRIBUTE}]`)).toBeNull();
    expect(kept(body)).toContain('见视频');
  });
});

describe('removePagerImageLinks', () => {
  it('drops an image link to the next page of the same story, with its empty line', () => {
    const body =
      bodyOf(`<p>${PARAGRAPH}</p><div class="np"><a href="/world/2026/jun/14/night-train?page=2"><img src="/next.png" alt="Next page"></a></div>
      <p><a href="/world/2026/jun/14/night-train_2.html"><img src="/n2.png"></a></p>`);
    removePagerImageLinks(body, URL);
    expect(body.querySelectorAll(`[${DROP_ATTRIBUTE}] img`).length).toBe(2);
  });

  it('keeps image links to other stories, to the image itself and to the same page', () => {
    const body = bodyOf(`<p>${PARAGRAPH}</p><a href="/world/2026/jun/15/other-story"><img src="/t.jpg"></a>
      <a href="https://img.example/big.jpg"><img src="/small.jpg"></a><a href="#top"><img src="/up.png"></a>`);
    removePagerImageLinks(body, URL);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });

  it('keeps a next-page image link that shows a character of text', () => {
    const body = bodyOf(`<p>${PARAGRAPH}</p>
      <div class="np"><a href="/world/2026/jun/14/night-train?page=2"><img src="/next.png">›</a></div>
      <div class="bare"><a href="/world/2026/jun/14/night-train?page=3"><img src="/next.png"></a></div>`);
    removePagerImageLinks(body, URL);
    expect(body.querySelector(`.np [${DROP_ATTRIBUTE}], .np[${DROP_ATTRIBUTE}]`)).toBeNull();
    expect(body.querySelector('.bare')?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
  });
});
