import { describe, expect, it } from 'vitest';
import {
  availableTokenizer,
  createTokenizer,
  normalizeTerm,
  toBigrams,
} from '../../utils/pure/search-tokenize';

describe('toBigrams', () => {
  it('gives overlapping pairs, and a lone character as itself', () => {
    expect(toBigrams('商业秘密')).toEqual(['商业', '业秘', '秘密']);
    expect(toBigrams('宁')).toEqual(['宁']);
    expect(toBigrams('')).toEqual([]);
  });

  it('counts astral Han characters as one character each', () => {
    expect(toBigrams('𠀀𠀁')).toEqual(['𠀀𠀁']);
  });
});

describe('createTokenizer', () => {
  it('keeps Latin words, numbers and dates whole with either kind', () => {
    for (const kind of ['segmenter', 'bigram'] as const) {
      expect(createTokenizer(kind)('Tidal power, 40,000 homes on 2024-03-05; 2024-3 too!')).toEqual([
        'Tidal',
        'power',
        '40',
        '000',
        'homes',
        'on',
        '2024-03-05',
        '2024-3',
        'too',
      ]);
    }
  });

  it('splits Chinese into dictionary words with Intl.Segmenter', () => {
    expect(createTokenizer('segmenter')('人工智能技术的发展')).toEqual([
      '人工',
      '智能',
      '技术',
      '的',
      '发展',
    ]);
  });

  it('splits Chinese into bigrams with the fallback, Latin inside kept whole', () => {
    expect(createTokenizer('bigram')('新款iPhone发布')).toEqual(['新款', 'iPhone', '发布']);
    expect(createTokenizer('bigram')('智能技术')).toEqual(['智能', '能技', '技术']);
  });

  it('keeps a Japanese katakana word whole with the segmenter', () => {
    expect(createTokenizer('segmenter')('新しいガイドラインを発表')).toContain('ガイドライン');
  });

  it('drops punctuation', () => {
    expect(createTokenizer('segmenter')('“智造”，未来！')).not.toContain('“');
    expect(createTokenizer('segmenter')('——')).toEqual([]);
    expect(createTokenizer('bigram')('——')).toEqual([]);
  });
});

describe('normalizeTerm', () => {
  it('folds case, full-width forms and edge apostrophes', () => {
    expect(normalizeTerm('ＡＢＣ１')).toBe('abc1');
    expect(normalizeTerm("Council's")).toBe("council's");
    expect(normalizeTerm("'quoted'")).toBe('quoted');
    expect(normalizeTerm("'")).toBeNull();
  });
});

describe('availableTokenizer', () => {
  it('is the segmenter in Node, which has ICU', () => {
    expect(availableTokenizer()).toBe('segmenter');
  });
});
