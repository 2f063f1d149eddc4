// Whether an element sits in the page's chrome, where its names belong to someone other than the article's writer.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isInChrome } from '../../utils/dom/page-chrome';

const doc = (body: string): Document => parseHTML(`<html><body>${body}</body></html>`).document;

describe('isInChrome', () => {
  it('is true inside comments, a sidebar, a related list or the page footer', () => {
    const page = doc(`<article><h1>标题</h1><p class="byline"><span class="author">张三</span></p></article>
      <div class="comments"><span id="c">王五</span></div><aside><li id="s">李明</li></aside>
      <ul class="related-posts"><li id="r">赵六</li></ul><footer><span id="f">Jane</span></footer>`);
    for (const id of ['c', 's', 'r', 'f']) expect(isInChrome(page.getElementById(id) as Element)).toBe(true);
    expect(isInChrome(page.querySelector('.author') as Element)).toBe(false);
  });

  it("is false in the article's own footer or aside", () => {
    const page = doc('<article><p>Text.</p><footer><span id="a">Jane Doe</span></footer></article>');
    expect(isInChrome(page.getElementById('a') as Element)).toBe(false);
  });
});
