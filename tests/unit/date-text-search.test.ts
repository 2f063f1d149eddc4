import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitsShort, listTextDates } from '../../utils/dom/date-text-search';
import { MAX_SHORT_TEXT } from '../../utils/dom/date-context';

const NOW = new Date('2024-01-01T00:00:00Z');

describe('listTextDates', () => {
  it('scores the labelled dateline under the headline above a date in the footer', () => {
    const { document } = parseHTML(
      `<html><head><title>Harbour wall approved</title></head><body><h1>Harbour wall approved</h1>
       <p class="date">Published: 17 February 2022</p><p>${'Story text. '.repeat(20)}</p>
       <footer><p>Archived 3 March 2021</p></footer></body></html>`,
    );
    const found = listTextDates(document, 'https://e.com/a', { now: NOW });
    const best = [...found].sort((a, b) => b.score - a.score)[0];
    expect(best?.day).toBe('2022-2-17');
  });

  it('never throws on a page without text', () => {
    const { document } = parseHTML('<html><body></body></html>');
    expect(listTextDates(document, 'https://e.com/a', { now: NOW })).toEqual([]);
  });
});

describe('fitsShort', () => {
  const slow = (raw: string): boolean => raw.replace(/\s+/g, ' ').trim().length <= MAX_SHORT_TEXT;
  it('agrees with collapsing and trimming the whole text', () => {
    const piece = fc.constantFrom('a', '长', ' ', '\n', '\t', '  ', 'word ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 600 }), (parts) => {
        const raw = parts.join('');
        expect(fitsShort(raw)).toBe(slow(raw));
      }),
    );
    for (const raw of [
      ' '.repeat(500),
      `${'x'.repeat(MAX_SHORT_TEXT)}   `,
      ` ${'x'.repeat(MAX_SHORT_TEXT + 1)}`,
    ])
      expect(fitsShort(raw)).toBe(slow(raw));
  });
});
