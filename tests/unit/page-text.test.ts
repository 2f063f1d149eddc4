import { describe, expect, it } from 'vitest';
import {
  clean,
  compact,
  countHan,
  decodeEntities,
  isUrlLike,
  normalizeSpace,
  splitKeywords,
} from '../../utils/pure/page-text';

describe('page-text', () => {
  it('collapses every kind of space', () => {
    expect(normalizeSpace(' a\u00a0\u3000 b\n')).toBe('a b');
    expect(normalizeSpace(null)).toBe('');
  });

  it('decodes named and numeric entities, and leaves unknown ones', () => {
    expect(decodeEntities('Tom &amp; Jerry&#8217;s &#x4E2D; &bogus;')).toBe('Tom & Jerry’s 中 &bogus;');
    expect(clean('  A&nbsp;&amp;  B ')).toBe('A & B');
  });

  it('compares by letters and digits only', () => {
    expect(compact('The New-York Times!')).toBe('thenewyorktimes');
    expect(compact('中国 网')).toBe('中国网');
  });

  it('counts Han characters but not kana or Hangul', () => {
    expect(countHan('中国かな한국')).toBe(2);
  });

  it('tells links from names', () => {
    expect(isUrlLike('https://a.b/c')).toBe(true);
    expect(isUrlLike('//a.b')).toBe(true);
    expect(isUrlLike('www.example.com')).toBe(true);
    expect(isUrlLike('Jane Doe')).toBe(false);
  });

  it('splits keywords on Latin and CJK separators', () => {
    expect(splitKeywords('a, b，c、d;e；f|g｜ ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
