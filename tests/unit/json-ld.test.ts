import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleNodes, readJsonLd, stringProp, typesOf, unwrapScriptText } from '../../utils/dom/json-ld';

function doc(head: string): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body></body></html>`).document;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readJsonLd', () => {
  it('flattens arrays and @graph, in page order', () => {
    const nodes = readJsonLd(
      doc(
        ld({
          '@context': 'https://schema.org',
          '@graph': [{ '@type': 'WebSite' }, { '@type': 'NewsArticle' }],
        }) + ld([{ '@type': 'Person' }, { '@type': 'BreadcrumbList' }]),
      ),
    );
    expect(nodes.map((n) => typesOf(n).join() || '(graph)')).toEqual([
      '(graph)',
      'WebSite',
      'NewsArticle',
      'Person',
      'BreadcrumbList',
    ]);
  });

  it('reads blocks wrapped in CDATA or HTML comments, as real pages ship them', () => {
    const json = JSON.stringify({ '@type': 'NewsArticle', headline: 'Wrapped' });
    const wrappers = [
      `<![CDATA[${json}]]>`,
      `//<![CDATA[\n${json}\n//]]>`,
      `/*<![CDATA[*/${json}/*]]>*/`,
      `<!--\n${json}\n-->`,
    ];
    for (const wrapped of wrappers) {
      const nodes = readJsonLd(doc(`<script type="application/ld+json">${wrapped}</script>`));
      expect(
        nodes.map((n) => stringProp(n, 'headline')),
        wrapped,
      ).toEqual(['Wrapped']);
    }
    expect(unwrapScriptText('  {"a": "]]>"}  ')).toBe('{"a": "]]>"}');
  });

  it('skips a broken block without hiding the others, and repairs raw newlines and trailing commas', () => {
    const nodes = readJsonLd(
      doc(
        '<script type="application/ld+json">{ not json</script>' +
          '<script type="application/ld+json">{"@type": "Article", "headline": "Line\none",}</script>',
      ),
    );
    expect(nodes).toHaveLength(1);
    expect(stringProp(nodes[0] ?? {}, 'headline')).toBe('Line one');
  });

  it('ignores other script types', () => {
    expect(readJsonLd(doc('<script>var x = {"@type": "Article"}</script>'))).toEqual([]);
  });
});

describe('articleNodes', () => {
  it('puts article types first and WebPage last', () => {
    const nodes = [
      { '@type': 'WebPage' },
      { '@type': ['Thing', 'BlogPosting'] },
      { '@type': 'Organization' },
    ];
    expect(articleNodes(nodes).map((n) => typesOf(n).join('+'))).toEqual(['Thing+BlogPosting', 'WebPage']);
  });
});

describe('stringProp', () => {
  it('reads strings, names of objects, @value, and the first usable item of arrays', () => {
    const node = {
      a: ' text ',
      b: { name: 'Publisher' },
      c: [{ '@type': 'Person' }, { name: 'Second' }],
      d: { '@value': 'value' },
      e: 42,
    };
    expect(stringProp(node, 'a')).toBe('text');
    expect(stringProp(node, 'b')).toBe('Publisher');
    expect(stringProp(node, 'c')).toBe('Second');
    expect(stringProp(node, 'd')).toBe('value');
    expect(stringProp(node, 'e')).toBeNull();
    expect(stringProp(node, 'missing')).toBeNull();
  });
});
