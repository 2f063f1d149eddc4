import { describe, expect, it } from 'vitest';
import { CJK_CHAR, countCjk } from '../../utils/pure/cjk';

describe('CJK characters', () => {
  it('counts Han, kana and Hangul, and nothing else', () => {
    expect(countCjk('中国 news ひらがな カタカナ 한국')).toBe(2 + 4 + 4 + 2);
    expect(countCjk('plain ASCII, café, Ελληνικά')).toBe(0);
  });
  it('matches one character without state between calls', () => {
    expect(CJK_CHAR.test('字')).toBe(true);
    expect(CJK_CHAR.test('字')).toBe(true);
    expect(CJK_CHAR.test('a')).toBe(false);
  });
});
