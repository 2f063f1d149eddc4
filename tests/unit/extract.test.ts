import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  MAX_ELEMENTS,
  extractArticle,
  extractArticleParts,
  extractDeferredParts,
  isReaderable,
} from '../../utils/dom/extract';

const NOW = new Date('2024-01-01T00:00:00Z');
const PARAGRAPH =
  'The town council met on Tuesday to discuss the new harbour wall, which engineers say will protect the old quarter from winter storms for decades to come.';

const PARSERS: [string, (html: string, url: string) => Document][] = [
  ['linkedom', (html) => parseHTML(html).document],
  ['jsdom', (html, url) => new JSDOM(html, { url }).window.document],
];

const CN_URL = 'https://www.cmrnn.com.cn/content/2023-04/12/content_1.html';
const CN_PORTAL = `<!doctype html><html><head><meta charset="utf-8">
<title>厚植商业秘密保护土壤 宁波迈向“智造”未来_中国市场监管新闻网</title>
<meta name="keywords" content="商业秘密，知识产权、宁波">
</head><body>
<div class="top"><a href="/">首页</a> <a href="/local/">地方</a> <a href="/law/">法治</a></div>
<div class="detail">
  <h1>厚植商业秘密保护土壤 宁波迈向“智造”未来</h1>
  <div class="info">2023-04-12 09:30:00 来源：中国市场监管报 作者：王明</div>
  <div class="content">
    <p>近年来，宁波市市场监管局坚持把商业秘密保护作为优化营商环境的重要抓手，推动企业建立健全保护制度，全市已建成商业秘密保护示范站点一百余个。</p>
    <p>“过去企业对商业秘密的认识不足，核心技术人员流动带来的风险很大。”一家汽车零部件企业负责人介绍，在监管部门指导下，企业完善了保密协议和分级管理制度。</p>
    <p>下一步，宁波将继续完善部门协作机制，加大对侵犯商业秘密行为的查处力度，为“智造”强市建设提供有力支撑。<img src="/images/2023/04/photo.jpg"></p>
  </div>
</div></body></html>`;

const EN_URL = 'https://www.harbortribune.example/local/2023/09/14/seawall';
const EN_NEWS = `<!doctype html><html lang="en"><head>
<title>Council Approves Floating Seawall | The Harbor Tribune</title>
<meta property="og:title" content="Council Approves Floating Seawall">
<meta property="og:image" content="/images/seawall.jpg">
<link rel="canonical" href="https://www.harbortribune.example/local/2023/09/14/seawall#main">
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'NewsArticle',
      headline: 'Council Approves Floating Seawall',
      datePublished: '2023-09-14T06:30:00-04:00',
      author: [
        { '@type': 'Person', name: 'Maria Gonzalez' },
        { '@type': 'Person', name: 'Tom Becker' },
      ],
      publisher: { '@type': 'Organization', name: 'The Harbor Tribune' },
      keywords: ['seawall', 'city council'],
    },
  ],
})}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/local/">Local</a></nav></header>
<main><article>
  <h1>Council Approves Floating Seawall</h1>
  <div class="story">
    <p>${PARAGRAPH} <a href="../../../../../local/2023/09/01/earlier">An earlier vote</a> failed.</p>
    <p>${PARAGRAPH} <a href="#notes">See notes</a>.</p>
    <figure><img src="/images/2023/09/render.jpg" srcset="/images/render-800.jpg 800w, render-1600.jpg 1600w" alt="Render"></figure>
    <p id="notes">${PARAGRAPH}</p>
  </div>
</article></main>
<footer><a href="/about">About</a></footer>
</body></html>`;

const BLOG_URL = 'https://gardenshed.example.net/2021/08/raised-beds/';
const BLOG = `<!doctype html><html lang="en-US"><head><title>Why I Switched to Raised Beds – Notes from the Shed</title>
<meta property="og:site_name" content="Notes from the Shed"></head><body>
<div class="post"><h1 class="entry-title">Why I Switched to Raised Beds</h1>
<p class="byline">By Jane Doe</p>
<div class="entry-content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></div>
</body></html>`;

