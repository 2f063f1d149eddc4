// Bylines on Chinese portal pages: an outlet, a channel, a placeholder, a button or an editor's line is not the
// writer; a name glued to the date label is cut there. Pages written here, modelled on portal templates.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleHints } from '../../utils/dom/page-signals';
import { findByline } from '../../utils/dom/byline';

const URL = 'https://news.example.cn/a/2026/1007/1.html';
const PARA = '<p>　　当地时间周二，多国代表在会上就气候资金问题展开讨论，会议将持续三天，各方仍有分歧。</p>';
const TEXT = '当地时间周二，多国代表在会上就气候资金问题展开讨论，会议将持续三天，各方仍有分歧。';

function bylineOf(html: string, hints: ArticleHints = {}): string | null {
  return findByline(parseHTML(html).document, URL, hints);
}

describe('findByline on portal pages', () => {
  it("refuses the portal's brand that begins its site name, and falls back to the editor without the staff code", () => {
    const html = `<html><head><title>多国讨论气候资金_星河财经</title><meta name="author" content="星河">
      <meta name="Copyright" content="星河版权所有"><meta property="article:author" content="星河"></head>
      <body><h1>多国讨论气候资金</h1><div class="post_info">2026-10-07 09:00 来源: 海湾商报</div>${PARA}
      <div class="ep-source">本文来源：海湾商报 责任编辑：林雪_NF1234</div></body></html>`;
    const text = `${TEXT}\n本文来源：海湾商报 责任编辑：林雪_NF1234`;
    expect(bylineOf(html, { byline: '星河', text })).toBe('林雪');
  });

  it("keeps a blogger's pen name that the blog's tab title shows between the post and the site", () => {
    for (const title of ['秋天去西湖走走_月落长安_新浪博客', '秋天去西湖走走 - 月落长安 - 博客园']) {
      const html = `<html><head><title>${title}</title><meta name="author" content="月落长安"></head>
        <body><div class="articalTitle"><h2 class="titName">秋天去西湖走走</h2></div>${PARA}</body></html>`;
      expect(bylineOf(html, { text: TEXT })).toBe('月落长安');
    }
  });

  it('keeps the name on an author card beside its follow button', () => {
    const html = `<html><head><title>多国讨论气候资金</title></head><body><h1>多国讨论气候资金</h1>
      <div class="follow-card"><span class="follow-name">张伟</span><button>关注</button></div>${PARA}</body></html>`;
    expect(bylineOf(html, { text: `张伟\n${TEXT}` })).toBe('张伟');
  });

  it("keeps a metadata pen name that fails the surname test over the source's reporter", () => {
    const html = `<html><head><title>多国讨论气候资金</title><meta name="author" content="月落长安"></head>
      <body><h1>多国讨论气候资金</h1>${PARA}</body></html>`;
    const text = `来源：江城晚报 记者 张楠\n${TEXT}`;
    expect(bylineOf(html, { text })).toBe('月落长安');
  });

  it('refuses a channel named between the headline and the site in the title', () => {
    const html = `<html><head><title>新款手机发布|手机|新品_通信_星河科技_星河网</title>
      <meta property="article:author" content="星河科技"></head>
      <body><h1>新款手机发布</h1><div class="date-source">2026年10月07日 09:00 星河科技</div>${PARA}</body></html>`;
    expect(bylineOf(html, { byline: '星河科技', text: TEXT })).toBeNull();
  });

  it('refuses an article:author that the page shows as the source', () => {
    const html = `<html><head><title>公园里的晨练_新闻中心</title><meta property="article:author" content="环海消息"></head>
      <body><h1>公园里的晨练</h1><div class="date-source"><span class="date">2026年10月07日 09:00</span>
      <a class="source" href="https://other.example.cn/">环海消息</a></div>${PARA}
      <p class="show_author">责任编辑：周岚</p></body></html>`;
    expect(bylineOf(html, { byline: '环海消息', text: `${TEXT}\n责任编辑：周岚` })).toBe('周岚');
  });

  it("refuses a template's placeholder author and reads the column writer in brackets", () => {
    const html = `<html><head><title>贸易持久战里的信心</title><meta name="author" content="name, email@gmail.com"></head>
      <body><h1>贸易持久战里的信心</h1><div class="time">2026-10-07 09:25:09 来源：海岸观察</div>
      <p>【文/海岸观察专栏作者 程远】</p>${PARA}<div class="editor">责任编辑: 小婉</div></body></html>`;
    const text = `【文/海岸观察专栏作者 程远】\n${TEXT}\n责任编辑: 小婉`;
    expect(bylineOf(html, { byline: 'name, email@gmail.com', text })).toBe('程远');
  });

  it('cuts a name glued to its date label (an author box read as one text)', () => {
    const html = `<html><head><title>秋天的休闲裤怎么搭</title></head><body><h2>秋天的休闲裤怎么搭</h2>
      <div class="author-txt"><p class="author-name">穿搭课代表</p><div><span class="date">发布时间：18-03-08</span>
      <span class="time">23:16</span></div></div>${PARA}</body></html>`;
    expect(bylineOf(html, { byline: '穿搭课代表发布时间：18-03-0823:16', text: TEXT })).toBe('穿搭课代表');
  });

  it("reads an editor's line taken for the byline as the editor, only when nothing names a writer", () => {
    const tail = '<p class="author-x1">[责任编辑：韩立新 PK155]</p>';
    const bare = `<html><head><title>主持首秀</title></head><body><h1>主持首秀</h1>${PARA}${tail}</body></html>`;
    expect(bylineOf(bare, { byline: '[责任编辑：韩立新 PK155]', text: TEXT })).toBe('韩立新');
    const withWriter = `<html><head><title>主持首秀</title></head><body><h1>主持首秀</h1>
      <div class="info">本报记者 田野</div>${PARA}${tail}</body></html>`;
    expect(bylineOf(withWriter, { byline: '[责任编辑：韩立新 PK155]', text: TEXT })).toBe('田野');
  });

  it('reads the author label inside an author box, and nothing when the label is empty', () => {
    const html = `<html><head><title>金融知识进万家</title></head><body><h1>金融知识进万家</h1>${PARA}
      <div class="authorbio">版权声明 来源：湖畔商报 时间：2026-09-23 14:34:05 作者：<br>转载请注明：金融知识进万家</div>
      </body></html>`;
    expect(
      bylineOf(html, {
        byline: '版权声明 来源：湖畔商报 时间：2026-09-23 14:34:05 作者：\n\n转载请注明：',
        text: TEXT,
      }),
    ).toBeNull();
  });

  it('does not take a follow button beside the account for a name', () => {
    const html = `<html><head><title>最爱吃肉的国家</title></head><body><h1>最爱吃肉的国家</h1>
      <div class="media-info"><a class="media-user"><span>去远行</span></a>
      <div class="subscribe"><div class="subscribe-btn"><span>关注</span></div></div></div>${PARA}</body></html>`;
    expect(bylineOf(html, { text: `去远行\n关注\n${TEXT}` })).toBeNull();
  });

  it("gives an account's name way to the reporter the article credits", () => {
    const html = `<html><head><title>儿歌歌词被改</title></head><body><h1>儿歌歌词被改</h1>
      <div class="info"><a class="author" href="/author/1"><div>江眼</div><span>企鹅号</span></a></div>${PARA}
      <p>江城晚报记者 董玥</p></body></html>`;
    expect(bylineOf(html, { byline: '江眼企鹅号', text: `${TEXT}\n江城晚报记者 董玥` })).toBe('董玥');
  });
});
