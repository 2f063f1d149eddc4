// Pure: how much text a string holds for an article check: CJK characters weigh more, whitespace nothing.
import { countCjk } from './cjk';

/** A CJK character carries about 2.5 times the meaning of a Latin one. */
export const CJK_WEIGHT = 2.5;

/** Article-sized text, measured in characters: CJK characters count CJK_WEIGHT each, whitespace nothing. */
export function measureText(text: string): number {
  // One scan counts the whitespace (what `\s` matches) instead of building a copy without it; the CJK count runs
  // only when a character at or above U+1100 (Hangul Jamo, the lowest CJK script) is there to count.
  let spaces = 0;
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) spaces++;
    } else if (isWideSpace(c)) spaces++;
    else if (c >= 0x1100) high = true;
  }
  const cjk = high ? countCjk(text) : 0;
  return text.length - spaces - cjk + cjk * CJK_WEIGHT;
}

/** The non-ASCII characters `\s` matches (Unicode Zs, the line and paragraph separators, and the BOM). */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
