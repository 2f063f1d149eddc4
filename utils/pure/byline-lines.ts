// Pure: byline lines as European pages set them in the body, one name or several per line: `By Jane Doe`,
// `Von Jana Keller` / `und Tobias Brandt`, `Par Marie Dupont et Luc Martin`. The word for "by" and "and" in a few
// languages is one signal; the rest of the line must be capitalised names and nothing else.

/** "by" in English, German, French, Spanish/Portuguese, Italian, Dutch, the Scandinavian languages, Polish. */
const BY_WORD =
  /^(?:(?:written|words|story|text|reporting)\s+by|by|von|par|por|di|door|av|af|przez|från)\s+/iu;
/** "and" between names, and `&`. */
const AND_WORD = /^(?:and|und|et|y|e|en|og|och|i|oraz|&)\s+/iu;
const SPLIT_NAMES = /\s*(?:,|\s&\s|\s(?:and|und|et|y|e|en|og|och|i|oraz)\s)\s*/iu;
/** A name: one to four capitalised words, with the particles names carry (`van der`, `de la`). */
const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|del|la|le|di|du|zu|ten|ter)\s+)*\p{Lu}[\p{L}'’.-]*){0,3}$/u;
const MAX_LINE_CHARS = 120;

function readNames(rest: string): string[] {
  const names = rest
    .trim()
    .split(SPLIT_NAMES)
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.length <= 4 && names.every((n) => NAME.test(n)) ? names : [];
}

/** `Von Jana Keller`, `By Jane Doe and John Roe` → the names; [] for anything else. */
export function readByLine(line: string): string[] {
  const text = line.trim();
  const by = BY_WORD.exec(text);
  if (!by || text.length > MAX_LINE_CHARS) return [];
  return readNames(text.slice(by[0].length));
}

/** `und Tobias Brandt`, the line after a by-line → the names; [] for anything else. */
export function readAndLine(line: string): string[] {
  const text = line.trim();
  const and = AND_WORD.exec(text);
  if (!and || text.length > MAX_LINE_CHARS) return [];
  return readNames(text.slice(and[0].length));
}

/**
 * The names of the first by-line among `lines` and the `und …` lines right after it, with where they are; null
 * when no line is a by-line.
 */
export function findByLines(
  lines: readonly string[],
): { names: string[]; start: number; end: number } | null {
  for (let i = 0; i < lines.length; i += 1) {
    const names = readByLine(lines[i] ?? '');
    if (!names.length) continue;
    let end = i + 1;
    for (let more = readAndLine(lines[end] ?? ''); more.length; more = readAndLine(lines[end] ?? '')) {
      for (const n of more) if (!names.includes(n)) names.push(n);
      end += 1;
    }
    return { names, start: i, end };
  }
  return null;
}
