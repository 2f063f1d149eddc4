// The names a page gives its outlets: the site, the title's channels, the copyright owner, the source elements.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findOutletNames } from '../../utils/dom/byline-outlets';
import { isControlLabel } from '../../utils/dom/byline-controls';
import { readPageSignals } from '../../utils/dom/read-signals';

const URL = 'https://tech.example.cn/a/1.html';

function outletsOf(html: string): string[] {
  const doc = parseHTML(html).document;
  return findOutletNames(doc, readPageSignals(doc, URL, {}), {});
}

describe('findOutletNames', () => {
  it("names the title's site and channels, the copyright owner and the source element", () => {
    const names = outletsOf(`<html><head><title>新款手机发布|手机_通信_星河科技_星河网</title>
      <meta name="copyright" content="星河版权所有"></head><body><h1>新款手机发布</h1>
      <div class="date-source">2026年10月07日 <a class="source">来源：海湾商报</a></div></body></html>`);
    expect(names).toEqual(expect.arrayContaining(['星河科技', '通信', '星河', '海湾商报']));
    expect(names).not.toContain('新款手机发布');
  });

  it('leaves out a person named where an outlet stands', () => {
    const names =
      outletsOf(`<html><head><title>随笔一则</title><meta name="copyright" content="© 2026 王建国">
      </head><body><h1>随笔一则</h1><span class="source">张伟</span></body></html>`);
    expect(names).not.toContain('王建国');
    expect(names).not.toContain('张伟');
  });
});

describe('isControlLabel', () => {
  it("knows a button's text, not a name in a span", () => {
    const doc = parseHTML(`<div><a class="media-user"><span>去远行</span></a>
      <div class="subscribe-btn"><span>关注</span></div><button>订阅</button></div>`).document;
    expect(isControlLabel(doc, '关注')).toBe(true);
    expect(isControlLabel(doc, '订阅')).toBe(true);
    expect(isControlLabel(doc, '去远行')).toBe(false);
  });
});
