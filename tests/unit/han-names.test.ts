import { describe, expect, it } from 'vitest';
import {
  NOT_A_NAME,
  formatHanNames,
  isHanWord,
  isLikelyHanName,
  isUsualHanName,
  joinSplitHanNames,
} from '../../utils/pure/han-names';

describe('han-names', () => {
  it('takes two to four Han characters under a common or compound surname as a name', () => {
    expect(isLikelyHanName('张三')).toBe(true);
    expect(isLikelyHanName('欧阳修')).toBe(true);
    expect(isLikelyHanName('犬儒病')).toBe(false);
    expect(isLikelyHanName('张')).toBe(false);
    expect(isLikelyHanName('张家新闻网')).toBe(false);
  });

  it('refuses words that end organisations and credits', () => {
    expect(NOT_A_NAME.test('王府井集团')).toBe(true);
    expect(isLikelyHanName('李记者')).toBe(false);
  });

  it('knows Han words, with the middle dot of transliterated names', () => {
    expect(isHanWord('阿尔伯特·爱因斯坦')).toBe(true);
    expect(isHanWord('张三 李四')).toBe(false);
  });

  it('lists names with commas and joins a name spaced out for the layout', () => {
    expect(formatHanNames('王建宏 张文攀')).toBe('王建宏, 张文攀');
    expect(formatHanNames('赵 培')).toBe('赵培');
    expect(formatHanNames('Jane Doe')).toBe('Jane Doe');
  });

  it('joins a two-character name padded to three in a list of names, and only a pair of halves', () => {
    expect(formatHanNames('王乐文 方 敏')).toBe('王乐文, 方敏');
    expect(joinSplitHanNames(['方', '敏', '王乐文'])).toEqual(['方敏', '王乐文']);
    // Three single characters are no name and a half.
    expect(joinSplitHanNames(['王', '李', '张'])).toEqual(['王', '李', '张']);
    // Two halves that do not read as a name stay apart in a longer list.
    expect(joinSplitHanNames(['王乐文', '的', '是'])).toEqual(['王乐文', '的', '是']);
  });

  it('takes four characters for a usual name only under a compound surname', () => {
    expect(isUsualHanName('李建国')).toBe(true);
    expect(isUsualHanName('欧阳建国')).toBe(true);
    expect(isUsualHanName('查看价格')).toBe(false);
  });
});
