// The measures the boilerplate detectors share, on small pages written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  dropBlock,
  growBox,
  hasAncestorTag,
  holdsRunningText,
  isGone,
  isLayout,
  layoutTest,
  isSentence,
  linkDensity,
  measureLinkedText,
  measureLinkedTextUnless,
  measureProse,
  spacedText,
  weighsMoreThan,
} from '../../utils/dom/boilerplate-measure';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';
import { measureText } from '../../utils/pure/text-weight';

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

const LONG =
  'The council met on Tuesday evening to discuss the new budget, and after three hours of debate it voted to delay the decision until the spring session of the council.';

describe('boilerplate measures', () => {
  it('measures link density and running text', () => {
    const body = bodyOf(
      `<div id="a"><a href="/x">All links here</a></div><div id="b"><p>${LONG}</p><a href="/y">one</a></div>`,
    );
    const [a, b] = [body.querySelector('#a'), body.querySelector('#b')];
    if (!a || !b) throw new Error('no blocks');
    expect(linkDensity(a)).toBe(1);
    expect(linkDensity(b)).toBeLessThan(0.1);
    expect(holdsRunningText(b)).toBe(true);
    expect(holdsRunningText(a)).toBe(false);
  });

  it('finds running text in a later or nested paragraph, not in a short one, a linked one or a template', () => {
    const cases: [string, boolean][] = [
      [`<li>Home</li><li><div><p>Short.</p></div></li><blockquote><span>${LONG}</span></blockquote>`, true],
      [`<p>Short.</p><p><a href="/x">${LONG}</a></p>`, false],
      [`<p>Short.</p><template><p>${LONG}</p></template>`, false],
      // No paragraph at all: the block's own text counts.
      [`<span>${LONG}</span>`, true],
      [`<p>Short.</p><span>${LONG}</span>`, false],
    ];
    for (const [html, expected] of cases) {
      const el = bodyOf(`<div>${html}</div>`).firstElementChild;
      expect([html, el && holdsRunningText(el)]).toEqual([html, expected]);
    }
  });

  it('tells sentences from labels, and reads parts spaced apart', () => {
    expect(isSentence('It voted to delay.')).toBe(true);
    expect(isSentence('图集')).toBe(false);
    expect(spacedText(bodyOf('<a>+1</a><span>86</span><b>收藏</b>'))).toBe('+1 86 收藏');
  });

  it('grows a box below layout wrappers and marks it with its children', () => {
    const body = bodyOf('<main><h1>T</h1><div id="box"><div><form id="f"><input></form></div></div></main>');
    const form = body.querySelector('#f');
    if (!form) throw new Error('no form');
    const box = growBox(form, () => true);
    expect(box.id).toBe('box');
    expect(isLayout(body.querySelector('main') as Element)).toBe(true);
    dropBlock(box);
    expect(box.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
    expect(box.firstElementChild?.hasAttribute(DROP_ATTRIBUTE)).toBe(true);
    expect(isGone(form, body)).toBe(true);
    expect(isGone(body.querySelector('h1') as Element, body)).toBe(false);
  });
});

describe('measureLinkedText', () => {
  it('equals measureText of the whole text and the sum over every link, nested links counted per link', () => {
    const el = bodyOf(
      '<div>Intro 宁波 <a href="/a">one <b>two</b></a> <p>text <a href="/b">x<a href="/c">yz</a></a></p><svg><a>s</a></svg> end</div>',
    ).firstElementChild as Element;
    const total = measureText(el.textContent ?? '');
    const linked = Array.from(el.querySelectorAll('a')).reduce(
      (s, a) => s + measureText(a.textContent ?? ''),
      0,
    );
    expect(measureLinkedText(el)).toEqual({ total, linked });
    expect(measureProse(el)).toBe(total - linked);
  });

  it('is zero for an empty element and counts a link that is the element itself as text, not link', () => {
    const body = bodyOf('<a href="/a">only a link</a><span></span>');
    expect(measureLinkedText(body.querySelector('span') as Element)).toEqual({ total: 0, linked: 0 });
    expect(measureLinkedText(body.querySelector('a') as Element)).toEqual({ total: 9, linked: 0 });
  });
});

describe('measureLinkedTextUnless', () => {
  const html =
    '<div>Intro 宁波 <a href="/a">one <b>two</b></a> <p>text <a href="/b">x<a href="/c">yz</a></a></p><svg><a>s</a></svg> end</div>';

  it('gives measureLinkedText when the test never holds, and the element itself is no link', () => {
    const el = bodyOf(html).firstElementChild as Element;
    expect(measureLinkedTextUnless(el, () => false)).toEqual(measureLinkedText(el));
    const link = bodyOf('<a href="/a">only a link</a>').firstElementChild as Element;
    expect(measureLinkedTextUnless(link, () => false)).toEqual({ total: 9, linked: 0 });
  });

  it('stops at the first text node after which the test holds, with the links weighed in full', () => {
    const el = bodyOf(html).firstElementChild as Element;
    const { total, linked } = measureLinkedText(el);
    const seen: number[] = [];
    const result = measureLinkedTextUnless(el, (sofar, links) => {
      expect(links).toBe(linked);
      seen.push(sofar);
      return sofar >= 10;
    });
    expect(result).toBeNull();
    // `Intro 宁波 ` weighs 10: the first text node decides, and nothing after it is read.
    expect(seen).toEqual([10]);
    expect(total).toBeGreaterThan(10);
  });
});

describe('weighsMoreThan', () => {
  it('answers as measureText of the whole text would, for every bound', () => {
    const el = bodyOf('<div>ab <span>宁波</span><p>c<b> d </b></p><!-- xx --><i></i>e</div>')
      .firstElementChild as Element;
    const weight = measureText(el.textContent ?? '');
    expect(weight).toBe(10);
    for (let max = 0; max <= 12; max++) expect(weighsMoreThan(el, max)).toBe(weight > max);
    expect(weighsMoreThan(bodyOf('<p></p>').firstElementChild as Element, 0)).toBe(false);
  });
});

describe('isGone (walk)', () => {
  it('is true outside the root, inside a marked block or on a marked element, and false otherwise', () => {
    const body = bodyOf('<div id="a"><p id="in">x</p></div><div id="m"><p id="under">y</p></div>');
    const root = body.querySelector('#a') as Element;
    dropBlock(body.querySelector('#m') as Element);
    expect(isGone(body.querySelector('#in') as Element, root)).toBe(false);
    expect(isGone(root, root)).toBe(false);
    expect(isGone(body.querySelector('#under') as Element, body)).toBe(true);
    expect(isGone(body.querySelector('#m') as Element, body)).toBe(true);
    expect(isGone(body.querySelector('#under') as Element, root)).toBe(true);
    const detached = body.querySelector('#in') as Element;
    detached.remove();
    expect(isGone(detached, body)).toBe(true);
  });
});

describe('hasAncestorTag', () => {
  it('answers as closest() with those tag names, the element itself included', () => {
    const body = bodyOf(
      '<figure><div><span id="s">x</span></div></figure><p id="p"><b id="b">y</b></p><i id="i">z</i>',
    );
    const tags = new Set(['FIGURE', 'P']);
    for (const id of ['s', 'p', 'b', 'i']) {
      const el = body.querySelector(`#${id}`) as Element;
      expect(hasAncestorTag(el, tags)).toBe(el.closest('figure, p') !== null);
    }
  });
});

describe('layoutTest', () => {
  it('answers as isLayout for every element, and again after the headline is removed', () => {
    const { document } = parseHTML(
      '<html><body><main><div id="top"><header><h1>Title</h1></header><p>Text</p></div>' +
        '<aside><ul><li>One</li><li>Two</li></ul></aside></main><footer><p>Foot</p></footer></body></html>',
    ) as unknown as { document: Document };
    const test = layoutTest(document.body);
    const all = (): Element[] => Array.from(document.body.querySelectorAll('*'));
    expect(all().map((el) => test.isLayout(el))).toEqual(all().map((el) => isLayout(el)));
    expect(test.isLayout(document.querySelector('#top') as Element)).toBe(true);
    document.querySelector('header')?.remove();
    test.reset();
    expect(all().map((el) => test.isLayout(el))).toEqual(all().map((el) => isLayout(el)));
    expect(test.isLayout(document.querySelector('#top') as Element)).toBe(false);
  });
});
