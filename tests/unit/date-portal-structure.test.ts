// Issue 9 §3: where a portal page's own date line sits, on pages written here after the structures of Chinese portals
// and government sites (a headline inside an <aside>, a date line that shares its cell with a script, a page whose
// only publish time is a TRS-style meta, a video player's build stamp beside a date line split over three blocks).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findPublishedDate } from '../../utils/dom/published-date';

const URL_CN = 'http://www.portal.example.cn/news/content_12345.html';
const NOW = new Date('2025-01-01T00:00:00Z');
const BODY = '记者从市园林局获悉，今年全市新建口袋公园四十余处，方便市民就近休闲，受到周边居民欢迎。';

function doc(body: string, head = ''): Document {
  return parseHTML(
    `<!doctype html><html lang="zh-CN"><head><title>城市新建一批口袋公园_新闻</title>${head}</head><body>${body}</body></html>`,
  ).document;
}

function published(page: Document): unknown {
  return findPublishedDate(page, URL_CN, { now: NOW })?.parts;
}

describe("a headline inside an <aside>: the aside is the article's head, not a sidebar", () => {
  // A mobile portal's layout: the title box is an <aside> holding the headline and the date line; the related list
  // below shows other stories' days in bare <time> elements.
  const page = (): Document =>
    doc(`<section class="contxt"><aside class="contxt-aside"><h1>城市新建一批口袋公园</h1>
<span>2019-09-05 11:10 本站[整理]</span><a class="cmt" href="#comments">1</a></aside>
<article><div class="art">${`<p>${BODY}</p>`.repeat(6)}</div></article></section>
<section class="rel-box"><ul class="list-tp2">
<li><a href="/a/1.html">另一条新闻</a><p><time>2019-09-06</time></p></li>
<li><a href="/a/2.html">又一条新闻</a><p><time>2019-09-06</time></p></li>
<li><a href="/a/3.html">第三条新闻</a><p><time>2019-09-04</time></p></li></ul></section>
<aside class="side"><p>热门：2019-09-07 10:00 某条新闻</p></aside>`);

  it('reads the date line beside the headline', () => {
    expect(published(page())).toMatchObject({ year: 2019, month: 9, day: 5, hour: 11, minute: 10 });
  });

  it('still skips an <aside> that does not hold the headline', () => {
    const side = doc(`<article><h1>城市新建一批口袋公园</h1>${`<p>${BODY}</p>`.repeat(6)}</article>
<aside class="side"><p>热门：2019-09-07 10:00 某条新闻</p></aside>`);
    expect(published(side)).toBeUndefined();
  });
});

describe('a date line that shares its table cell with a script', () => {
  // A university CMS: the title cell and the date cell each start with an inline script; the body opens with the day
  // the law was passed, a sentence ending in 。 right below the title repeated as the body's first line.
  const script = `<script>NewsvoteDWR.getNewsLinkUrl(1081,'1412614994','vsb',newsSkip);function newsSkip(data){if(data != ""){window.location.href = data;}}</script>`;
  const page = (): Document =>
    doc(`<table><tbody><tr><td><table><tbody>
<tr><td><p><span class="STYLE6">■ </span><span class="STYLE7">城建新闻</span></p></td></tr>
<tr><td><hr></td></tr>
<tr><td><span class="STYLE8">${script}
城市新建一批口袋公园</span></td></tr>
<tr><td><table><tbody><tr><td>${script}
来源: | 发布时间: 2018-05-17 | 浏览次数: <script>showClicks("news", 1412614994, 1081)</script><span id="clicks_1081">2168</span>
</td></tr></tbody></table></td></tr>
<tr><td><table><tbody><tr><td>${script}<form name="content_form">
<p class="MsoNormal"><span class="baiti11"><span></span></span></p><div id="vsb_content">
<p><strong><span>城市新建一批口袋公园</span></strong></p><p><br></p>
<p><span>2018年3月20日，市政府常务会议通过了口袋公园建设方案。</span></p>${`<p><span>${BODY}</span></p>`.repeat(6)}
</div></form></td></tr></tbody></table></td></tr></tbody></table></td></tr></tbody></table>`);

  it('reads the labelled date line, not the sentence that mentions a day', () => {
    expect(published(page())).toMatchObject({ year: 2018, month: 5, day: 17 });
  });
});

describe("a TRS-style meta as the page's only publish time", () => {
  it('reads `firstpublishedtime` (gov.cn style `2007-08-20-23:59:59`) before a day in the text', () => {
    const page = doc(
      `<div class="pages_content"><p><strong>关于批准城市口袋公园建设方案的决议</strong></p>
<p>（2007年6月29日市人民代表大会常务委员会第二十八次会议通过）</p>${`<p>${BODY}</p>`.repeat(6)}</div>`,
      '<meta name="firstpublishedtime" content="2007-08-20-23:59:59"><meta name="lastmodifiedtime" content="2007-08-21-10:00:00">',
    );
    expect(published(page)).toMatchObject({ year: 2007, month: 8, day: 20 });
  });
});

describe('a date line split over three blocks (`2019` / `09/07` / `19:02`) beside a video player', () => {
  // A portal's sticky left bar shows the year, the month/day and the time in three boxes; the embedded player's
  // console, further down, carries its build stamp with a full date and a 12-hour clock.
  const page = (): Document =>
    doc(`<div class="qq_conent"><div class="LEFT"><h1>城市新建一批口袋公园</h1>
<div class="content clearfix"><div id="LeftTool" class="LeftTool"><div class="left-stick-wp">
<div class="year through"><span>2019</span></div><div class="md">09/07</div><div class="time">19:02</div>
<div><a class="author" href="/author/5183008">扬眼</a></div></div></div>
<div class="content-article"><p class="one-p">${BODY}</p>
<div class="videoPlayer"><txpdiv class="txp_console"><txpdiv class="txp_line"><txpdiv class="txp_label">版本</txpdiv>
<txpdiv class="txp_value">3.4.40-1.0.141 (2019-9-5 9:38:01 PM)</txpdiv></txpdiv></txpdiv></div>
${`<p class="one-p">${BODY}</p>`.repeat(5)}</div></div></div></div>`);

  it('reads the split date line as `2019 09/07 19:02`', () => {
    expect(published(page())).toMatchObject({ year: 2019, month: 9, day: 7, hour: 19, minute: 2 });
  });
});

describe("a sticky header's copy of the headline above the article's own", () => {
  // Modelled on a state-media portal: a fixed top bar repeats the `<h1>` with share buttons, the article's own `<h1>`
  // and its date line come after the navigation, and a TRS-style meta gives the day only.
  const share = Array.from(
    { length: 30 },
    (_, i) => `<a class="share" href="/s/${i}"><img src="/i/${i}.png"></a>`,
  );
  const page = (): Document =>
    doc(
      `<div class="topNav"><a href="/">首页</a></div><h1 class="article_title">城市新建一批口袋公园</h1>
<div class="topShare">分享到：${share.join('')}</div>
<div class="content"><div class="m_local"><a href="/">首页</a><span>&gt;</span><a href="/news/">新闻中心</a></div>
<h1>城市新建一批口袋公园</h1><div class="inform"><p>2024-05-13 13:48</p><p>来源：本站</p></div>
<div class="article">${`<p>${BODY}</p>`.repeat(6)}</div></div>`,
      '<meta name="publishdate" content=" 2024-05-13">',
    );

  it("gives the day-only meta the time of the date line beside the article's own headline", () => {
    expect(published(page())).toMatchObject({ year: 2024, month: 5, day: 13, hour: 13, minute: 48 });
  });
});
