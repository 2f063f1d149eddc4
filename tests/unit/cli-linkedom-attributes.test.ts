// CLI parse: a class attribute linked directly reads, matches and changes as linkedom's own setAttribute leaves it.
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { joinClassTokens, makeAttributeSetter } from '../../cli/linkedom-attributes';

const newDocument = (): Document =>
  (parseHTML('<html><body></body></html>') as unknown as { document: Document }).document;

/** Class values as pages write them: padded, doubled, tabs and newlines, no-break spaces, repeats, empty. */
const VALUES = ['a', ' a  b ', 'a\tb\nc', 'a\u00a0b', 'b a b', '', '   ', 'x-1 x_2 X-1'];

describe('makeAttributeSetter', () => {
  // Once through the direct links linkedom has today, once through the fallback for a linkedom without them.
  const PATHS = [
    { path: 'linked', make: (doc: Document) => makeAttributeSetter(doc), usesSetAttribute: false },
    { path: 'fallback', make: (doc: Document) => makeAttributeSetter(doc, null), usesSetAttribute: true },
  ];

  it.each(PATHS)(
    'leaves each class value, token list and selector match as setAttribute does ($path)',
    (p) => {
      const doc = newDocument();
      const set = p.make(doc);
      for (const value of VALUES) {
        const own = doc.createElement('p');
        own.setAttribute('id', 'i');
        own.setAttribute('class', value);
        const linked = doc.createElement('p');
        set(linked, 'id', 'i');
        // The path taken: the linked one sets a new class without setAttribute, the fallback through it.
        const spy = vi.spyOn(linked, 'setAttribute');
        set(linked, 'class', value);
        expect(spy.mock.calls.length > 0, value).toBe(p.usesSetAttribute);
        spy.mockRestore();
        expect(linked.getAttributeNames(), value).toEqual(own.getAttributeNames());
        expect(linked.getAttributeNode('class')?.value, value).toBe(own.getAttributeNode('class')?.value);
        expect(linked.getAttribute('class'), value).toBe(own.getAttribute('class'));
        expect([...linked.classList], value).toEqual([...own.classList]);
        expect(linked.outerHTML, value).toBe(own.outerHTML);
        expect(joinClassTokens(value), value).toBe(own.getAttributeNode('class')?.value);
      }
    },
  );

  it('keeps the element working as linkedom has it: queries, token changes, removal, clones', () => {
    const doc = newDocument();
    const set = makeAttributeSetter(doc);
    const el = doc.createElement('div');
    set(el, 'class', ' story  lead ');
    doc.body.appendChild(el);
    expect(doc.querySelector('.lead')).toBe(el);
    el.classList.add('wide');
    el.classList.remove('story');
    expect(el.getAttribute('class')).toBe('lead wide');
    expect(el.cloneNode(true)).toHaveProperty('className', 'lead wide');
    el.removeAttribute('class');
    expect(el.hasAttribute('class')).toBe(false);
    expect(el.classList.length).toBe(0);
  });
});
