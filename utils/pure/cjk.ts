// Pure: the one definition of "a CJK character" (Han, kana, Hangul), for weights, spacing and line breaks.

/** One CJK character: Han, Hiragana, Katakana or Hangul. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Every CJK character, for counting with `match`. */
export const CJK_CHARS = new RegExp(CJK_CHAR.source, 'gu');

/**
 * CJK text as code-point ranges for a character class, wider than CJK_CHAR: it adds CJK punctuation, radicals,
 * Bopomofo and full-width forms, all of which join without spaces when a line breaks between them.
 */
export const CJK_TEXT_RANGES =
  '\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF';

/** The number of CJK characters in `text`. */
export function countCjk(text: string): number {
  return text.match(CJK_CHARS)?.length ?? 0;
}
