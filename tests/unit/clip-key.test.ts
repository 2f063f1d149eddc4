import { describe, expect, it } from 'vitest';
import { pageKeyOf, toClipKey } from '../../utils/pure/clip-key';

describe('toClipKey', () => {
  it('drops the fragment only', () => {
    expect(toClipKey('https://a.example/p?q=1#frag')).toBe('https://a.example/p?q=1');
    expect(toClipKey('not a url#x')).toBe('not a url');
  });
});

describe('pageKeyOf', () => {
  it('keys a page by its canonical URL when it has one', () => {
    expect(pageKeyOf({ url: 'https://a.example/p?utm=x', canonical: 'https://a.example/p#top' })).toBe(
      'https://a.example/p',
    );
  });

  it('keys a page by its own URL without a canonical one', () => {
    expect(pageKeyOf({ url: 'https://a.example/p?id=2#c', canonical: null })).toBe(
      'https://a.example/p?id=2',
    );
    expect(pageKeyOf({ url: 'https://a.example/q' })).toBe('https://a.example/q');
  });
});
