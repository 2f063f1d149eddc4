// CLI parse: parse5 building linkedom nodes directly gives the tree the copy of parse5's own tree gives, node for node.
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { toLinkedomDocument } from '../../cli/parse-tree';
import { clipHtmlBytes } from '../../cli/clip-page';
import { MAX_TREE_DEPTH, parseToLinkedom } from '../../cli/parse5-linkedom';
import { measureDepth } from '../../utils/dom/pre-clean';

/** Every node with its kind, name, namespace, class, attributes in order and text, depth first. */
function dump(doc: Document): string {
  const out = [`doctype ${doc.doctype?.name ?? ''}`];
  const stack: Node[] = [doc];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const attrs = Array.from(el.attributes, (attr) => `${attr.name}=${attr.value}`).join(' ');
      out.push(`<${el.localName} ${el.namespaceURI ?? ''} ${el.constructor.name} [${attrs}]`);
    } else if (node.nodeType === 3 || node.nodeType === 8) {
      out.push(`${node.nodeType}:${(node as CharacterData).data}`);
    } else out.push(`#${node.nodeType}`);
    out.push(`children ${node.childNodes.length}`);
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) {
      const child = node.childNodes[i];
      if (child) stack.push(child);
    }
  }
  return out.join('\n');
}

/** Pages modelled on real news pages, each stressing one part of the tree builder. */
const PAGES = [
  // Icons: SVG with camel-case names and attributes, HTML inside foreignObject, a template and a noscript inside.
  '<!doctype html><p>x<svg viewBox="0 0 1 1"><clipPath id="c"><rect/></clipPath><foreignObject><b>y<noscript>' +
    '<i>z</i></noscript></b><template><p>t</p></template></foreignObject><use xlink:href="#c"/></svg></p>',
  // MathML: an svg in MathML's namespace, a template and noscript in MathML, an HTML integration point.
  '<math><mi>a</mi><svg><g></g></svg><template><b>k</b></template><noscript>&lt;b&gt;q</noscript>' +
    '<annotation-xml encoding="text/html"><div>h</div></annotation-xml></math>',
  // A CMS that prints <body> twice, text fostered out of a table, misnested formatting (the adoption agency).
  '<body class=a><body id=b class=c data-x=1><table>foo<tr>bar<td>c</td></tr>baz</table><b><p>one</b>two</p>' +
    '<a><div><a>x</a></div></a><table><td><svg><desc><b>q</b></desc></svg></table>',
  // Lazy images in noscript (nested too), a template, comments before and after the root, a select.
  '<!-- top --><html><head><noscript><link rel=stylesheet href=a.css></noscript></head><body>' +
    '<noscript><img src=a.jpg><noscript><img src=b.jpg></noscript></noscript><template><div>gone</div></template>' +
    '<select><option>1<option>2</select></body></html><!-- after -->',
  // Text in scripts, styles, a title and a textarea, with line ends of every kind; a quirks-mode table in a <p>.
  '<title> a\r\n b </title><style>a { b: c }\n d</style><script>if (a < b) { s = "</scr" + "ipt>"; }\r\n</script>' +
    '<textarea>\r\nline</textarea><pre>\n\nx</pre><p>text<table><tr><td>cell</td></tr></table></p>',
  // Frameset and stray end tags after </html>.
  '<!doctype html><html><frameset><frame src=a></frameset></html></p><p>late',
  // Icons nested in icons, and an svg inside HTML inside an svg's foreignObject: each element is made SVG once.
  '<svg><svg><g><svg><foreignObject><div><svg><circle/></svg><b>t</b></div></foreignObject></svg></g></svg></svg>',
];

const PIECES = [
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<a href=x>',
  '</a>',
  '<table>',
  '<tr>',
  '<td>',
  '</table>',
  '<svg>',
  '</svg>',
  '<foreignObject>',
  '<math>',
  '<mi>',
  '<template>',
  '</template>',
  '<noscript>',
  '</noscript>',
  '<div>',
  '</div>',
  '<body class=z>',
  '<html lang=en>',
  '<select>',
  '<option>',
  '<li>',
  '<h1>',
  'text',
  ' ',
  '\n',
  '&amp;',
  '<!-- c -->',
  '<script>',
  '</script>',
  '<form>',
  '</form>',
  '<img src=i>',
  '<br>',
];

function randomPages(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    let html = '';
    const length = 10 + Math.floor(next() * 120);
    for (let i = 0; i < length; i += 1) html += PIECES[Math.floor(next() * PIECES.length)] ?? '';
    return html;
  });
}

describe('parseToLinkedom (parse5 building linkedom nodes)', () => {
  it('builds the tree the copy of parse5 gives, on pages written like real ones and on random markup', () => {
    for (const html of [...PAGES, ...randomPages(300, 20261205)]) {
      expect(dump(parseToLinkedom(html)), html).toBe(dump(toLinkedomDocument(parse(html))));
    }
  });

  it('keeps the shapes the pipeline relies on', () => {
    const doc = parseToLinkedom(PAGES[0] ?? '');
    expect(doc.querySelector('b')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelector('clippath')?.localName).toBe('clippath');
    const page = parseToLinkedom(PAGES[2] ?? '');
    expect(page.body.getAttributeNames()).toEqual(['class', 'id', 'data-x']);
    expect(page.querySelector('table')?.previousSibling?.textContent).toBe('foobarbaz');
  });

  it('nests no deeper than Chromium does: deeper elements become siblings, none is lost', () => {
    const doc = parseToLinkedom(`<body>${'<div class=w>'.repeat(2000)}<p>Deep text.</p>`);
    expect(measureDepth(doc.documentElement)).toBe(MAX_TREE_DEPTH);
    expect(doc.querySelectorAll('div.w')).toHaveLength(2000);
    expect(doc.querySelector('p')?.textContent).toBe('Deep text.');
    // A page just under the limit keeps its shape.
    const fits = parseToLinkedom(`<body>${'<div>'.repeat(MAX_TREE_DEPTH - 3)}<p>x</p>`);
    expect(measureDepth(fits.documentElement)).toBe(MAX_TREE_DEPTH);
  });

  it('clips a page of 20,000 nested wrappers instead of overflowing the stack', () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(20000)}<p>${'A sentence of the story. '.repeat(60)}</p>`;
    const page = clipHtmlBytes(new TextEncoder().encode(html), 'https://example.com/deep', {
      timeZone: 'UTC',
    });
    expect(page.result.ok).toBe(true);
    expect(page.result.ok && page.result.value.markdown).toContain('A sentence of the story.');
  });
});
