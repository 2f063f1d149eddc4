import { describe, expect, it } from 'vitest';
import {
  findCanonical,
  findDir,
  findExcerpt,
  findImage,
  findKeywords,
  findLang,
} from '../../utils/dom/page-fields';
import { guessLangFromText, normalizeLang } from '../../utils/pure/language';
import { splitKeywords } from '../../utils/pure/page-text';
import { page, ld, URL, CN_PORTAL } from './metadata-pages';

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

  it('splits one article:tag list and a space-separated Chinese keyword list into tags', () => {
    const doc = page(
      `<meta property="article:tag" content="Spain,Europe,World news"><meta name="keywords" content="新冠 疫苗 北京">`,
    );
    expect(findKeywords(doc, URL)).toEqual(['新冠', '疫苗', '北京', 'Spain', 'Europe', 'World news']);
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
