// DOM: textFitsIn answers as normalizeSpace(textContent).length <= max does, for every max; textWithFew gives the
// textContent exactly when it holds few enough of the counted characters; hasTextOutside answers as comparing the
// collapsed text of the root and of the node inside it does.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../utils/pure/page-text';
import { hasTextOutside, textFitsIn, textWithFew } from '../../utils/dom/text-length';

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

describe('hasTextOutside', () => {
  /** Each sample marks the inner node with id="in"; the root is the body's first element. */
  const OUTSIDE = [
    '<p> <a id="in">x</a>\u3000</p>',
    '<p>y<a id="in">x</a></p>',
    '<p><a id="in">x</a>y</p>',
    '<div><span><b id="in">x</b></span><span><i>z</i></span></div>',
    '<div><span>\n<b id="in">x</b></span><span><i> \u00a0</i></span>\t<!-- note --></div>',
    '<div><p><a id="in">x <i>y</i></a></p>tail</div>',
    '<div><a id="in"></a>\u2003\u3000</div>',
    '<div><a id="in">x</a><span>\u3000<b>.</b></span></div>',
  ];

  function check(root: Element, inner: Node, label: string): void {
    const expected = normalizeSpace(root.textContent) !== normalizeSpace(inner.textContent);
    expect([label, hasTextOutside(root, inner)]).toEqual([label, expected]);
  }

  it('agrees with comparing the collapsed text of the root and the inner node', () => {
    const answers: boolean[] = [];
    for (const html of OUTSIDE) {
      const { document } = parseHTML(`<html><body>${html}</body></html>`) as unknown as {
        document: Document;
      };
      const root = document.body.firstElementChild;
      const inner = document.getElementById('in');
      if (!root || !inner) throw new Error(html);
      check(root, inner, html);
      answers.push(hasTextOutside(root, inner));
    }
    // Both answers are met, so neither a constant true nor a constant false passes.
    expect(answers).toEqual([false, true, true, true, false, true, false, true]);
  });

  it('counts a NUL or another control character beside the inner node as text', () => {
    const { document } = parseHTML('<html><body><p><a>x</a></p></body></html>') as unknown as {
      document: Document;
    };
    const root = document.body.firstElementChild;
    const inner = root?.firstElementChild;
    if (!root || !inner) throw new Error('no sample');
    for (const control of ['\u0000', '\u0001', '\u001f', '\u007f']) {
      const text = document.createTextNode(control);
      root.appendChild(text);
      check(root, inner, JSON.stringify(control));
      expect(hasTextOutside(root, inner)).toBe(true);
      text.remove();
    }
    expect(hasTextOutside(root, inner)).toBe(false);
  });
});
