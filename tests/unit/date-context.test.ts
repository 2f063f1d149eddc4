import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isPlausible, isSkipContainer, makeContext, withLocaleRegion } from '../../utils/dom/date-context';

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

describe('withLocaleRegion', () => {
  it("adds og:locale's country to a bare language tag of the same language, and nothing else", () => {
    expect(withLocaleRegion('en', 'en_US')).toBe('en-us');
    expect(withLocaleRegion('en-GB', 'en_US')).toBe('en-GB');
    expect(withLocaleRegion('zh', 'en_US')).toBe('zh');
    expect(withLocaleRegion('fr', null)).toBe('fr');
    expect(withLocaleRegion(null, 'fr_CA')).toBe('fr_CA');
    expect(withLocaleRegion(null, 'fr')).toBeNull();
  });

  it('gives the context the range of a country of several zones when its zone is unknown', () => {
    const { document } = parseHTML(
      '<html lang="en"><head><meta property="og:locale" content="en_US"></head><body></body></html>',
    );
    const ctx = makeContext(document, 'https://abc7ny.com/a', { now: new Date('2020-06-01T00:00:00Z') });
    expect(ctx.publisherZone).toBeNull();
    expect(ctx.publisherOffsets).toEqual([-600, -240]);
  });
});
