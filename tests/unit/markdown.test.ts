import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, toMarkdown } from '../../utils/dom/markdown';
import type { MarkdownStyle } from '../../utils/pure/types';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

// jsdom ships no types and @types/jsdom is not installed: type the one constructor used here.
interface JsdomWindow {
  document: Document;
  pwned?: boolean;
}
type JsdomConstructor = new (
  html: string,
  options?: { runScripts?: 'dangerously' },
) => { window: JsdomWindow };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor };

const BASE = 'https://news.example.com/world/2024/story.html';

type Parser = (html: string) => Document;
const LINKEDOM: Parser = (html) =>
  parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
const JSDOM_PARSER: Parser = (html) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document;

function rootOf(doc: Document): Element {
  const root = doc.querySelector('#root');
  if (!root) throw new Error('no #root');
  return root;
}

/** Markdown for `html` placed in a linkedom document (or another parser). */
function md(html: string, style: Partial<MarkdownStyle> = {}, parse: Parser = LINKEDOM): string {
  const doc = parse(`<div id="root">${html}</div>`);
  return toMarkdown(rootOf(doc), BASE, { ...DEFAULT_MARKDOWN_STYLE, ...style });
}

/** Raw HTML in Markdown: a `<` that opens a tag, comment or declaration. */
const RAW_HTML = /<[a-z!/?]/i;

describe('headings', () => {
  it('are ATX, keep <h1>, and drop empty ones', () => {
    expect(md('<h1>Top</h1><h2>  </h2><h3>Sub <em>part</em></h3><p>Body</p>')).toBe(
      '# Top\n\n### Sub _part_\n\nBody',
    );
  });

  it('follow a setext style when asked', () => {
    expect(md('<h2>Sub</h2>', { headingStyle: 'setext' })).toBe('Sub\n---');
  });

  it('stay on one line when the page breaks them', () => {
    expect(md('<h2>One<br>two</h2>')).toBe('## One two');
  });
});

describe('lists', () => {
  it('use `- ` and `1. ` with one space, nested lists indented to the text', () => {
    expect(
      md(
        '<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul><ol start="3"><li>c<ol><li>c1</li></ol></li><li>d</li></ol>',
      ),
    ).toBe('- a\n  - a1\n- b\n\n3. c\n   1. c1\n4. d');
  });

  it('use the bullet from the style', () => {
    expect(md('<ul><li>a</li></ul>', { bulletListMarker: '*' })).toBe('* a');
  });

  it('render checkboxes of task lists', () => {
    expect(
      md('<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>'),
    ).toBe('- [x] done\n- [ ] todo');
  });
});

describe('tables', () => {
  it('become GFM pipe tables, with a <thead> row as header', () => {
    expect(
      md(
        '<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody><tr><td>Ann</td><td>3</td></tr></tbody></table>',
      ),
    ).toBe('| Name | Age |\n| --- | --- |\n| Ann | 3 |');
  });

  it('take the first row as header when there is no <thead>, pad short rows and escape pipes', () => {
    expect(
      md(
        '<table><tr><td>a|b</td><td>c</td></tr><tr><td>1</td><td>2<br>3</td><td colspan="1">4</td></tr></table>',
      ),
    ).toBe('| a\\|b | c | |\n| --- | --- | --- |\n| 1 | 2 3 | 4 |');
  });

  it('count colspan as columns', () => {
    expect(md('<table><tr><th colspan="2">wide</th></tr><tr><td>a</td><td>b</td></tr></table>')).toBe(
      '| wide | |\n| --- | --- |\n| a | b |',
    );
  });

  it('keep the caption as escaped text above the table', () => {
    expect(md('<table><caption>&lt;b&gt; Rates</caption><tr><th>a</th><th>b</th></tr></table>')).toBe(
      '&lt;b> Rates\n\n| a | b |\n| --- | --- |',
    );
  });

  it('degrade a layout table to its content, never raw HTML', () => {
    const out = md(
      '<table><tr><td><p>First para.</p><p>Second.</p></td><td><ul><li>item</li></ul></td></tr>' +
        '<tr><td><table><tr><td>x</td><td>y</td></tr></table></td><td>z</td></tr></table>',
    );
    expect(out).toBe('First para.\n\nSecond.\n\n- item\n\n| x | y |\n| --- | --- |\n\nz');
    expect(out).not.toMatch(RAW_HTML);
  });

  it('render a lone cell outside any table (left by Readability) as plain paragraphs', () => {
    const doc = LINKEDOM('');
    expect(htmlToMarkdown('<div><td id="x"><p>第一段。</p><p>第二段。</p></td></div>', doc, BASE)).toBe(
      '第一段。\n\n第二段。',
    );
  });

  it('flatten paragraphs inside single-paragraph cells', () => {
    expect(
      md(
        '<table><tr><th><p>h1</p></th><th><div>h2</div></th></tr><tr><td><p>v</p></td><td>w</td></tr></table>',
      ),
    ).toBe('| h1 | h2 |\n| --- | --- |\n| v | w |');
  });
});

