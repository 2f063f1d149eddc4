import { describe, expect, it } from 'vitest';
import { hasDateLabelBefore, toHalfWidth } from '../../utils/pure/date-label';

describe('hasDateLabelBefore', () => {
  const at = (text: string, date: string) => hasDateLabelBefore(text, text.indexOf(date));
  it.each([
    ['发布时间：18-03-08', '18'],
    ['发表于 18-03-08', '18'],
    ['日期:10-08', '10'],
    ['Published: 18-03-08', '18'],
    ['Posted on 10-08', '10'],
    ['Last updated 10-08', '10'],
    ['Veröffentlicht am 10-08', '10'],
    ['公開日：10-08', '10'],
  ])('%s', (text, date) => {
    expect(at(text, date)).toBe(true);
  });

  it.each([
    ['型号 18-03-08', '18'],
    ['比分 3-1', '3'],
    ['发布时间：2022-02-17 阅读 10-08', '10-08'], // the label belongs to the earlier date
  ])('not %s', (text, date) => {
    expect(at(text, date)).toBe(false);
  });
});

describe('toHalfWidth', () => {
  it('makes full-width digits ASCII and keeps the full-width colon and the length', () => {
    expect(toHalfWidth('发布时间：１８－０３－０８')).toBe('发布时间：18-03-08');
    expect(toHalfWidth('１０：３０').length).toBe(5);
  });
});
