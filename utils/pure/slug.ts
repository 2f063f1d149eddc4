// Pure: URL slugs for post titles and site names, readable in any script or as toneless pinyin. No DOM, no extension API.
import { pinyin } from 'pinyin-pro';
import { toWellFormed } from './text';
import { MAX_SLUG_BYTES, countUtf8Bytes, truncateToBytes } from './filename';

import type { SlugMode } from './choices';

export type { SlugMode };

const HAN = /\p{Script=Han}/u;
// Kana means Japanese: its kanji are not read in Mandarin, so such text keeps its characters.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Apostrophes join a word (`don't` → `dont`) instead of splitting it.
const APOSTROPHES = /['’ʼ]/gu;
// Letters, marks (Devanagari, Arabic and Thai need them) and digits of every script; anything else separates.
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Latin letters NFD does not decompose.
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

function isPinyinText(text: string): boolean {
  return HAN.test(text) && !KANA.test(text);
}

/** Toneless pinyin syllables for Chinese characters (ü written v), other runs as they are. */
function toPinyinPieces(text: string): { text: string; isHan: boolean }[] {
  const pieces = pinyin(text, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true });
  return pieces.map((piece) =>
    piece.isZh && piece.pinyin !== ''
      ? { text: piece.pinyin, isHan: true }
      : { text: piece.origin, isHan: false },
  );
}

/**
 * Lowercase words of any script joined by `-`, at most 100 UTF-8 bytes: cut after the last whole word when
 * that keeps at least half the budget, else (one very long word) on a grapheme boundary.
 */
function toWordSlug(text: string): string {
  const words = text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWord(words, MAX_SLUG_BYTES);
}

function cutAtWord(words: string, maxBytes: number): string {
  const cut = truncateToBytes(words, maxBytes);
  if (cut === words) return cut;
  // The cut fell on a separator (`…-next`): every word kept is whole.
  if (words[cut.length] === '-') return cut.replace(/-+$/, '');
  const lastDash = cut.lastIndexOf('-');
  const whole = lastDash > 0 ? cut.slice(0, lastDash).replace(/-+$/, '') : '';
  return whole && countUtf8Bytes(whole) * 2 >= maxBytes ? whole : cut.replace(/-+$/, '');
}

/**
 * A slug for a title. `readable`: letters and digits of every script, lowercased, other runs → `-`
 * (Chinese punctuation included). `pinyin`: Chinese characters become toneless pinyin syllables joined by `-`
 * (pinyin-pro's context rules pick 重/行/长's reading); Latin and other scripts as in `readable`.
 * At most 100 UTF-8 bytes, no leading or trailing `-`; `fallback` when nothing is left.
 */
export function slugify(text: string, mode: SlugMode, fallback = 'post'): string {
  const normal = toWellFormed(text).normalize('NFKC');
  const source =
    mode === 'pinyin' && isPinyinText(normal)
      ? toPinyinPieces(normal)
          .map((piece) => piece.text)
          .join('-')
      : normal;
  return toWordSlug(source) || toWordSlug(fallback) || 'post';
}

/** Strips Latin diacritics (`Süddeutsche` → `suddeutsche`) and leaves other scripts' marks alone. */
function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđðłþı]/gu, (ch) => LATIN_FOLDS[ch] ?? ch);
}

/**
 * The default category for a site. Chinese names: toneless pinyin with no separators
 * (中国市场监管新闻网 → `zhongguoshichangjianguanxinwenwang`); Latin names: lowercase, diacritics stripped,
 * words joined by `-` (`Süddeutsche Zeitung` → `suddeutsche-zeitung`); mixed names: both, `-` between runs.
 * Other scripts keep their letters. `fallback` when nothing is left.
 */
export function siteSlug(name: string, fallback = 'site'): string {
  const normal = foldLatin(toWellFormed(name).normalize('NFKC').toLowerCase());
  if (!isPinyinText(normal)) return toWordSlug(normal) || toWordSlug(fallback) || 'site';
  let joined = '';
  let wasHan = false;
  for (const piece of toPinyinPieces(normal)) {
    joined += piece.isHan && wasHan ? piece.text : `-${piece.text}`;
    wasHan = piece.isHan;
  }
  return toWordSlug(foldLatin(joined)) || toWordSlug(fallback) || 'site';
}
