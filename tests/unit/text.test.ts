import { describe, expect, it } from 'vitest';
import { toWellFormed } from '../../utils/pure/text';

describe('toWellFormed', () => {
  it('replaces lone surrogates and keeps pairs, CJK and emoji', () => {
    expect(toWellFormed('a\uD800b')).toBe('a\uFFFDb');
    expect(toWellFormed('\uDC00end')).toBe('\uFFFDend');
    expect(toWellFormed('新闻 😀 ok')).toBe('新闻 😀 ok');
  });

  it('always yields text that encodes to UTF-8 and back unchanged', () => {
    const samples = ['\uD83D', '\uDE00\uD83D', 'x\uD83D\uDE00y', ''];
    for (const sample of samples) {
      const clean = toWellFormed(sample);
      expect(new TextDecoder().decode(new TextEncoder().encode(clean))).toBe(clean);
    }
  });
});
