import { describe, expect, it } from 'vitest';
import {
  firstLines,
  lastLines,
  clean,
  compact,
  countHan,
  decodeEntities,
  isUrlLike,
  normalizeSpace,
  splitKeywords,
  firstSentence,
} from '../../utils/pure/page-text';

describe('page-text', () => {
  it('collapses every kind of space', () => {
    expect(normalizeSpace(' a\u00a0\u3000 b\n')).toBe('a b');
    expect(normalizeSpace(null)).toBe('');
    // Text already normal (single plain spaces) comes back trimmed only; any other space still collapses.
    expect(normalizeSpace(' one two ')).toBe('one two');
    expect(normalizeSpace('one  two')).toBe('one two');
    expect(normalizeSpace('one\u2003two\ttwo')).toBe('one two two');
  });

  it('decodes named and numeric entities, and leaves unknown ones', () => {
    expect(decodeEntities('Tom &amp; Jerry&#8217;s &#x4E2D; &bogus;')).toBe('Tom & Jerry’s 中 &bogus;');
    expect(decodeEntities('Redacci&oacute;n Fran&ccedil;ois M&Uuml;ller &Aring;se')).toBe(
      'Redacción François MÜller Åse',
    );
    expect(decodeEntities('J&oslash;rgen Stra&szlig;e &AElig;')).toBe('Jørgen Straße Æ');
    expect(decodeEntities('&qacute; &OSLASH;')).toBe('&qacute; &OSLASH;');
    expect(clean('  A&nbsp;&amp;  B ')).toBe('A & B');
  });

  it('compares by letters and digits only', () => {
    expect(compact('The New-York Times!')).toBe('thenewyorktimes');
    expect(compact('中国 网')).toBe('中国网');
  });

  it('counts Han characters but not kana or Hangul', () => {
    expect(countHan('中国かな한국')).toBe(2);
  });

  it('tells links from names', () => {
    expect(isUrlLike('https://a.b/c')).toBe(true);
    expect(isUrlLike('//a.b')).toBe(true);
    expect(isUrlLike('www.example.com')).toBe(true);
    expect(isUrlLike('Jane Doe')).toBe(false);
  });

  it('splits keywords on Latin and CJK separators', () => {
    expect(splitKeywords('a, b，c、d;e；f|g｜ ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});

describe('firstSentence', () => {
  it('takes the first sentence of the first line, without a Chinese indent', () => {
    expect(firstSentence('\n　　记者从市城管局获悉，工程日前完工。将于跨年夜开放。')).toBe(
      '记者从市城管局获悉，工程日前完工。',
    );
    expect(firstSentence('The council met. It voted.')).toBe('The council met.');
    expect(firstSentence('')).toBe('');
  });

  it('cuts a long sentence at a word boundary (Latin) or a character (CJK), with an ellipsis', () => {
    const latin = firstSentence(`${'word '.repeat(30)}end.`, 40);
    expect(latin).toBe(`${'word '.repeat(8).trim()}…`);
    const han = firstSentence(`${'长'.repeat(100)}。`, 20);
    expect(han).toBe(`${'长'.repeat(20)}…`);
  });
});

describe('firstLines and lastLines', () => {
  const slow = (text: string): string[] =>
    text
      .split('\n')
      .map((l) => normalizeSpace(l))
      .filter(Boolean);
  const texts = [
    '',
    'one',
    '\n\n a  b \n\nc\n',
    'x\n \n y\nz\n\n',
    '  \n\u3000\n',
    'a\nb\nc\nd\ne\nf\ng\nh\ni\nj',
  ];
  it.each(texts.map((t) => [JSON.stringify(t), t] as const))(
    '%s: the same lines as splitting the whole text',
    (_name, text) => {
      for (const n of [0, 1, 2, 3, 8, 20]) {
        expect(firstLines(text, n)).toEqual(slow(text).slice(0, n));
        expect(lastLines(text, n)).toEqual(n === 0 ? [] : slow(text).slice(-n));
      }
    },
  );
});
