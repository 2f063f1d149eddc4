import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isExcluded, isPlausible, isSkipContainer, makeContext } from '../../utils/dom/date-context';
import { findPublishedDate } from '../../utils/dom/published-date';

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

  it("skips an embedded post's date in a blockquote, unless the blockquote holds the headline", () => {
    const story = `<p>${'The court ruled on the posts of the influencer. '.repeat(10)}</p>`;
    const embed =
      '<blockquote class="instagram-media"><div><p><a href="https://www.instagram.com/p/x/">A post shared by Ann</a> (@ann) on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018 at 12:30pm PDT</time></p></div></blockquote>';
    const { document } = parseHTML(
      `<html lang="en"><head><title>What changes after the ruling</title></head><body><article><h1>What changes after the ruling</h1>${story}${embed}${story}<div class="comment-header">Tuesday, 29 January 2019</div></article></body></html>`,
    );
    const ctx = makeContext(document, 'https://e.com/a', { now: NOW });
    expect(isExcluded(document.querySelector('time') as Element, ctx)).toBe(true);
    expect(findPublishedDate(document, 'https://e.com/a', { now: NOW })?.parts).toEqual({
      year: 2019,
      month: 1,
      day: 29,
    });
    // A 1990s page indents its whole story with a blockquote: its dateline is still the story's.
    const old = parseHTML(
      `<html><head><title>Club news</title></head><body><blockquote><h1>Club news</h1><p>Posted 3 May 1999</p>${story}</blockquote></body></html>`,
    ).document;
    expect(findPublishedDate(old, 'https://e.com/club', { now: NOW })?.parts).toEqual({
      year: 1999,
      month: 5,
      day: 3,
    });
  });
});
