import { describe, expect, it } from 'vitest';
import { findRule, isGlobMatch, isRuleMatch } from '../../utils/pure/rule-match';
import type { SiteRule } from '../../utils/pure/template-shape';

const rule = (id: string, type: SiteRule['match']['type'], value: string): SiteRule => ({
  id,
  match: { type, value },
});

describe('findRule', () => {
  it('takes the first matching user rule, then the built-in ones', () => {
    const rules = [rule('a', 'host', 'www.cmrnn.com.cn'), rule('b', 'host-suffix', 'cmrnn.com.cn')];
    expect(findRule(rules, 'http://www.cmrnn.com.cn/x.html')?.id).toBe('a');
    expect(findRule(rules, 'http://news.cmrnn.com.cn/x.html')?.id).toBe('b');
    // A literal id, not one looked up in BUILT_IN_RULES: with the sohu rule removed both sides would be undefined.
    expect(findRule([], 'https://www.sohu.com/a/1')?.id).toBe('builtin-sohu');
    expect(findRule([], 'https://www.sohu.com/a/1')?.timeZone).toBe('Asia/Shanghai');
    expect(findRule([], 'https://example.org/')).toBeNull();
  });

  it('matches host suffixes on label boundaries only', () => {
    expect(isRuleMatch(rule('s', 'host-suffix', 'news.cn'), 'https://www.news.cn/a')).toBe(true);
    expect(isRuleMatch(rule('s', 'host-suffix', 'news.cn'), 'https://fakenews.cn/a')).toBe(false);
  });

  it('matches URL globs without regular expressions from users', () => {
    expect(isGlobMatch('https://*.example.com/news/*', 'https://www.example.com/news/2024/a.html')).toBe(
      true,
    );
    expect(isGlobMatch('https://*.example.com/news/*', 'https://www.example.com/sport/a.html')).toBe(false);
    expect(isGlobMatch('(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBe(false);
  });
});
