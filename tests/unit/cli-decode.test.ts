// CLI decoding: declared charsets (meta, http-equiv, BOM), GB labels as GB18030, detection, broken UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeHtml, findDeclaredCharset, toEncodingName } from '../../cli/decode';

// Byte sequences for known words (checked against the charsets' code charts), so no charset table is needed here.
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4]; // 中文
const GBK_NEWS_TIME = [0xd0, 0xc2, 0xce, 0xc5, 0xb7, 0xa2, 0xb2, 0xbc, 0xca, 0xb1, 0xbc, 0xe4]; // 新闻发布时间
const GBK_CHINA_BEIJING = [0xd6, 0xd0, 0xb9, 0xfa, 0xb1, 0xb1, 0xbe, 0xa9]; // 中国北京
const GB18030_U20000 = [0x95, 0x32, 0x82, 0x36]; // 𠀀 (U+20000): four bytes, GB18030 only, not GBK
const BIG5_ZHONGWEN_NEWS = [0xa4, 0xa4, 0xa4, 0xe5, 0xb7, 0x73, 0xbb, 0x44]; // 中文新聞
const SJIS_NIHON_NEWS = [0x93, 0xfa, 0x96, 0x7b, 0x83, 0x6a, 0x83, 0x85, 0x81, 0x5b, 0x83, 0x58]; // 日本ニュース
const EUCKR_HANGUK = [0xc7, 0xd1, 0xb1, 0xb9]; // 한국

const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));

/** A page: ASCII head markup, then the given legacy bytes in the title and body. */
function page(head: string, words: number[]): Uint8Array {
  return Uint8Array.from([
    ...ascii(`<!DOCTYPE html><html><head>${head}<title>`),
    ...words,
    ...ascii('</title></head><body><p>'),
    ...words,
    ...ascii('</p></body></html>'),
  ]);
}

describe('toEncodingName', () => {
  it('maps labels through TextDecoder, GB labels to GB18030', () => {
    expect(toEncodingName('GB2312')).toBe('gb18030');
    expect(toEncodingName('gbk')).toBe('gb18030');
    expect(toEncodingName(' Big5 ')).toBe('big5');
    expect(toEncodingName('Shift_JIS')).toBe('shift_jis');
    expect(toEncodingName('iso-8859-1')).toBe('windows-1252');
    expect(toEncodingName('no-such-charset')).toBeNull();
  });
});

describe('decodeHtml: declared charsets', () => {
  it('reads GBK by <meta charset=gbk>', () => {
    const decoded = decodeHtml(page('<meta charset=gbk>', GBK_ZHONGWEN));
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'meta' });
    expect(decoded.text).toContain('<title>中文</title>');
  });

  it('reads http-equiv GB2312 as GB18030, so four-byte characters survive', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">';
    const decoded = decodeHtml(page(head, [...GBK_ZHONGWEN, ...GB18030_U20000]));
    expect(decoded.charset).toBe('gb18030');
    expect(decoded.text).toContain('<p>中文\u{20000}</p>');
  });

  it('reads Big5, Shift_JIS and EUC-KR', () => {
    expect(decodeHtml(page('<meta charset="big5">', BIG5_ZHONGWEN_NEWS)).text).toContain('<p>中文新聞</p>');
    const sjis = decodeHtml(
      page(`<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'>`, SJIS_NIHON_NEWS),
    );
    expect(sjis).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(sjis.text).toContain('<p>日本ニュース</p>');
    expect(decodeHtml(page('<meta charset=euc-kr>', EUCKR_HANGUK)).text).toContain('<p>한국</p>');
  });

  it('finds a <meta> placed after a long script, within the first 16 KB', () => {
    const head = `<script>${'var x = 1;\n'.repeat(400)}</script><meta charset="gbk">`;
    expect(findDeclaredCharset(page(head, GBK_ZHONGWEN))).toBe('gb18030');
  });

  it('lets a BOM win over the <meta>, and strips it', () => {
    const utf8 = new TextEncoder().encode(
      '<html><head><meta charset=gbk></head><body><p>中文</p></body></html>',
    );
    const decoded = decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]));
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(decoded.text.startsWith('<html>')).toBe(true);
    expect(decoded.text).toContain('<p>中文</p>');
  });

  it('reads a UTF-16LE page by its BOM', () => {
    const units = Array.from('<p>中文</p>', (char) => char.charCodeAt(0));
    const bytes = [0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])];
    expect(decodeHtml(Uint8Array.from(bytes))).toMatchObject({ text: '<p>中文</p>', charset: 'utf-16le' });
  });
});

describe('decodeHtml: detection', () => {
  const chinese = [...GBK_ZHONGWEN, ...GBK_NEWS_TIME, ...GBK_CHINA_BEIJING];

  it('detects GBK when nothing is declared', () => {
    const decoded = decodeHtml(page('', [...chinese, ...chinese, ...chinese]));
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'detected' });
    expect(decoded.text).toContain('中文新闻发布时间中国北京');
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    const decoded = decodeHtml(new TextEncoder().encode('<html><body><p>日本ニュース</p></body></html>'));
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'detected' });
    expect(decoded.text).toContain('日本ニュース');
  });

  it('detects when the page says UTF-8 but its bytes are not', () => {
    const decoded = decodeHtml(page('<meta charset="utf-8">', [...chinese, ...chinese, ...chinese]));
    expect(decoded.source).toBe('detected');
    expect(decoded.text).toContain('中文新闻发布时间中国北京');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads a declared UTF-8 page with one stray Latin-1 byte as UTF-8, as a browser does', () => {
    const utf8 = ascii('Mäscot, Schäfer und Kräuter: Öl, Größe, Übung. ');
    const stray = [...ascii('M'), 0xe4, ...ascii('scot')]; // `ä` in Latin-1: not UTF-8
    const decoded = decodeHtml(page('<meta charset="utf-8">', [...utf8, ...utf8, ...utf8, ...stray]));
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'meta' });
    expect(decoded.text).toContain('Mäscot, Schäfer und Kräuter');
    expect(decoded.text).toContain('M\uFFFDscot');
  });

  it('still detects a page under a UTF-8 label when two of every seven characters are broken', () => {
    // Five valid UTF-8 characters to a GBK pair that is not UTF-8 (two broken): too many for a stray byte.
    const utf8 = ascii('Größe über Öl Kräuter ');
    const decoded = decodeHtml(page('<meta charset="utf-8">', [...utf8, ...GBK_ZHONGWEN.slice(0, 2)]));
    expect(decoded.source).not.toBe('meta');
  });

  it('keeps a page re-saved as UTF-8 that still declares GBK readable', () => {
    const decoded = decodeHtml(
      new TextEncoder().encode('<html><head><meta charset="gbk"></head><p>中文新闻</p></html>'),
    );
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'detected' });
    expect(decoded.text).toContain('中文新闻');
  });

  it('ignores a label the runtime cannot decode', () => {
    const decoded = decodeHtml(page('<meta charset="x-no-such">', [...chinese, ...chinese, ...chinese]));
    expect(decoded.source).toBe('detected');
    expect(decoded.text).toContain('中文新闻');
  });
});
