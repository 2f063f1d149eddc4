// Block keys for joining a multi-page article, and pager text (utils/pure/page-dedupe.ts).
import { describe, expect, it } from 'vitest';
import { BlockSeen, isPagerText, toBlockKey } from '../../utils/pure/page-dedupe';

describe('toBlockKey and BlockSeen', () => {
  it('treats the same text, re-spaced or re-cased, as one block, and short lines as never repeated', () => {
    const seen = new BlockSeen();
    expect(seen.isRepeat(toBlockKey('The mayor said the plan would go ahead.'))).toBe(false);
    expect(seen.isRepeat(toBlockKey('  the mayor said the plan\nwould go ahead. '))).toBe(true);
    expect(seen.isRepeat(toBlockKey('* * *'))).toBe(false);
    expect(seen.isRepeat(toBlockKey('* * *'))).toBe(false);
  });

  it('keys an image-only block by its images', () => {
    const seen = new BlockSeen();
    expect(seen.isRepeat(toBlockKey('', ['https://a.test/1.jpg']))).toBe(false);
    expect(seen.isRepeat(toBlockKey(' ', ['https://a.test/1.jpg']))).toBe(true);
    expect(seen.isRepeat(toBlockKey('', ['https://a.test/2.jpg']))).toBe(false);
  });
});

describe('isPagerText', () => {
  it.each(['1 2 下一页', '上一页 1 2', '« Prev 1 2 3 Next »', '共3页 第1页 [2] 3', '1 | 2 | 3'])(
    '%s is a pager',
    (text) => {
      expect(isPagerText(text)).toBe(true);
    },
  );

  it.each(['', 'Read the full story on page 2', '2026年5月12日', '相关阅读 江城出台措施'])(
    '%s is not',
    (text) => {
      expect(isPagerText(text)).toBe(false);
    },
  );
});
