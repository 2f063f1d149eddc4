// Pure: keyword and tag lists (`meta[name=keywords]`, `article:tag`, JSON-LD `keywords`) split into tags. No DOM.
import { CJK_CHAR } from './cjk';

/** Longer than this is a sentence stuffed into keywords, not a tag. */
export const MAX_KEYWORD_CHARS = 60;

/** List separators in any script: `,` `，` `、` `;` `；` and the bar some CMSs use (`|` `｜`, as metadata.ts does today). */
const SEPARATORS = /[,，、;；|｜]/u;

/**
 * Whether a list (or one item of it) is a CJK one cut by spaces (`新冠 疫苗 北京`): more than one word, and most words
 * hold CJK. Chinese words take no spaces, so a space there separates tags; in `New York Times` it does not.
 */
function isSpacedCjkList(words: string[]): boolean {
  if (words.length < 2) return false;
  return words.filter((w) => CJK_CHAR.test(w)).length * 2 > words.length;
}

/** One keyword value to its items, trimmed, in order; empties dropped. */
export function splitKeywordList(value: string): string[] {
  if (typeof value !== 'string') return [];
  const text = value.replace(/\s+/gu, ' ').trim();
  if (!text) return [];
  return text
    .split(new RegExp(SEPARATORS.source, 'gu'))
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => {
      const words = item.split(' ');
      return isSpacedCjkList(words) ? words : [item];
    });
}

/** Items from several sources to tags: trimmed, empties and over-long items dropped, first spelling kept. */
export function cleanKeywords(items: Iterable<string>, maxChars = MAX_KEYWORD_CHARS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = typeof item === 'string' ? item.replace(/\s+/gu, ' ').trim() : '';
    const key = k.toLocaleLowerCase();
    if (!k || k.length > maxChars || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

/** Several keyword values (each meta tag, each `article:tag`, JSON-LD's string or items) to one tag list. */
export function toKeywords(values: Iterable<string>, maxChars = MAX_KEYWORD_CHARS): string[] {
  const items: string[] = [];
  for (const value of values) items.push(...splitKeywordList(value));
  return cleanKeywords(items, maxChars);
}