describe('inline formatting', () => {
  it('renders strikethrough, strong and emphasis per style', () => {
    expect(md('<p><del>old</del> <s>gone</s> <b>bold</b> <i>it</i></p>')).toBe(
      '~~old~~ ~~gone~~ **bold** _it_',
    );
    expect(md('<p><b>bold</b> <i>it</i></p>', { strongDelimiter: '__', emDelimiter: '*' })).toBe(
      '__bold__ *it*',
    );
  });

  it('escapes Markdown syntax in text', () => {
    expect(md('<p>*not bold* [not a link] 10~~20 a_b {:.cls}</p>')).toBe(
      '\\*not bold\\* \\[not a link\\] 10\\~\\~20 a\\_b \\{:.cls}',
    );
  });
});

describe('code', () => {
  it.each([
    ['<pre><code class="language-python">x = 1</code></pre>', 'python'],
    ['<pre class="lang-js"><code>x = 1</code></pre>', 'js'],
    ['<div class="highlight highlight-source-ruby"><pre>x = 1</pre></div>', 'ruby'],
    ['<div class="highlight-python"><pre>x = 1</pre></div>', 'python'],
    ['<pre class="brush: csharp; gutter: false">x = 1</pre>', 'csharp'],
    ['<pre data-lang="go"><code>x = 1</code></pre>', 'go'],
    ['<div data-language="rust"><pre><code>x = 1</code></pre></div>', 'rust'],
    [
      '<div class="language-yaml highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x = 1</code></pre></div></div>',
      'yaml',
    ],
    ['<div class="lang-en"><pre><code>x = 1</code></pre></div>', ''],
    ['<pre><code>x = 1</code></pre>', ''],
  ])('%s is fenced as `%s`', (html, language) => {
    expect(md(html)).toBe(`\`\`\`${language}\nx = 1\n\`\`\``);
  });

  it('keeps the exact text: blank lines, trailing spaces, markup-like text, <br> as newline', () => {
    const out = md('<pre><code>a  \n\n\n\n  b_*[x]\n&lt;script&gt;<br>end</code></pre>');
    expect(out).toBe('```\na  \n\n\n\n  b_*[x]\n<script>\nend\n```');
  });

  it('uses a fence longer than any backtick run inside', () => {
    expect(md('<pre><code>say ```hi``` or ````</code></pre>')).toBe('`````\nsay ```hi``` or ````\n`````');
  });

  it('indents code inside lists and quotes', () => {
    expect(md('<ul><li>step<pre><code>l1\n\nl2</code></pre></li></ul>')).toBe(
      '- step\n\n  ```\n  l1\n\n  l2\n  ```',
    );
    expect(md('<blockquote><pre>q1\nq2</pre></blockquote>')).toBe('> ```\n> q1\n> q2\n> ```');
  });

  it('supports the indented style and ~~~ fences', () => {
    expect(md('<pre><code>a\nb</code></pre>', { codeBlockStyle: 'indented' })).toBe('    a\n    b');
    expect(md('<pre class="language-sh"><code>a ~~~ b</code></pre>', { fence: '~~~' })).toBe(
      '~~~~sh\na ~~~ b\n~~~~',
    );
  });

  it('keeps inline code as is', () => {
    expect(md('<p>Run <code>a_b &lt;c&gt;</code> now</p>')).toBe('Run `a_b <c>` now');
  });
});

