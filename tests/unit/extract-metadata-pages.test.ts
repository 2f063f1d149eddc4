// Issue 9 §4 on whole pages through extraction: tags, byline lines, outlets, description and site name.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/dom/extract';
import type { ClipDraft } from '../../utils/pure/types';

const NOW = new Date('2024-03-01T00:00:00Z');
const EN_TEXT = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>The regional government agreed on Tuesday to rebuild the coastal railway, part ${i + 1} of a plan that includes new stations, a cycle path along the shore and a timetable with trains every half hour.</p>`,
).join('');
const DE_TEXT = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss zu sanieren, Abschnitt ${i + 1} eines Plans, der auch neue Radwege und eine Umleitung für den Busverkehr vorsieht.</p>`,
).join('');
const ZH_TEXT = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>　　记者从市交通运输局获悉，全市第${i + 1}批公交线路优化方案日前公布，新开线路将连接地铁站与居民小区，方便市民出行。</p>`,
).join('');

function extract(html: string, url: string): ClipDraft {
  const result = extractArticle(parseHTML(html).document, url, { now: NOW });
  if (!result.ok) throw new Error(result.detail);
  return result.value;
}

describe('metadata on pages', () => {
  it('splits article:tag lists on commas and a Chinese keyword list on spaces', () => {
    const en = extract(
      `<html lang="en"><head><title>Coastal railway to be rebuilt</title>
      <meta property="article:tag" content="Spain,Europe,World news"></head>
      <body><article><h1>Coastal railway to be rebuilt</h1>${EN_TEXT}</article></body></html>`,
      'https://news.example.com/world/2024/feb/27/railway',
    );
    expect(en.keywords).toEqual(['Spain', 'Europe', 'World news']);
    const zh = extract(
      `<html lang="zh-CN"><head><title>公交线路优化方案公布</title><meta name="keywords" content="公交 线路、地铁，出行">
      </head><body><div class="article"><h1>公交线路优化方案公布</h1>${ZH_TEXT}</div></body></html>`,
      'https://news.example.cn/a/1.html',
    );
    expect(zh.keywords).toEqual(['公交', '线路', '地铁', '出行']);
  });

  it('moves byline names that sit as lines in the body into the author, and out of the body', () => {
    const de = extract(
      `<html lang="de"><head><title>Brücke wird saniert | Stadtanzeiger</title></head><body><article>
      <h1>Brücke wird saniert</h1><p>Von Jana Becker</p><p>und Tom Vogel</p>${DE_TEXT}</article></body></html>`,
      'https://www.stadtanzeiger.example.de/lokales/bruecke',
    );
    expect(de.byline).toBe('Jana Becker, Tom Vogel');
    expect(de.textContent).not.toContain('Jana Becker');
    expect(de.textContent).not.toContain('Tom Vogel');
    expect(de.textContent).toContain('Der Stadtrat hat am Dienstag');
    const oneLine = extract(
      `<html lang="de"><head><title>Brücke wird saniert</title></head><body><article>
      <h1>Brücke wird saniert</h1><p>Von Jana Becker und Tom Vogel</p>${DE_TEXT}</article></body></html>`,
      'https://www.stadtanzeiger.example.de/lokales/bruecke',
    );
    expect(oneLine.byline).toBe('Jana Becker, Tom Vogel');
    expect(oneLine.textContent).not.toContain('Tom Vogel');
  });

  it('never gives the outlet of a 来源 line as the author', () => {
    const zh = extract(
      `<html lang="zh-CN"><head><title>公交线路优化方案公布_新闻中心</title><meta name="author" content="参考消息"></head>
      <body><div class="article"><h1>公交线路优化方案公布</h1><div class="info">2024-02-27 09:30 来源：参考消息</div>
      ${ZH_TEXT}</div></body></html>`,
      'https://news.example.cn/a/2.html',
    );
    expect(zh.byline).toBeNull();
  });

  it('gives a description that is neither the title nor the byline', () => {
    const en = extract(
      `<html lang="en"><head><title>Coastal railway to be rebuilt</title>
      <meta property="og:description" content="Coastal railway to be rebuilt">
      <meta name="description" content="By Ann Lee"></head>
      <body><article><h1>Coastal railway to be rebuilt</h1><p class="byline">By Ann Lee</p>${EN_TEXT}</article></body></html>`,
      'https://news.example.com/world/2024/feb/27/railway',
    );
    expect(en.excerpt).not.toBe('Coastal railway to be rebuilt');
    expect(en.excerpt).not.toContain('Ann Lee');
    expect(en.excerpt).toContain('The regional government agreed');
  });

  it('names the site from the page (title suffix, og:site_name, copyright line) before the host', () => {
    const page = (head: string, foot = ''): ClipDraft =>
      extract(
        `<html lang="en"><head>${head}</head><body><article><h1>Coastal railway to be rebuilt</h1>${EN_TEXT}</article>${foot}</body></html>`,
        'https://www.coastnews.example.com/2024/railway',
      );
    expect(page('<title>Coastal railway to be rebuilt | The Coast Courier</title>').siteName).toBe(
      'The Coast Courier',
    );
    expect(
      page(
        '<title>Coastal railway to be rebuilt</title><meta property="og:site_name" content="Coast Courier">',
      ).siteName,
    ).toBe('Coast Courier');
    expect(
      page('<title>Coastal railway to be rebuilt</title>', '<footer>© 2024 Coast Courier Media Ltd.</footer>')
        .siteName,
    ).toBe('Coast Courier');
  });
});
