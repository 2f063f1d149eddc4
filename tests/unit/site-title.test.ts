import { describe, expect, it } from 'vitest';
import { stripSiteName, titleParts } from '../../utils/pure/site-title';
import { URL } from './metadata-pages';

describe('stripSiteName', () => {
  it('reports what it removed, across separator styles', () => {
    expect(stripSiteName('Some headline | Reuters', ['Reuters'], URL)).toEqual({
      title: 'Some headline',
      removed: 'Reuters',
    });
    expect(stripSiteName('Some headline ｜ 澎湃新闻', [], URL).title).toBe('Some headline');
    expect(stripSiteName('Some headline » Example News', ['Example News'], URL).title).toBe('Some headline');
    expect(stripSiteName('Well-known facts about example', [], 'https://known.example/x').title).toBe(
      'Well-known facts about example',
    );
  });
});

describe('titleParts', () => {
  it('splits a title at the cuts stripSiteName uses, keeping hyphenated words whole', () => {
    expect(titleParts('新款手机发布|手机_通信_星河科技_星河网')).toEqual([
      '新款手机发布',
      '手机',
      '通信',
      '星河科技',
      '星河网',
    ]);
    expect(titleParts('秋天去西湖走走 - 月落长安 - 博客园')).toEqual([
      '秋天去西湖走走',
      '月落长安',
      '博客园',
    ]);
    expect(titleParts('Wi-Fi 7 arrives | Harbour Post')).toEqual(['Wi-Fi 7 arrives', 'Harbour Post']);
  });
});
