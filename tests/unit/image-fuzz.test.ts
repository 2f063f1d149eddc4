// The image engine's fuzz properties (tests/fuzz/image-properties.ts) at `npm test` size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_FUZZ_PROPERTIES, hasSignature } from '../fuzz/image-properties';
import { layoutImages } from '../../utils/pure/images/layout';
import { sniffImageType } from '../../utils/pure/images/sniff';

const RUNS = 500;

describe(`image fuzz properties (${RUNS} runs each)`, () => {
  for (const { name, check } of IMAGE_FUZZ_PROPERTIES) {
    it(name, () => {
      const details = check({ numRuns: RUNS });
      const error = details.errorInstance instanceof Error ? `\n${details.errorInstance.message}` : '';
      expect(details.failed, `${fc.defaultReportMessage(details) ?? ''}${error}`).toBe(false);
      expect(details.numRuns).toBe(RUNS);
    });
  }
});

// The oracles must catch what they claim to, or the properties could never fail.
describe('the image fuzz oracles', () => {
  it('the signature oracle refuses bytes without the signature it is asked about', () => {
    expect(hasSignature(Uint8Array.from([0xff, 0xd8]), 'jpeg')).toBe(false);
    expect(hasSignature(Uint8Array.from([0xff, 0xd8, 0xff]), 'jpeg')).toBe(true);
    expect(hasSignature(new TextEncoder().encode('GIF89a'), 'png')).toBe(false);
    expect(hasSignature(new TextEncoder().encode('\0\0\0\x14ftypheic\0\0\0\0mif1'), 'avif')).toBe(false);
    expect(hasSignature(new TextEncoder().encode('\0\0\0\x14ftypmif1\0\0\0\0avif'), 'avif')).toBe(true);
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8])).ok).toBe(false);
  });

  it('the layout property would see a climbing path: none comes out of a climbing input', () => {
    const [post] = layoutImages([{ path: '../../x.md', images: [{ id: 'a', ext: '../../b' }] }], {
      kind: 'plain',
    });
    expect(post?.path).toBe('x.md');
    expect(post?.images[0]?.path).toBe('x-1.bin');
  });
});
