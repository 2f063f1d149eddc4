import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  cleanByline,
  findByline,
  findBylineLine,
  findCanonical,
  findDir,
  findExcerpt,
  findImage,
  findKeywords,
  findLang,
  findSiteName,
  findSourceLine,
  findTitle,
  guessLangFromText,
  normalizeLang,
  readMetadata,
  splitKeywords,
  stripSiteName,
} from '../../utils/dom/metadata';

function page(head: string, body = '', htmlAttrs = ''): Document {
  return parseHTML(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`)
    .document;
}

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const URL = 'https://www.example.com/news/2023/story.html';

const CN_PORTAL = page(
  `<meta charset="utf-8"><title>厚植商业秘密保护土壤 宁波迈向“智造”未来_中国市场监管新闻网</title>
   <meta name="keywords" content="商业秘密，知识产权、宁波, 商业秘密">`,
  `<div class="nav"><a href="/">首页</a> <a href="/local/">地方</a></div>
   <div class="detail">
     <h1 class="detail-title">厚植商业秘密保护土壤 宁波迈向“智造”未来</h1>
     <div class="info">2023-04-12 09:30 来源：中国市场监管报 作者：王明 编辑：李四</div>
     <div class="content"><p>${'宁波市市场监管局持续推进商业秘密保护工作。'.repeat(8)}</p></div>
   </div>`,
);

describe('findTitle', () => {
  it('strips a Chinese site suffix after _ and prefers the h1', () => {
    expect(findTitle(CN_PORTAL, 'https://www.cmrnn.com.cn/content/2023-04/12/content_1.html')).toBe(
      '厚植商业秘密保护土壤 宁波迈向“智造”未来',
    );
  });

  it('strips a Chinese site suffix from the tab title alone', () => {
    const doc = page('<title>厚植商业秘密保护土壤 宁波迈向“智造”未来_中国市场监管新闻网</title>');
    expect(findTitle(doc, 'https://www.cmrnn.com.cn/a.html')).toBe('厚植商业秘密保护土壤 宁波迈向“智造”未来');
  });

  it('strips a channel and site suffix (`_科技_腾讯网`)', () => {
    const doc = page('<title>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网</title>');
    expect(findTitle(doc, 'https://tech.qq.com/a/1.htm')).toBe(
      'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶',
    );
  });

  it('strips `| Reuters` matched by the domain, and keeps a colon that is part of the headline', () => {
    expect(
      findTitle(
        page('<title>Oil prices rise on supply fears | Reuters</title>'),
        'https://www.reuters.com/x',
      ),
    ).toBe('Oil prices rise on supply fears');
    expect(
      findTitle(page('<title>Star Wars: The Last Jedi review</title>'), 'https://www.theguardian.com/film/x'),
    ).toBe('Star Wars: The Last Jedi review');
  });

  it('matches an abbreviated domain to the site name (nytimes ~ The New York Times)', () => {
    const doc = page(
      '<meta property="og:title" content="A Quiet Revolution in Batteries - The New York Times">',
    );
    expect(findTitle(doc, 'https://www.nytimes.com/2023/01/01/x.html')).toBe(
      'A Quiet Revolution in Batteries',
    );
  });

  it('strips a site-name prefix named by og:site_name', () => {
    const doc = page(
      '<title>Daily Planet :: Council votes to rebuild the harbour wall</title><meta property="og:site_name" content="Daily Planet">',
    );
    expect(findTitle(doc, URL)).toBe('Council votes to rebuild the harbour wall');
  });

  it('uses the part og:title lacks as the site name', () => {
    const doc = page(
      '<title>Council votes to rebuild the harbour wall · Harbourside</title><meta property="og:title" content="Council votes to rebuild the harbour wall">',
    );
    expect(findSiteName(doc, URL)).toBe('Harbourside');
  });

  it('strips `Headline - Site` from a bare <title> even when nothing names the site', () => {
    const doc = page('<title>Library opens a tool lending shelf for residents - Millbrook Post</title>');
    expect(findTitle(doc, 'https://mbp.example/x')).toBe('Library opens a tool lending shelf for residents');
    expect(findSiteName(doc, 'https://mbp.example/x')).toBe('Millbrook Post');
  });

  it('prefers an h1 that the tab title starts with, over a JSON-LD SEO variant', () => {
    const doc = page(
      `<title>The 21 best movies of 2017 - Vox</title>${ld({ '@type': 'NewsArticle', headline: 'How to watch the 21 best films of 2017' })}`,
      '<header class="site-header"><h1 class="logo">Vox</h1></header><article><h1>The 21 best movies of 2017</h1></article>',
    );
    expect(findTitle(doc, 'https://www.vox.com/x')).toBe('The 21 best movies of 2017');
  });

  it('takes the JSON-LD headline when no h1 confirms another one', () => {
    const doc = page(
      `<title>Tarot | Atlas Obscura</title>${ld({ '@type': 'NewsArticle', headline: 'The Deck of Cards That Made Tarot Global' })}`,
    );
    expect(findTitle(doc, URL)).toBe('The Deck of Cards That Made Tarot Global');
  });

  it('does not take a blog-name h1 that the tab title merely starts with', () => {
    const doc = page(
      '<title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title><meta property="og:title" content="Open Verilog flow for GreenPak4 devices">',
      '<h1 class="title">Silicon Exposed</h1>',
    );
    expect(findTitle(doc, 'https://siliconexposed.blogspot.com/x')).toBe(
      'Open Verilog flow for GreenPak4 devices',
    );
  });

  it('collapses whitespace and decodes JSON-LD entities', () => {
    const doc = page(`${ld({ '@type': 'Article', headline: 'Fish &amp;\n  chips&#8217; day' })}`);
    expect(findTitle(doc, URL)).toBe('Fish & chips’ day');
  });
});

describe('stripSiteName', () => {
  it('reports what it removed, across separator styles', () => {
    expect(stripSiteName('Some headline | Reuters', ['Reuters'], URL)).toEqual({
      title: 'Some headline',
      removed: 'Reuters',
    });
    expect(stripSiteName('Some headline ｜ 澎湃新闻', [], URL).title).toBe('Some headline');
    expect(stripSiteName('Some headline » Example News', ['Example News'], URL).title).toBe('Some headline');
    expect(stripSiteName('Well-known facts about example', [], 'https://known.example/x').title).toBe(
      'Well-known facts about example',
    );
  });
});

describe('findSiteName', () => {
  it('reads the title suffix before a 来源 line', () => {
    expect(findSiteName(CN_PORTAL, 'https://www.cmrnn.com.cn/a.html')).toBe('中国市场监管新闻网');
  });

  it('falls back to a 来源： line, without the trailing 作者/编辑 parts', () => {
    const doc = page(
      '<title>宁波迈向智造未来</title>',
      '<h1>宁波迈向智造未来</h1><p>2023-04-12 来源：中国市场监管报 作者：王明</p><p>正文</p>',
    );
    expect(findSiteName(doc, URL)).toBe('中国市场监管报');
  });

  it('reads a JSON-LD publisher object, array, or @id reference', () => {
    const byArray = page(
      ld({ '@type': 'NewsArticle', publisher: [{ '@type': 'Organization', name: 'Ledger' }] }),
    );
    expect(findSiteName(byArray, URL)).toBe('Ledger');
    const byRef = page(
      ld({
        '@graph': [
          { '@type': 'NewsArticle', publisher: { '@id': '#org' } },
          { '@type': 'Organization', '@id': '#org', name: 'Harbor Tribune' },
        ],
      }),
    );
    expect(findSiteName(byRef, URL)).toBe('Harbor Tribune');
  });

  it('is null when nothing names the site', () => {
    expect(findSiteName(page('<title>Plain words</title>'), URL)).toBeNull();
  });
});

describe('findSourceLine', () => {
  it('keeps a Latin source name and drops what follows', () => {
    expect(findSourceLine(['Source: The Associated Press | Updated 3 hours ago'])).toBe(
      'The Associated Press',
    );
    expect(findSourceLine(['来源：网络'])).toBe('网络');
    expect(findSourceLine(['No source here'])).toBeNull();
  });
});

describe('cleanByline', () => {
  it('removes prefixes and trailing roles and dates', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('By Owen Pritchard | Community reporter')).toBe('Owen Pritchard');
    expect(cleanByline('作者：张三')).toBe('张三');
    expect(cleanByline('Posted by Alan Whitby in News')).toBe('Alan Whitby');
    expect(cleanByline('By Nathan Willis March 25, 2015')).toBe('Nathan Willis');
  });

  it('rejects URLs, dates and over-long text', () => {
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
    expect(cleanByline('April 28, 2019 at 6:01 am')).toBeNull();
    expect(cleanByline('word '.repeat(30))).toBeNull();
  });
});

describe('findByline', () => {
  it('joins JSON-LD authors in an array', () => {
    const doc = page(
      ld({
        '@type': 'NewsArticle',
        author: [
          { '@type': 'Person', name: 'Maria Gonzalez' },
          { '@type': 'Person', name: 'Tom Becker' },
        ],
      }),
    );
    expect(findByline(doc, URL)).toBe('Maria Gonzalez, Tom Becker');
  });

  it('skips an article:author URL and uses meta author', () => {
    const doc = page(
      '<meta property="article:author" content="https://www.facebook.com/jane"><meta name="author" content="Jane Doe">',
    );
    expect(findByline(doc, URL)).toBe('Jane Doe');
  });

  it('reads 作者： and By lines near the headline', () => {
    expect(findByline(CN_PORTAL, URL)).toBe('王明');
    const blog = page(
      '<title>t</title>',
      '<article><h1>Raised beds</h1><p>By Jane Doe</p><p>Text.</p></article>',
    );
    expect(findByline(blog, URL)).toBe('Jane Doe');
  });

  it('reads a 作者： line after a headline that sits in a table cell (no h1)', () => {
    const doc =
      parseHTML(`<!doctype html><html><head><title>江南古镇老茶馆重新开张 评弹声里留住乡愁_江南日报网</title></head><body>
      <table><tr><td>您现在的位置：<a href="/">江南日报网</a> &gt;&gt; 正文</td></tr>
      <tr><td class="biaoti">江南古镇老茶馆重新开张 评弹声里留住乡愁</td></tr>
      <tr><td>2021年03月05日 14:20　来源：江南日报　作者：周雨桐　点击：<span>1286</span></td></tr>
      <tr><td><p>　　三月初的古镇，细雨如丝。</p></td></tr></table></body></html>`).document;
    expect(findByline(doc, URL)).toBe('周雨桐');
  });

  it('prefers the byline Readability found', () => {
    expect(findByline(page('<meta name="author" content="Desk">'), URL, { byline: 'By Sam Okafor' })).toBe(
      'Sam Okafor',
    );
  });
});

describe('Chinese credit lines', () => {
  it('reads reporter credits, several names and roles', () => {
    expect(findBylineLine(['光明日报记者 王建宏 张文攀'])).toBe('王建宏, 张文攀');
    expect(findBylineLine(['□本报记者 倪泰 通讯员 王建武'])).toBe('倪泰, 王建武');
    expect(findBylineLine(['本报记者罗科苏盈发自北京'])).toBe('罗科苏盈');
    expect(findBylineLine(['新京报记者 彭冲 山东冠县报道'])).toBe('彭冲');
    expect(findBylineLine(['据新华社拉萨电（记者 格桑边觉）记者近日从会议上了解到，……'])).toBe('格桑边觉');
    expect(findBylineLine(['本报实习生 刘国栋 周炜', '本报记者 王燕平 方云凤'])).toBe(
      '刘国栋, 周炜, 王燕平, 方云凤',
    );
    expect(findBylineLine(['文｜张三'])).toBe('张三');
  });

  it('does not take running text about a reporter for a credit', () => {
    expect(findBylineLine(['6月30日，本报记者在广汽商用车项目的有关负责人方面了解到内幕。'])).toBeNull();
    expect(findBylineLine(['据记者了解，江西工商局没有与其他地方工商局连手调查。'])).toBeNull();
    expect(findBylineLine(['见到记者，原本穿着棉衣的他换上了夹克。'])).toBeNull();
  });

  it('prefers the author to the editor and stops at counters and closing brackets', () => {
    expect(findBylineLine(['编辑： 金金', '来源： 21世纪经济报道', '作者：宋怡 杨志华'])).toBe(
      '宋怡, 杨志华',
    );
    expect(findBylineLine(['作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30'])).toBe(
      'zboygirl',
    );
    expect(findBylineLine(['（ 责任编辑：魏喆 ）'])).toBe('魏喆');
    expect(findBylineLine(['[责任编辑：alonliu]'])).toBeNull();
  });

  it('reads forum posters and a name closing the article', () => {
    expect(findBylineLine(['ggjjzhzz 发表于 2005-9-15 11:46:00'])).toBe('ggjjzhzz');
    expect(findBylineLine(['本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.'])).toBe('大卫');
    expect(findBylineLine(['……推动云南工业高质量发展。（记者 胡晓蓉）'])).toBe('胡晓蓉');
    expect(findBylineLine(['……那是利益再分配的过程吗？”（姚峰 上海报道）'])).toBe('姚峰');
    expect(findBylineLine(['·歌坛大哥大的家：充满了个性色彩(组图)(房产)'])).toBeNull();
    expect(findBylineLine(['[点击此处收藏本文] 发表于2005年09月07日 11:57 AM'])).toBeNull();
  });

  it('cleans Chinese bylines', () => {
    expect(cleanByline('本报记者 王建宏 张文攀')).toBe('王建宏, 张文攀');
    expect(cleanByline('赵 培')).toBe('赵培');
    expect(cleanByline('■该作者文章')).toBeNull();
    expect(cleanByline('首先欢迎你来到新华网接受我们的采访，请问你怎样看待农业税补贴问题？')).toBeNull();
  });

  it('rejects metadata authors that name the site, a domain, a user id or the software', () => {
    const body = `<h1>省里出台新政</h1><p>${'正文内容。'.repeat(20)}</p><p>（记者 胡晓蓉）</p>`;
    const hints = { text: `省里出台新政\n${'正文内容。'.repeat(20)}\n（记者 胡晓蓉）` };
    for (const author of ['www.yunnan.cn,云南日报报业集团,云南网', '51offer.com', 'L_104485', '大汉网络']) {
      expect(findByline(page(`<meta name="author" content="${author}">`, body), URL, hints)).toBe('胡晓蓉');
    }
    const discuz = page(
      '<meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team">',
    );
    expect(findByline(discuz, URL)).toBeNull();
  });

  it('reads a line of names right under the headline, but not the headline itself', () => {
    const essay = page('<title>显示</title>', '<p><strong>犬儒病</strong></p><p>胡平</p><p>正文。</p>');
    expect(findByline(essay, URL, { text: '胡平\n人心不会熄灭。' })).toBe('胡平');
    expect(findByline(essay, URL, { text: '社会资本与再就业\n赵延东、风笑天\n近年来。' })).toBe(
      '赵延东, 风笑天',
    );
    const person = page('<title>金锺国</title>', '<h1>金锺国</h1><p>金锺国</p>');
    expect(findByline(person, URL, { text: '金锺国\n韩国歌手。' })).toBeNull();
  });
});

describe('keywords', () => {
  it('splits on Chinese and Latin separators', () => {
    expect(splitKeywords('a, b，c、d;e；f|g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('merges meta keywords, news_keywords, article:tag and JSON-LD, de-duplicated case-insensitively', () => {
    const doc = page(
      `<meta name="keywords" content="Seawall, climate,"><meta name="news_keywords" content="climate, City Council">
       <meta property="article:tag" content="seawall"><meta property="article:tag" content="Harbor">
       ${ld({ '@type': 'NewsArticle', keywords: ['harbor', 'Budget'] })}`,
    );
    expect(findKeywords(doc, URL)).toEqual(['Seawall', 'climate', 'City Council', 'Harbor', 'Budget']);
    expect(findKeywords(CN_PORTAL, URL)).toEqual(['商业秘密', '知识产权', '宁波']);
  });
});

describe('findCanonical', () => {
  it('resolves link[rel=canonical] against <base>, drops the fragment, refuses non-http', () => {
    const doc = page('<base href="https://cdn.example.org/news/"><link rel="canonical" href="story-1#top">');
    expect(findCanonical(doc, URL)).toBe('https://cdn.example.org/news/story-1');
    expect(findCanonical(page('<meta property="og:url" content="/a/b">'), URL)).toBe(
      'https://www.example.com/a/b',
    );
    expect(findCanonical(page('<link rel="canonical" href="javascript:void(0)">'), URL)).toBeNull();
  });
});

describe('language and direction', () => {
  it('normalises language tags', () => {
    expect(normalizeLang('zh_CN')).toBe('zh-CN');
    expect(normalizeLang('EN-us')).toBe('en-US');
    expect(normalizeLang('zh-hans-cn')).toBe('zh-Hans-CN');
    expect(normalizeLang('{{lang}}')).toBeNull();
  });

  it('reads html lang, then og:locale, then guesses from Han text', () => {
    expect(findLang(page('', '', 'lang="fr"'), URL)).toBe('fr');
    expect(findLang(page('<meta property="og:locale" content="zh_CN">'), URL)).toBe('zh-CN');
    expect(findLang(page(''), URL, { text: '宁波市市场监管局持续推进商业秘密保护工作，成效明显。' })).toBe(
      'zh',
    );
    expect(findLang(page(''), URL, { text: 'Plain English text for the language guess.' })).toBeNull();
  });

  it('distrusts a template lang="en" on a Chinese article', () => {
    expect(
      findLang(page('', '', 'lang="en"'), URL, {
        text: '宁波市市场监管局持续推进商业秘密保护工作，成效明显。',
      }),
    ).toBe('zh');
  });

  it('guesses Japanese and Korean', () => {
    expect(guessLangFromText('商店街の空き店舗を活用した「まちの保健室」が開設された。')).toBe('ja');
    expect(guessLangFromText('서울시는 오늘 새로운 도서관을 열었다고 밝혔습니다 많은 시민이')).toBe('ko');
  });

  it('derives rtl from the dir attribute or an RTL language', () => {
    expect(findDir(page('', '', 'dir="rtl"'), null)).toBe('rtl');
    expect(findDir(page(''), 'fa-IR')).toBe('rtl');
    expect(findDir(page(''), 'en')).toBe('ltr');
    expect(findDir(page(''), null)).toBeNull();
  });
});

describe('excerpt and image', () => {
  it('prefers og:description, then meta description, then Readability', () => {
    expect(findExcerpt(page('<meta name="description" content="Meta  text">'), URL, { excerpt: 'R' })).toBe(
      'Meta text',
    );
    expect(findExcerpt(page(''), URL, { excerpt: 'First paragraph.' })).toBe('First paragraph.');
  });

  it('resolves og:image, twitter:image and JSON-LD image objects', () => {
    expect(findImage(page('<meta property="og:image" content="/img/a.jpg">'), URL)).toBe(
      'https://www.example.com/img/a.jpg',
    );
    expect(findImage(page('<meta name="twitter:image" content="//cdn.example.com/b.png">'), URL)).toBe(
      'https://cdn.example.com/b.png',
    );
    const doc = page(
      ld({ '@type': 'NewsArticle', image: [{ '@type': 'ImageObject', url: 'https://i.example/c.jpg' }] }),
    );
    expect(findImage(doc, URL)).toBe('https://i.example/c.jpg');
    expect(
      findImage(page('<meta property="og:image" content="data:image/png;base64,AAAA">'), URL),
    ).toBeNull();
  });
});

describe('readMetadata', () => {
  it('reads a CDATA-wrapped JSON-LD block', () => {
    const doc = page(
      `<script type="application/ld+json"><![CDATA[{"@type":"NewsArticle","headline":"Wrapped headline here","author":{"name":"Ann Lee"}}]]></script>`,
    );
    const meta = readMetadata(doc, URL);
    expect(meta.title).toBe('Wrapped headline here');
    expect(meta.byline).toBe('Ann Lee');
  });
});
