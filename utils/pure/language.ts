// Pure: language tags as pages write them (`zh_CN`), a guess from the text's script, and right-to-left languages.
import { countMatches, normalizeSpace } from './page-text';

const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'ckb', 'dv', 'sd', 'ug']);
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LETTER = /\p{L}/gu;

/** `zh_CN` → `zh-CN`, `EN-us` → `en-US`; null for values that are not language tags. */
export function normalizeLang(value: string | null | undefined): string | null {
  const v = normalizeSpace(value).replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(v) || !isWellFormedTag(v)) return null;
  const [first, ...rest] = v.split('-');
  const parts = [(first ?? '').toLowerCase()];
  for (const part of rest) {
    if (/^[a-z]{2}$/i.test(part)) parts.push(part.toUpperCase());
    else if (/^[a-z]{4}$/i.test(part)) parts.push(part[0]?.toUpperCase() + part.slice(1).toLowerCase());
    else parts.push(part.toLowerCase());
  }
  return parts.join('-');
}

/**
 * BCP 47's own syntax, by the platform: a charset written as a language (`utf-8`, `iso-8859-1`) is refused. The
 * platform reads Unicode locale ids, which lack BCP 47's extended language subtag (`zh-cmn-Hans`): that one is
 * checked without it.
 */
function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag.replace(/^([a-z]{2,3})-[a-z]{3}(?=-|$)/i, '$1')).length === 1;
  } catch {
    return false;
  }
}

/** `zh` when the text is mostly Han characters, `ja` with kana, `ko` with Hangul; else null. */
export function guessLangFromText(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = countMatches(sample, LETTER);
  if (letters < 20) return null;
  const kana = countMatches(sample, KANA);
  const han = countMatches(sample, HAN);
  const hangul = countMatches(sample, HANGUL);
  if (kana / letters > 0.05 && (kana + han) / letters > 0.5) return 'ja';
  if (hangul / letters > 0.3) return 'ko';
  if (han / letters > 0.5) return 'zh';
  return null;
}

/** Whether a language (`ar`, `he-IL`, `fa`…) is written right to left. */
export function isRtlLanguage(lang: string): boolean {
  return RTL_LANGS.has(lang.split('-')[0] ?? '');
}