describe('links', () => {
  it('are absolute against the page', () => {
    expect(
      md(
        '<p><a href="../other.html">rel</a> <a href="//cdn.example.org/x">proto</a> <a href="#s">frag</a></p>',
      ),
    ).toBe(
      '[rel](https://news.example.com/world/other.html) [proto](https://cdn.example.org/x) [frag](https://news.example.com/world/2024/story.html#s)',
    );
  });

  it('drop script, data and bare-# links but keep their text', () => {
    expect(
      md(
        '<p><a href="javascript:alert(1)">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> <a href="java&#10;script:x">c</a> <a href="vbscript:x">d</a> <a href="data:text/html,x">e</a> <a href="#">f</a></p>',
      ),
    ).toBe('a b c d e f');
  });

  it('drop links with no text and no image, keep a link around an image', () => {
    expect(
      md(
        '<p>x<a href="/a"></a><a href="/b">  </a><a href="/c"><br></a>y</p><p><a href="/c"><img src="/i.png" alt="pic"></a></p>',
      ),
    ).toBe('xy\n\n[![pic](https://news.example.com/i.png)](https://news.example.com/c)');
  });

  it('move a link that wraps blocks into each block', () => {
    expect(md('<a href="/story"><h3>Title</h3><p>Lede <b>here</b></p></a>')).toBe(
      '### [Title](https://news.example.com/story)\n\n[Lede **here**](https://news.example.com/story)',
    );
  });

  it('percent-encode spaces, parentheses and angle brackets in URLs', () => {
    expect(md('<p><a href="/a b(1)<x>">t</a></p>')).toBe('[t](https://news.example.com/a%20b%281%29%3Cx%3E)');
  });

  it('use numbered references, one per URL, when linkStyle is referenced', () => {
    expect(
      md('<p><a href="/1">a</a> <a href="/2">b</a> <a href="/1">c</a></p>', { linkStyle: 'referenced' }),
    ).toBe('[a][1] [b][2] [c][1]\n\n[1]: https://news.example.com/1\n[2]: https://news.example.com/2');
  });
});

describe('images', () => {
  const img = (attrs: string): string => md(`<p><img alt="a" ${attrs}></p>`);

  it.each([
    ['src="/p.jpg"', 'https://news.example.com/p.jpg'],
    ['src="//cdn.example.org/p.jpg"', 'https://cdn.example.org/p.jpg'],
    [
      'src="data:image/gif;base64,R0lGOD" data-src="lazy.jpg"',
      'https://news.example.com/world/2024/lazy.jpg',
    ],
    ['src="/img/placeholder.gif" data-original="/o.jpg"', 'https://news.example.com/o.jpg'],
    ['data-lazy-src="/l.jpg"', 'https://news.example.com/l.jpg'],
    ['data-actualsrc="/z.jpg"', 'https://news.example.com/z.jpg'],
    ['srcset="/s.jpg 400w, /l.jpg 1600w, /m.jpg 800w"', 'https://news.example.com/l.jpg'],
    ['data-srcset="/a.jpg 1x, /b.jpg 2x"', 'https://news.example.com/b.jpg'],
  ])('%s → %s', (attrs, url) => {
    expect(img(attrs)).toBe(`![a](${url})`);
  });

  it('leave no stray space from <picture> markup', () => {
    expect(
      md(
        '<figure>\n  <picture>\n    <source srcset="/a.webp">\n    <img src="/a.jpg" alt="a">\n  </picture>\n</figure>',
      ),
    ).toBe('![a](https://news.example.com/a.jpg)');
  });

  it('take <picture> sources when the <img> has no URL', () => {
    expect(md('<picture><source srcset="/w.webp 1x, /w2.webp 2x"><img alt="p"></picture>')).toBe(
      '![p](https://news.example.com/w2.webp)',
    );
  });

  it('skip tracking pixels, images without a usable URL and non-image data URLs', () => {
    expect(
      md(
        '<p>a<img src="/t.gif" width="1" height="1"><img src="/u.gif" style="width:1px;height:1px"><img><img src="javascript:x"><img src="data:text/html;base64,PHNjcmlwdD4=">b</p>',
      ),
    ).toBe('ab');
  });

  it('keep a real data:image', () => {
    const data = `data:image/png;base64,${'A'.repeat(300)}`;
    expect(img(`src="${data}"`)).toBe(`![a](${data})`);
  });

  it('escape alt text so it cannot close the image', () => {
    expect(md('<img src="/p.jpg" alt="x](javascript:alert(1)) [y\nz <b>">')).toBe(
      '![x\\](javascript:alert(1)) \\[y z &lt;b>](https://news.example.com/p.jpg)',
    );
  });

  it('keep figure captions as their own italic line', () => {
    expect(
      md(
        '<figure><img src="/f.jpg" alt="f"><figcaption>图说：市民在公园散步。</figcaption></figure><p>next</p>',
      ),
    ).toBe('![f](https://news.example.com/f.jpg)\n\n_图说：市民在公园散步。_\n\nnext');
  });

  it('keep a caption whose image has no URL', () => {
    expect(md('<figure><img><figcaption>Only caption</figcaption></figure>')).toBe('_Only caption_');
  });
});

