// Benchmark (pure): how much of an expected article text an extracted body holds, by shingle overlap.
//
// Both texts are normalised (NFKC, lower case, Markdown syntax and punctuation dropped), then cut into tokens:
// a word for space-separated scripts, a single character for CJK (which has no spaces between words). The
// score compares the multisets of 3-token shingles. Over Latin text that is word 3-shingles (the Scrapinghub
// article-extraction benchmark's measure); over Chinese it is character 3-grams. Trigrams rather than bigrams:
// a Chinese word is mostly one or two characters, so a bigram is about one word and boilerplate ("新闻", "中国",
// "记者") matches article text through common words alone, overrating precision; a trigram spans about two
// words, which keeps word order in the measure as the word 3-shingles do, while one different character (a
// hand-made label's typo or punctuation) still spoils only three shingles.
import { CJK_CHAR } from '../../utils/pure/cjk';

export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
}

const SHINGLE = 3;

/** Markdown syntax that is not text: images, link targets, emphasis and heading marks, fences, table pipes. */
function stripMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>\s]*>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, ' ')
    .replace(/^\s*(?:```|~~~).*$/gm, ' ')
    .replace(/[*_`|~]/g, ' ');
}

/** NFKC, lower case, Markdown dropped, whitespace collapsed. */
export function normalizeForScore(text: string): string {
  return stripMarkdown(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

// A word stops at a CJK character (`5g手机` is `5g`, `手`, `机`): \p{L} alone would glue them together.
const TOKEN = new RegExp(`${CJK_CHAR.source}|(?:(?!${CJK_CHAR.source})[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/** Words, and single CJK characters; punctuation and whitespace are not tokens. */
export function tokenize(text: string): string[] {
  return Array.from(normalizeForScore(text).matchAll(TOKEN), (m) => m[0]);
}

/** The multiset of 3-token shingles; a text shorter than that is one shingle. */
export function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  if (tokens.length === 0) return counts;
  if (tokens.length < SHINGLE) {
    add(tokens.join(' '));
    return counts;
  }
  for (let i = 0; i + SHINGLE <= tokens.length; i++) add(tokens.slice(i, i + SHINGLE).join(' '));
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}

/**
 * Precision (share of the extracted shingles that are in the expected text), recall (share of the expected
 * shingles extracted) and their F1, counting each shingle as often as it occurs in both. Two empty texts
 * agree fully; an empty side against a non-empty one scores 0.
 */
export function scoreBody(extracted: string, expected: string): BodyScore {
  const got = shingles(extracted);
  const want = shingles(expected);
  const gotTotal = total(got);
  const wantTotal = total(want);
  if (gotTotal === 0 && wantTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  if (gotTotal === 0 || wantTotal === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [key, n] of got) overlap += Math.min(n, want.get(key) ?? 0);
  const precision = overlap / gotTotal;
  const recall = overlap / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Mean precision, recall and F1 of several pages (each page weighs the same). */
export function meanScore(scores: readonly BodyScore[]): BodyScore {
  if (scores.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const sum = scores.reduce(
    (acc, s) => ({
      precision: acc.precision + s.precision,
      recall: acc.recall + s.recall,
      f1: acc.f1 + s.f1,
    }),
    { precision: 0, recall: 0, f1: 0 },
  );
  return {
    precision: sum.precision / scores.length,
    recall: sum.recall / scores.length,
    f1: sum.f1 / scores.length,
  };
}
