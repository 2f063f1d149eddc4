// What a control is beside a byline: buttons, follow and subscribe controls, social links that hold no name.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isControl, isControlLabel } from '../../utils/dom/byline-controls';

const doc = (body: string): Document => parseHTML(`<html><body>${body}</body></html>`).document;
const el = (body: string): Element => doc(body).body.firstElementChild as Element;

describe('isControl', () => {
  it('is true for a button, a follow control and a social link holding a handle, its network or an icon', () => {
    expect(isControl(el('<button>Follow</button>'))).toBe(true);
    expect(isControl(el('<span class="follow-btn">关注</span>'))).toBe(true);
    expect(isControl(el('<a href="https://twitter.com/janedoe">@janedoe</a>'))).toBe(true);
    expect(isControl(el('<a href="https://www.linkedin.com/in/janedoe">LinkedIn</a>'))).toBe(true);
    expect(isControl(el('<a href="mailto:jane@example.com"><svg></svg></a>'))).toBe(true);
  });

  it('is false for a name linked to its profile and a `follow-name` element', () => {
    expect(isControl(el('<a href="https://www.linkedin.com/in/janedoe">Jane Doe</a>'))).toBe(false);
    expect(isControl(el('<span class="follow-name">Jane Doe</span>'))).toBe(false);
    expect(isControl(el('<div class="follow-btn"><p>Jane Doe</p></div>'))).toBe(false);
  });
});

describe('isControlLabel', () => {
  it("is true for a button's whole text on the page, false for other text", () => {
    const d = doc('<span class="name">去驴行</span><a class="subscribe-btn"><i></i>关注</a>');
    expect(isControlLabel(d, '关注')).toBe(true);
    expect(isControlLabel(d, '去驴行')).toBe(false);
  });
});
