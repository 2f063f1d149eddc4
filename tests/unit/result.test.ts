import { describe, expect, it } from 'vitest';
import { ERROR_CODES, fail, isErrorCode, isRecord, ok } from '../../utils/pure/result';

describe('result', () => {
  it('builds ok and failed results, leaving out an absent detail', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('timeout')).toEqual({ ok: false, code: 'timeout' });
    expect(fail('unknown', 'why')).toEqual({ ok: false, code: 'unknown', detail: 'why' });
  });

  it('knows its closed set of codes', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('nope')).toBe(false);
    expect(isErrorCode(7)).toBe(false);
  });

  it('isRecord accepts plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    for (const value of [null, undefined, [], 'x', 1, true]) expect(isRecord(value)).toBe(false);
  });
});
