// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockAt, startPicker } from '../../utils/dom/picker';

const running: Array<() => void> = [];
/** Puts test markup in the body through the parser, never innerHTML. */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

afterEach(() => {
  for (const stop of running.splice(0)) stop();
  document.body.replaceChildren();
});

function setUp() {
  setBody(
    '<article><p id="lead">Lead <a href="https://x.example/">link</a></p><div class="promo"><span>Buy now</span></div><p>End</p></article>',
  );
  const onDone = vi.fn();
  const stop = startPicker(document, { hint: 'Click to remove.', countText: (n) => `${n} marked`, onDone });
  running.push(stop);
  return { onDone, stop };
}

function at(selector: string): Element {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

const mouse = (type: string, el: Element) =>
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
const key = (name: string) =>
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

describe('startPicker', () => {
  it('marks clicked blocks, unmarks on a second click, and hands back their selectors on Enter', () => {
    const { onDone } = setUp();
    mouse('click', at('.promo span'));
    mouse('click', at('#lead a'));
    mouse('click', at('#lead'));
    key('Enter');
    expect(onDone).toHaveBeenCalledTimes(1);
    const selectors = onDone.mock.calls[0]?.[0] as string[];
    expect(selectors).toHaveLength(1);
    expect(document.querySelectorAll(selectors[0] ?? '')).toEqual(document.querySelectorAll('.promo'));
  });

  it('keeps clicks from the page: no link is followed', () => {
    setUp();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    at('#lead a').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('leaves on Escape with nothing, restoring the page', () => {
    const { onDone } = setUp();
    const before = document.body.innerHTML;
    expect(document.querySelector('postclip-picker')).not.toBeNull();
    mouse('mouseover', at('.promo'));
    mouse('click', at('.promo'));
    key('Escape');
    expect(onDone).toHaveBeenCalledWith(null);
    expect(document.querySelector('postclip-picker')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
    // Gone for good: later keys and clicks reach the page again.
    key('Enter');
    expect(onDone).toHaveBeenCalledTimes(1);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    at('#lead a').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('keeps its overlay out of the page: a closed shadow root', () => {
    setUp();
    const host = document.querySelector('postclip-picker');
    expect(host?.shadowRoot).toBeNull();
    expect(host?.children).toHaveLength(0);
  });
});

describe('blockAt', () => {
  it('climbs from inline bits to their block, and never returns the body', () => {
    setBody('<div class="box"><span><b>x</b></span></div>');
    const host = document.createElement('postclip-picker');
    expect(blockAt(at('b'), host)).toBe(at('.box'));
    expect(blockAt(document.body, host)).toBeNull();
  });
});
