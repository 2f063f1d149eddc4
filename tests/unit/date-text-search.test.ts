import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listTextDates } from '../../utils/dom/date-text-search';

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
