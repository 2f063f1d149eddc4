import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  decodeFetchedHtml,
  findDeclaredCharset,
  toEncodingName,
} from '../../utils/pure/charset';

/** GB18030 bytes of 中文 (D6 D0 CE C4), between ASCII markup. */
function gbkPage(meta: string): Uint8Array {
  const head = new TextEncoder().encode(`<html><head>${meta}</head><body><p>`);
  const tail = new TextEncoder().encode('</p></body></html>');
  return new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...tail]);
}

describe('charset', () => {
  it('reads the Content-Type charset, quoted or not, as its WHATWG name', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('gb18030');
    expect(charsetFromContentType('text/html;charset="Shift_JIS"')).toBe('shift_jis');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
    expect(charsetFromContentType('text/html; charset=no-such-thing')).toBeNull();
    expect(toEncodingName('latin1')).toBe('windows-1252');
  });

  it('decodes by the header first, then the page’s <meta>, else UTF-8', () => {
    expect(decodeFetchedHtml(gbkPage(''), 'text/html; charset=gb2312').text).toContain('<p>中文</p>');
    const byMeta = decodeFetchedHtml(gbkPage('<meta charset="gbk">'), 'text/html');
    expect(byMeta).toMatchObject({ charset: 'gb18030' });
    expect(byMeta.text).toContain('中文');
    expect(
      findDeclaredCharset(gbkPage('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')),
    ).toBe('gb18030');
    // The header wins over the page's own (stale) declaration, as in a browser.
    const utf8 = new TextEncoder().encode('<meta charset="gbk"><p>中文</p>');
    expect(decodeFetchedHtml(utf8, 'text/html; charset=utf-8').text).toContain('中文');
    expect(decodeFetchedHtml(new TextEncoder().encode('<p>é</p>'), null)).toEqual({
      text: '<p>é</p>',
      charset: 'utf-8',
    });
  });

  it('a byte-order mark decides before anything else', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>ü</p>')]);
    expect(decodeFetchedHtml(bytes, 'text/html; charset=windows-1252')).toEqual({
      text: '<p>ü</p>',
      charset: 'utf-8',
    });
  });
});
