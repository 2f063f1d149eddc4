import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../utils/pure/byline-text';

describe('cleanByline', () => {
  it('removes prefixes and trailing roles and dates', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('By Owen Pritchard | Community reporter')).toBe('Owen Pritchard');
    expect(cleanByline('作者：张三')).toBe('张三');
    expect(cleanByline('Posted by Alan Whitby in News')).toBe('Alan Whitby');
    expect(cleanByline('By Nathan Willis March 25, 2015')).toBe('Nathan Willis');
  });

  it('rejects URLs, dates and over-long text', () => {
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
    expect(cleanByline('April 28, 2019 at 6:01 am')).toBeNull();
    expect(cleanByline('word '.repeat(30))).toBeNull();
  });
});
