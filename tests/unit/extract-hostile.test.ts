// Pages that hide or bury their article: shadow DOM, same-origin iframes, thousands of nested wrappers.
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/dom/extract';

const NOW = new Date('2026-11-27T12:00:00Z');
const URL = 'https://news.example/2024/05/06/story.html';
const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story: the harbour board met on Tuesday to approve the new ferry timetable, ` +
    `which adds two late sailings on weekdays and keeps the Sunday service through the winter months.</p>`,
).join('');

describe('extractArticle on hidden and buried articles', () => {
  it('reads an article inside an open shadow root', () => {
    const dom = new JSDOM(
      `<!doctype html><html lang="en"><head><title>Ferry timetable</title></head><body><news-story></news-story></body></html>`,
      { url: URL },
    );
    const doc = dom.window.document;
    const root = doc.querySelector('news-story')?.attachShadow({ mode: 'open' });
    const article = doc.createElement('article');
    const h1 = doc.createElement('h1');
    h1.textContent = 'Ferry timetable';
    article.append(h1);
    for (let i = 0; i < 6; i++) {
      const p = doc.createElement('p');
      p.textContent = `Shadow paragraph ${i}: the harbour board approved two late sailings on weekdays and a winter Sunday service.`;
      article.append(p);
    }
    root?.append(article);
    const result = extractArticle(doc, URL, { now: NOW });
    expect(result.ok && result.value.textContent).toContain('Shadow paragraph 5');
    // The live page keeps its shadow tree as it was.
    expect(doc.querySelector('news-story')?.childNodes.length).toBe(0);
  });

  it('falls back to the largest same-origin iframe when the top page has no article', () => {
    const dom = new JSDOM(
      `<!doctype html><html><head><title>Viewer</title></head><body><nav><a href="/">Home</a></nav><iframe></iframe></body></html>`,
      { url: URL },
    );
    const frameDoc = dom.window.document.querySelector('iframe')?.contentDocument;
    expect(frameDoc).toBeTruthy();
    if (!frameDoc) return;
    frameDoc.title = 'Framed story';
    const article = frameDoc.createElement('article');
    const h1 = frameDoc.createElement('h1');
    h1.textContent = 'Framed story';
    article.append(h1);
    for (let i = 0; i < 6; i++) {
      const p = frameDoc.createElement('p');
      p.textContent = `Framed paragraph ${i}: the harbour board approved two late sailings on weekdays and a winter Sunday service.`;
      article.append(p);
    }
    frameDoc.body.append(article);
    const result = extractArticle(dom.window.document, URL, { now: NOW });
    expect(result.ok && result.value.textContent).toContain('Framed paragraph 5');
    expect(result.ok && result.value.url).toBe(URL);
  });

  it('clips an article buried under 5,000 nested wrappers and leaves the page as it was', () => {
    const depth = 5000;
    const html = `<!doctype html><html lang="en"><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<article><h1>Deep</h1>${PARAGRAPHS}</article>${'</div>'.repeat(depth)}</body></html>`;
    const doc = parseHTML(html).document;
    const result = extractArticle(doc, URL, { now: NOW });
    expect(result.ok && result.value.textContent).toContain('Paragraph 6 of the story');
    expect(doc.querySelectorAll('div').length).toBe(depth);
  });
});
