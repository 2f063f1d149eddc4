import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderPost } from '../../utils/pure/post';
import { toJekyllTemplate } from '../../utils/pure/presets';
import type { SiteRule, TemplateSettings } from '../../utils/pure/site-rules';
import {
  applyRuleFields,
  BUILT_IN_RULES,
  chooseTemplate,
  findRule,
  isGlobMatch,
  isRuleMatch,
  readSiteRule,
} from '../../utils/pure/site-rules';
import type { ClipDraft } from '../../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

const rule = (
  id: string,
  type: SiteRule['match']['type'],
  value: string,
  extra: Partial<SiteRule> = {},
): SiteRule => ({
  id,
  match: { type, value },
  ...extra,
});

describe('isRuleMatch', () => {
  it('host: exactly that host, any case, any path', () => {
    const r = rule('a', 'host', 'www.cmrnn.com.cn');
    expect(isRuleMatch(r, 'https://www.cmrnn.com.cn/content/2022-02/17/x.html')).toBe(true);
    expect(isRuleMatch(r, 'http://WWW.CMRNN.COM.CN')).toBe(true);
    expect(isRuleMatch(r, 'https://cmrnn.com.cn/')).toBe(false);
    expect(isRuleMatch(r, 'https://www.cmrnn.com.cn.evil.example/')).toBe(false);
    expect(isRuleMatch(r, 'not a url')).toBe(false);
  });

  it('host-suffix: the host or any subdomain, never a longer name', () => {
    const r = rule('a', 'host-suffix', 'news.cn');
    expect(isRuleMatch(r, 'https://news.cn/a')).toBe(true);
    expect(isRuleMatch(r, 'https://www.news.cn/a')).toBe(true);
    expect(isRuleMatch(r, 'https://fakenews.cn/a')).toBe(false);
    expect(isRuleMatch(rule('b', 'host-suffix', '*.news.cn'), 'https://a.b.news.cn/')).toBe(true);
    expect(isRuleMatch(rule('c', 'host-suffix', ' '), 'https://news.cn/')).toBe(false);
  });

  it('pattern: a URL glob where only * is special', () => {
    const r = rule('a', 'pattern', 'https://*.example.com/news/*');
    expect(isRuleMatch(r, 'https://www.example.com/news/2023/a.html')).toBe(true);
    expect(isRuleMatch(r, 'https://www.example.com/sport/a.html')).toBe(false);
    expect(isRuleMatch(r, 'http://www.example.com/news/a')).toBe(false);
    // `.` `?` `(` are literal: no regular expression can be smuggled in.
    expect(isRuleMatch(rule('b', 'pattern', 'https://a.b/?(x)'), 'https://a.b/?(x)')).toBe(true);
    expect(isRuleMatch(rule('c', 'pattern', 'https://a.b/?(x)'), 'https://aXb/x')).toBe(false);
    expect(isRuleMatch(rule('d', 'pattern', '(a+)+$'), 'https://aaaa/')).toBe(false);
  });

  // A backtracking matcher shows as a timeout here; `npm run bench:hot-paths` prints the time.
  it('matches globs, even hostile ones', () => {
    expect(isGlobMatch('', 'x')).toBe(false);
    expect(isGlobMatch('x'.repeat(501), 'x'.repeat(501))).toBe(false);
    expect(isGlobMatch('*', '')).toBe(true);
    expect(isGlobMatch('a*b*c', 'aXXbYYc')).toBe(true);
    expect(isGlobMatch('a*b*c', 'aXXbYY')).toBe(false);
    const hostile = `${'*a'.repeat(100)}*`;
    expect(isGlobMatch(hostile, 'a'.repeat(150))).toBe(true);
    expect(isGlobMatch(hostile, `${'ab'.repeat(99)}${'b'.repeat(4000)}`)).toBe(false);
  });
});