const PAYWALL = `<!doctype html><html lang="en"><head><title>Inside the Race to Build a Cheaper Grid Battery | The Ledger Review</title></head><body>
<article><h1>Inside the Race to Build a Cheaper Grid Battery</h1>
<p>On a former steel mill site outside Pittsburgh, rows of refrigerator-sized cabinets hum quietly in the cold. Inside each one, iron pellets rust and un-rust thousands of times.</p>
<div class="paywall"><p>Subscribe to continue reading. <a href="/subscribe">Subscribe</a></p></div></article></body></html>`;

const LINK_LIST = `<!doctype html><html lang="en"><head><title>The Harbor Tribune – Local news</title></head><body>
<main><section><h2>Top stories</h2><ul>${Array.from(
  { length: 14 },
  (_, i) =>
    `<li><a href="/local/2023/09/${i + 1}/story">Local story number ${i + 1} about the harbour and the town</a></li>`,
).join('')}</ul></section></main></body></html>`;

const LOGIN = `<!doctype html><html lang="en"><head><title>Sign in - Example</title></head><body>
<main><h1>Sign in</h1><form action="/login"><label>Email <input name="email"></label>
<label>Password <input type="password" name="pw"></label><button>Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p></main></body></html>`;

describe.each(PARSERS)('extractArticle with %s', (_name, parse) => {
  it('extracts a Chinese portal page: headline, site, byline, keywords, language', () => {
    const result = extractArticle(parse(CN_PORTAL, CN_URL), CN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    const draft = result.value;
    expect(draft.title).toBe('厚植商业秘密保护土壤 宁波迈向“智造”未来');
    expect(draft.siteName).toBe('中国市场监管新闻网');
    expect(draft.byline).toBe('王明');
    expect(draft.keywords).toEqual(['商业秘密', '知识产权', '宁波']);
    expect(draft.lang).toBe('zh');
    expect(draft.kind).toBe('article');
    expect(draft.contentHtml).toContain('src="https://www.cmrnn.com.cn/images/2023/04/photo.jpg"');
    expect(draft.textContent).toContain('宁波市市场监管局坚持把商业秘密保护');
  });

  it('extracts an English news page with JSON-LD @graph', () => {
    const result = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    const draft = result.value;
    expect(draft.title).toBe('Council Approves Floating Seawall');
    expect(draft.byline).toBe('Maria Gonzalez, Tom Becker');
    expect(draft.siteName).toBe('The Harbor Tribune');
    expect(draft.canonical).toBe('https://www.harbortribune.example/local/2023/09/14/seawall');
    expect(draft.image).toBe('https://www.harbortribune.example/images/seawall.jpg');
    expect(draft.keywords).toEqual(['seawall', 'city council']);
    expect(draft.lang).toBe('en');
    expect(draft.dir).toBe('ltr');
    expect(draft.url).toBe(EN_URL);
  });

  it('makes link and image URLs absolute and leaves #fragment links alone', () => {
    const result = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    const html = result.value.contentHtml;
    expect(html).toContain('href="https://www.harbortribune.example/local/2023/09/01/earlier"');
    expect(html).toContain('src="https://www.harbortribune.example/images/2023/09/render.jpg"');
    expect(html).toContain(
      'srcset="https://www.harbortribune.example/images/render-800.jpg 800w, https://www.harbortribune.example/local/2023/09/14/render-1600.jpg 1600w"',
    );
    expect(html).toContain('href="#notes"');
    expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
  });

  it('resolves against <base href> when the page has one', () => {
    const html = EN_NEWS.replace('<head>', '<head><base href="https://static.example.org/site/">');
    const result = extractArticle(parse(html, EN_URL), EN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.contentHtml).toContain('src="https://static.example.org/images/2023/09/render.jpg"');
  });

  it('never changes the live document', () => {
    const doc = parse(EN_NEWS, EN_URL);
    const before = doc.documentElement.outerHTML;
    for (const mode of ['article', 'page', 'selection'] as const) {
      extractArticle(doc, EN_URL, { now: NOW, mode, selectionHtml: '<p>Picked <a href="/x">text</a></p>' });
    }
    extractArticle(doc, EN_URL, { now: NOW, removeSelectors: ['figure'], articleSelector: '.story' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a `By Jane Doe` blog byline and the og:site_name', () => {
    const result = extractArticle(parse(BLOG, BLOG_URL), BLOG_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.byline).toBe('Jane Doe');
    expect(result.value.title).toBe('Why I Switched to Raised Beds');
    expect(result.value.siteName).toBe('Notes from the Shed');
  });

  it('takes a paywall teaser as a short article', () => {
    const result = extractArticle(parse(PAYWALL, EN_URL), EN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.title).toBe('Inside the Race to Build a Cheaper Grid Battery');
    expect(result.value.siteName).toBe('The Ledger Review');
    expect(result.value.textContent).toContain('refrigerator-sized cabinets');
  });

  it('refuses a page of links and a login form', () => {
    const links = extractArticle(parse(LINK_LIST, EN_URL), EN_URL, { now: NOW });
    expect(links.ok ? 'article' : links.code).toBe('not-an-article');
    const login = extractArticle(parse(LOGIN, EN_URL), EN_URL, { now: NOW });
    expect(login.ok ? 'article' : login.code).toBe('not-an-article');
  });

  it('takes an 80-character Chinese news brief as an article', () => {
    const brief =
      '本报讯 ' +
      '市气象台今日发布寒潮蓝色预警，预计明天起气温将下降八到十摄氏度，请市民注意防寒保暖。'.repeat(2);
    const html = `<!doctype html><html lang="zh-CN"><head><title>寒潮预警_东湖晚报</title></head><body><div class="article"><h1>寒潮来袭</h1><p>${brief}</p></div></body></html>`;
    const result = extractArticle(parse(html, CN_URL), CN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.textContent).toContain('寒潮蓝色预警');
  });

  it('page mode: the whole body without scripts, styles or navigation', () => {
    const html = EN_NEWS.replace('<footer>', '<script>alert(1)</script><style>p{}</style><footer>');
    const result = extractArticle(parse(html, EN_URL), EN_URL, { now: NOW, mode: 'page' });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.kind).toBe('page');
    expect(result.value.contentHtml).toContain('href="https://www.harbortribune.example/about"');
    expect(result.value.contentHtml).not.toMatch(/<script|<style|<nav/i);
    expect(result.value.title).toBe('Council Approves Floating Seawall');
  });

  it('selection mode: only the selected HTML, metadata from the page', () => {
    const result = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, {
      now: NOW,
      mode: 'selection',
      selectionHtml: '<p>Picked <a href="/x" onclick="steal()">words</a><script>alert(1)</script></p>',
    });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.kind).toBe('selection');
    expect(result.value.contentHtml).toBe(
      '<p>Picked <a href="https://www.harbortribune.example/x">words</a></p>',
    );
    expect(result.value.textContent).toBe('Picked words');
    expect(result.value.byline).toBe('Maria Gonzalez, Tom Becker');
    const empty = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, {
      now: NOW,
      mode: 'selection',
      selectionHtml: ' ',
    });
    expect(empty.ok ? 'ok' : empty.code).toBe('not-an-article');
  });

  it('applies removeSelectors before Readability and articleSelector instead of it', () => {
    const removed = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, {
      now: NOW,
      removeSelectors: ['figure', '[['],
    });
    if (!removed.ok) throw new Error(removed.detail);
    expect(removed.value.contentHtml).not.toContain('render.jpg');
    const chosen = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, { now: NOW, articleSelector: '#notes' });
    if (!chosen.ok) throw new Error(chosen.detail);
    expect(chosen.value.contentHtml).toMatch(/^<p id="notes">The town council/);
    expect(chosen.value.title).toBe('Council Approves Floating Seawall');
  });

  it('fills the published date from the date finder', () => {
    const result = extractArticle(parse(EN_NEWS, EN_URL), EN_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.published?.parts).toMatchObject({ year: 2023, month: 9, day: 14 });
  });

  it('deferred: the same draft without the bodies, which it reads from the article when asked', () => {
    const html = `<html lang="en"><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>${`<p>${PARAGRAPH} <a href="/x">more</a></p>`.repeat(6)}</article></body></html>`;
    const url = 'https://news.example/2024/wall';
    const full = extractArticleParts(parse(html, url), url, { now: NOW });
    const deferred = extractDeferredParts(parse(html, url), url, { now: NOW });
    if (!full.ok || !deferred.ok) throw new Error('not extracted');
    expect(deferred.value.draft).not.toHaveProperty('contentHtml');
    expect(deferred.value.draft).not.toHaveProperty('textContent');
    const { contentHtml, textContent, ...rest } = full.value.draft;
    expect(deferred.value.draft).toEqual(rest);
    expect(deferred.value.readBodies()).toEqual({ contentHtml, textContent });
    expect(textContent).toContain('harbour wall');
    expect(deferred.value.content.innerHTML).toBe(full.value.content.innerHTML);
  });

  it('names a page with no title by its first sentence, deferred or not', () => {
    const html = `<html><head></head><body><div>${`<p>${PARAGRAPH}</p>`.repeat(6)}</div></body></html>`;
    const url = 'https://news.example/2024/untitled';
    const deferred = extractDeferredParts(parse(html, url), url, { now: NOW });
    const full = extractArticle(parse(html, url), url, { now: NOW });
    if (!deferred.ok || !full.ok) throw new Error('not extracted');
    expect(deferred.value.draft.title).toBe(full.value.title);
    expect(full.value.title).toMatch(/^The town council met on Tuesday/);
  });

  it('refuses a page above the element limit', () => {
    const html = `<!doctype html><html><body>${'<i></i>'.repeat(MAX_ELEMENTS)}</body></html>`;
    const result = extractArticle(parse(html, EN_URL), EN_URL, { now: NOW });
    expect(result.ok ? 'ok' : result.code).toBe('page-too-large');
  });

  it('isReaderable tells an article from a login form', () => {
    expect(isReaderable(parse(EN_NEWS.replaceAll('<p>', '<p>' + PARAGRAPH), EN_URL))).toBe(true);
    expect(isReaderable(parse(LOGIN, EN_URL))).toBe(false);
  });
});

