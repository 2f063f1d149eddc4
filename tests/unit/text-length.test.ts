// DOM: textFitsIn answers as normalizeSpace(textContent).length <= max does, for every max.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../utils/pure/page-text';
import { textFitsIn } from '../../utils/dom/text-length';

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
