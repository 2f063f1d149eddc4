import { describe, expect, it } from 'vitest';
import {
  cleanByline,
  isAsciiHandle,
  isPlausibleAuthor,
  readOtherRoleName,
} from '../../utils/pure/byline-text';

describe('cleanByline', () => {
  it('removes prefixes and trailing roles and dates', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('By Owen Pritchard | Community reporter')).toBe('Owen Pritchard');
    expect(cleanByline('作者：张三')).toBe('张三');
    expect(cleanByline('Posted by Alan Whitby in News')).toBe('Alan Whitby');
    expect(cleanByline('By Nathan Willis March 25, 2015')).toBe('Nathan Willis');
  });

  it("ends the names at a date after a comma, written in any language (a paged story's byline line)", () => {
    expect(cleanByline('By Mara Quill, 14 March 2026')).toBe('Mara Quill');
    expect(cleanByline('Anna Lee, 3rd April 2024')).toBe('Anna Lee');
    expect(cleanByline('Jana Keller, 14. März 2026')).toBe('Jana Keller');
    expect(cleanByline('By Jana Keller 14.03.2026')).toBe('Jana Keller');
    expect(cleanByline('By Jane Doe, May 2024')).toBe('Jane Doe');
    expect(cleanByline('By Jane Doe, 10 Downing Street correspondent')).toBe(
      'Jane Doe, 10 Downing Street correspondent',
    );
  });

  it('rejects URLs, dates and over-long text', () => {
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
    expect(cleanByline('April 28, 2019 at 6:01 am')).toBeNull();
    expect(cleanByline('word '.repeat(30))).toBeNull();
  });
});

describe('bylines from Chinese CMS fields', () => {
  it('ends a Chinese name at a date glued to it', () => {
    expect(cleanByline('管不饿关注2024-05-08 23:23来自甘肃')).toBe('管不饿关注');
    expect(cleanByline('王芳2024年5月8日')).toBe('王芳');
  });

  it("reads the name after another role's label, not after the writer's", () => {
    expect(readOtherRoleName('选稿：许文杰')).toBe('许文杰');
    expect(readOtherRoleName('【审核：张三】')).toBe('张三');
    expect(readOtherRoleName('作者：张三')).toBeNull();
    expect(readOtherRoleName('本报记者：张三')).toBeNull();
    expect(readOtherRoleName('张三')).toBeNull();
  });

  it("refuses a lower-case handle built on the site's host name", () => {
    expect(isAsciiHandle('sina_mobile')).toBe(true);
    expect(isAsciiHandle('Jane Doe')).toBe(false);
    expect(isPlausibleAuthor('sina_mobile', [], ['finance', 'sina'], '')).toBe(false);
    expect(isPlausibleAuthor('mdr.de', [], ['mdr'], '')).toBe(false);
    expect(isPlausibleAuthor('janedoe', [], ['finance', 'sina'], '')).toBe(true);
  });

  it("refuses an outlet's new-media account", () => {
    expect(isPlausibleAuthor('环球时报新媒体', [], [], '')).toBe(false);
  });
});
