// The CLI's JSON says whether the popup would auto-clip the page: the very `isReaderable` check.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { clipHtmlBytes, toBatchLine } from '../../cli/clip-page';
import { isReaderable } from '../../utils/dom/extract';

const NOW = new Date('2024-05-01T00:00:00Z');
const SENTENCE =
  'The council voted on Tuesday to fund the new seawall after a long debate about costs and risks. ';

function bytes(html: string): Uint8Array {
  return new TextEncoder().encode(html);
}

const ARTICLE = `<!doctype html><html lang="en"><head><title>Seawall funded</title></head><body><article>
<h1>Seawall funded</h1>${[1, 2, 3, 4, 5].map(() => `<p>${SENTENCE.repeat(3)}</p>`).join('')}</article></body></html>`;

const LIST = `<!doctype html><html lang="en"><head><title>News</title></head><body><ul>${Array.from(
  { length: 30 },
  (_, i) => `<li><a href="/story-${i}">Story number ${i} about the council and the seawall</a></li>`,
).join('')}</ul></body></html>`;

describe('readerable in the CLI JSON', () => {
  it('is the popup check, on an article and on a list of links', () => {
    for (const html of [ARTICLE, LIST]) {
      const page = clipHtmlBytes(bytes(html), 'https://news.example.com/x', { timeZone: 'UTC', now: NOW });
      const expected = isReaderable(parseHTML(html).document);
      expect(page.readerable).toBe(expected);
      const line = toBatchLine('x.html', page, 'UTC');
      if (line.ok) expect(line.readerable).toBe(expected);
    }
    expect(clipHtmlBytes(bytes(ARTICLE), null, { timeZone: 'UTC', now: NOW }).readerable).toBe(true);
    expect(clipHtmlBytes(bytes(LIST), null, { timeZone: 'UTC', now: NOW }).readerable).toBe(false);
  });
});