describe('breaks, rules and whitespace', () => {
  it('turns <br> into a hard break, <br><br> into a paragraph break, and drops a trailing one', () => {
    expect(md('<p>one<br>two<br><br>three<br></p>')).toBe('one  \ntwo\n\nthree');
  });

  it('writes <hr> as *** (never ---, which reads as front matter or a setext underline)', () => {
    expect(md('<p>a</p><hr><p>b</p>')).toBe('a\n\n***\n\nb');
  });

  it('never leaves two blank lines in a row, trailing spaces, or outer blank lines', () => {
    const out = md('<div><p>a   </p><div><div></div><p></p></div><br><br><br><p>b</p></div>\n\n\n');
    expect(out).toBe('a\n\nb');
    expect(out).not.toMatch(/\n\n\n/);
  });

  it('turns non-breaking spaces into spaces', () => {
    expect(md('<p>a&nbsp;b</p>')).toBe('a b');
  });
});

describe('Chinese text', () => {
  const PARAGRAPH =
    '新华社北京1月5日电（记者张三）国家统计局5日发布数据显示，2024年GDP同比增长5.0%。“经济运行总体平稳，”他说；详见《报告》——全文约3000字！';

  it('round-trips a paragraph unchanged: no inserted spaces, full-width punctuation kept', () => {
    expect(md(`<p>${PARAGRAPH}</p>`)).toBe(PARAGRAPH);
    expect(md(`<p>${PARAGRAPH}</p>`, {}, JSDOM_PARSER)).toBe(PARAGRAPH);
  });

  it('keeps ideographic-space indentation', () => {
    expect(md('<p>\u3000\u3000正文开始。</p>')).toBe('\u3000\u3000正文开始。');
  });

  it('joins source line breaks between Chinese characters without a space', () => {
    expect(md('<p>第一行\n  第二行 and English\nwords</p>')).toBe('第一行第二行 and English words');
  });

  it('keeps bold that ends in full-width punctuation renderable', () => {
    expect(md('<p><strong>记者：</strong>张三</p>')).toBe('**记者**：张三');
  });

  it('leaves bold alone where its punctuation does no harm', () => {
    expect(md('<p>\u3000\u3000<strong>精准服务，让企业“敢创新”</strong></p>')).toBe(
      '\u3000\u3000**精准服务，让企业“敢创新”**',
    );
    expect(md('<p><b>“引语”</b> 后文</p>')).toBe('**“引语”** 后文');
  });

  it('uses * emphasis inside a run of Chinese, where _ would not render', () => {
    expect(md('<p>这是<em>重点</em>内容</p>')).toBe('这是*重点*内容');
  });
});

