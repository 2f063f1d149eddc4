// The CLI's address for a page that names none: unique, and never a source of dates.
import { describe, expect, it } from 'vitest';
import { clipHtmlBytes, placeholderUrl } from '../../cli/clip-page';

const PARAGRAPH =
  'The harbour board agreed on Tuesday to open a second ferry line across the bay, with boats every twenty minutes. ';

describe('placeholderUrl', () => {
  it('is unique and holds no digit a date reader could take for a day', () => {
    const urls = Array.from({ length: 2000 }, () => placeholderUrl());
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(/^http:\/\/localhost\/[a-z]{20}\.html$/);
  });

  it('is the address of a saved page with no URL of its own, and the page stays undated', () => {
    const html = `<!doctype html><html><head><title>Ferry line</title></head><body><article><h1>Ferry line</h1>
      <p>${PARAGRAPH.repeat(4)}</p><p>${PARAGRAPH.repeat(4)}</p></article></body></html>`;
    const page = clipHtmlBytes(new TextEncoder().encode(html), null, {
      timeZone: 'UTC',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(page.url).toMatch(/^http:\/\/localhost\/[a-z]{20}\.html$/);
    expect(page.result.ok && page.result.value.draft.published).toBe(null);
  });
});
