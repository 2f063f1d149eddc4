// Pure: how much text a string holds for an article check: CJK characters weigh more, whitespace nothing.
import { countCjk } from './cjk';

/** A CJK character carries about 2.5 times the meaning of a Latin one. */
export const CJK_WEIGHT = 2.5;

/** Article-sized text, measured in characters: CJK characters count CJK_WEIGHT each, whitespace nothing. */
export function measureText(text: string): number {
  const compactText = text.replace(/\s+/g, '');
  const cjk = countCjk(compactText);
  return compactText.length - cjk + cjk * CJK_WEIGHT;
}
