import { describe, expect, it } from 'vitest';
import { measureText } from '../../utils/pure/text-weight';

describe('measureText', () => {
  it('counts characters without whitespace', () => {
    expect(measureText('ab c')).toBe(3);
    expect(measureText(' \n\t')).toBe(0);
  });

  it('weighs a CJK character 2.5 Latin ones', () => {
    expect(measureText('宁波 ab')).toBe(7);
    expect(measureText('かな')).toBe(5);
  });

  it('ignores every whitespace character `\\s` matches, and counts the other wide characters once', () => {
    const spaces = '\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\v\f\r';
    expect(measureText(`a${spaces}b`)).toBe(2);
    expect(measureText('é€—😀')).toBe(5);
    // An astral Han character is two UTF-16 units, as the string length counts it: 4 units - 3 CJK + 3 × 2.5.
    expect(measureText('한국 𠀀')).toBe(8.5);
  });
});
