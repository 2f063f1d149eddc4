// Bylines where a Chinese news CMS fills the author fields with something else than the writer: the editor's
// account in `<meta name="author">`, a whole author card or a `选稿：` label as Readability's byline, a site
// handle. The article's own credit wins. Pages written here, modelled on state-media and portal templates.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleHints } from '../../utils/dom/page-signals';
import { findByline } from '../../utils/dom/byline';

const URL = 'https://news.example.cn/2024-05/20/content_1.htm';
const LEAD = '中国科学院专家19日在北京介绍国内首次在轨水生生态研究项目进展，各项实验运行平稳，数据回传正常。';
const PARA = `<p>　　${LEAD}</p>`;

function bylineOf(html: string, hints: ArticleHints = {}): string | null {
  return findByline(parseHTML(html).document, URL, hints);
}

/** A page whose head names `author` and whose body is `body`, under a headline. */
function page(author: string, body: string): string {
  return `<html><head><title>太空实验进展顺利_星河网</title><meta name="author" content="${author}"></head>
    <body><h1>太空实验进展顺利</h1>${body}</body></html>`;
}

describe("findByline: the CMS's editor account in the author meta tag", () => {
  it("prefers the agency dateline's reporters to a meta author the page shows only as its editor", () => {
    const lead = `新华社北京5月19日电（刘艺、杨吉）${LEAD}`;
    const html = page(
      '张倩',
      `<p>　　${lead}</p><div class="fl">[ <span class="liability">责编：张倩</span> ]</div>`,
    );
    expect(bylineOf(html, { byline: '张倩', text: `${lead}\n[ 责编：张倩 ]` })).toBe('刘艺, 杨吉');
  });

  it('prefers the name in an author element on the date line to the editor in the meta tag', () => {
    const html = page(
      '倪仕轩',
      `<div class="meta"><span class="pub_time">2023-06-15 08:10</span><span id="source_baidu">来源：中国新闻网</span>
      <span id="author_baidu">王帆</span></div>${PARA}<div class="m-editor">编辑：倪仕轩  责任编辑：杨格</div>`,
    );
    expect(bylineOf(html, { byline: '倪仕轩', text: `${LEAD}\n编辑：倪仕轩 责任编辑：杨格` })).toBe('王帆');
  });

  it("prefers the closing reporter credit to an account shown nowhere (the editor's name after the site's)", () => {
    const close = '中青报·中青网记者 魏其濛 来源：中国青年报';
    const html = page(
      '青网新闻杨逸凡',
      `${PARA}<p>　　${close}</p><div class="rdwz_fh"><span id="editor_baidu">责任编辑：杨逸凡</span></div>`,
    );
    expect(bylineOf(html, { text: `${LEAD}\n${close}\n责任编辑：杨逸凡` })).toBe('魏其濛');
  });

  it('gives the editor as the page prints the name when the page credits no writer', () => {
    const html = page(
      '青网新闻张毅',
      `${PARA}<div class="rdwz_fh"><span id="editor_baidu">责任编辑：张毅</span></div>`,
    );
    expect(bylineOf(html, { text: `${LEAD}\n责任编辑：张毅` })).toBe('张毅');
  });

  it('keeps a meta author the page shows as its writer, or when the page shows no other name', () => {
    const shown = page('张倩', `<div class="info">作者：张倩</div><p>　　（记者 李明）${LEAD}</p>`);
    expect(bylineOf(shown, { text: `作者：张倩\n（记者 李明）${LEAD}` })).toBe('张倩');
    expect(bylineOf(page('张倩', PARA), { text: LEAD })).toBe('张倩');
  });
});

describe('findByline: a Latin handle in the author meta tag of a Chinese page', () => {
  it('prefers the credit the page shows to the handle', () => {
    const html = page(
      'chinanews',
      `<div class="left-t"><span id="author_baidu">作者：陈海峰</span></div>${PARA}`,
    );
    expect(bylineOf(html, { byline: 'chinanews', text: `${LEAD}\n${LEAD}` })).toBe('陈海峰');
  });

  it("gives no byline for the site's own account when the page credits no one", () => {
    const html = `<html><head><meta name="author" content="sina_mobile">
      <meta property="og:url" content="https://finance.sina.cn/2005-08-26/detail-1.d.html"></head>
      <body><h1>公告</h1>${PARA}</body></html>`;
    expect(
      findByline(parseHTML(html).document, 'https://finance.sina.cn/2005-08-26/detail-1.d.html', {
        text: LEAD,
      }),
    ).toBeNull();
  });
});

describe("findByline: Readability's byline taken from a whole author box", () => {
  it("reads the card's name element, not its follow button, date and place", () => {
    const html = `<html><head><title>球王的故事</title></head><body><h1>球王的故事</h1>
      <div class="author-info"><a class="author-info__name" href="/u/1">管不饿</a><div class="author-info__attention">关注</div>
      <div class="author-info__desc"><time>2024-05-08 23:23</time><div>来自甘肃</div></div></div>${PARA}</body></html>`;
    expect(bylineOf(html, { byline: '管不饿关注2024-05-08 23:23来自甘肃', text: LEAD })).toBe('管不饿');
  });

  it("gives no byline when the card's name is an outlet's account", () => {
    const html = `<html><head><title>评论员文章</title></head><body><h1>评论员文章</h1>
      <div class="article-author"><p class="media-name">经济日报</p><p class="media-meta"><span>2024-05-13 06:16</span>
      <span>发布于北京</span><span>经济日报官方账号</span></p><div class="follow-button">+关注</div></div>${PARA}</body></html>`;
    const byline = '经济日报2024-05-13 06:16发布于北京经济日报官方账号+关注';
    expect(bylineOf(html, { byline, text: LEAD })).toBeNull();
  });

  it("takes a name after another role's label only when the page credits no writer", () => {
    const box = '<div class="info"><span class="author">选稿：许文杰</span></div>';
    const html = page('', `${box}${PARA}`).replace('<meta name="author" content="">', '');
    expect(bylineOf(html, { byline: '选稿：许文杰', text: LEAD })).toBe('许文杰');
    const credited = html.replace(PARA, `<p>　　（记者 李明）${LEAD}</p>`);
    expect(bylineOf(credited, { byline: '选稿：许文杰', text: `（记者 李明）${LEAD}` })).toBe('李明');
  });
});