describe('findRule', () => {
  it('takes the first user rule that matches, then the built-in ones', () => {
    const user = [
      rule('first', 'host-suffix', 'people.com.cn'),
      rule('second', 'host', 'finance.people.com.cn'),
    ];
    expect(findRule(user, 'https://finance.people.com.cn/n1/x.html')?.id).toBe('first');
    expect(findRule(user.slice().reverse(), 'https://finance.people.com.cn/n1/x.html')?.id).toBe('second');
    expect(findRule([], 'https://finance.people.com.cn/n1/x.html')?.id).toBe('builtin-people');
    expect(findRule(user, 'https://example.com/')).toBeNull();
  });

  it('built-in rules cover the portals, with the publisher zone and only generic selectors', () => {
    for (const url of [
      'https://www.cmrnn.com.cn/a',
      'http://paper.people.com.cn/a',
      'http://www.xinhuanet.com/a',
      'https://www.news.cn/a',
      'https://www.chinanews.com.cn/a',
      'https://news.sina.com.cn/a',
      'https://www.sohu.com/a',
    ]) {
      const found = findRule([], url);
      expect(found?.timeZone, url).toBe('Asia/Shanghai');
      expect(found?.templateId, url).toBeUndefined();
      expect(found?.fields, url).toBeUndefined();
    }
    for (const r of BUILT_IN_RULES)
      expect(r.removeSelectors).toEqual(['.editor', '[class*="share"]', '[id*="share"]']);
  });
});

describe('applyRuleFields', () => {
  const jekyll = toJekyllTemplate(DEFAULT_POST_OPTIONS);

  it('replaces same keys in place, keeps their quoting, adds new keys last, and lets an empty value remove', () => {
    const out = applyRuleFields(
      jekyll,
      rule('r', 'host', 'x', {
        fields: [
          { key: 'title', value: '{{title|upper}}' },
          { key: 'source', value: '' },
          { key: 'weight', value: '{{3}}' },
        ],
      }),
    );
    expect(out.fields.map((f) => f.key)).toEqual([
      'layout',
      'title',
      'date',
      'categories',
      'tags',
      'source',
      'author',
      'weight',
    ]);
    expect(out.fields[1]).toEqual({ key: 'title', value: '{{title|upper}}', quote: 'always' });
    expect(out.fields[5]).toEqual({ key: 'source', value: '', quote: 'always' });
    expect(applyRuleFields(jekyll, null)).toBe(jekyll);
  });
});

// The post in /work/shared/reference/000_042eed1519ae62ae.txt, from 中国市场监管新闻网.
const REFERENCE_FRONT_MATTER = [
  '---',
  'layout: post',
  'title: "厚植商业秘密保护土壤 宁波迈向“智造”未来"',
  'date: 2022-02-17 09:00:40 +0800',
  'categories: zhongguoshichangjianguanxinwenwang',
  'tags: 中国市场监管新闻网新闻',
  '---',
  '',
].join('\n');

// What extraction gives for a page modelled on the source: the headline without the site suffix, the site's name
// from og:site_name, and the page's `发布时间：2022-02-17 09:00:40` with no zone.
const CMRNN_DRAFT: ClipDraft = {
  url: 'https://www.cmrnn.com.cn/content/2022-02/17/content_219826.html',
  canonical: null,
  title: '厚植商业秘密保护土壤 宁波迈向“智造”未来',
  byline: '倪泰',
  siteName: '中国市场监管新闻网',
  lang: 'zh-CN',
  dir: 'ltr',
  excerpt: '商业秘密保护事关创新发展和高质量发展',
  image: null,
  keywords: ['商业秘密', '宁波'],
  published: {
    raw: '2022-02-17 09:00:40',
    source: 'text',
    detail: '发布时间',
    parts: { year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40 },
  },
  modified: null,
  contentHtml: '<p><strong>编者按</strong></p>',
  textContent: '编者按',
  kind: 'article',
};

// A rule as a user types it in the options page.
const CMRNN_RULE: SiteRule = {
  id: 'cmrnn',
  match: { type: 'host', value: 'www.cmrnn.com.cn' },
  timeZone: 'Asia/Shanghai',
  fields: [
    { key: 'layout', value: 'post' },
    { key: 'categories', value: '{{site|pinyin}}' },
    { key: 'tags', value: '{{site}}新闻' },
    { key: 'source', value: '' },
    { key: 'author', value: '' },
  ],
};

