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

// A link or image destination: `<...>`, or a run without spaces that may hold balanced parentheses, and a title.
const DESTINATION = String.raw`\((?:<[^>\n]*>|(?:\\.|[^()\s\\]|\([^()\s]*\))*)(?:\s+"(?:\\.|[^"\\])*")?\)`;
// Bracketed text with escapes (`[\[8\]](#cite)`): Wikipedia's footnote links, `[\[Read: …\]](url)`.
const BRACKETED = String.raw`\[((?:\\.|[^\]\\])*)\]`;
const IMAGE = new RegExp(String.raw`!${BRACKETED}(?:${DESTINATION}|\[[^\]]*\])`, 'g');
const LINK = new RegExp(String.raw`${BRACKETED}(?:${DESTINATION}|\[[^\]]*\])`, 'g');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in rendered Markdown, to compare with the text of the expected HTML: images (whose alt
 * text HTML's text leaves out), link targets, reference definitions, block markers, fences, emphasis delimiters
 * and table pipes go; backslash escapes and character references are resolved. Only the extracted Markdown goes
 * through this: the expected text is already plain, and stripping `1. ` from its lines would drop real text.
 */
export function markdownToText(markdown: string): string {
  // Fenced code is literal text: only its fence lines go (odd parts of the split are inside a fence).
  return markdown
    .split(/^[ \t]*(?:`{3,}|~{3,}).*$/m)
    .map((part, i) => (i % 2 === 1 ? part : inlineToText(part)))
    .join('\n');
}

function inlineToText(markdown: string): string {
  return (
    markdown
      .replace(/^ {0,3}\[[^\]\n]+\]:\s+\S+.*$/gm, ' ')
      .replace(IMAGE, ' ')
      .replace(LINK, '$1')
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, ' ')
      // A heading mark, or quote and list marks (nested); `### 21) Star Wars` keeps its number, which is text.
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|(?:(?:>|[-*+]|\d+[.)])[ \t]+)+)/gm, ' ')
      .replace(
        /\\([!-/:-@[-`{-~])|(`+)([\s\S]*?)\2|<((?:https?|mailto):[^>\s]*)>|([*_]|~~)|(\|)|&(#\d+|#x[0-9a-f]+|[a-z]+);/gi,
        (
          all,
          escaped?: string,
          _ticks?: string,
          code?: string,
          url?: string,
          delimiter?: string,
          pipe?: string,
          entity?: string,
        ) => {
          if (escaped !== undefined) return escaped;
          if (code !== undefined) return code; // a code span is literal
          if (url !== undefined) return url;
          if (delimiter !== undefined) return '';
          if (pipe !== undefined) return ' ';
          const name = (entity ?? '').toLowerCase();
          if (!name.startsWith('#')) return ENTITIES[name] ?? all;
          const point = name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1));
          return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : all;
        },
      )
  );
}

/** NFKC, lower case, whitespace collapsed. */
export function normalizeForScore(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
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

/** A run of consecutive tokens of one text whose shingles the other text lacks. */
export interface UnmatchedRun {
  text: string;
  tokens: number;
}

/**
 * The runs of `from` whose shingles are not in `against` (each shingle of `against` matched once): for the
 * extracted text these are the extra runs, for the expected text the missing ones. Longest first.
 */
export function unmatchedRuns(from: string, against: string): UnmatchedRun[] {
  const tokens = tokenize(from);
  const pool = shingles(against);
  const isCjk = (t: string): boolean => CJK_CHAR.test(t);
  const unmatched = new Array<boolean>(tokens.length).fill(false);
  if (tokens.length < SHINGLE) {
    if (tokens.length && !pool.has(tokens.join(' '))) unmatched.fill(true);
  } else {
    for (let i = 0; i + SHINGLE <= tokens.length; i++) {
      const key = tokens.slice(i, i + SHINGLE).join(' ');
      const left = pool.get(key) ?? 0;
      if (left > 0) pool.set(key, left - 1);
      // A shingle the other text lacks marks all its tokens.
      else for (let j = i; j < i + SHINGLE; j++) unmatched[j] = true;
    }
  }
  const runs: UnmatchedRun[] = [];
  let start = -1;
  const close = (end: number): void => {
    const part = tokens.slice(start, end);
    const text = part.reduce((acc, t, k) => {
      const prev = part[k - 1];
      return acc + (k > 0 && !(isCjk(t) && prev !== undefined && isCjk(prev)) ? ' ' : '') + t;
    }, '');
    runs.push({ text, tokens: part.length });
    start = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (unmatched[i] && start < 0) start = i;
    if (!unmatched[i] && start >= 0) close(i);
  }
  if (start >= 0) close(tokens.length);
  return runs.sort((a, b) => b.tokens - a.tokens);
}
