import { describe, expect, it } from 'vitest';
import { IMAGE_TYPES, describeImageType, sniffImageType } from '../../utils/pure/images/sniff';
import { GIF_HEAD, WEBP_HEAD, makeFtyp, makeJpeg, makePng } from '../fixtures/images/tiny-images';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffImageType', () => {
  it.each([
    ['a real PNG', makePng(2, 2), 'png', 'png', 'image/png'],
    ['a real JPEG', makeJpeg(), 'jpeg', 'jpg', 'image/jpeg'],
    ['a GIF89a', GIF_HEAD, 'gif', 'gif', 'image/gif'],
    ['a GIF87a', text('GIF87a\x01\x00'), 'gif', 'gif', 'image/gif'],
    ['a WebP', WEBP_HEAD, 'webp', 'webp', 'image/webp'],
    ['an AVIF (major brand avif)', makeFtyp('avif', ['mif1', 'miaf']), 'avif', 'avif', 'image/avif'],
    ['an AVIF sequence (avis)', makeFtyp('avis', ['msf1']), 'avif', 'avif', 'image/avif'],
    [
      'an AVIF named only as a compatible brand',
      makeFtyp('mif1', ['miaf', 'avif']),
      'avif',
      'avif',
      'image/avif',
    ],
  ])('keeps %s', (_name, bytes, type, ext, mime) => {
    expect(sniffImageType(bytes)).toEqual({ ok: true, type, ext, mime });
  });

  it.each([
    ['nothing', new Uint8Array(), 'empty'],
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
    [
      'an SVG behind an XML declaration, a comment and a doctype',
      text(
        '<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg/>',
      ),
      'svg',
    ],
    [
      'an SVG after a UTF-8 BOM and spaces',
      Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, ...text('<SVG viewBox="0 0 1 1"/>')]),
      'svg',
    ],
    [
      'an HTML error page served as photo.jpg',
      text('<!DOCTYPE html><html><body>403 Forbidden</body></html>'),
      'html',
    ],
    ['a login wall with no doctype', text('\n  <head><title>Sign in</title></head>'), 'html'],
    ['a HEIC photo (same box, other brand)', makeFtyp('heic', ['mif1', 'heic']), 'unknown'],
    ['an MP4', makeFtyp('isom', ['iso2', 'mp41']), 'unknown'],
    ['a truncated PNG signature', makePng().slice(0, 7), 'unknown'],
    ['two bytes of JPEG', Uint8Array.from([0xff, 0xd8]), 'unknown'],
    ['RIFF that is a WAV', text('RIFF\x24\x00\x00\x00WAVEfmt '), 'unknown'],
    ['plain text mentioning svg later', text('hello, this is not <svg>'), 'unknown'],
    ['a PDF', text('%PDF-1.7\n'), 'unknown'],
  ])('refuses %s', (_name, bytes, reason) => {
    expect(sniffImageType(bytes)).toEqual({ ok: false, reason });
  });

  it('reads bytes, not names: a PNG is a PNG whatever the URL said', () => {
    const result = sniffImageType(makePng());
    expect(result.ok && result.ext).toBe('png');
  });

  it('reads a view into a larger buffer from its own start', () => {
    const buffer = new Uint8Array(512);
    buffer.set(makeJpeg(), 10);
    expect(sniffImageType(buffer.subarray(10)).ok).toBe(true);
    expect(sniffImageType(buffer).ok).toBe(false);
  });

  it('names an extension and a MIME type for every kept type', () => {
    for (const type of IMAGE_TYPES) {
      const { ext, mime } = describeImageType(type);
      expect(ext).toMatch(/^[a-z]+$/);
      expect(mime).toBe(`image/${type}`);
    }
  });
});
