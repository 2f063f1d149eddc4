import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isReaderable } from '../../utils/dom/extract';

const CN_BRIEF = `<!doctype html><html lang="zh-CN"><head><title>城市书房延长开放时间_海滨日报网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<h1>城市书房延长开放时间 市民夜读有了好去处</h1>
<p>从本月起，全市二十四家城市书房将开放时间延长至晚上十点，方便上班族下班后阅读和自习。</p>
<p>据市文化和旅游局介绍，延时开放期间，书房将安排专人值守，并提供自助借还、免费无线网络和充电服务。</p>
<p>“以前下班赶到书房，没坐多久就要闭馆了。”在一家科技公司工作的市民小陈说，延长时间以后，她每周都会来这里看书。</p>
<p>市文化和旅游局有关负责人表示，下一步还将根据市民的借阅数据，优化书房的图书配置，让更多人读到好书。</p>
</body></html>`;

const CN_NAV = `<!doctype html><html lang="zh-CN"><head><title>海滨日报网</title></head><body>
<ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">市民夜读有了好去处第${i}条新闻标题</a></li>`).join('')}</ul>
<p>版权所有 海滨日报网</p></body></html>`;

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHTML(html).document],
  ['jsdom', (html) => new JSDOM(html).window.document],
];

describe.each(parsers)('isReaderable (%s)', (_name, parse) => {
  it('accepts a short Chinese news brief that Readability’s Latin-text thresholds reject', () => {
    expect(isReaderable(parse(CN_BRIEF))).toBe(true);
  });

  it('still rejects a Chinese page of links', () => {
    expect(isReaderable(parse(CN_NAV))).toBe(false);
  });
});
