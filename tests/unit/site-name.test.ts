import { describe, expect, it } from 'vitest';
import { findSiteName } from '../../utils/dom/site-name';
import { page, ld, URL, CN_PORTAL } from './metadata-pages';

describe('findSiteName', () => {
  it('reads the title suffix before a 来源 line', () => {
    expect(findSiteName(CN_PORTAL, 'https://www.cmrnn.com.cn/a.html')).toBe('中国市场监管新闻网');
  });

  it('falls back to a 来源： line, without the trailing 作者/编辑 parts', () => {
    const doc = page(
      '<title>宁波迈向智造未来</title>',
      '<h1>宁波迈向智造未来</h1><p>2023-04-12 来源：中国市场监管报 作者：王明</p><p>正文</p>',
    );
    expect(findSiteName(doc, URL)).toBe('中国市场监管报');
  });

  it('reads a JSON-LD publisher object, array, or @id reference', () => {
    const byArray = page(
      ld({ '@type': 'NewsArticle', publisher: [{ '@type': 'Organization', name: 'Ledger' }] }),
    );
    expect(findSiteName(byArray, URL)).toBe('Ledger');
    const byRef = page(
      ld({
        '@graph': [
          { '@type': 'NewsArticle', publisher: { '@id': '#org' } },
          { '@type': 'Organization', '@id': '#org', name: 'Harbor Tribune' },
        ],
      }),
    );
    expect(findSiteName(byRef, URL)).toBe('Harbor Tribune');
  });

  it('is null when nothing names the site', () => {
    expect(findSiteName(page('<title>Plain words</title>'), URL)).toBeNull();
  });
});
