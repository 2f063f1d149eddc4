// Pure: splits text into search terms, Chinese and Japanese included, the same way for the index and the query.
import { CJK_CHAR } from './cjk';

/** `segmenter`: dictionary words from `Intl.Segmenter`; `bigram`: overlapping CJK character pairs (no ICU data). */
export type TokenizerKind = 'segmenter' | 'bigram';

export type Tokenize = (text: string) => string[];

/** Dates stay one term so `2024-03` finds `2024-03-05` by prefix instead of matching every `03` in the library. */
const DATE_OR_WORD = /\d{4}-\d{1,2}(?:-\d{1,2})?|[\p{L}\p{M}\p{N}_'’]+/gu;
const DATES = /\d{4}-\d{1,2}(?:-\d{1,2})?/gu;
const CJK_RUN = new RegExp(`${CJK_CHAR.source}+`, 'gu');
const ASCII_WORD = /^[A-Za-z0-9_]+$/;

/** The tokenizer this runtime can give: `Intl.Segmenter` (all current browsers and Node) or the bigram fallback. */
export function availableTokenizer(): TokenizerKind {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? 'segmenter' : 'bigram';
}

/** Overlapping character pairs of a CJK run; a lone character stays itself so one-character words are found. */
export function toBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return pairs;
}

/** Latin words as they are; CJK runs inside a word-like chunk become bigrams. */
function splitWithBigrams(chunk: string, out: string[]): void {
  let last = 0;
  for (const match of chunk.matchAll(CJK_RUN)) {
    const index = match.index;
    if (index > last) out.push(chunk.slice(last, index));
    out.push(...toBigrams(match[0]));
    last = index + match[0].length;
  }
  if (last < chunk.length) out.push(chunk.slice(last));
}

/** Latin words and dates as they are; CJK runs inside a word-like chunk become bigrams. */
function pushWords(text: string, out: string[], bigrams: boolean): void {
  for (const match of text.matchAll(DATE_OR_WORD)) {
    const chunk = match[0];
    if (bigrams && CJK_CHAR.test(chunk)) splitWithBigrams(chunk, out);
    else out.push(chunk);
  }
}

/**
 * A tokenizer of the given kind. `zh` is the Segmenter's locale: ICU uses one Chinese–Japanese dictionary for
 * both scripts, so kana words (ガイドライン) come out whole as well. Text with CJK in it is segmented in one pass
 * (one call per sentence is about 60 % slower); the Segmenter's non-CJK words are split again by the same rule as
 * Latin-only text, so `40,000` gives the same terms in a Chinese body as in an English query.
 */
export function createTokenizer(kind: TokenizerKind): Tokenize {
  const segmenter = kind === 'segmenter' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return (text) => {
    const out: string[] = [];
    if (!segmenter || !CJK_CHAR.test(text)) {
      pushWords(text, out, segmenter === null);
      return out;
    }
    // Dates first: the Segmenter would cut 2024-03-05 into three numbers.
    let last = 0;
    for (const match of text.matchAll(DATES)) {
      segmentInto(segmenter, text.slice(last, match.index), out);
      out.push(match[0]);
      last = match.index + match[0].length;
    }
    segmentInto(segmenter, text.slice(last), out);
    return out;
  };
}

function segmentInto(segmenter: Intl.Segmenter, text: string, out: string[]): void {
  if (text === '') return;
  for (const part of segmenter.segment(text)) {
    // isWordLike already leaves out spaces and punctuation; ASCII-only words skip the costlier Unicode tests.
    if (!part.isWordLike) continue;
    const word = part.segment;
    if (ASCII_WORD.test(word)) out.push(word);
    else if (CJK_CHAR.test(word)) out.push(word);
    else pushWords(word, out, false);
  }
}

/** One spelling per term: full-width letters and digits folded (NFKC), lower-case, edge apostrophes dropped. */
export function normalizeTerm(term: string): string | null {
  // Most terms are plain ASCII words: NFKC and the apostrophe test cannot change them.
  if (ASCII_WORD.test(term)) return term.toLowerCase();
  const folded = term
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^['’]+|['’]+$/g, '');
  return folded === '' ? null : folded;
}
