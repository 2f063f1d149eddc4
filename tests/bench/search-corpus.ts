// Deterministic synthetic clips for the search benchmark: 3–8 kB Markdown bodies, a third Chinese, with a
// Zipf-distributed vocabulary (real words and Han characters from the golden posts, plus a long tail of made-up
// words) so the index has a real library's number of terms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from '../../utils/pure/search-doc';

const ROOT = join(import.meta.dirname, '..', '..');

/** Mulberry32: deterministic, so runs compare. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = createRandom(20261204);

function pick<T>(list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Samples ranks 0..n-1 with Zipf's law (s = 1), as word frequencies in real text roughly follow. */
function createZipf<T>(items: readonly T[]): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank += 1) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

function byFrequency(tokens: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([token]) => token);
}

// Real words and Han characters, ranked by frequency, from the golden posts in the repo; a long tail of made-up
// words (names, places, jargon) gives the vocabulary a real library's size.
const GOLDEN = join(ROOT, 'tests', 'golden');
const goldenText = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    try {
      return readFileSync(join(GOLDEN, entry.name, 'expected.md'), 'utf8');
    } catch {
      return '';
    }
  })
  .join('\n');
// Made-up words from consonant-vowel syllables: their prefixes spread like real words' (about 20 share `ren`).
const CONSONANTS = 'bcdfghjklmnprstvwxyz';
const VOWELS = 'aeiou';
export const englishWords = byFrequency(goldenText.toLowerCase().match(/[a-z]{2,}/g) ?? []);
const known = new Set(englishWords);
while (englishWords.length < 40_000) {
  const syllables = 2 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < syllables; i += 1) word += pick([...CONSONANTS]) + pick([...VOWELS]);
  if (!known.has(word)) {
    known.add(word);
    englishWords.push(word);
  }
}
const hanChars = byFrequency(goldenText.match(/\p{Script=Han}/gu) ?? []);
export const chineseWords: string[] = [];
while (chineseWords.length < 30_000) {
  const length = pick([1, 2, 2, 2, 2, 3, 4]);
  const zipfChar = createZipf(hanChars);
  chineseWords.push(Array.from({ length }, zipfChar).join(''));
}
const englishWord = createZipf(englishWords);
const chineseWord = createZipf(chineseWords);

function englishSentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 16) }, englishWord);
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function chineseSentence(): string {
  return `${Array.from({ length: 6 + Math.floor(random() * 14) }, chineseWord).join('')}。`;
}

function makeBody(isChinese: boolean, targetBytes: number): string {
  const sentence = isChinese ? chineseSentence : englishSentence;
  const blocks: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const kind = blocks.length % 6;
    let block: string;
    if (kind === 2) block = `## ${sentence().slice(0, isChinese ? 14 : 50)}`;
    else if (kind === 4) block = [sentence(), sentence()].map((s) => `- ${s}`).join('\n');
    else {
      const text = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(isChinese ? '' : ' ');
      block = `${text} [${isChinese ? '原文' : 'source'}](https://example.com/${blocks.length})`;
    }
    blocks.push(block);
    bytes += Buffer.byteLength(block) + 2;
  }
  return blocks.join('\n\n');
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const NEWEST = Date.UTC(2026, 10, 30);
export function makeDoc(index: number): SearchDoc {
  const isChinese = index % 3 === 2;
  const clippedAt = NEWEST - index * 53 * 60_000;
  const sentence = isChinese ? chineseSentence() : englishSentence();
  return {
    id: `clip-${index}`,
    title: sentence.slice(0, isChinese ? 24 : 80),
    body: makeBody(isChinese, 3000 + Math.floor(random() * 5000)),
    author: isChinese ? `记者 ${chineseWord()}` : `${englishWord()} ${englishWord()}`,
    site: isChinese
      ? `${chineseWord()}日报 news${index % 15}.example.cn`
      : `The ${englishWord()} Post site${index % 15}.example`,
    tags: Array.from({ length: 2 + (index % 4) }, isChinese ? chineseWord : englishWord),
    published: random() < 0.05 ? null : day(clippedAt - Math.floor(random() * 4 * 86_400_000)),
    clipped: day(clippedAt),
  };
}

/** What a user types: every prefix of a word, as the keystrokes arrive. */
export function keystrokes(count: number): string[] {
  const typed: string[] = [];
  const targets = [
    ...Array.from({ length: 12 }, () => englishWords[Math.floor(random() * 2000)] ?? 'a'),
    ...Array.from({ length: 8 }, () => chineseWords[Math.floor(random() * 2000)] ?? '市'),
    `${englishWords[5] ?? 'the'} ${englishWords[300] ?? 'council'}`,
    '2025-06-1',
  ];
  while (typed.length < count) {
    const target = pick(targets);
    const chars = Array.from(target);
    for (let i = 1; i <= chars.length && typed.length < count; i += 1) typed.push(chars.slice(0, i).join(''));
  }
  return typed;
}
