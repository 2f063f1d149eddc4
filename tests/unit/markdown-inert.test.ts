import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cloneInert, parseInert } from '../../utils/dom/markdown-inert';

describe('inert copies', () => {
  it('cloneInert copies deeply, leaving the page untouched', () => {
    const { document } = parseHTML(
      '<!doctype html><html><head></head><body><div id="a"><p>x</p></div></body></html>',
    );
    const original = document.querySelector('#a');
    if (!original) throw new Error('no #a');
    const copy = cloneInert(original);
    copy.querySelector('p')?.remove();
    expect(original.innerHTML).toBe('<p>x</p>');
    expect(copy.innerHTML).toBe('');
  });

  it('parseInert parses HTML into a detached holder', () => {
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    const holder = parseInert('<p>one</p><p>two</p>', document);
    expect(Array.from(holder.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['one', 'two']);
    expect(document.body.innerHTML).toBe('');
  });
});
