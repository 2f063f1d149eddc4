import { describe, expect, it } from 'vitest';
import { readUrlDate } from '../../utils/dom/date-url';

const NOW = new Date('2024-01-01T00:00:00Z');

describe('readUrlDate', () => {
  it('reads a full day from the path', () => {
    expect(readUrlDate('https://e.com/2022/02/17/story', NOW)?.candidate?.parts).toEqual({
      year: 2022,
      month: 2,
      day: 17,
    });
    expect(readUrlDate('https://e.com/news/20220217-story.html', NOW)?.candidate?.parts.day).toBe(17);
  });

  it('keeps a year and month without a day, and refuses the future and the far past', () => {
    expect(readUrlDate('https://e.com/2019/12/slug', NOW)).toEqual({
      candidate: null,
      year: 2019,
      month: 12,
    });
    expect(readUrlDate('https://e.com/2030/01/02/x', NOW)).toBeNull();
    expect(readUrlDate('https://e.com/1980/01/02/x', NOW)).toBeNull();
    expect(readUrlDate('not a url', NOW)).toBeNull();
  });
});
