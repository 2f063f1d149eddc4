import { describe, expect, it } from 'vitest';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { summarizeImages } from '../../utils/pure/images/types';

describe('summarizeImages', () => {
  it('counts kept and remote images, and why each stayed remote', () => {
    const kept = (url: string): ImageOutcome => ({
      url,
      originalUrl: url,
      status: 'kept',
      hash: 'a'.repeat(64),
      ext: 'jpg',
      size: 10,
    });
    const outcomes: ImageOutcome[] = [
      kept('https://x/1.jpg'),
      { url: 'https://x/2.svg', originalUrl: null, status: 'remote', reason: 'svg' },
      kept('https://x/3.jpg'),
      { url: 'https://cdn/4.jpg', originalUrl: null, status: 'remote', reason: 'no-permission' },
      { url: 'https://cdn/5.jpg', originalUrl: null, status: 'remote', reason: 'no-permission' },
    ];
    expect(summarizeImages(outcomes)).toEqual({
      kept: 2,
      remote: 3,
      reasons: { svg: 1, 'no-permission': 2 },
    });
  });

  it('is all zeros for a clip with no images', () => {
    expect(summarizeImages([])).toEqual({ kept: 0, remote: 0, reasons: {} });
  });
});
