import { describe, expect, it } from 'vitest';
import {
  escapeLinkText,
  toJekyllList,
  toJsonValue,
  toLinkTarget,
  toPinyin,
  toSlug,
  truncateText,
} from '../../utils/pure/template-filter-text';
import { makeList, makeText } from '../../utils/pure/template-values';

describe('text helpers', () => {
  it('toPinyin joins Han syllables and keeps other text', () => {
    expect(toPinyin('北京 Beijing', '-')).toBe('bei-jing Beijing');
    expect(toPinyin('plain', '-')).toBe('plain');
  });

  it("toSlug gives '' when nothing is left, so default can take over", () => {
    expect(toSlug('Hello, World!', 'readable')).toBe('hello-world');
    expect(toSlug('!!!', 'readable')).toBe('');
  });

  it('truncateText counts graphemes and makes room for the suffix', () => {
    expect(truncateText('abcdef', 4, '…')).toBe('abc…');
    expect(truncateText('abc', 4, '…')).toBe('abc');
    expect(truncateText('👍🏽👍🏽👍🏽', 2, '')).toBe('👍🏽👍🏽');
  });

  it('escapeLinkText and toLinkTarget make Markdown-safe link parts', () => {
    expect(escapeLinkText('a [b]\nc')).toBe('a \\[b\\] c');
    expect(toLinkTarget('https://x.test/a b')).toBe('<https://x.test/a b>');
    expect(toLinkTarget('https://x.test/a')).toBe('https://x.test/a');
  });

  it('toJsonValue and toJekyllList keep kinds', () => {
    expect(toJsonValue(makeList(['a']))).toEqual(['a']);
    expect(toJsonValue({ kind: 'number', value: Number.POSITIVE_INFINITY })).toBeNull();
    expect(toJekyllList(makeText('one'))).toEqual(makeText('one'));
    expect(toJekyllList(makeText('two words'))).toEqual(makeList(['two words']));
    expect(toJekyllList(makeList(['solo']))).toEqual(makeText('solo'));
  });
});
