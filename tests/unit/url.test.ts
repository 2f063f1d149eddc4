import { describe, expect, it } from 'vitest';
import { hostOf, siteHostOf } from '../../utils/pure/url';

describe('hostOf', () => {
  it('lower-cases the host and drops a trailing dot', () => {
    expect(hostOf('https://WWW.Example.COM./news/1')).toBe('www.example.com');
  });
  it('gives an empty string for text that is not an absolute URL', () => {
    expect(hostOf('not a url')).toBe('');
    expect(hostOf('/relative/path')).toBe('');
  });
  it('keeps subdomains other than www', () => {
    expect(hostOf('https://news.sina.com.cn/c/1.shtml')).toBe('news.sina.com.cn');
  });
});

describe('siteHostOf', () => {
  it('drops a leading www. only', () => {
    expect(siteHostOf('https://www.cmrnn.com.cn/a')).toBe('cmrnn.com.cn');
    expect(siteHostOf('https://wwwx.example.org/')).toBe('wwwx.example.org');
  });
});
