// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { selectorFor } from '../../utils/dom/css-selector';

/** Puts test markup in the body through the parser, never innerHTML. */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

afterEach(() => {
  document.body.replaceChildren();
});

function page(html: string): Document {
  setBody(html);
  return document;
}

/** The selector must find exactly the element it was built for. */
function check(el: Element | null): string {
  if (!el) throw new Error('no element');
  const selector = selectorFor(el);
  if (selector === null) throw new Error('no selector');
  const found = el.ownerDocument.querySelectorAll(selector);
  expect(found.length).toBe(1);
  expect(found[0]).toBe(el);
  return selector;
}

describe('selectorFor', () => {
  it('uses a stable id', () => {
    const doc = page('<article><div id="promo-box">Buy</div></article>');
    expect(check(doc.querySelector('#promo-box'))).toBe('#promo-box');
  });

  it('skips generated ids and classes, using classes and position instead', () => {
    const doc = page(
      '<main><div id="ember1234" class="css-1x9f8a promo">A</div><div class="promo">B</div></main>',
    );
    const selector = check(doc.querySelectorAll('.promo')[1] ?? null);
    expect(selector).not.toContain('ember1234');
    expect(selector).not.toContain('css-1x9f8a');
    expect(selector).toContain('div.promo:nth-of-type(2)');
  });

  it('anchors at the nearest ancestor with a stable id', () => {
    const doc = page('<div id="story"><p>One</p><aside><p>Ad</p></aside></div><aside><p>Other</p></aside>');
    const selector = check(doc.querySelector('#story aside'));
    expect(selector.startsWith('#story > ')).toBe(true);
  });

  it('builds a path from the body for a page with no ids or classes', () => {
    const doc = page('<section><div>A</div><div>B</div></section><section><div>C</div></section>');
    check(doc.querySelectorAll('div')[1] ?? null);
    check(doc.querySelectorAll('div')[2] ?? null);
  });

  it('gives no selector for an element outside the document', () => {
    const doc = page('<p>x</p>');
    expect(selectorFor(doc.createElement('div'))).toBeNull();
  });
});
