// Pure: what makes two blocks of a multi-page article the same block, and what a pager's text looks like. Pages of
// one article repeat their headline, standfirst, photos and sometimes whole paragraphs; each is kept once.

import { isNextPageText, readShownPage } from './next-page';

/** Shorter text is kept even when repeated: "* * *", "(Photo)", a one-word line may well recur on purpose. */
export const MIN_DEDUPE_CHARS = 12;

/** The key two blocks share when they say the same: text without spacing and case, or the images they show. */
export function toBlockKey(text: string, imageSources: readonly string[] = []): string | null {
  const squashed = text.replace(/[\s\u3000]+/g, '').toLowerCase();
  if (squashed.length >= MIN_DEDUPE_CHARS) return `text:${squashed}`;
  if (squashed === '' && imageSources.length > 0) return `img:${imageSources.join(' ')}`;
  return null;
}

/** Blocks seen so far in a join, by key. */
export class BlockSeen {
  private readonly keys = new Set<string>();

  /** True when a block with this key was already kept; otherwise records it. A null key is never a repeat. */
  isRepeat(key: string | null): boolean {
    if (key === null) return false;
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    return false;
  }
}

const PAGER_WORDS = new Set([
  '上一页',
  '上页',
  '前页',
  '上一頁',
  '首页',
  '尾页',
  '末页',
  '全文',
  '阅读全文',
  'previous',
  'prev',
  'previouspage',
  'first',
  'last',
  'zurück',
  'vorherige',
  'précédent',
  'anterior',
  '前へ',
  '이전',
  'pages',
  'page',
  '共',
  '页',
]);

/** Whether a pager's whole text is page numbers and "previous/next/first/last": `上一页 1 [2] 3 下一页`. */
export function isPagerText(text: string): boolean {
  const tokens = text
    .split(/[\s|·•,，、/:：()（）…]+|\.{2,}/)
    .map((token) => token.trim())
    .filter((token) => token !== '');
  if (tokens.length === 0) return false;
  return tokens.every(
    (token) =>
      readShownPage(token) !== null ||
      isNextPageText(token) ||
      PAGER_WORDS.has(token.toLowerCase().replace(/[‹«<←]/g, '')) ||
      /^[‹«<←›»>→]{1,2}$/.test(token) ||
      /^共?\d{1,3}页$/.test(token) ||
      /^第\d{1,3}页$/.test(token),
  );
}
