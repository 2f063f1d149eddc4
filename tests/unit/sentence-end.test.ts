import { describe, expect, it } from 'vitest';
import { endsSentence, hasSentenceEnd } from '../../utils/pure/sentence-end';

describe('endsSentence', () => {
  it('is true for prose, Latin or CJK, with closing quotes, brackets and space after the mark', () => {
    for (const text of [
      'The council met on Tuesday.',
      'Will the wall hold?',
      'It opened at last!',
      '“We are ready,” she said.',
      'He called it “a new start.”',
      'Il a dit « c’est fini !»',
      '(The vote was close.)',
      '市政府周二宣布了新计划。',
      '他说：“我们准备好了。”',
      '「終わりました。」',
      '『完了しました！』',
      '（详见附件。）',
      'The story ends here.  ',
      'And then it stopped…',
    ])
      expect(endsSentence(text), text).toBe(true);
  });

  it('is false for labels, headlines and menu items', () => {
    for (const text of [
      'Related stories',
      'Harbour city opens its first tidal power station',
      'Sign in',
      '',
      'Q&A: 3',
      '点击查看',
    ])
      expect(endsSentence(text), text).toBe(false);
  });

  it('counts … as an end unless told not to (a menu item `More…` trails off into its link)', () => {
    expect(endsSentence('More…')).toBe(true);
    expect(endsSentence('More…', { isEllipsisEnd: false })).toBe(false);
    expect(endsSentence('Read on…”', { isEllipsisEnd: false })).toBe(false);
    expect(endsSentence('It is done.', { isEllipsisEnd: false })).toBe(true);
    expect(endsSentence('完了。」', { isEllipsisEnd: false })).toBe(true);
  });

  it('takes an end mark under several closers: a menu item ending `.”)` is a sentence, as is a summary ending `!»`', () => {
    // As edge-menus.ts asks of a menu item (no ellipsis): a quoted sentence in brackets is prose, not a link label.
    expect(endsSentence('(He called it “a new start.”)', { isEllipsisEnd: false })).toBe(true);
    expect(endsSentence('See the mayor’s answer (“We will build it.”)', { isEllipsisEnd: false })).toBe(true);
    // As summary.ts asks of a standfirst: a French quote that ends with its mark inside the guillemets.
    expect(endsSentence('Le maire a répondu : « Nous la construirons !»')).toBe(true);
    expect(endsSentence('Le maire a répondu : « Nous la construirons ! »')).toBe(true);
    // The closers alone end nothing, and a menu item that trails off still does not.
    expect(endsSentence('(“A new start”)', { isEllipsisEnd: false })).toBe(false);
    expect(endsSentence('More…', { isEllipsisEnd: false })).toBe(false);
    expect(endsSentence('(More…)', { isEllipsisEnd: false })).toBe(false);
  });
});

describe('hasSentenceEnd', () => {
  it('finds an end mark before a space or the end, anywhere in the text', () => {
    expect(hasSentenceEnd('It rained. Then it stopped')).toBe(true);
    expect(hasSentenceEnd('He said “no.” Then he left')).toBe(true);
    expect(hasSentenceEnd('Done.')).toBe(true);
    expect(hasSentenceEnd('完了。')).toBe(true);
    expect(hasSentenceEnd('Wait… what')).toBe(true);
  });

  it('does not take a dot inside a word or number for one', () => {
    expect(hasSentenceEnd('Version 2.5 released')).toBe(false);
    expect(hasSentenceEnd('example.com news')).toBe(false);
    expect(hasSentenceEnd('Share on Facebook')).toBe(false);
  });
});
