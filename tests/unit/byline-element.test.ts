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

describe('findAuthorElementNames', () => {
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
