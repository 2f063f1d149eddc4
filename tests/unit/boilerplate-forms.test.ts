// Sign-up boxes and skip links, on pages written for the test (a newspaper story with a newsletter box inside it).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeSignUpBoxes, removeSkipRegions } from '../../utils/dom/boilerplate-forms';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';

const PARAGRAPH =
  'The council met on Tuesday evening to discuss the new budget, and after three hours of debate it voted to delay the decision until the spring.';

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

/** The body's text without the blocks marked for removal. */
function kept(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(`[${DROP_ATTRIBUTE}]`))) el.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removeSignUpBoxes', () => {
  it('drops a newsletter box grown from its email form, heading and privacy line included', () => {
    const body = bodyOf(`<article><p>${PARAGRAPH}</p>
      <div class="promo-wrap"><h3>Get the morning briefing</h3><p>Five stories, every weekday.</p>
        <form><input type="email" placeholder="you@example.com"><button>Go</button></form>
        <p>We use your address only for this.</p></div><p>${PARAGRAPH}</p></article>`);
    removeSignUpBoxes(body);
    expect(kept(body)).not.toContain('morning briefing');
    expect(kept(body)).not.toContain('only for this');
    expect(kept(body).split('The council').length - 1).toBe(2);
  });

  it('keeps a contact form with a message field, and a story that mentions newsletters', () => {
    const body = bodyOf(`<article><p>${PARAGRAPH} Readers of our newsletter wrote in to ask about it.</p>
      <form><input type="email"><input name="name"><textarea></textarea><button>Send</button></form></article>`);
    removeSignUpBoxes(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });

  it('drops a box named as a newsletter that holds a button, by its class and words together', () => {
    const body = bodyOf(`<article><p>${PARAGRAPH}</p>
      <div class="nl-newsletter"><strong>Abonnieren Sie unseren Newsletter</strong><button>Jetzt</button></div></article>`);
    removeSignUpBoxes(body);
    expect(kept(body)).toBe(PARAGRAPH);
  });
});

describe('removeSkipRegions', () => {
  it('drops the skip link, what it skips and the marker line it lands on', () => {
    const body = bodyOf(`<div class="body"><p>${PARAGRAPH}</p>
      <a href="#after-box">skip past promotion</a>
      <section><h2>Sign up</h2><form><input type="email"></form></section>
      <p id="after-box">after promotion</p><p>${PARAGRAPH}</p></div>`);
    removeSkipRegions(body);
    expect(kept(body)).not.toMatch(/promotion|Sign up/);
    expect(kept(body).split('The council').length - 1).toBe(2);
  });

  it('keeps what it skips when that is running text, and a heading it lands on', () => {
    const body = bodyOf(`<div><a href="#part-2">Jump to part two</a>
      <p>${PARAGRAPH} ${PARAGRAPH}</p><h2 id="part-2">Part two</h2><p>${PARAGRAPH}</p></div>`);
    removeSkipRegions(body);
    expect(kept(body)).toContain('Part two');
    expect(kept(body).split('The council').length - 1).toBe(3);
  });

  it('ignores links to earlier parts of the page and to missing targets', () => {
    const body = bodyOf(
      `<h2 id="top">Top</h2><p>${PARAGRAPH}</p><a href="#top">Back to top</a><a href="#nowhere">x</a>`,
    );
    removeSkipRegions(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });
});
