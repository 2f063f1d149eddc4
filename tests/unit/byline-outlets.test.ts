// The names a page gives its outlets: the site, the title's channels, the copyright owner, the source elements.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findOutletNames } from '../../utils/dom/byline-outlets';
import { isControlLabel } from '../../utils/dom/byline-controls';
import { readPageSignals } from '../../utils/dom/read-signals';

const URL = 'https://tech.example.cn/a/1.html';

function outletsOf(html: string): string[] {
  const doc = parseHTML(html).document;
  return findOutletNames(doc, readPageSignals(doc, URL, {}), {});
}

describe('findOutletNames', () => {
  it("names the title's site and channels, the copyright owner and the source element", () => {
    const names = outletsOf(`<html><head><title>新款手机发布|手机_通信_星河科技_星河网</title>
      <meta name="copyright" content="星河版权所有"></head><body><div class="crumbs"><a href="/">首页</a> &gt;
      <a href="/tx/">通信</a></div><h1>新款手机发布</h1>
      <div class="date-source">2026年10月07日 <a class="source">来源：海湾商报</a></div></body></html>`);
    expect(names).toEqual(expect.arrayContaining(['星河科技', '通信', '星河', '海湾商报']));
    expect(names).not.toContain('新款手机发布');
  });

  it("keeps a blogger's name between the headline and the blog site in the title", () => {
    for (const title of ['秋天去西湖走走_月落长安_新浪博客', '秋天去西湖走走 - 月落长安 - 博客园']) {
      const names =
        outletsOf(`<html><head><title>${title}</title><meta name="author" content="月落长安"></head>
        <body><nav><a href="/">首页</a><a href="/travel/">旅游</a></nav><h2>秋天去西湖走走</h2></body></html>`);
      expect(names).not.toContain('月落长安');
    }
  });

  it('counts a middle title part as a channel when it is site-like, shares the brand or is a nav link', () => {
    const names = outletsOf(`<html><head><title>会议闭幕_电信_国际新闻_星河科技_星河网</title></head>
      <body><nav><a href="/tx/">电信</a></nav><h1>会议闭幕</h1></body></html>`);
    expect(names).toEqual(expect.arrayContaining(['电信', '国际新闻', '星河科技']));
  });

  it("reads `source` only as a whole class word, never from the page's wrappers", () => {
    const names = outletsOf(`<html class="stencil-plugin-source"><head></head><body class="source">
      <main id="source-main"><div class="resources">江城晚报</div><p>海湾商报</p>
      <span class="ne_article_source">来源：星河日报</span></main></body></html>`);
    expect(names).toContain('星河日报');
    expect(names).not.toContain('江城晚报');
    expect(names.some((n) => n.includes('海湾商报'))).toBe(false);
  });

  it("reads the copyright meta tag's holder without its years and licence", () => {
    const names = outletsOf(`<html><head><title>随笔一则</title>
      <meta name="copyright" content="Copyright © 2014~2019 星河网 京ICP备16058363号"></head><body></body></html>`);
    expect(names).toContain('星河网');
    expect(names.some((n) => n.includes('ICP') || n.includes('~'))).toBe(false);
  });

  it('leaves out a person named where an outlet stands', () => {
    const names =
      outletsOf(`<html><head><title>随笔一则</title><meta name="copyright" content="© 2026 王建国">
      </head><body><h1>随笔一则</h1><span class="source">张伟</span></body></html>`);
    expect(names).not.toContain('王建国');
    expect(names).not.toContain('张伟');
  });

  it('names a JSON-LD author typed as an organisation, not one typed as a person', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '日銀短觀',
      author: [
        { '@type': 'Organization', name: '香港電台-財經' },
        { '@type': 'Person', name: '陈大文' },
      ],
    });
    const names = outletsOf(`<html><head><title>日銀短觀</title>
      <script type="application/ld+json">${ld}</script></head><body><h1>日銀短觀</h1></body></html>`);
    expect(names).toContain('香港電台-財經');
    expect(names).not.toContain('陈大文');
  });
});

describe('isControlLabel', () => {
  it("knows a button's text, not a name in a span", () => {
    const doc = parseHTML(`<div><a class="media-user"><span>去远行</span></a>
      <div class="subscribe-btn"><span>关注</span></div><button>订阅</button></div>`).document;
    expect(isControlLabel(doc, '关注')).toBe(true);
    expect(isControlLabel(doc, '订阅')).toBe(true);
    expect(isControlLabel(doc, '去远行')).toBe(false);
  });

  it("does not take an author card's name for its follow button", () => {
    const doc = parseHTML(`<div class="follow-card"><span class="follow-name">张伟</span>
      <button><i class="icon"></i>关注</button></div><div class="btn-follow"><div>李明</div></div>`).document;
    expect(isControlLabel(doc, '张伟')).toBe(false);
    expect(isControlLabel(doc, '李明')).toBe(false);
    expect(isControlLabel(doc, '关注')).toBe(true);
  });
});
