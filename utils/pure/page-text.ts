// Pure: the small string helpers every metadata reader shares: whitespace, entities, comparison keys, counts.

const HAN = /\p{Script=Han}/gu;

/** Whitespace the collapse would change: any but a plain space, or two spaces in a row. */
const UNNORMAL_SPACE = /[^\S ]| {2}/;

/** Collapses runs of whitespace (incl. NBSP and ideographic space) to one space and trims. */
export function normalizeSpace(value: string | null | undefined): string {
  const text = value ?? '';
  // Most text has single plain spaces only: a scan without a match is far cheaper than a replace of every space.
  return UNNORMAL_SPACE.test(text) ? text.replace(/[\s\u00a0\u3000]+/g, ' ').trim() : text.trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Letters HTML names apart from a base letter and a mark (`&oslash;`, `&szlig;`); case-sensitive. */
const LETTERS: Record<string, string> = { oslash: 'ø', Oslash: 'Ø', szlig: 'ß', aelig: 'æ', AElig: 'Æ' };
/** Diacritics by the names HTML gives their entities (`&oacute;` = o + acute), as combining marks. */
const MARKS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c',
};

/** `oacute` → `ó`: the letter with its mark, composed; undefined when Unicode has no such letter (`qacute`). */
function accented(code: string): string | undefined {
  const m = /^([A-Za-z])(acute|grave|circ|tilde|uml|ring|cedil|caron)$/u.exec(code);
  if (!m) return undefined;
  const composed = `${m[1] ?? ''}${MARKS[m[2] ?? ''] ?? ''}`.normalize('NFC');
  return composed.length === 1 ? composed : undefined;
}

/**
 * JSON-LD strings often carry HTML entities (`&amp;`, `&#8217;`), and CMSs leave accented letters as named ones
 * (`Redacci&oacute;n`, `J&oslash;rgen`).
 */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? LETTERS[code] ?? accented(code) ?? whole;
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

/** About this long: a title made from the article's first sentence. */
export const SENTENCE_TITLE_CHARS = 80;

/**
 * The first sentence of a text, for a page with no title: up to its end mark (`.` `!` `?` `。` `！` `？`), cut at
 * about `max` characters at a word boundary (Latin) or a character (CJK), with `…` when cut. Empty for empty text.
 */
export function firstSentence(text: string, max = SENTENCE_TITLE_CHARS): string {
  const line = normalizeSpace(text.split(/\n/).find((l) => l.trim()) ?? '').replace(/^[\u3000\s]+/u, '');
  if (!line) return '';
  const end = /[。！？!?]|\.(?=\s|$)/u.exec(line);
  const sentence = end ? line.slice(0, end.index + end[0].length) : line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // A Latin sentence breaks at its last space; CJK text has none and breaks between characters.
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,，、;；:：]+$/u, '')}…`;
}

/**
 * The first `count` lines of `text` that are not blank, whitespace normalised: what `text.split('\n')` mapped
 * through normalizeSpace, blanks dropped, then sliced would give, without touching the rest of a long text.
 */
export function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < count && start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = normalizeSpace(text.slice(start, end < 0 ? text.length : end));
    if (line) out.push(line);
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

/** The last `count` non-blank lines of `text`, normalised, in order; reads only the end of a long text. */
export function lastLines(text: string, count: number): string[] {
  const out: string[] = [];
  let end = text.length;
  while (out.length < count && end >= 0) {
    // lastIndexOf clamps a negative start to 0: at the very beginning there is no earlier newline to find.
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
    const line = normalizeSpace(text.slice(start + 1, end));
    if (line) out.unshift(line);
    if (start < 0) break;
    end = start;
  }
  return out;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
