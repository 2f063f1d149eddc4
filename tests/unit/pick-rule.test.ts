import { describe, expect, it } from 'vitest';
import { addPickToRules, MAX_PICKED, readLastPick, readPickerDone } from '../../utils/pure/pick-rule';
import type { SiteRule } from '../../utils/pure/site-rules';

const PICK = { clipId: 'c1', host: 'news.example', selectors: ['#promo', 'aside.related'] };

describe('readPickerDone', () => {
  it('takes a list of selectors, without repeats', () => {
    expect(readPickerDone({ type: 'picker-done', payload: { selectors: ['#a', '#a', 'div.b'] } })).toEqual({
      selectors: ['#a', 'div.b'],
    });
  });

  it.each([
    ['another message', { type: 'clip-tab', payload: { selectors: ['#a'] } }],
    ['no selectors', { type: 'picker-done', payload: { selectors: [] } }],
    ['a non-string', { type: 'picker-done', payload: { selectors: ['#a', 3] } }],
    ['a blank one', { type: 'picker-done', payload: { selectors: ['  '] } }],
    [
      'too many',
      {
        type: 'picker-done',
        payload: { selectors: Array.from({ length: MAX_PICKED + 1 }, (_, i) => `#a${i}`) },
      },
    ],
    ['a huge one', { type: 'picker-done', payload: { selectors: ['x'.repeat(501)] } }],
  ])('refuses %s', (_label, raw) => {
    expect(readPickerDone(raw)).toBeNull();
  });
});

describe('readLastPick', () => {
  it('reads back what was stored, and nothing else', () => {
    expect(readLastPick(PICK)).toEqual(PICK);
    expect(readLastPick({ ...PICK, host: '' })).toBeNull();
    expect(readLastPick(undefined)).toBeNull();
  });
});

describe('addPickToRules', () => {
  it('adds a new host rule, last, when the host has none', () => {
    const other: SiteRule = {
      id: 'o',
      match: { type: 'host-suffix', value: 'example' },
      timeZone: 'Asia/Tokyo',
    };
    expect(addPickToRules([other], PICK, 'new')).toEqual([
      other,
      {
        id: 'new',
        match: { type: 'host', value: 'news.example' },
        removeSelectors: ['#promo', 'aside.related'],
      },
    ]);
  });

  it("merges into the host's own rule, keeping its settings and no selector twice", () => {
    const mine: SiteRule = {
      id: 'm',
      match: { type: 'host', value: 'News.Example' },
      templateId: 'hugo-yaml',
      removeSelectors: ['#promo', '.ad'],
    };
    expect(addPickToRules([mine], PICK, 'new')).toEqual([
      { ...mine, removeSelectors: ['#promo', '.ad', 'aside.related'] },
    ]);
  });
});