const LONG =
  'Crews worked through the winter, often between tides, to finish the new ramp before the first holiday weekend of the year, and the harbour commission says it will withstand surges two feet higher than the old one.';

const EDGES_URL = 'https://bayshore.example/news/ferry';
const EDGES = `<!doctype html><html lang="en"><head><title>Ferry Terminal Reopens | Bay Shore</title>
<meta name="author" content="Dana Whitcombe">
<meta property="article:published_time" content="2022-04-02T09:15:00-04:00"></head><body>
<main><article>
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/news/">News</a></div>
  <div class="head">
    <a class="section" href="/news/">News</a>
    <h1>Ferry Terminal Reopens</h1>
    <p class="standfirst">The island crossing is back for spring.</p>
    <p class="byline">By <a href="/dana">Dana Whitcombe</a></p>
    <p class="date">April 2, 2022 9:15 am ET</p>
  </div>
  <div class="body">
    <p>${LONG}</p>
    <p>${PARAGRAPH}</p>
    <div class="ad-slot"><span>Advertisement</span><img src="https://ads.example/serve?slot=mid"></div>
    <p>${PARAGRAPH} Short sentence to finish.</p>
    <pre><code class="language-python">print("ok")</code></pre>
    <p>Published April 2, 2022, updated later.</p>
    <p>${LONG}</p>
  </div>
  <p class="nav"><a href="/news/">Back to news</a> | <a href="/subscribe/">Subscribe</a></p>
  <div class="author-bio"><h3>About the author</h3><p>Dana has covered the harbour for a decade and lives on the island.</p></div>
</article></main></body></html>`;

