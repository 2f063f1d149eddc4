// A page with an empty title is named by its first sentence, cut near 80 characters, never by its host.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/dom/extract';

const NOW = new Date('2026-05-01T00:00:00Z');

function titleOf(body: string, lang = 'en'): string {
  const { document } = parseHTML(
    `<!doctype html><html lang="${lang}"><head><title> </title></head><body>${body}</body></html>`,
  );
  const result = extractArticle(document, 'https://blog.example/p/1', { now: NOW });
  if (!result.ok) throw new Error(result.detail);
  return result.value.title;
}

describe('an empty title', () => {
  it('becomes the first sentence of the article', () => {
    const body = `<article><p>The ferry to the islands returned this week. ${'It had been away all winter for repairs to its engines and hull. '.repeat(4)}</p><p>${'Bookings are already ahead of last summer, the harbour master said. '.repeat(3)}</p></article>`;
    expect(titleOf(body)).toBe('The ferry to the islands returned this week.');
  });

  it('is cut at a word boundary near 80 characters, or between CJK characters', () => {
    const long = `<article><p>${'Harbour officials and island residents gathered on the quay on a grey morning to welcome back the ferry that had been away for months, '.repeat(2)}and then they went home.</p><p>${'More text follows here to make this an article of some length. '.repeat(4)}</p></article>`;
    const title = titleOf(long);
    expect(title.length).toBeLessThanOrEqual(81);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toContain('blog.example');
    expect(title.slice(0, -1)).toMatch(/\w$/);
    const han = titleOf(
      `<article><p>${'记者从市城管局获悉，滨江步道改造工程日前完工，'.repeat(6)}将于跨年夜开放。</p><p>${'市民可以沿江散步。'.repeat(10)}</p></article>`,
      'zh-CN',
    );
    expect(han.length).toBeLessThanOrEqual(81);
    expect(han.startsWith('记者从市城管局获悉')).toBe(true);
  });
});
