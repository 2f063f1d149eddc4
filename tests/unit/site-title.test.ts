import { describe, expect, it } from 'vitest';
import { stripSiteName } from '../../utils/pure/site-title';
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
