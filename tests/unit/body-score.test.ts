import { describe, expect, it } from 'vitest';
import {
  markdownToText,
  meanScore,
  normalizeForScore,
  scoreBody,
  shingles,
  tokenize,
  unmatchedRuns,
} from '../bench/body-score';

const ARTICLE = [
  'The city council voted on Tuesday to extend the night bus network to the northern districts.',
  'Residents had asked for the change for years, citing long walks home after late shifts.',
  'The first new routes will run from March, the transport office said in a statement.',
].join('\n\n');
const BOILERPLATE =
  'Sign up for our newsletter to get the best stories in your inbox every morning. Share on Facebook.';

describe('scoreBody', () => {
  it('scores identical text 1', () => {
    expect(scoreBody(ARTICLE, ARTICLE)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('ignores Markdown syntax (once made text), case, width and line breaks', () => {
    const markdown = ARTICLE.replace('night bus network', '**night bus** [network](https://x.example/n)')
      .replace('The city', '## THE city')
      .replace(/\n\n/g, '\n');
    expect(scoreBody(markdownToText(markdown), ARTICLE).f1).toBe(1);
  });

  it('keeps list numbers that are text in the expected side', () => {
    const expected = 'The rankings were as follows:\n1. Finland\n2. Norway\n3. Australia';
    expect(
      scoreBody(
        markdownToText('The rankings were as follows:  \n1\\. Finland  \n2\\. Norway  \n3\\. Australia'),
        expected,
      ).f1,
    ).toBe(1);
  });

  it('scores disjoint text 0', () => {
    expect(scoreBody(BOILERPLATE, ARTICLE)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('lowers precision, not recall, for extra boilerplate', () => {
    const s = scoreBody(`${ARTICLE}\n\n${BOILERPLATE}`, ARTICLE);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeLessThan(0.8);
    expect(s.precision).toBeGreaterThan(0.5);
  });

  it('lowers recall, not precision, for a missing paragraph', () => {
    const twoParagraphs = ARTICLE.split('\n\n').slice(0, 2).join('\n\n');
    const s = scoreBody(twoParagraphs, ARTICLE);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeLessThan(0.75);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 10);
  });

  it('counts repeated shingles only as often as the expected text has them', () => {
    const s = scoreBody(`${ARTICLE}\n${ARTICLE}`, ARTICLE);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(0.5, 1);
  });

  it('handles empty sides', () => {
    expect(scoreBody('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scoreBody('', ARTICLE)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreBody(ARTICLE, '  ')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('scores Chinese by character trigrams, whatever the line breaks and punctuation', () => {
    const expected =
      '　　本报讯 记者李华报道，滨海新区市场监管局今天发布了新的知识产权保护措施。\n\n中小企业将从中受益。';
    const extracted =
      '本报讯记者李华报道。滨海新区市场监管局今天发布了新的知识产权保护措施\n中小企业将从中受益';
    expect(scoreBody(extracted, expected).f1).toBe(1);
    const withAd = `${extracted}\n相关新闻：热点排行榜`;
    expect(scoreBody(withAd, expected).precision).toBeLessThan(1);
  });
});

describe('markdownToText', () => {
  it('keeps the text of links whose text has escaped brackets, and drops images inside links', () => {
    expect(markdownToText('loop.[\\[1\\]](https://en.example/wiki/X#cite_note-1) The')).toBe('loop.[1] The');
    expect(markdownToText('[![\\[icon\\]](http://u.example/a.png)](http://u.example/f) This').trim()).toBe(
      'This',
    );
  });

  it('drops block markers, emphasis delimiters (also inside a word) and table pipes', () => {
    expect(markdownToText('### 7) [_Call Me_ *B**y Your Name*](https://v.example/x)').trim()).toBe(
      '7) Call Me By Your Name',
    );
    expect(markdownToText('> - quoted item\n  1. nested').replace(/\s+/g, ' ').trim()).toBe(
      'quoted item nested',
    );
    expect(markdownToText('| a | b |').replace(/\s+/g, ' ').trim()).toBe('a b');
  });

  it('resolves escapes and character references, and keeps code literal', () => {
    expect(
      markdownToText('a &lt;ul&gt; of 400 &amp;percnt; snake\\_case `a_b` <https://x.example/a_b>'),
    ).toBe('a <ul> of 400 &percnt; snake_case a_b https://x.example/a_b');
    expect(markdownToText('```js\nconst a_b = 1;\n```\nafter *em*').replace(/\s+/g, ' ').trim()).toBe(
      'const a_b = 1; after em',
    );
  });
});

describe('unmatchedRuns', () => {
  it('names the missing and the extra text, longest first', () => {
    const extracted = `${ARTICLE}\n\n${BOILERPLATE}`.replace(/Residents had asked[^.]*\./, '');
    const extra = unmatchedRuns(extracted, ARTICLE);
    expect(extra[0]?.text).toContain('sign up for our newsletter');
    const missing = unmatchedRuns(ARTICLE, extracted);
    expect(missing[0]?.text).toContain('residents had asked for the change');
    expect(unmatchedRuns(ARTICLE, ARTICLE)).toEqual([]);
  });
});

describe('tokenize and shingles', () => {
  it('splits CJK into characters and keeps Latin words whole, also when glued together', () => {
    expect(tokenize('华为5G手机 News')).toEqual(['华', '为', '5g', '手', '机', 'news']);
  });

  it('normalises with NFKC and lower case', () => {
    expect(normalizeForScore('ＡＢＣ  Ｄ\n\nE')).toBe('abc d e');
  });

  it('makes one shingle of a text shorter than three tokens', () => {
    expect(Array.from(shingles('Hello world'))).toEqual([['hello world', 1]]);
    expect(shingles('a b c d').size).toBe(2);
  });
});

describe('meanScore', () => {
  it('averages pages equally, and is 0 for none', () => {
    expect(
      meanScore([
        { precision: 1, recall: 0.5, f1: 0.6 },
        { precision: 0, recall: 0.5, f1: 0 },
      ]),
    ).toEqual({ precision: 0.5, recall: 0.5, f1: 0.3 });
    expect(meanScore([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
