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

  it('drops a site menu kept above the story, and a sign-in list with it', () => {
    // Modelled on a metro paper's page where the whole page is the article's container.
    const root = article(`<ul><li><a href="/subscribe">Subscribe</a></li><li>Sign In</li></ul>
      <ul><li><a href="/">Home</a></li><li><a href="/local/">Local</a></li><li><a href="/sports/">Sports</a></li>
        <li><a href="/realestate/">Real Estate</a></li><li><a href="/food/">Eat + Drink</a>
        <ul><li><a href="/services/">Local Professional Services</a></li></ul></li></ul>
      <h2>Harbour wall approved</h2><p>${BODY}</p>`);
    trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: null, dates: [] });
    expect(root.querySelector('ul')).toBeNull();
    expect(root.textContent).not.toMatch(/Subscribe|Real Estate|Professional/);
    expect(root.textContent).toContain(BODY);
  });

  it('drops author links and the section link above a dateline (a tabloid, a regional site)', () => {
    const root = article(`<ul><li><a href="/author/jane-doe/">View author archive</a></li></ul>
      <ul><li><a href="/author/sam-roe/">View author archive</a></li><li><a href="#email">email the author</a></li>
        <li><a href="https://social.example/samroe">follow on social</a></li></ul>
      <p>November 19, 2025 | 4:20am | Updated November 19, 2025 | 9:32pm</p><p>${BODY}</p>`);
    trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: null, dates: [] });
    expect(root.textContent).not.toMatch(/author|follow|November/);
    expect(root.textContent).toContain(BODY);
  });

  it('keeps a table of contents, a list of sentences and a list after the first paragraph', () => {
    const toc = `<ul><li><a href="#why">Why now</a></li><li><a href="#cost">The cost</a></li></ul>`;
    const points = `<ul><li><a href="/a">The wall will last a century.</a></li><li><a href="/b">It opens in May.</a></li></ul>`;
    const later = `<ul><li><a href="/c">Engineers</a></li><li><a href="/d">Council</a></li></ul>`;
    for (const html of [
      `${toc}<p>${BODY}</p>`,
      `${points}<p>${BODY}</p>`,
      `<p>${BODY}</p>${later}<p>${BODY}</p>`,
    ]) {
      const root = article(html);
      trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: null, dates: [] });
      expect(root.querySelectorAll('ul').length).toBe(1);
    }
  });

  it('leaves an article with no header lines as it was', () => {
    const html = `<p>${BODY}</p><p>${BODY}</p>`;
    const root = article(html);
    trimArticleEdges(root, { titles: ['Something else entirely'], byline: null, dates: [] });
    expect(root.innerHTML).toBe(html);
  });
});

describe('trimArticleEdges: media at the end', () => {
  it('stops the footer trim at a bare image or svg, as at one wrapped in a paragraph', () => {
    // A line above the last picture belongs to the picture (a caption, a credit), not to a footer. The story is
    // long enough that the header trim never reaches the line.
    const story = `<p>${BODY}</p>`.repeat(8);
    for (const media of [
      '<img src="/map.png">',
      '<svg viewBox="0 0 10 10"><path d="M0 0h10"></path></svg>',
      '<p><img src="/map.png"></p>',
    ]) {
      const root = article(`${story}<p>By Jane Doe</p>${media}`);
      trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: 'Jane Doe', dates: [] });
      expect([media, root.textContent]).toEqual([media, `${BODY.repeat(8)}By Jane Doe`]);
    }
    // Without the picture the same line is a footer's byline and goes.
    const root = article(`${story}<p>By Jane Doe</p>`);
    trimArticleEdges(root, { titles: ['Harbour wall approved'], byline: 'Jane Doe', dates: [] });
    expect(root.textContent).toBe(BODY.repeat(8));
  });
});

describe('trimArticleEdges: lists of other stories', () => {
  it('drops a heading and the list of links after it, in a list, a table or a div, at any depth', () => {
    const links = '<a href="/1">Ferry fares fall</a> <a href="/2">New pier opens</a>';
    const root = article(`<p>${BODY}</p><p>${BODY}</p>
      <h3>相关阅读</h3><ul><li>${links}</li></ul>
      <section><p>Most read</p><table><tr><td>${links}</td></tr></table><p>${BODY}</p></section>
      <div><div>Related stories</div><div>${links}</div></div><p>${BODY}</p>`);
    trimArticleEdges(root, { titles: [], byline: null, dates: [] });
    for (const gone of ['相关阅读', 'Most read', 'Related stories', 'Ferry fares fall'])
      expect(root.textContent).not.toContain(gone);
    expect(root.querySelectorAll('p').length).toBe(4);
  });

  it('keeps a list after a heading that is not a list heading, and a list heading followed by prose', () => {
    const links = '<li><a href="/1">Ferry fares fall</a></li><li><a href="/2">New pier opens</a></li>';
    const root = article(`<p>${BODY}</p><h3>What the board decided</h3><ul>${links}</ul>
      <h3>Related</h3><p>${BODY}</p><p>${BODY}</p>`);
    trimArticleEdges(root, { titles: [], byline: null, dates: [] });
    expect(root.textContent).toContain('What the board decided');
    expect(root.textContent).toContain('Ferry fares fall');
    expect(root.textContent).toContain('Related');
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
