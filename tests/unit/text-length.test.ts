// DOM: textFitsIn answers as normalizeSpace(textContent).length <= max does, for every max; textWithFew gives the
// textContent exactly when it holds few enough of the counted characters.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../utils/pure/page-text';
import { textFitsIn, textWithFew } from '../../utils/dom/text-length';

const SAMPLES = [
  '<div></div>',
  '<div>   </div>',
  '<div> Ad </div>',
  '<div>\n  <span>Sponsored</span>\u00a0\u3000<a href="#">Buy now</a>  \n</div>',
  '<div><p>First  paragraph.</p><p>\tSecond\u2003one </p><!-- a comment --><p></p></div>',
  '<div><ul><li>Home</li><li> › </li><li>World</li></ul>   <b> </b></div>',
  '<div>新闻\u3000\u3000首页 &gt; 国际<span>  </span></div>',
  '<div><em>x</em><em>y</em> <em> z </em></div>',
];

describe('textFitsIn', () => {
  it('agrees with the collapsed textContent length at every bound', () => {
    for (const html of SAMPLES) {
      const { document } = parseHTML(`<html><body>${html}</body></html>`) as unknown as {
        document: Document;
      };
      const el = document.body.firstElementChild;
      if (!el) throw new Error(html);
      const length = normalizeSpace(el.textContent).length;
      for (let max = 0; max <= length + 3; max += 1)
        expect([html, max, textFitsIn(el, max)]).toEqual([html, max, length <= max]);
    }
  });

  it('stops reading a long element early and still answers', () => {
    const { document } = parseHTML(
      `<html><body><div>${'<p>A sentence of the story.</p>'.repeat(2000)}</div></body></html>`,
    ) as unknown as { document: Document };
    const el = document.body.firstElementChild;
    expect(el && textFitsIn(el, 300)).toBe(false);
    expect(el && textFitsIn(el, 60_000)).toBe(true);
  });
});

describe('textWithFew', () => {
  const isLetter = (code: number): boolean => /\p{L}/u.test(String.fromCharCode(code));

  it('gives the textContent when at most max characters are counted, else null, at every bound', () => {
    for (const html of SAMPLES) {
      const { document } = parseHTML(`<html><body>${html}</body></html>`) as unknown as {
        document: Document;
      };
      const el = document.body.firstElementChild;
      if (!el) throw new Error(html);
      const text = el.textContent ?? '';
      const letters = Array.from(text).filter((c) => /\p{L}/u.test(c)).length;
      for (let max = 0; max <= letters + 2; max += 1)
        expect([html, max, textWithFew(el, isLetter, max)]).toEqual([
          html,
          max,
          letters <= max ? text : null,
        ]);
    }
  });

  it('stops at the first counted character past max in a long element', () => {
    const { document } = parseHTML(
      `<html><body><div>  — <b>END</b> —  ${'<p>A sentence of the story.</p>'.repeat(2000)}</div></body></html>`,
    ) as unknown as { document: Document };
    const el = document.body.firstElementChild;
    if (!el) throw new Error('no div');
    const seen: number[] = [];
    const counted = (code: number): boolean => {
      seen.push(code);
      return isLetter(code);
    };
    expect(textWithFew(el, counted, 3)).toBeNull();
    // The markup before the story, END, the space and one letter of the first sentence.
    expect(seen.length).toBeLessThan(20);
  });
});
