import { describe, expect, it } from 'vitest';
import { readUrlDate, readUrlDayFirst } from '../../utils/dom/date-url';

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

describe('readUrlDayFirst', () => {
  it('reads a day-and-month date in the path when its order is beyond doubt', () => {
    expect(readUrlDayFirst('https://e.de/presse/meldungen/29-10-2021', NOW)?.parts).toEqual({
      year: 2021,
      month: 10,
      day: 29,
    });
    expect(readUrlDayFirst('https://e.com/news/10.29.2021-council-meets', NOW)?.parts.day).toBe(29);
    expect(readUrlDayFirst('https://e.com/news/05_05_2020', NOW)?.parts.month).toBe(5);
  });

  it('refuses an order in doubt, a day that does not exist, the future, and version numbers', () => {
    expect(readUrlDayFirst('https://e.com/news/03-04-2020', NOW)).toBeNull();
    expect(readUrlDayFirst('https://e.com/news/31-02-2020', NOW)).toBeNull();
    expect(readUrlDayFirst('https://e.com/news/29-10-2030', NOW)).toBeNull();
    expect(readUrlDayFirst('https://e.com/release/v1.29.2021', NOW)).toBeNull();
    expect(readUrlDayFirst('https://e.com/news/29-10-20219', NOW)).toBeNull();
    expect(readUrlDayFirst('not a url', NOW)).toBeNull();
  });
});
