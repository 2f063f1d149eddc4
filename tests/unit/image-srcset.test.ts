import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_WIDTH, parseSrcset, pickCandidate } from '../../utils/pure/images/srcset';

describe('parseSrcset', () => {
  it('reads width and density descriptors; a bare URL is 1x', () => {
    expect(parseSrcset('a.jpg 480w, b.jpg 960w')).toEqual([
      { url: 'a.jpg', width: 480 },
      { url: 'b.jpg', width: 960 },
    ]);
    expect(parseSrcset('a.jpg, b.jpg 2x,c.jpg 1.5x')).toEqual([
      { url: 'a.jpg', density: 1 },
      { url: 'b.jpg', density: 2 },
      { url: 'c.jpg', density: 1.5 },
    ]);
  });

  it('keeps commas inside URLs (Cloudinary) and ends a URL at a trailing comma', () => {
    expect(
      parseSrcset('https://res.cloudinary.com/x/image/upload/w_800,h_600/p.jpg 800w,q.jpg, r.jpg 2x'),
    ).toEqual([
      { url: 'https://res.cloudinary.com/x/image/upload/w_800,h_600/p.jpg', width: 800 },
      { url: 'q.jpg', density: 1 },
      { url: 'r.jpg', density: 2 },
    ]);
    // No space after the comma: the spec reads one URL up to the whitespace.
    expect(parseSrcset('q.jpg,r.jpg 2x')).toEqual([{ url: 'q.jpg,r.jpg', density: 2 }]);
  });

  it('drops candidates with unreadable descriptors, as browsers do', () => {
    expect(parseSrcset('a.jpg 100q, b.jpg 0w, c.jpg 1.5w, d.jpg 100w 2x, e.jpg 300w')).toEqual([
      { url: 'e.jpg', width: 300 },
    ]);
  });

  it('reads nothing from empty or blank input', () => {
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , ,, ')).toEqual([]);
  });
});

describe('pickCandidate', () => {
  const widths = parseSrcset('s.jpg 400w, m.jpg 1200w, l.jpg 2000w, xl.jpg 3200w');

  it('takes the widest at or below the 2,000 px cap', () => {
    expect(MAX_IMAGE_WIDTH).toBe(2000);
    expect(pickCandidate(widths)).toBe('l.jpg');
    expect(pickCandidate(widths, { maxWidth: 1999 })).toBe('m.jpg');
  });

  it('takes the narrowest when every candidate is over the cap', () => {
    expect(pickCandidate(parseSrcset('a.jpg 4000w, b.jpg 2500w, c.jpg 3000w'))).toBe('b.jpg');
  });

  it('turns densities into widths with the width attribute', () => {
    const dense = parseSrcset('a.jpg 1x, b.jpg 2x, c.jpg 3x');
    expect(pickCandidate(dense, { layoutWidth: 700 })).toBe('b.jpg'); // 1400 ≤ 2000 < 2100
    expect(pickCandidate(dense, { layoutWidth: 400 })).toBe('c.jpg');
  });

  it('takes the densest when no width is known', () => {
    expect(pickCandidate(parseSrcset('a.jpg, c.jpg 3x, b.jpg 2x'))).toBe('c.jpg');
  });

  it('prefers a candidate of known width under the cap over an unknown density', () => {
    expect(pickCandidate([...parseSrcset('d.jpg 2x'), ...parseSrcset('w.jpg 1600w')])).toBe('w.jpg');
  });

  it('keeps the first of equals, as a browser reading <picture> sources in order', () => {
    expect(pickCandidate(parseSrcset('webp.webp 1200w, jpeg.jpg 1200w'))).toBe('webp.webp');
  });

  it('gives null for nothing', () => {
    expect(pickCandidate([])).toBeNull();
  });
});
