import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findAuthorElementNames, findBylineBoxName } from '../../utils/dom/byline-element';

const doc = (body: string): Document => parseHTML(`<html><body>${body}</body></html>`).document;

describe('findBylineBoxName', () => {
  it('reads the name element of an author card taken whole (name, follow button, date, place)', () => {
    const page = doc(`<h1>标题</h1><div class="author-info"><a class="author-info__avatar" href="/u/1"></a>
      <div><a class="author-info__name" href="/u/1">管不饿</a><div class="author-info__attention">关注</div></div>
      <div class="author-info__desc"><time>2024-05-08 23:23</time><div>来自甘肃</div></div></div>`);
    expect(findBylineBoxName(page, '管不饿关注2024-05-08 23:23来自甘肃')).toBe('管不饿');
  });

  it('reads a name marked in camel case or by itemprop, and several names marked alike', () => {
    const page =
      doc(`<div class="article-author"><p class="mediaName">经济日报</p><span>2024-05-13 06:16</span></div>
      <div class="byline">By <span itemprop="name">Jane Doe</span> and <span itemprop="name">John Roe</span></div>`);
    expect(findBylineBoxName(page, '经济日报2024-05-13 06:16')).toBe('经济日报');
    expect(findBylineBoxName(page, 'By Jane Doe and John Roe')).toBe('Jane Doe, John Roe');
  });

  it('is null when no author box has the text or the box marks no name apart', () => {
    const page = doc(`<div class="author">选稿：许文杰</div>
      <div class="author"><span class="field-name-byline">By Jane Doe</span><span>AP</span></div>`);
    expect(findBylineBoxName(page, '选稿：许文杰')).toBeNull();
    expect(findBylineBoxName(page, 'By Jane DoeAP')).toBeNull();
    expect(findBylineBoxName(page, '张三')).toBeNull();
  });
});

describe('findBylineBoxName: names in parts, co-authors and handles', () => {
  it('gives the whole byline back when the name goes on after the name element (a surname, a last-name part)', () => {
    const page =
      doc(`<div class="byline">By <span class="first-name">Jane</span> <span class="last-name">Doe</span></div>
      <div class="author">By <a class="author-name" href="/a/jane">Ann</a> Roe</div>`);
    expect(findBylineBoxName(page, 'By Jane Doe')).toBeNull();
    expect(findBylineBoxName(page, 'By Ann Roe')).toBeNull();
  });

  it('keeps co-authors whose name class carries a modifier (`byline__name byline__name--last`)', () => {
    const page = doc(`<div class="byline">By <a class="byline__name">Jane Doe</a> and
      <a class="byline__name byline__name--last">John Roe</a> · 5 min read</div>`);
    expect(findBylineBoxName(page, 'By Jane Doe and John Roe · 5 min read')).toBe('Jane Doe, John Roe');
  });

  it('keeps the names marked like the first and drops a name element marked otherwise (a place, an outlet)', () => {
    const page = doc(`<div class="author-info"><a class="author-info__name">管不饿</a>
      <span class="location-name">甘肃</span></div>`);
    expect(findBylineBoxName(page, '管不饿 甘肃')).toBe('管不饿');
  });

  it('gives the box without its handle, or nothing, when only a handle is marked as the name', () => {
    const page = doc('<div class="byline"><a class="author-name">kevin</a> 2024-05-20</div>');
    expect(findBylineBoxName(page, 'kevin 2024-05-20')).toBeNull();
  });

  it('skips a name element that holds a handle, not a name', () => {
    const page =
      doc(`<div class="author-box"><span class="nick-name">jd</span> <span class="full">Jane Doe</span></div>
      <div class="byline"><span class="screen-name">@janedoe</span> <span>Jane Doe</span></div>`);
    expect(findBylineBoxName(page, 'jd Jane Doe')).toBe('Jane Doe');
    expect(findBylineBoxName(page, '@janedoe Jane Doe')).toBe('Jane Doe');
  });
});

describe('findAuthorElementNames', () => {
  it('skips author elements in comments, a sidebar or a list of other stories', () => {
    const comments = doc(`<h1>标题</h1><p>正文。</p><div class="comments"><div class="item">
      <span class="comment-author">王五</span><p>说得好！</p></div></div>`);
    expect(findAuthorElementNames(comments)).toEqual([]);
    const aside = doc(
      '<aside><h3>专栏作者</h3><ul><li class="author-item">李明</li></ul></aside><p>正文。</p>',
    );
    expect(findAuthorElementNames(aside)).toEqual([]);
    const both = doc(`<div class="comments"><span class="comment-author">王五</span></div>
      <div class="info"><span class="author">作者：陈海峰</span></div>`);
    expect(findAuthorElementNames(both)).toEqual(['陈海峰']);
  });

  it('reads the first author element that holds a name alone or labelled', () => {
    expect(
      findAuthorElementNames(doc('<span id="author_baidu"></span><span id="author2">王帆</span>')),
    ).toEqual(['王帆']);
    expect(findAuthorElementNames(doc('<span id="author_baidu">作者：陈海峰</span>'))).toEqual(['陈海峰']);
  });

  it('reads no name from a long author box or one that holds no name', () => {
    expect(findAuthorElementNames(doc('<div class="author"><button>关注</button></div>'))).toEqual([]);
    const bio = '<div class="author">王帆，资深记者，长期关注宏观经济与金融市场，著有多部作品。</div>';
    expect(findAuthorElementNames(doc(bio))).toEqual([]);
  });
});
