import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ClipImageBudget,
  DEFAULT_IMAGE_CAPS,
  MAX_CLIP_IMAGE_BYTES,
  MAX_IMAGE_BYTES,
} from '../../utils/pure/images/caps';
import { hashImageBytes, isImageHash } from '../../utils/pure/images/hash';
import { makeJpeg, makePng } from '../fixtures/images/tiny-images';

const MB = 1024 * 1024;

describe('ClipImageBudget', () => {
  it('has the caps the issue asks for: 15 MB an image, 100 MB a clip', () => {
    expect(MAX_IMAGE_BYTES).toBe(15 * MB);
    expect(MAX_CLIP_IMAGE_BYTES).toBe(100 * MB);
    expect(DEFAULT_IMAGE_CAPS).toEqual({ perImage: 15 * MB, perClip: 100 * MB });
  });

  it('takes an image of exactly the cap and refuses one byte more', () => {
    const budget = new ClipImageBudget();
    expect(budget.admit(MAX_IMAGE_BYTES + 1)).toBe('image-too-large');
    expect(budget.usedBytes).toBe(0);
    expect(budget.admit(MAX_IMAGE_BYTES)).toBeNull();
    expect(budget.usedBytes).toBe(MAX_IMAGE_BYTES);
  });

  it('stops at the clip cap, and a refused image does not use the budget', () => {
    const budget = new ClipImageBudget();
    for (let i = 0; i < 6; i++) expect(budget.admit(15 * MB)).toBeNull(); // 90 MB
    expect(budget.remainingForOne).toBe(10 * MB);
    expect(budget.admit(11 * MB)).toBe('clip-too-large');
    expect(budget.usedBytes).toBe(90 * MB);
    expect(budget.admit(10 * MB)).toBeNull();
    expect(budget.admit(1)).toBe('clip-too-large');
    expect(budget.remainingForOne).toBe(0);
  });

  it('check() says the same as admit() without counting', () => {
    const budget = new ClipImageBudget({ perImage: 10, perClip: 15 });
    expect(budget.check(8)).toBeNull();
    expect(budget.check(8)).toBeNull();
    expect(budget.admit(8)).toBeNull();
    expect(budget.check(8)).toBe('clip-too-large');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a nonsense size %s', (size) => {
    expect(new ClipImageBudget().admit(size)).toBe('image-too-large');
  });
});

describe('hashImageBytes', () => {
  it('is SHA-256 in lower-case hex, the same as node:crypto', async () => {
    const bytes = makePng(4, 4);
    const expected = createHash('sha256').update(bytes).digest('hex');
    await expect(hashImageBytes(bytes)).resolves.toBe(expected);
    expect(isImageHash(expected)).toBe(true);
  });

  it('gives the known digest of the empty input', async () => {
    await expect(hashImageBytes(new Uint8Array())).resolves.toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('tells different files apart and hashes only the view it is given', async () => {
    const a = makeJpeg('a');
    const b = makeJpeg('b');
    expect(await hashImageBytes(a)).not.toBe(await hashImageBytes(b));
    const padded = new Uint8Array(a.length + 8);
    padded.set(a, 4);
    expect(await hashImageBytes(padded.subarray(4, 4 + a.length))).toBe(await hashImageBytes(a));
  });

  it.each(['', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'xyz', 'a'.repeat(63)])(
    'isImageHash refuses %j',
    (text) => {
      expect(isImageHash(text)).toBe(false);
    },
  );
});
