import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dropParagraphIndents, trimArticleEdges } from '../../utils/dom/edge-trim';

const BODY = 'The council met on Tuesday to discuss the new harbour wall, which engineers say will last.';

function article(html: string): Element {
  const { document } = parseHTML(`<div id="a">${html}</div>`);
  const root = document.getElementById('a');
  if (!root) throw new Error('no root');
  return root;
}

describe('trimArticleEdges', () => {
  it('drops the repeated headline and the byline line at the top, keeps the story', () => {
    const root = article(`<h1>Harbour wall approved</h1><p>By Jane Doe</p><p>${BODY}</p>`);
    trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: 'Jane Doe', dates: [] });
    expect(root.querySelector('h1')).toBeNull();
    expect(root.textContent).not.toContain('Jane Doe');
    expect(root.textContent).toContain(BODY);
  });

  it('leaves an article with no header lines as it was', () => {
    const html = `<p>${BODY}</p><p>${BODY}</p>`;
    const root = article(html);
    trimArticleEdges(root, { titles: ['Something else entirely'], byline: null, dates: [] });
    expect(root.innerHTML).toBe(html);
  });
});

describe('dropParagraphIndents', () => {
  it('drops the full-width indent at the start of paragraphs and lines, never inside text', () => {
    const { document } = parseHTML(
      '<div id="a"><p>　　第一段。</p><p><span>　　第二段</span>，中间　空格。</p><div>第一行<br>　　第二行</div></div>',
    );
    const root = document.getElementById('a');
    if (!root) throw new Error('no root');
    dropParagraphIndents(root);
    expect(root.innerHTML).toBe(
      '<p>第一段。</p><p><span>第二段</span>，中间　空格。</p><div>第一行<br>第二行</div>',
    );
  });
});
