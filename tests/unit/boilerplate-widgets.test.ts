// Counter rows, end-marker tails and site footers, on pages written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  removeCounterRows,
  removeEndMarkerTails,
  removeTrailingFooters,
} from '../../utils/dom/boilerplate-widgets';
import { DROP_ATTRIBUTE } from '../../utils/dom/pre-clean';

const PARAGRAPH =
  '经过三个月的升级改造，城东菜市场于本周重新开业。走进市场，记者看到，地面干净整洁，各类摊位分区清晰，每个摊位都挂上了统一制作的电子价签。';

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

function kept(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(`[${DROP_ATTRIBUTE}]`))) el.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removeCounterRows', () => {
  it('drops a like counter and a share bar with a count', () => {
    const body = bodyOf(`<div class="a"><p>${PARAGRAPH}</p>
      <div class="tools"><a href="#">+1</a> <span>86</span> <a href="#">收藏</a> <a href="#">打印</a></div>
      <div class="bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <button>+1</button> <span>214</span></div>
      <div class="stats"><a href="#">阅读原文</a> 阅读 <span>10万+</span> 在看 <span>812</span></div></div>`);
    removeCounterRows(body);
    expect(kept(body)).toBe(PARAGRAPH);
  });

  it('keeps numbers in sentences, tables and lists', () => {
    const body = bodyOf(`<p>Turnout was <span>86</span> per cent, up from <a href="/2019">2019</a>.</p>
      <table><tr><td><a href="#">A</a></td><td><span>12</span></td></tr></table>
      <ol><li><a href="/x">Item</a> <span>3</span></li></ol>`);
    removeCounterRows(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });
});

describe('removeCounterRows: a count beside an icon', () => {
  it('drops a row whose count shares its link with an icon element', () => {
    // Modelled on a like bar: the count's link holds an icon <i> before the number, so it is not a leaf.
    for (const count of ['214', '10万+', '−3', '1,234', '1.2k']) {
      const body = bodyOf(`<div class="a"><p>${PARAGRAPH}</p>
        <div class="bar"><a href="#">Like</a> <a href="#"><i class="icon"></i> ${count}</a></div></div>`);
      removeCounterRows(body);
      expect([count, body.querySelector('.bar')?.hasAttribute(DROP_ATTRIBUTE)]).toEqual([count, true]);
      expect(kept(body)).toBe(PARAGRAPH);
    }
  });
});

describe('removeEndMarkerTails', () => {
  it('drops a decorated end marker and the short call to action after it', () => {
    const body = bodyOf(
      `<div id="c"><p>${PARAGRAPH}</p><p><span>— END —</span></p><p>点击“阅读原文”查看更多</p></div>`,
    );
    removeEndMarkerTails(body);
    expect(kept(body)).toBe(PARAGRAPH);
  });

  it('keeps what follows a marker when it is a paragraph of running text', () => {
    const body = bodyOf(`<div><p>${PARAGRAPH}</p><p>（完）</p><p>${PARAGRAPH}${PARAGRAPH}</p></div>`);
    removeEndMarkerTails(body);
    expect(body.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });

  it('finds the longest end word split over elements and spaced out, and not a line with one more letter', () => {
    const marked = bodyOf(
      `<div><p>${PARAGRAPH}</p><p>-- <b>The</b>\n  <i>End</i> --</p><p>Follow us</p></div>`,
    );
    removeEndMarkerTails(marked);
    expect(kept(marked)).toBe(PARAGRAPH);
    const plain = bodyOf(`<div><p>${PARAGRAPH}</p><p>-- <b>The</b> <i>Ends</i> --</p><p>Follow us</p></div>`);
    removeEndMarkerTails(plain);
    expect(plain.querySelector(`[${DROP_ATTRIBUTE}]`)).toBeNull();
  });
});

describe('end markers and counts read only as far as needed', () => {
  it('finds a marker inside a long decoration of symbols and emoji', () => {
    const rule = `${'★☆'.repeat(80)} 🌸🌸 `;
    const body = bodyOf(`<div><p>${PARAGRAPH}</p><p>${rule}全文完${rule}</p><p>扫码关注</p></div>`);
    removeEndMarkerTails(body);
    expect(kept(body)).toBe(PARAGRAPH);
  });

  it('reads a count with spaces, a minus sign and CJK units, and not a count inside words', () => {
    const body = bodyOf(`<div class="a"><p>${PARAGRAPH}</p>
      <div class="bar"><a href="#">赞</a> <span>\n  1.2万 </span> <a href="#">踩</a> <span> −3 </span></div>
      <div class="tags"><a href="#">A1</a> <a href="#">B2</a></div></div>`);
    removeCounterRows(body);
    expect(kept(body)).toBe(`${PARAGRAPH} A1 B2`);
  });
});

describe('removeTrailingFooters', () => {
  it('drops the last short blocks: link lists and copyright lines, also inside the last wrapper', () => {
    const body = bodyOf(`<div class="page"><div class="main"><h1>标题</h1><p>${PARAGRAPH}</p></div>
      <div class="links"><a href="/about">关于我们</a> <a href="/contact">联系我们</a></div>
      <div class="foot">Copyright © 江城新闻网 All Rights Reserved</div></div>
      <p>Powered by Newsroom CMS</p><script>var x = 1;</script>`);
    removeTrailingFooters(body);
    expect(body.textContent).not.toMatch(/Copyright|Powered|关于我们/);
    expect(body.textContent).toContain(PARAGRAPH);
  });

  it('stops at the first block that is not a footer', () => {
    const body = bodyOf(`<p>${PARAGRAPH}</p><p>短评：菜价清楚了，买着放心。</p>`);
    removeTrailingFooters(body);
    expect(body.textContent).toContain('短评');
  });
});

describe('removeTrailingFooters and list headings', () => {
  it('takes the heading of a trailing link list with it, but not a heading before a script', () => {
    const body = bodyOf(`<div class="left"><h1>标题</h1><div class="con"><p>${PARAGRAPH}</p></div>
      <h3>热点排行</h3><ol><li><a href="/1">其他新闻一</a></li><li><a href="/2">其他新闻二</a></li></ol></div>`);
    removeTrailingFooters(body);
    expect(body.textContent).not.toMatch(/热点排行|其他新闻/);
    const other = bodyOf(`<p>${PARAGRAPH}</p><h2>结语</h2><script>var a = 1;</script>`);
    removeTrailingFooters(other);
    expect(other.textContent).toContain('结语');
  });
});

describe('removeTrailingFooters and a story set in text and <br>s', () => {
  it('never enters the story or removes its trailing breaks and images', () => {
    const body = bodyOf(
      `<div class="page"><div class="story">胡平<br>${PARAGRAPH}<br>${PARAGRAPH}<br><img src="/end.jpg"><br></div></div>`,
    );
    const before = body.innerHTML;
    removeTrailingFooters(body);
    expect(body.innerHTML).toBe(before);
  });
});