describe('chooseTemplate', () => {
  const settings: TemplateSettings = {
    // A user in New York: the rule's zone must win for this publisher.
    post: { ...DEFAULT_POST_OPTIONS, timeZone: 'America/New_York', slugMode: 'readable' },
    templates: [],
    activeTemplateId: 'jekyll',
    rules: [CMRNN_RULE],
  };

  it('reproduces the reference post front matter exactly with a rule a user could type', () => {
    const choice = chooseTemplate(settings, CMRNN_DRAFT.url);
    expect(choice.rule?.id).toBe('cmrnn');
    expect(choice.timeZone).toBe('Asia/Shanghai');
    const post = renderPost(CMRNN_DRAFT, '**编者按**\n\n商业秘密是企业的核心竞争力。', choice.template, {
      clippedAt: new Date('2024-07-04T03:30:15Z'),
      timeZone: choice.timeZone,
      slugMode: choice.slugMode,
    });
    expect(post.content.startsWith(REFERENCE_FRONT_MATTER)).toBe(true);
    expect(post.content.slice(REFERENCE_FRONT_MATTER.length)).toBe(
      '\n**编者按**\n\n商业秘密是企业的核心竞争力。\n\n来源：[中国市场监管新闻网](https://www.cmrnn.com.cn/content/2022-02/17/content_219826.html)\n',
    );
    expect(post.filename).toBe('2022-02-17-厚植商业秘密保护土壤-宁波迈向-智造-未来.md');
  });

  it('without the rule, the user zone applies to the same local time', () => {
    const choice = chooseTemplate({ ...settings, rules: [] }, 'https://example.com/a');
    expect(choice.rule).toBeNull();
    const post = renderPost(CMRNN_DRAFT, 'x', choice.template, {
      clippedAt: new Date('2024-07-04T03:30:15Z'),
      timeZone: choice.timeZone,
      slugMode: choice.slugMode,
    });
    expect(post.content).toContain('\ndate: 2022-02-17 09:00:40 -0500\n');
  });

  it("uses the rule's template and slug mode, else the active template", () => {
    const withTemplate = chooseTemplate(
      { ...settings, rules: [{ ...CMRNN_RULE, templateId: 'hugo-toml', fields: [], slugMode: 'pinyin' }] },
      CMRNN_DRAFT.url,
    );
    expect(withTemplate.template.id).toBe('hugo-toml');
    expect(withTemplate.slugMode).toBe('pinyin');
    const post = renderPost(CMRNN_DRAFT, 'x', withTemplate.template, {
      clippedAt: new Date(0),
      timeZone: withTemplate.timeZone,
      slugMode: withTemplate.slugMode,
    });
    expect(post.filename).toBe(
      'content/posts/hou-zhi-shang-ye-mi-mi-bao-hu-tu-rang-ning-bo-mai-xiang-zhi-zao-wei-lai.md',
    );
    expect(post.content).toContain('\ndate = 2022-02-17T09:00:40+08:00\n');
    expect(
      chooseTemplate({ ...settings, activeTemplateId: 'obsidian' }, 'https://example.com/').template.id,
    ).toBe('obsidian');
  });

  it('a built-in portal rule gives the publisher zone and changes nothing else', () => {
    const choice = chooseTemplate({ ...settings, rules: [] }, 'https://www.news.cn/politics/a.htm');
    expect(choice.rule?.id).toBe('builtin-news-cn');
    expect(choice.timeZone).toBe('Asia/Shanghai');
    const post = renderPost(CMRNN_DRAFT, 'x', choice.template, {
      clippedAt: new Date(0),
      timeZone: choice.timeZone,
      slugMode: choice.slugMode,
    });
    const data = parseYaml(/^---\n([\s\S]*?)---\n/.exec(post.content)?.[1] ?? '') as Record<string, unknown>;
    expect(data).toMatchObject({ layout: 'post', categories: 'zhongguoshichangjianguanxinwenwang' });
    expect(post.content).toContain('\ndate: 2022-02-17 09:00:40 +0800\n');
  });
});

describe('readSiteRule', () => {
  it('keeps what is valid and drops the rest', () => {
    const raw: unknown = JSON.parse(
      JSON.stringify({
        ...CMRNN_RULE,
        removeSelectors: ['.share', 3, ''],
        articleSelector: '#main',
        dateSelector: '',
        slugMode: 'kebab',
        junk: true,
      }),
    );
    expect(readSiteRule(raw)).toEqual({
      ...CMRNN_RULE,
      removeSelectors: ['.share'],
      articleSelector: '#main',
    });
  });

  it.each([
    null,
    [],
    { id: 'x' },
    { id: '', match: { type: 'host', value: 'a' } },
    { id: 'x', match: { type: 'regex', value: 'a' } },
    { id: 'x', match: { type: 'host', value: ' ' } },
  ])('refuses %j', (raw) => {
    expect(readSiteRule(raw)).toBeNull();
  });
});
