// Issue 9 §3 on whole pages: each date form a portal shows on its article's date line, read against the clip's
// reference time through the same search extraction runs (findPublishedDate), in the publisher's zone.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findPublishedDate } from '../../utils/dom/published-date';

const URL_CN = 'https://news.portal.example.cn/2019/a/story.html';
const URL_DE = 'https://www.stadtanzeiger.example.de/lokales/brueckensanierung';
// 12:00 in Beijing, 06:00 in Berlin (CEST) on 8 September 2019.
const NOW = new Date('2019-09-08T04:00:00Z');

/** A portal article: the headline, the date line, the text, and a list of other stories with their own dates. */
function portal(dateLine: string, lineClass = 'info', topBar = ''): Document {
  return parseHTML(`<!doctype html><html lang="zh-CN"><head><title>城市新建一批口袋公园_新闻中心</title></head><body>
${topBar}
<div class="article"><h1>城市新建一批口袋公园</h1>
<div class="${lineClass}">${dateLine}</div>
<div class="content"><p>${'记者从市园林局获悉，今年全市新建口袋公园四十余处，方便市民就近休闲。'.repeat(12)}</p></div></div>
<ul class="related"><li><a href="/a/1.html">另一条新闻</a> <span>2019-08-30</span></li></ul>
</body></html>`).document;
}

function dayOf(doc: Document, url = URL_CN): unknown {
  return findPublishedDate(doc, url, { now: NOW })?.parts;
}

describe('date forms on a portal page, against the reference time', () => {
  it.each([
    [
      '发布时间：09-07 19:02 来源：本报',
      { year: 2019, month: 9, day: 7, hour: 19, minute: 2, offsetMinutes: 480 },
    ],
    // 9 October has not come yet in 2019: the latest 9 October not after the click is 2018's.
    ['10月09日 08:30 来源：新闻中心', { year: 2018, month: 10, day: 9, hour: 8, minute: 30 }],
    ['刚刚 来源：本报', { year: 2019, month: 9, day: 8 }],
    ['5分钟前 来源：本报', { year: 2019, month: 9, day: 8, hour: 11, minute: 55, offsetMinutes: 480 }],
    ['昨天 12:00 来源：本报', { year: 2019, month: 9, day: 7, hour: 12, minute: 0, offsetMinutes: 480 }],
    // A named day alone is a date only where the page marks it as one (else `Heute geöffnet` would be).
    ['<span class="time">前天</span> 来源：本报', { year: 2019, month: 9, day: 6 }],
    ['发布时间：前天 来源：本报', { year: 2019, month: 9, day: 6 }],
    ['发布时间：18-03-08 23:16 来源：本报', { year: 2018, month: 3, day: 8, hour: 23, minute: 16 }],
    ['2019 09/07 19:02 来源：本报', { year: 2019, month: 9, day: 7, hour: 19, minute: 2 }],
  ])('reads `%s`', (line, parts) => {
    expect(dayOf(portal(line))).toMatchObject(parts);
  });

  it('reads `vor 3 Stunden` on a German page in Berlin time', () => {
    const doc =
      parseHTML(`<!doctype html><html lang="de"><head><title>Brücke wird saniert</title></head><body>
<article><h1>Brücke wird saniert</h1><p class="meta">Von Jana Becker · vor 3 Stunden</p>
<p>${'Die Stadt saniert die alte Brücke über den Fluss, der Verkehr wird umgeleitet. '.repeat(8)}</p></article>
</body></html>`).document;
    // 06:00 in Berlin less three hours.
    expect(dayOf(doc, URL_DE)).toMatchObject({ year: 2019, month: 9, day: 8, hour: 3, offsetMinutes: 120 });
  });

  it('reads a two-digit year only after a label, and a named day alone only where it is marked', () => {
    expect(dayOf(portal('编号 18-03-08 来源：本报'))).toBeUndefined();
    expect(dayOf(portal('前天 来源：本报', 'tools'))).toBeUndefined();
  });

  it("prefers the article's own date line over the page's clock and the related list", () => {
    expect(dayOf(portal('2019-09-05 10:20 来源：本报'))).toMatchObject({ year: 2019, month: 9, day: 5 });
  });
});

/** Portals' top bars show the day the page was served, before the headline and outside the article. */
const CLOCKS = {
  div: '<div class="top"><div class="date">2019年9月8日 星期日</div><a href="/">首页</a> <a href="/news/">新闻</a></div>',
  header: '<header><span>今天是 2019年9月8日 星期日</span><a href="/">首页</a></header>',
  banner: '<div role="banner"><p class="time">2019-09-08 星期日</p><a href="/">首页</a></div>',
};

describe("a clock in the page's top bar", () => {
  it.each(Object.entries(CLOCKS))('loses to a year-less date line (%s)', (_, clock) => {
    const doc = portal('发布时间：09-07 19:02 来源：本报', 'info', clock);
    expect(dayOf(doc)).toMatchObject({ year: 2019, month: 9, day: 7, hour: 19, minute: 2 });
  });

  it('loses to a relative date line', () => {
    const doc = portal('<span class="time">3小时前</span> 来源：本报', 'info', CLOCKS.div);
    expect(dayOf(doc)).toMatchObject({ year: 2019, month: 9, day: 8, hour: 9, minute: 0 });
  });

  it('loses to a full date line, as it always did', () => {
    const doc = portal('发布时间：2019-09-05 10:20 来源：本报', 'info', CLOCKS.header);
    expect(dayOf(doc)).toMatchObject({ year: 2019, month: 9, day: 5, hour: 10, minute: 20 });
  });

  // The day the page was served: the article ran no later, and nothing on the page says more.
  it('is still the date when the page shows no other', () => {
    const doc = portal('来源：本报', 'info', CLOCKS.div);
    expect(dayOf(doc)).toMatchObject({ year: 2019, month: 9, day: 8 });
  });

  it("yields to the URL's date, which a clock never contradicts", () => {
    const doc = portal('来源：本报', 'info', CLOCKS.div);
    const url = 'https://news.portal.example.cn/2019/09/05/story.html';
    expect(dayOf(doc, url)).toMatchObject({ year: 2019, month: 9, day: 5 });
  });

  it("keeps a date above the headline inside the article's area", () => {
    const doc =
      parseHTML(`<!doctype html><html lang="zh-CN"><head><title>口袋公园</title></head><body>${CLOCKS.div}
<div class="article"><p class="date">2019年9月5日</p><h1>城市新建一批口袋公园</h1>
<div class="info">3小时前 来源：本报</div>
<div class="content"><p>${'记者从市园林局获悉，今年全市新建口袋公园四十余处，方便市民就近休闲。'.repeat(12)}</p></div></div>
</body></html>`).document;
    expect(dayOf(doc)).toMatchObject({ year: 2019, month: 9, day: 5 });
  });

  it('never yields to a widget that is not the date line', () => {
    const weather = portal('昨天 12:00 晴 28℃', 'weather', CLOCKS.div);
    expect(dayOf(weather)).toMatchObject({ year: 2019, month: 9, day: 8 });
    // A sidebar beside the article: skipped as ever, whatever it holds.
    const side = portal(
      '来源：本报',
      'info',
      `${CLOCKS.div}<div class="sidebar"><p class="time">09-01 08:00</p></div>`,
    );
    expect(dayOf(side)).toMatchObject({ year: 2019, month: 9, day: 8 });
  });
});
