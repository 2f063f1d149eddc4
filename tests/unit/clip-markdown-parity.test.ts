// The clip converts its article element to Markdown directly; an export later converts the stored contentHtml.
// Both must give the same Markdown, or a re-export would change a post the user never touched.
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticleParts } from '../../utils/dom/extract';
import { clipDocument, draftToMarkdown } from '../../utils/dom/pipeline';
import { listCaseNames, loadCase } from '../golden/update';

const CASES = listCaseNames().map(loadCase);
const PARSERS = [
  ['linkedom', (html: string) => parseHTML(html).document],
  ['jsdom', (html: string, url: string) => new JSDOM(html, { url }).window.document],
] as const;

describe.each(PARSERS)('clip Markdown from the element (%s)', (_name, parse) => {
  it.each(CASES.filter((c) => c.meta.expect.ok).map((c) => [c.name, c] as const))(
    '%s: equals the Markdown of the stored contentHtml',
    (_case, golden) => {
      const doc = parse(golden.html, golden.meta.url);
      const result = clipDocument(doc, golden.meta.url, { now: new Date(golden.meta.now) });
      if (!result.ok) throw new Error(`${golden.name}: ${result.code}`);
      expect(result.value.markdown.length).toBeGreaterThan(0);
      expect(result.value.markdown).toBe(draftToMarkdown(result.value.draft, doc));
    },
  );

  it('keeps a per-site article element with its own tag, as its outerHTML does', () => {
    const html =
      '<html><body><nav>Menu</nav><blockquote id="story"><p>Quoted words of the article.</p></blockquote></body></html>';
    const doc = parse(html, 'https://example.com/a');
    const parts = extractArticleParts(doc, 'https://example.com/a', {
      now: new Date('2024-01-01T00:00:00Z'),
      articleSelector: '#story',
    });
    if (!parts.ok) throw new Error(parts.code);
    expect(parts.value.draft.contentHtml.startsWith('<blockquote')).toBe(true);
    const result = clipDocument(doc, 'https://example.com/a', {
      now: new Date('2024-01-01T00:00:00Z'),
      rules: [],
      articleSelector: '#story',
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.markdown).toBe('> Quoted words of the article.');
    expect(result.value.markdown).toBe(draftToMarkdown(result.value.draft, doc));
  });
});
