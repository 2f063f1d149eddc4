import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../utils/dom/metadata';
import { page, URL } from './metadata-pages';

describe('readMetadata', () => {
  it('reads a CDATA-wrapped JSON-LD block', () => {
    const doc = page(
      `<script type="application/ld+json"><![CDATA[{"@type":"NewsArticle","headline":"Wrapped headline here","author":{"name":"Ann Lee"}}]]></script>`,
    );
    const meta = readMetadata(doc, URL);
    expect(meta.title).toBe('Wrapped headline here');
    expect(meta.byline).toBe('Ann Lee');
  });
});
