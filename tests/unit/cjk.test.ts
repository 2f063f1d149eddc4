import { describe, expect, it } from 'vitest';
import { CJK_CHAR, CJK_TEXT_RANGES, countCjk } from '../../utils/pure/cjk';

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

describe('CJK_TEXT_RANGES', () => {
  const cjkText = new RegExp(`^[${CJK_TEXT_RANGES}]+$`);

  it('holds CJK letters and the punctuation and full-width forms that join them', () => {
    expect(cjkText.test('中文かなカナ')).toBe(true);
    expect(cjkText.test('，。「」：（）')).toBe(true);
    expect(cjkText.test('ＡＢＣ１２３')).toBe(true);
  });

  it('holds no Latin letters, digits or ASCII punctuation', () => {
    expect(cjkText.test('a')).toBe(false);
    expect(cjkText.test('1')).toBe(false);
    expect(cjkText.test(',')).toBe(false);
  });
});
