// Pure: the one definition of "a CJK character" (Han, kana, Hangul), for weights, spacing and line breaks.

/** One CJK character: Han, Hiragana, Katakana or Hangul. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Every CJK character, for counting with `match`. */
export const CJK_CHARS = new RegExp(CJK_CHAR.source, 'gu');

/** The number of CJK characters in `text`. */
export function countCjk(text: string): number {
  return text.match(CJK_CHARS)?.length ?? 0;
}
