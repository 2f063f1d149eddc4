import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../utils/pure/time-zone';

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });
  it('refuses empty text and unknown names', () => {
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('   ')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
