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
});
