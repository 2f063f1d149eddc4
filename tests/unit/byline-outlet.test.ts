// An outlet is never the author: the `来源：` source, the site in the title, a WeChat account beside its writer.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findByline } from '../../utils/dom/byline';

function bylineOf(html: string, url = 'https://news.example.cn/a/1.html'): string | null {
  return findByline(parseHTML(html).document, url);
}

const TEXT = '<p>　　据报道，当地时间周二，多国代表在会上就气候资金问题展开讨论，会议将持续三天。</p>';

describe('findByline and outlets', () => {
  it('refuses a meta author that is the 来源 source of the page', () => {
    const html = `<html><head><title>多国讨论气候资金_国际新闻</title><meta name="author" content="参考消息"></head>
      <body><h1>多国讨论气候资金</h1><div class="info">2026-10-07 09:00 来源：参考消息</div>${TEXT}</body></html>`;
    expect(bylineOf(html)).toBeNull();
  });

  it('refuses a meta author that is the site named in the title', () => {
    const html = `<html><head><title>多国讨论气候资金-江城新闻网</title><meta name="author" content="江城新闻网"></head>
      <body><h1>多国讨论气候资金</h1>${TEXT}</body></html>`;
    expect(bylineOf(html)).toBeNull();
  });

  it('takes the labelled writer over the account that metadata names', () => {
    const html = `<html><head><title>老城区的早点铺子</title><meta property="og:article:author" content="江城生活圈"></head>
      <body><h1>老城区的早点铺子</h1><div class="meta"><span>文/林晓</span> <a href="#">江城生活圈</a></div>${TEXT}</body></html>`;
    expect(bylineOf(html, 'https://mp.weixin.qq.com/s/abc')).toBe('林晓');
  });

  it('keeps a meta author who is a person', () => {
    const html = `<html><head><title>多国讨论气候资金</title><meta name="author" content="王建宏"></head>
      <body><h1>多国讨论气候资金</h1><div class="info">来源：参考消息</div>${TEXT}</body></html>`;
    expect(bylineOf(html)).toBe('王建宏');
  });
});
