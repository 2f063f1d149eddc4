import { describe, expect, it } from 'vitest';
import { findSourceLine } from '../../utils/pure/credits';

describe('findSourceLine', () => {
  it('keeps a Latin source name and drops what follows', () => {
    expect(findSourceLine(['Source: The Associated Press | Updated 3 hours ago'])).toBe(
      'The Associated Press',
    );
    expect(findSourceLine(['来源：网络'])).toBe('网络');
    expect(findSourceLine(['No source here'])).toBeNull();
  });
});