const CN_EDGES_URL = 'https://news.example.cn/content/2022-02/17/content_1.html';
const CN_EDGES = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>滨海新区中小企业走上专精特新之路_市场监管新闻网</title></head><body>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/df/">地方</a> &gt; 正文</div>
  <div class="left">
    <h1>滨海新区中小企业走上专精特新之路</h1>
    <div class="info"><span>2022-02-17 09:00:40</span> <span>来源：市场监管新闻网</span> <span>字号：<a href="#">大</a> <a href="#">小</a></span></div>
    <div class="con">
      <p>　　本网讯（记者 李华）走进滨海新区一家生产精密轴承的企业，车间里机器轰鸣，展厅墙上挂满了专利证书。过去我们只顾埋头生产，对知识产权不太重视，产品刚上市就被人仿冒，吃了不少亏。</p>
      <p>　　近年来，滨海新区市场监管局围绕中小企业知识产权保护的痛点难点，推出一企一策指导、专利快速预审、维权援助工作站等一系列服务举措，引导企业把创新成果转化为自主知识产权。</p>
      <p>　　下一步，我们将继续完善知识产权全链条保护体系，推动更多中小企业在细分领域做精做强。</p>
    </div>
    <div class="editor">责任编辑：王明</div>
    <h3>热点排行</h3>
    <ol><li><a href="/c/1.html">市场监管总局发布2022年立法工作计划</a></li><li><a href="/c/2.html">春节期间消费投诉热点分析</a></li></ol>
  </div>
