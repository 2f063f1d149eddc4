// Benchmark (pure): the Scrapinghub (Zyte) article-extraction-benchmark's own body metric, ported from its
// evaluate.py, so a figure here compares with their published table. It differs from body-score.ts on purpose:
// tokens are `\w+` as Python reads it (case kept, no CJK split), shingles are 4 tokens long, each page's
// TP/FP/FN are normalised to sum 1, precision and recall are means over the pages where they are defined (an
// empty extraction adds no precision, and recall 0), and F1 is taken from those two means, not per page.
// https://github.com/scrapinghub/article-extraction-benchmark/blob/master/evaluate.py

/** One page's normalised true positives, false positives and false negatives (they sum to 1, or are all 0). */
export interface ZyteCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ZyteScore {
  precision: number;
  recall: number;
  f1: number;
}

const NGRAM = 4;
// Python's `\w` with re.UNICODE: letters, numbers (any category N) and the underscore; marks are not word chars.
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function zyteTokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** `_ngrams`: every run of 4 tokens; a text with fewer tokens is one shorter shingle, no tokens none. */
function zyteShingles(text: string): Map<string, number> {
  const tokens = zyteTokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - NGRAM + 1);
  for (let i = 0; i < last; i++) {
    const part = tokens.slice(i, i + NGRAM);
    if (part.length === 0) continue;
    // The unit separator cannot sit inside a `\w` token, so the key is a faithful tuple.
    const key = part.join('\u001f');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `string_shingle_matching`: TP/FP/FN over the shingle multisets, normalised so long texts weigh no more. */
export function zyteCounts(expected: string, extracted: string): ZyteCounts {
  const want = zyteShingles(expected);
  const got = zyteShingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const w = want.get(key) ?? 0;
    const g = got.get(key) ?? 0;
    tp += Math.min(w, g);
    fp += Math.max(0, g - w);
    fn += Math.max(0, w - g);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: ZyteCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ZyteCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** `metrics_from_tp_fp_fns`: mean precision and recall where defined, and F1 of the two means. */
export function zyteScore(pages: readonly ZyteCounts[]): ZyteScore {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
