import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isPlausible, isSkipContainer, makeContext } from '../../utils/dom/date-context';

const NOW = new Date('2024-01-01T00:00:00Z');

describe('date-context', () => {
  it('refuses dates before the web and after now', () => {
    expect(isPlausible({ year: 2020, month: 5, day: 1 }, NOW)).toBe(true);
    expect(isPlausible({ year: 1990, month: 5, day: 1 }, NOW)).toBe(false);
    expect(isPlausible({ year: 2025, month: 5, day: 1 }, NOW)).toBe(false);
  });

  it('skips comments and related lists, but never the container of the headline', () => {
    const { document } = parseHTML(
      '<div class="comments"><h1>Title</h1></div><div class="comments"><p>x</p></div>',
    );
    const [withHeadline, plain] = Array.from(document.querySelectorAll('.comments'));
    if (!withHeadline || !plain) throw new Error('fixture');
    expect(isSkipContainer(plain, null)).toBe(true);
    expect(isSkipContainer(withHeadline, document.querySelector('h1'))).toBe(false);
  });

  it('gives a Chinese page Beijing time as its publisher zone', () => {
    const { document } = parseHTML('<html lang="zh-CN"><body><h1>宁波迈向智造未来</h1></body></html>');
    const ctx = makeContext(document, 'https://e.com/a', { now: NOW });
    expect(ctx.publisherOffset).toBe(480);
    expect(ctx.headline?.textContent).toBe('宁波迈向智造未来');
  });
});

describe('publisherOffsets', () => {
  it('is the range of a country of several zones named by the host, when the zone is unknown', () => {
    const { document } = parseHTML('<html lang="fr"><head></head><body></body></html>');
    const now = new Date('2020-06-01T00:00:00Z');
    const ctx = makeContext(document, 'http://ici.radio-canada.ca/nouvelle/1728875/', { now });
    expect(ctx.publisherZone).toBeNull();
    expect(ctx.publisherOffsets).toEqual([-480, -150]);
    // `en-US` is WordPress's default for English sites anywhere: not a country.
    const blog = parseHTML('<html lang="en-US"><head></head><body></body></html>').document;
    expect(makeContext(blog, 'https://www.foodblog.example.com/cake/', { now }).publisherOffsets).toBeNull();
  });
});
