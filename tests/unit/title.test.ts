import { describe, expect, it } from 'vitest';
import { findSiteName } from '../../utils/dom/site-name';
import { findTitle } from '../../utils/dom/title';
import { page, ld, URL, CN_PORTAL } from './metadata-pages';

describe('findTitle', () => {
  it('reads Dublin Core, Parse.ly and ArticleTitle meta titles when nothing better names the article', () => {
    const dc = page('<title>Title Element</title><meta name="DC.title" content="Harbour ferry returns">');
    expect(findTitle(dc, URL)).toBe('Harbour ferry returns');
    const parsely = page(
      '<meta name="parsely-title" content="Harbour ferry returns">',
      '<h1>Test heading</h1>',
    );
    expect(findTitle(parsely, URL)).toBe('Harbour ferry returns');
    // A CMS that writes the headline's markup into the attribute.
    const gov = page(
      '<title>政协会议开幕</title><meta name="ArticleTitle" content="为现代化建设凝聚强大力量<div>——热烈祝贺会议开幕</div>">',
    );
    expect(findTitle(gov, URL)).toBe('为现代化建设凝聚强大力量——热烈祝贺会议开幕');
  });

  it('takes the tab title when og:title was cut at an unescaped quote', () => {
    const cut = page(
      '<title>Senador califica a Biden de "incapacitado" | Diario</title>' +
        '<meta property="og:title" content="Senador califica a Biden de "incapacitado"" />' +
        '<meta property="og:site_name" content="Diario">',
    );
    expect(findTitle(cut, URL)).toBe('Senador califica a Biden de "incapacitado"');
  });

  it("never takes a Dublin Core title that is the site's address, nor one over og:title", () => {
    const site = page(
      '<title>Ferry returns to the harbour</title><meta name="dc.title" content="Diario del Puerto www.puerto.example.com">',
    );
    expect(findTitle(site, URL)).toBe('Ferry returns to the harbour');
    const og = page(
      '<meta property="og:title" content="Ferry returns"><meta name="dc.title" content="Other">',
    );
    expect(findTitle(og, URL)).toBe('Ferry returns');
  });

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

  it('keeps a short headline whose tab title ends with the site the host names (no h1 to confirm it)', () => {
    const shell = page(
      '<title>Hamburg verpflichtet Rückraumspieler | Handballwelt</title><meta property="og:site_name" content="Handballwelt">',
    );
    expect(findTitle(shell, 'https://www.handballwelt.example/news/1')).toBe(
      'Hamburg verpflichtet Rückraumspieler',
    );
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
