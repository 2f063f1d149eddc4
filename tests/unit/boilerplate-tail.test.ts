// The trailing run of link rows on an old portal layout, on pages written for the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeTrailingLinkRows } from '../../utils/dom/boilerplate-tail';

const PARAGRAPH =
  '像许多人一样，他一直等到三十岁出头才开始写作。在决定辞职后，他便把精力放在第一本小说上，三年后才完成初稿。';

function rootOf(html: string): Element {
  const el = parseHTML(
    `<!doctype html><html><body><div id="r">${html}</div></body></html>`,
  ).document.getElementById('r');
  if (!el) throw new Error('no root');
  return el;
}

describe('removeTrailingLinkRows', () => {
  it('drops a closing table of other headlines with the labels between them', () => {
    const rows = ['一', '二', '三', '四']
      .map((n) => `<tr><td><a href="/c/">[情感]</a> <a href="/n/${n}.html">其他新闻标题${n}</a></td></tr>`)
      .join('');
    const root = rootOf(`<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><table>${rows}</table><p><b>消费热点</b></p>`);
    removeTrailingLinkRows(root);
    expect(root.textContent).not.toMatch(/其他新闻|消费热点|情感/);
    expect(root.textContent).toContain('三年后才完成初稿');
  });

  it('keeps two closing links, and a run that is most of the text', () => {
    const two = rootOf(`<p>${PARAGRAPH}</p><p><a href="/a">上一篇</a></p><p><a href="/b">下一篇</a></p>`);
    removeTrailingLinkRows(two);
    expect(two.textContent).toContain('下一篇');
    const list = rootOf(
      `<p>短</p><ul>${['甲', '乙', '丙', '丁'].map((n) => `<li><a href="/${n}">条目${n}的一个很长的标题</a></li>`).join('')}</ul>`,
    );
    removeTrailingLinkRows(list);
    expect(list.textContent).toContain('条目丁');
  });

  it('stops at the last sentence of the story', () => {
    const root = rootOf(
      `<p><a href="/x">一</a></p><p><a href="/y">二</a></p><p><a href="/z">三</a></p><p>${PARAGRAPH}</p>`,
    );
    removeTrailingLinkRows(root);
    expect(root.textContent).toContain('一');
  });

  it('keeps a closing list of sources, whose links show their addresses', () => {
    const sources = [
      'https://nodejs.org/api/inspector.html',
      'https://v8.dev/docs/profile',
      'https://example.org/a',
    ]
      .map((u) => `<li><a href="${u}">${u}</a></li>`)
      .join('');
    const root = rootOf(`<p>${PARAGRAPH}</p><h2>Sources &amp; links</h2><ul>${sources}</ul>`);
    removeTrailingLinkRows(root);
    expect(root.textContent).toContain('Sources & links');
    expect(root.textContent).toContain('https://v8.dev/docs/profile');
  });
});
