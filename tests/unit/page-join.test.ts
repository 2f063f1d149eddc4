// Joining a multi-page article (utils/dom/page-join.ts): order, repeats, loops, failures, the sync and async drivers.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/dom/extract';
import type { LoadedPage } from '../../utils/dom/page-join';
import { joinPages, joinPagesSync } from '../../utils/dom/page-join';
import type { ClipDraft } from '../../utils/pure/types';

const URL1 = 'https://news.example.test/2026/05/story.html';
const urlOf = (n: number): string => (n === 1 ? URL1 : `https://news.example.test/2026/05/story_${n}.html`);
const NOW = new Date('2026-06-01T00:00:00Z');

function paragraphs(n: number): string {
  return Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Page ${n}, paragraph ${i}: the harbour works went on, and the council said so, again and again.</p>`,
  ).join('');
}

/** A page of the story: its own paragraphs, a repeated standfirst, and a pager that links `next` (if any). */
function pageHtml(n: number, next: number | null, extra = ''): string {
  const pager = next === null ? '' : `<div class="pager"><a href="${urlOf(next)}">Next page ›</a></div>`;
  return `<html><head><title>Harbour works</title></head><body><article><h1>Harbour works</h1>
    <p class="dek">The standfirst every page of this story repeats word for word.</p>${paragraphs(n)}${extra}${pager}</article></body></html>`;
}

const parse = (html: string): Document => parseHTML(html).document;
const extract = (doc: Document, url: string) => extractArticle(doc, url, { now: NOW });

function firstDraft(doc: Document): ClipDraft {
  const result = extract(doc, URL1);
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

function loaderOf(pages: Record<string, string>): (url: string) => LoadedPage | null {
  return (url) => (pages[url] === undefined ? null : { doc: parse(pages[url]), url });
}

describe('joinPagesSync', () => {
  it('appends each page once, in order, without the repeated standfirst or the pagers', () => {
    const doc = parse(pageHtml(1, 2));
    const joined = joinPagesSync(
      doc,
      URL1,
      firstDraft(doc),
      loaderOf({ [urlOf(2)]: pageHtml(2, 3), [urlOf(3)]: pageHtml(3, null) }),
      extract,
    );
    expect(joined.pagesJoined).toBe(3);
    const text = joined.textContent;
    const order = [1, 2, 3].map((n) => text.indexOf(`Page ${n}, paragraph 0`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(text.split('The standfirst every page').length - 1).toBeLessThanOrEqual(1);
    expect(joined.contentHtml).not.toContain('Next page');
  });

  it('stops at a loop back to an earlier page, and keeps what was joined when a page fails', () => {
    const doc = parse(pageHtml(1, 2));
    const loop = joinPagesSync(doc, URL1, firstDraft(doc), loaderOf({ [urlOf(2)]: pageHtml(2, 1) }), extract);
    expect(loop.pagesJoined).toBe(2);
    const failed = joinPagesSync(
      doc,
      URL1,
      firstDraft(doc),
      loaderOf({ [urlOf(2)]: pageHtml(2, 3) }),
      extract,
    );
    expect(failed.pagesJoined).toBe(2);
    expect(failed.textContent).toContain('Page 2, paragraph 3');
  });

  it('leaves a page that only repeats the first one out, and a single page as it was', () => {
    const doc = parse(pageHtml(1, 2));
    const first = firstDraft(doc);
    const same = pageHtml(1, 3).replace('story_3', 'story_9');
    expect(joinPagesSync(doc, URL1, first, loaderOf({ [urlOf(2)]: same }), extract)).toBe(first);
    const single = parse(pageHtml(1, null));
    const alone = firstDraft(single);
    expect(joinPagesSync(single, URL1, alone, () => null, extract)).toBe(alone);
  });
});

describe('joinPages', () => {
  it('joins with an async loader and stops when the time budget is spent', async () => {
    const doc = parse(pageHtml(1, 2));
    const pages = { [urlOf(2)]: pageHtml(2, 3), [urlOf(3)]: pageHtml(3, null) };
    const load = loaderOf(pages);
    const all = await joinPages(doc, URL1, firstDraft(doc), (url) => Promise.resolve(load(url)), extract);
    expect(all.pagesJoined).toBe(3);
    let loads = 0;
    const budget = await joinPages(
      doc,
      URL1,
      firstDraft(doc),
      (url) => {
        loads += 1;
        return Promise.resolve(load(url));
      },
      extract,
      () => loads >= 1,
    );
    expect(budget.pagesJoined).toBe(2);
  });
});
