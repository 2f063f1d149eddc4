// Pure: the small string helpers every metadata reader shares: whitespace, entities, comparison keys, counts.

const HAN = /\p{Script=Han}/gu;

/** Collapses runs of whitespace (incl. NBSP and ideographic space) to one space and trims. */
export function normalizeSpace(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD strings often carry HTML entities (`&amp;`, `&#8217;`). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Entities decoded and whitespace collapsed: the form every metadata value is compared and shown in. */
export function clean(value: string | null | undefined): string {
  return normalizeSpace(decodeEntities(value ?? ''));
}

/** Lower-cased letters and digits only: `The New York Times` → `thenewyorktimes`. */
export function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** How many times `re` (a global regex) matches in `text`. */
export function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Han characters only (not kana or Hangul): Chinese names and site names are measured in them. */
export function countHan(text: string): number {
  return countMatches(text, HAN);
}

/** `http://…`, `//…` or `www.…`: a link, not a name. */
export function isUrlLike(value: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) || /^www\./i.test(value);
}

/** Splits on `, ，、;；|` and trims. */
export function splitKeywords(value: string): string[] {
  return value
    .split(/[,，、;；|｜]/u)
    .map((k) => normalizeSpace(k))
    .filter(Boolean);
}
