// Titles on portal pages with no h1: the heading the page shows marks where the headline ends in the tab title.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findSiteName } from '../../utils/dom/site-name';
import { findTitle } from '../../utils/dom/title';
import { stripSiteName } from '../../utils/pure/site-title';

const URL = 'https://www.example.cn/news/1.html';

function titleOf(html: string): string {
  return findTitle(parseHTML(html).document, URL);
}

describe('titles on portal pages', () => {
  it('ends the headline where the heading the page shows ends (an h2, a div), not at a known site name', () => {
    const h2 = `<html><head><title>七旬阿婆接到诈骗电话被骗上百万元-海港传媒</title></head><body>
      <div class="top">导航</div><h2>七旬阿婆接到诈骗电话被骗上百万元</h2><p>${'警方提醒市民注意防范。'.repeat(6)}</p></body></html>`;
    expect(titleOf(h2)).toBe('七旬阿婆接到诈骗电话被骗上百万元');
    const div = `<html><head><title>中华人民共和国档案法-法规</title></head><body>
      <div class="art-title">中华人民共和国档案法</div><p>${'为了加强档案管理，规范档案收集。'.repeat(6)}</p></body></html>`;
    expect(titleOf(div)).toBe('中华人民共和国档案法');
  });

  it("keeps a tab title's lead and its `——` subtitle around the heading the page shows", () => {
    const body = `<h2>长江保护法正式施行</h2><p>${'保护法明确了流域生态保护要求。'.repeat(6)}</p>`;
    for (const title of ['专家解读：长江保护法正式施行', '长江保护法正式施行——生态文明新篇章']) {
      const html = `<html><head><title>${title}</title></head><body>${body}</body></html>`;
      expect(titleOf(html)).toBe(title);
    }
    for (const title of [
      '长江保护法正式施行_江城新闻网',
      '江城博客 » 长江保护法正式施行',
      '江城观察--长江保护法正式施行',
    ]) {
      const html = `<html><head><title>${title}</title></head><body>${body}</body></html>`;
      expect(titleOf(html)).toBe('长江保护法正式施行');
    }
  });

  it('keeps a title whose separated part the page shows as its headline too', () => {
    const html = `<html><head><title>天问：行星探测任务第二场发布会</title></head><body>
      <h2>天问：行星探测任务第二场发布会</h2><p>${'发布会介绍了任务进展。'.repeat(6)}</p></body></html>`;
    expect(titleOf(html)).toBe('天问：行星探测任务第二场发布会');
  });

  it('keeps a subtitle after ——, and a Latin title whose heading is the site', () => {
    const sub = `<html><head><title>为建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕</title></head><body>
      <div class="art-title">为建设凝聚强大智慧和力量</div><p>${'会议今天开幕。'.repeat(8)}</p></body></html>`;
    expect(titleOf(sub)).toBe('为建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕');
    const latin = `<html><head><title>A.Word.A.Day --maudlin</title></head><body>
      <h2>A.Word.A.Day</h2><p>${'This week we feature words about feelings. '.repeat(6)}</p></body></html>`;
    expect(titleOf(latin)).toBe('A.Word.A.Day --maudlin');
  });

  it('cuts every short channel and site part after the heading the page shows, however many', () => {
    // A portal's no-h1 template: headline in `h2#cont_title`, tab title = headline + channel + section + site + host.
    const portal = `<html><head><title>四月物价同比上涨0.3% 食品价格下降2.7%_数据_宏观频道首页_江城网 - JIANGCHENG.EXAMPLE.CN</title>
      </head><body><div class="nav"><a href="/">首页</a><a href="/macro/">宏观</a></div>
      <div class="article"><h2 id="cont_title">四月物价同比上涨0.3% 食品价格下降2.7%</h2>
      <div class="info">2024-05-11 09:36 来源：江城网</div><p>${'四月份全国居民消费价格同比上涨。'.repeat(6)}</p></div></body></html>`;
    expect(
      findTitle(parseHTML(portal).document, 'https://economy.jiangcheng.example.cn/20240511/1.shtml'),
    ).toBe('四月物价同比上涨0.3% 食品价格下降2.7%');
  });

  it('cuts a channel and the site around a `--` separator when the headline sits in a `div.title`', () => {
    // `标题--频道·栏目--站名`.
    const people = `<html><head><title>青少年心理健康服务项目启动--健康·生活--江城网 </title></head><body>
      <div class="title"><h2>青少年心理健康服务项目启动</h2></div><p>${'项目在市青年宫正式启动。'.repeat(6)}</p></body></html>`;
    expect(titleOf(people)).toBe('青少年心理健康服务项目启动');
  });

  it('takes a short h1 that the tab title starts with, however many site parts follow', () => {
    const html = `<html><head><title>短视频与大众文化_要闻_光影网_gy1905.com</title></head><body>
      <div class="header"><a class="logo" href="/">光影网</a></div>
      <div class="article"><h1 class="title">短视频与大众文化</h1><p>${'短视频已成为醒目的媒介景观。'.repeat(6)}</p></div>
      </body></html>`;
    expect(titleOf(html)).toBe('短视频与大众文化');
  });

  it('keeps a part after the heading shown that is longer than a channel name', () => {
    const long = `<html><head><title>长江保护法施行_一部关于流域生态保护的专门法律_江城网</title></head><body>
      <h2>长江保护法施行</h2><p>${'保护法明确了流域生态保护要求。'.repeat(6)}</p></body></html>`;
    expect(titleOf(long)).toBe('长江保护法施行_一部关于流域生态保护的专门法律');
  });

  it('keeps the headline after a kicker h1: the part next to the heading shown is longer than it', () => {
    const kicker = `<html><head><title>深度报道｜城中村改造三年之后_江城网</title></head><body>
      <h1>深度报道</h1><p>${'三年来城中村改造让街巷换了新颜。'.repeat(6)}</p></body></html>`;
    expect(titleOf(kicker)).toBe('深度报道｜城中村改造三年之后');
    const cell = `<html><head><title>市政府常务会议 - 研究部署防汛工作_江城网</title></head><body>
      <table><tr><td>市政府常务会议</td></tr></table><p>${'会议研究部署了今年的防汛工作。'.repeat(6)}</p></body></html>`;
    expect(titleOf(cell)).toBe('市政府常务会议 - 研究部署防汛工作');
  });

  it('leaves no separator at the end when a doubled one held a channel', () => {
    expect(stripSiteName('关于调整国债余额限额的决议__2026年第23号公报_中国政务网', [], URL).title).toBe(
      '关于调整国债余额限额的决议',
    );
  });
});

describe('site names on government portal pages', () => {
  it('reads the SiteName meta tag Chinese government sites declare, and cuts it from the title', () => {
    const doc = parseHTML(`<html><head><title>丝路行南美站正式启动 - 河东省人民政府门户网站</title>
      <meta name="SiteName" content="河东省人民政府门户网站"><meta name="SiteDomain" content="www.hedong.gov.example">
      </head><body><div class="title">丝路行南美站正式启动</div><p>${'活动将在三国举行。'.repeat(8)}</p></body></html>`).document;
    expect(findSiteName(doc, URL)).toBe('河东省人民政府门户网站');
    expect(findTitle(doc, URL)).toBe('丝路行南美站正式启动');
  });
});
