// The holder a copyright notice names, in a page's last lines or a `copyright` meta tag.
import { describe, expect, it } from 'vitest';
import { copyrightHolder } from '../../utils/pure/copyright';

describe('copyrightHolder', () => {
  it.each([
    ['© 2026 Harbour Post. All rights reserved.', 'Harbour Post'],
    ['Copyright © 2014~2019 网易', '网易'],
    ['Copyright © 1997-2026 江城新闻网 版权所有 京ICP备16058363号', '江城新闻网'],
    ['版权所有 江城日报社', '江城日报社'],
    ['Copyright Harbour Media, 2020', 'Harbour Media'],
    ['About\nCopyright Policy\nBrand Policy', null],
  ])('%s', (text: string, holder: string | null) => {
    expect(copyrightHolder(text)).toBe(holder);
  });

  it('reads the owner before the words only in a notice alone', () => {
    expect(copyrightHolder('星河版权所有', true)).toBe('星河');
    expect(copyrightHolder('星河版权所有')).toBeNull();
    expect(copyrightHolder('版权所有 未经授权禁止复制')).toBeNull();
  });
});
