import { describe, expect, it } from 'vitest';
import { MONTH_ROWS, monthNumbers } from '../../utils/pure/month-names';

describe('month-names', () => {
  it('gives every row twelve months', () => {
    for (const [language, months] of MONTH_ROWS) {
      expect(months.split(' | '), language).toHaveLength(12);
    }
  });

  it('numbers each spelling by its column', () => {
    const names = monthNumbers();
    expect(names.get('january')).toBe(1);
    expect(names.get('sept')).toBe(9);
    expect(names.get('décembre')).toBe(12);
    expect(names.get('كانون الثاني')).toBe(1);
    expect(names.get('')).toBeUndefined();
  });

  it('writes names in lower case with no stray separators', () => {
    for (const name of monthNumbers().keys()) {
      expect(name).toBe(name.toLowerCase());
      expect(name).not.toMatch(/[|,]|^\s|\s$/);
    }
  });
});