describe('hostile HTML', () => {
  const HOSTILE =
    '<p onclick="alert(1)">Hi<script>alert(1)</script><style>p{}</style></p>' +
    '<img src=x onerror="alert(1)"><img src="/ok.png" onerror="alert(2)" alt="ok">' +
    '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">' +
    '<form action="/x"><input name="q"><button>Go</button><select><option>o</option></select><textarea>t</textarea></form>' +
    '<noscript><img src="/n.png"></noscript><template><p>tpl</p></template><svg><script>alert(3)</script><text>svg</text></svg>' +
    '<canvas>c</canvas><a href="javascript:alert(1)">click</a> <a href="vbscript:msgbox">vb</a> ' +
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;iframe src=x&gt; &lt;!-- c --&gt; &amp;lt;b&amp;gt;</p>' +
    '<!-- <script>comment</script> -->';

  it.each([
    ['linkedom', LINKEDOM],
    ['jsdom', JSDOM_PARSER],
  ])('yields no raw HTML, handlers or script links (%s)', (_name, parse) => {
    const out = md(HOSTILE, {}, parse);
    for (const bad of [
      '<script',
      '<iframe',
      'onerror=',
      'onclick',
      'javascript:',
      'vbscript:',
      'tpl',
      'svg',
      'Go',
    ]) {
      expect(out).not.toContain(bad);
    }
    expect(out).not.toMatch(RAW_HTML);
    expect(out).toBe(
      'Hi\n\n![](https://news.example.com/world/2024/x)![ok](https://news.example.com/ok.png)click vb\n\n' +
        '&lt;script>alert(1)&lt;/script> &lt;iframe src=x> &lt;!-- c --> &amp;lt;b&amp;gt;',
    );
  });

  it('keeps the prose of a page-wide form (ASP.NET) but not its controls', () => {
    expect(md('<form><p>First.</p><input value="x"><p>Second.</p></form>')).toBe('First.\n\nSecond.');
  });

  it('never turns arbitrary text into raw HTML or breaks out of a link', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '[',
            ']',
            '(',
            ')',
            '\\',
            '`',
            '&',
            'a',
            ' ',
            '\n',
            '!',
            'x',
            ';',
            '/',
          ),
        }),
        (text) => {
          const doc = LINKEDOM('<div id="root"><p></p><p><a href="/l"></a></p></div>');
          const root = rootOf(doc);
          root.querySelector('p')?.appendChild(doc.createTextNode(text));
          root.querySelector('a')?.appendChild(doc.createTextNode(`x${text}`));
          const out = toMarkdown(root, BASE);
          expect(out).not.toMatch(RAW_HTML);
          expect(out.endsWith('](https://news.example.com/l)')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the caller', () => {
  const PAGE =
    '<h2>T</h2><p>a <a href="/x"><h3>h</h3></a><img data-src="/l.jpg" src="data:image/gif;base64,R0l"></p>' +
    '<table><caption>c</caption><tr><td><p>1</p></td><td>2<br>3</td></tr></table><form><input></form><pre>x<br>y</pre><script>s</script>';

  it.each([
    ['linkedom', LINKEDOM],
    ['jsdom', JSDOM_PARSER],
  ])('keeps its DOM unchanged (%s)', (_name, parse) => {
    const doc = parse(`<div id="root">${PAGE}</div>`);
    const before = doc.body.outerHTML;
    toMarkdown(rootOf(doc), BASE);
    expect(doc.body.outerHTML).toBe(before);
  });

  it('gets the same Markdown from linkedom and jsdom documents, and from an HTML string', () => {
    const fromLinkedom = md(PAGE);
    expect(md(PAGE, {}, JSDOM_PARSER)).toBe(fromLinkedom);
    expect(htmlToMarkdown(PAGE, LINKEDOM(''), BASE)).toBe(fromLinkedom);
    expect(htmlToMarkdown(PAGE, JSDOM_PARSER(''), BASE)).toBe(fromLinkedom);
    expect(fromLinkedom).toContain('![](https://news.example.com/l.jpg)');
  });

  it('htmlToMarkdown runs nothing in a jsdom page', () => {
    const dom = new JSDOM('<!doctype html><body></body>', { runScripts: 'dangerously' });
    const win = dom.window;
    htmlToMarkdown(
      '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script>',
      dom.window.document,
      BASE,
    );
    expect(win.pwned).toBeUndefined();
  });
});

describe('large input', () => {
  // A quadratic slide shows as a timeout here; the time itself is printed by `npm run bench:hot-paths`.
  it('converts a 2 MB article with linkedom', () => {
    const chunk =
      '<h2>小标题 Section</h2><p>这是一个很长的中文段落，包含<a href="/link?a=1">链接</a>和<strong>粗体</strong>。English text with <code>code</code> and words_here.</p>' +
      `<p>${'新华社北京电 记者从国家统计局获悉，经济运行总体平稳。'.repeat(8)}</p>` +
      '<ul><li>item <a href="https://x.example/a">one</a></li><li>two</li></ul><figure><img data-src="/a.jpg"><figcaption>图说</figcaption></figure>' +
      '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><pre><code class="language-js">const x = 1;</code></pre>';
    const html = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const doc = LINKEDOM(`<div id="root">${html}</div>`);
    const out = toMarkdown(rootOf(doc), BASE);
    expect(out.length).toBeGreaterThan(1_000_000);
    expect(out).toContain('## 小标题 Section');
  });
});
