import { describe, expect, it } from 'vitest';
import { cleanKeywords, splitKeywordList, toKeywords } from '../../utils/pure/keywords';

describe('splitKeywordList', () => {
  it.each([
    ['Spain,Europe,World news', ['Spain', 'Europe', 'World news']],
    ['Spain, Europe, World news', ['Spain', 'Europe', 'World news']],
    ['知识产权、专精特新、中小企业', ['知识产权', '专精特新', '中小企业']],
    ['新冠，疫苗，北京', ['新冠', '疫苗', '北京']],
    ['Politik; Bundestag;Haushalt', ['Politik', 'Bundestag', 'Haushalt']],
    ['政治；经济', ['政治', '经济']],
    ['新冠 疫苗 北京', ['新冠', '疫苗', '北京']],
    ['新冠　疫苗　北京', ['新冠', '疫苗', '北京']], // ideographic spaces
    ['华为 5G 手机', ['华为', '5G', '手机']],
    ['New York Times', ['New York Times']], // spaces inside a Latin tag are part of it
    ['World news', ['World news']],
    ['新冠 疫苗,北京', ['新冠', '疫苗', '北京']], // a space between CJK words always separates
    ['World news,Spain', ['World news', 'Spain']],
    ['a,, ,b', ['a', 'b']],
    ['', []],
    ['   ', []],
  ])('%s', (value, expected) => {
    expect(splitKeywordList(value)).toEqual(expected);
  });
});

describe('cleanKeywords', () => {
  it('dedupes case-insensitively keeping the first spelling, and drops empties and sentences', () => {
    const sentence =
      'This is a whole sentence that some sites put into their keywords meta tag for SEO reasons';
    expect(cleanKeywords(['Europe', 'europe', ' ', 'EUROPE ', sentence, 'Spain'])).toEqual([
      'Europe',
      'Spain',
    ]);
  });

  it('takes the length bound from the caller', () => {
    expect(cleanKeywords(['abcdef', 'abc'], 4)).toEqual(['abc']);
  });
});

describe('toKeywords', () => {
  it('merges several values (keywords, then article:tag ones) into one list', () => {
    expect(toKeywords(['Spain,Europe', 'World news', 'europe', '新冠 疫苗'])).toEqual([
      'Spain',
      'Europe',
      'World news',
      '新冠',
      '疫苗',
    ]);
  });
});
