import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../utils/pure/error-message';

describe('errorMessage', () => {
  it("gives an Error's message", () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
  });

  it('gives anything else thrown as text', () => {
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
