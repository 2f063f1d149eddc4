// Pure: the text helpers behind the template filters: pinyin, slugs, truncation, Markdown-safe text and links, JSON.
import { pinyin } from 'pinyin-pro';
import { siteSlug, slugify } from './slug';
import type { SlugMode } from './slug';
import type { TemplateValue } from './template-values';
import { makeList, makeText, toText } from './template-values';

const SEGMENTER: Intl.Segmenter | null =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function toPinyin(source: string, separator: string): string {
  if (!/\p{Script=Han}/u.test(source)) return source;
  let out = '';
  let wasHan = false;
  for (const piece of pinyin(source, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })) {
    const isHan = piece.isZh && piece.pinyin !== '';
    out += isHan ? `${wasHan ? separator : ''}${piece.pinyin}` : piece.origin;
    wasHan = isHan;
  }
  return out;
}

/** A slug with no fallback: '' when nothing is left, so `default` can take over. */
export function toSlug(source: string, mode: string): string {
  if (mode === 'site') {
    const slug = siteSlug(source, '\u0000');
    return slug === 'site' && siteSlug(source, 'x') === 'x' ? '' : slug;
  }
  const slugMode: SlugMode = mode === 'pinyin' ? 'pinyin' : 'readable';
  const slug = slugify(source, slugMode, 'a');
  return slug === 'a' && slugify(source, slugMode, 'b') === 'b' ? '' : slug;
}

export function truncateText(source: string, max: number, suffix: string): string {
  const graphemes = SEGMENTER ? Array.from(SEGMENTER.segment(source), (s) => s.segment) : Array.from(source);
  if (graphemes.length <= max) return source;
  const room = Math.max(0, max - Array.from(suffix).length);
  return `${graphemes.slice(0, room).join('').trimEnd()}${suffix}`;
}

export function escapeLinkText(source: string): string {
  return source.replace(/[\\[\]]/g, (ch) => `\\${ch}`).replace(/\s+/gu, ' ');
}

export function toLinkTarget(url: string): string {
  // Markdown link destinations end at a space or `)` unless wrapped in <>; <> also needs < and > escaped.
  return /[\s()<>]/u.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

export function toJsonValue(value: TemplateValue): unknown {
  switch (value.kind) {
    case 'list':
      return value.items;
    case 'number':
      return Number.isFinite(value.value) ? value.value : null;
    case 'boolean':
      return value.value;
    case 'text':
    case 'date':
      return toText(value);
  }
}

/** Jekyll's rule for categories and tags: one word stays a string; text with spaces becomes a one-item list. */
export function toJekyllList(value: TemplateValue): TemplateValue {
  if (value.kind === 'list') {
    const only = value.items.length === 1 ? value.items[0] : undefined;
    return only !== undefined && !/\s/u.test(only) ? makeText(only) : value;
  }
  const single = toText(value);
  return single === '' || !/\s/u.test(single) ? makeText(single) : makeList([single]);
}

export const SLUG_MODES = new Set(['readable', 'pinyin', 'site']);