</div></body></html>`;

describe.each(PARSERS)('article edges with %s', (_name, parse) => {
  it('drops the headline, kicker, standfirst, byline and dateline at the top, and nav and bio at the bottom', () => {
    const result = extractArticle(parse(EDGES, EDGES_URL), EDGES_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    const { textContent, contentHtml, byline } = result.value;
    expect(byline).toBe('Dana Whitcombe');
    expect(textContent.startsWith('Crews worked through the winter')).toBe(true);
    for (const gone of [
      'Home',
      'Ferry Terminal Reopens',
      'island crossing',
      'By Dana',
      '9:15 am',
      'Back to news',
    ])
      expect(textContent, gone).not.toContain(gone);
    expect(textContent).not.toContain('Dana has covered');
    expect(contentHtml).not.toContain('ads.example');
    expect(textContent).not.toContain('Advertisement');
    expect(contentHtml).not.toContain('data-postclip');
    // Inside the article a dated sentence is text, not a dateline; the code keeps its language.
    expect(textContent).toContain('Published April 2, 2022, updated later.');
    expect(textContent).toContain('Short sentence to finish.');
    expect(contentHtml).toContain('data-lang="python"');
  });

  it('drops a Chinese portal breadcrumb, dateline, 责任编辑 line and ranking list', () => {
    const result = extractArticle(parse(CN_EDGES, CN_EDGES_URL), CN_EDGES_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    const { textContent } = result.value;
    expect(textContent.startsWith('本网讯（记者 李华）')).toBe(true);
    expect(textContent).toContain('推动更多中小企业在细分领域做精做强。');
    for (const gone of ['当前位置', '来源：', '字号', '责任编辑', '热点排行', '立法工作计划'])
      expect(textContent, gone).not.toContain(gone);
  });

  it('keeps an article whose first lines are not metadata', () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour wall</title></head><body><article>
      <p>A short opening line.</p><p>${LONG}</p><p>${PARAGRAPH}</p><p>The end, by the harbour.</p></article></body></html>`;
    const result = extractArticle(parse(html, EDGES_URL), EDGES_URL, { now: NOW });
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.textContent).toContain('A short opening line.');
    expect(result.value.textContent).toContain('The end, by the harbour.');
  });
});
