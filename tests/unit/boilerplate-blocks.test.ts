// The structural boilerplate pass on a whole page written for the test, and through extraction: a travel story
// with a newsletter box, a promo list, a share bar, a next-page image link, a reader forum and a site footer.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeBlockBoilerplate } from '../../utils/dom/boilerplate-blocks';
import { extractArticle } from '../../utils/dom/extract';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';

const URL = 'https://harbour.example/travel/2026/05/ferry-returns';
const P = (n: number): string =>
  `<p>Paragraph ${n}: the ferry to the islands returned this week after a winter of repairs, and the harbour master said bookings were already ahead of last summer's.</p>`;

const PAGE = `<!doctype html><html lang="en"><head><title>The island ferry returns | Harbour Post</title></head><body>
  <header><a href="/">Harbour Post</a><nav><a href="/news">News</a> <a href="/travel">Travel</a></nav></header>
  <main><article><h1>The island ferry returns</h1>
    <p class="dek">After a winter of repairs, the old boat is back on the water and the islands are ready for visitors.</p>
    <div class="share"><a href="#">Share</a> <a href="#">Post</a> <button>+1</button> <span>58</span></div>
    <div class="body">${P(1)}${P(2)}
      <div class="related"><h3>More from the coast</h3><ul><li><a href="/a">Lighthouse reopens</a></li><li><a href="/b">A guide to the islands</a></li></ul></div>
      ${P(3)}<a href="#after">skip past newsletter promotion</a>
      <div class="box"><h3>The weekend letter</h3><p>Ideas for the coast, every Friday.</p><form><input type="email"><button>Sign up</button></form></div>
      <p id="after">after newsletter promotion</p>${P(4)}${P(5)}</div>
    <div class="pages"><a href="/travel/2026/05/ferry-returns?page=2"><img src="/img/next.png" alt="Next"></a></div>
  </article>
  <section class="talk"><h2>Forum: 3 Postings</h2>
    <div class="post"><span>islander</span> <span>2 hours ago</span><p>About time!</p><a href="#">Reply</a></div>
    <div class="post"><span>sailor_9</span> <span>yesterday</span><p>Prices went up again.</p><a href="#">Reply</a></div>
    <div class="post"><span>mo</span> <span>3 days ago</span><p>Lovely boat.</p><a href="#">Reply</a></div></section></main>
  <footer><p><a href="/about">About</a> · <a href="/privacy">Privacy</a></p><p>© 2026 Harbour Post. Powered by Tide CMS.</p></footer>
</body></html>`;

const UNWANTED =
  /More from the coast|weekend letter|newsletter promotion|Forum|islander|Powered by|\+1|Next\]/;

describe('removeBlockBoilerplate', () => {
  it('marks or removes every kind of block on the page and leaves the story whole', () => {
    const { document } = parseHTML(PAGE);
    removeBlockBoilerplate(document, URL);
    for (const el of Array.from(document.querySelectorAll(`[${DROP_ATTRIBUTE}]`))) el.remove();
    const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).not.toMatch(UNWANTED);
    for (let n = 1; n <= 5; n++) expect(text).toContain(`Paragraph ${n}:`);
    expect(text).toContain('After a winter of repairs');
  });

  it('gives extraction a clean body with the standfirst kept', () => {
    const { document } = parseHTML(PAGE);
    const result = extractArticle(document, URL, { now: new Date('2026-05-10T00:00:00Z') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.textContent).not.toMatch(UNWANTED);
    expect(result.value.contentHtml).not.toContain('next.png');
    expect(result.value.textContent).toContain('After a winter of repairs');
    expect(result.value.textContent).toContain('Paragraph 5:');
    expect(result.value.excerpt).toContain('After a winter of repairs');
  });
});
