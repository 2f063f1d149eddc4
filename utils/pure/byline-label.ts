// Pure: the parts of a Latin-script byline around its names: `[label] names [connector] [date]`, as in
// `Von Jörn Mecher am 08.12.2022`, `Autor: Petra Ruland`, `by Anton Shilov on June 29, 2017`, `Por Raúl Espina el
// 6 de mayo de 2022`. The label and the connector are words of the byline's language, never part of a name.

/**
 * Label words that stand before the names, per language, with or without a colon: English, German, Spanish and
 * Portuguese, French, Italian, Dutch, the Scandinavian languages, Polish, Greek, Croatian. Lower case; matched case-insensitively.
 */
const LABELS = [
  // en
  'by',
  'written by',
  'words by',
  'story by',
  'text by',
  'reporting by',
  'posted by',
  'author',
  'authors',
  // de
  'von',
  'text',
  'text von',
  'autor',
  'autorin',
  'autoren',
  'artikel von',
  'ein beitrag von',
  'beitrag von',
  'about the author',
  'verfasst von',
  'geschrieben von',
  'veröffentlicht von',
  'publiziert von',
  'gepostet von',
  // es, pt
  'por',
  'escrito por',
  'publicado por',
  'texto',
  'texto de',
  'autora',
  'autores',
  // fr
  'par',
  'auteur',
  'auteure',
  'auteurs',
  'texte',
  'écrit par',
  'publié par',
  // it
  'di',
  'autore',
  'autrice',
  'testo',
  'testo di',
  'scritto da',
  'pubblicato da',
  'a cura di',
  // nl
  'door',
  'tekst',
  'geschreven door',
  // sv, no, da
  'av',
  'af',
  'skrevet af',
  'skrevet av',
  'författare',
  'forfatter',
  // pl
  'przez',
  // el, hr/bs/sr ("writes"), ru
  'γράφει',
  'piše',
  'автор',
];
/**
 * Labels that are also name particles (`Ursula von der Leyen`, `Luca di Montezemolo`): without a colon they are
 * taken for a label only before a name of two words or more.
 */
const PARTICLES = new Set(['von', 'de', 'di', 'da', 'av', 'af', 'door']);
const LABEL_WORDS = [...LABELS].sort((a, b) => b.length - a.length).join('|');
/**
 * A label word at the start, alone or joined to another credit word before a colon (`Text und Interview:`,
 * `Text & Fotos:`). What follows is read apart: a case-insensitive `\p{Lu}` would match any letter.
 */
const LEADING_LABEL = new RegExp(
  `^(${LABEL_WORDS})(?:\\s+(?:und|and|&|y|et|e|/)\\s+\\p{L}+(?=\\s*[:：]))?(?=[\\s:：])`,
  'iu',
);
/** The particles of a name (`van`, `von der`, `de la`), lower case. */
const NAME_PARTICLES = 'van|von|der|den|de|da|del|la|le|di|du|zu|ten|ter|dos|das';
/** A name word: capitalised, or a particle of a name. */
const NAME_WORD = new RegExp(`^(?:\\p{Lu}[\\p{L}'’.-]*|${NAME_PARTICLES})$`, 'u');
/** A particle in any case: `Von Der Leyen` capitalises it, yet `Der` begins no name. */
const PARTICLE_WORD = new RegExp(`^(?:${NAME_PARTICLES})$`, 'iu');

/**
 * Words that join the names to a date after them: `on` (en), `am`/`um`/`vom` (de), `el` (es), `le` (fr), `il` (it),
 * `em` (pt), `op` (nl), `den`/`på` (sv, no, da), `dnia` (pl), `at` (a time).
 */
const CONNECTORS = new Set([
  'on',
  'am',
  'um',
  'vom',
  'el',
  'le',
  'il',
  'em',
  'op',
  'den',
  'på',
  'dnia',
  'at',
]);
/** Connectors a capitalised template may print (`By Jane Doe On 12 May`); `Le`, `El`, `Em` are also names. */
const CAPITALISED_CONNECTORS = new Set(['on', 'am', 'um', 'vom', 'op']);

/** A date in a Romance language (`6 de mayo de 2022`, `12 de março de 2021`), where the names end. */
const ROMANCE_DATE = /\s+\d{1,2}\s+de\s+\p{L}{3,}\.?(?:\s+(?:de|del)\s+|,?\s+)(?:19|20)\d{2}\b.*$/iu;

/** Whether `rest` starts with a name of at least `words` words, led by a word that is no particle. */
function startsWithName(rest: string, words: number): boolean {
  const parts = rest.trim().split(/\s+/u);
  const first = parts[0] ?? '';
  if (!/^\p{Lu}/u.test(first) || PARTICLE_WORD.test(first)) return false;
  let n = 0;
  for (const p of parts) {
    if (!NAME_WORD.test(p.replace(/[,;]$/u, ''))) break;
    n += 1;
    if (/[,;]$/u.test(p)) break;
  }
  return n >= words;
}

/**
 * Particles that begin no capitalised surname alone, unlike `Di Maio`, `De Luca`, `Da Silva`: before a connector and a
 * date (`Von Anna am 08.12.2022`) they are a label even before a one-word name.
 */
const LABEL_ONLY_PARTICLES = new Set(['von', 'av', 'af', 'door']);

/**
 * `Von Jörn Mecher` → `Jörn Mecher`, `Autor: Petra Ruland` → `Petra Ruland`; anything else unchanged. With
 * `beforeDate` (a connector and a date followed the names) `Von Anna` → `Anna`.
 */
export function stripLeadingLabel(value: string, beforeDate = false): string {
  const m = LEADING_LABEL.exec(value);
  if (!m) return value;
  const label = (m[1] ?? '').toLowerCase();
  const after = value.slice(m[0].length);
  const colon = /^\s*[:：]\s*/u.exec(after);
  // Without a colon the label stands before a capitalised name: `von Julia Kern`, not `text messages`.
  if (!colon && !/^\s+\p{Lu}/u.test(after)) return value;
  const rest = after.slice(colon ? colon[0].length : 0).trim();
  if (!rest) return value;
  // `Von der Leyen`, `Von Der Leyen`, `Di Maio`: a particle before another particle or a single name is part of the
  // name.
  const words = beforeDate && LABEL_ONLY_PARTICLES.has(label) ? 1 : 2;
  if (PARTICLES.has(label) && !colon && !startsWithName(rest, words)) return value;
  return rest;
}

/** A date's label with no date (`Veröffentlicht am`, `Published on`), as a byline slot may hold it. */
const DATE_LABEL =
  /^(?:published|posted|updated|veröffentlicht|publiziert|aktualisiert|erschienen|publicado|actualizado|atualizado|publié|mis à jour|pubblicato|aggiornato|gepubliceerd|geplaatst|bijgewerkt|publicerad|opublikowano)(?:\s+(?:on|am|um|el|em|le|il|op|den|at))?\s*:?$/iu;

/** Whether `value` is a label alone (`Autor`, `Von`, `Veröffentlicht am`): the names were left out. */
export function isLabelWord(value: string): boolean {
  const v = value.trim();
  return LABELS.includes(v.toLowerCase()) || DATE_LABEL.test(v);
}

/** Whether `value` begins with a byline label and a name: `Artikel von: Jessie`, `By Jane Doe`. */
export function hasLeadingLabel(value: string): boolean {
  const stripped = stripLeadingLabel(value.trim());
  return stripped !== value.trim() && /^\p{Lu}/u.test(stripped);
}

/**
 * Drops the connector left at the end of the names once the date after it is cut: `Anton Shilov on` → `Anton
 * Shilov`. With `dateCut` false (no date was cut right after it, see `dateCutAfter`) only a lower-case connector is
 * dropped: `Vivian Le` keeps `Le`, `Dahye Um | May 3` keeps `Um`.
 */
export function stripTrailingConnector(value: string, dateCut: boolean): string {
  const m = /^(.*\S)\s+(\p{L}+)$/u.exec(value.trim());
  const word = m?.[2] ?? '';
  const lower = word.toLowerCase();
  if (!m || !CONNECTORS.has(lower)) return value;
  const allowed = word === lower || (dateCut && CAPITALISED_CONNECTORS.has(lower));
  return allowed ? (m[1] ?? value) : value;
}

/**
 * Whether what was cut from `original` to leave `cut` is a date right after the last word (`Jane Doe On 12 May
 * 2021`), not a separator before one (`Dahye Um | May 3, 2021`, `Hoa Am, 12.05.2022`): only then is a capitalised
 * connector at the end a connector rather than a name.
 */
export function dateCutAfter(original: string, cut: string): boolean {
  if (cut === original || !original.startsWith(cut)) return false;
  return DATE_START.test(original.slice(cut.length));
}

/**
 * A date label glued to the last name, as a line read from inline elements with no space between them gives it
 * (`Carolyn SaidUpdated April 25, 2016`): a lower-case letter then the capitalised label.
 */
const GLUED_DATE_LABEL =
  /(?<=\p{Ll})(?:Updated|Published|Posted|Aktualisiert|Veröffentlicht|Actualizado|Publicado|Atualizado|Aggiornato)\b.*$/u;

const WEEKDAYS =
  '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
/** A month's name in en, de, es, fr, it: its first letters, as a date spells it after the weekday. */
const MONTH_START =
  '(?:jan|feb|mär|mar|apr|may|mai|jun|jul|aug|ago|aoû|sep|set|oct|okt|ott|nov|dec|dez|dic|déc)\\p{L}*\\.?';
/**
 * A date that begins with its weekday (`on Monday, November 18th, 2019 at 11:08 a.m.`), in en, de, es, fr. The
 * weekday counts only with the day or the month right after it (`Sunday Okafor`, `Max Sonntag am 12.05.2022` are
 * names), and after a connector, a separator or at the start; after a bare space only before a spelled month
 * (`Jane Doe Freitag, 3. Mai 2024`), as `Plácido Domingo, 12/05/2022` is a name before a date.
 */
const WEEKDAY_DATE = new RegExp(
  `(?:(?:^|\\s*[,|｜•·]\\s*|\\s+[-–—]\\s+|\\s+(?:on|am|el|le)\\s+)${WEEKDAYS},?\\s+(?:\\d{1,2}\\b|${MONTH_START},?\\s+\\d)|\\s+${WEEKDAYS},?\\s+(?:\\d{1,2}\\.?\\s+(?:de\\s+)?${MONTH_START}|${MONTH_START},?\\s+\\d)).*$`,
  'iu',
);

/** A date's first word right after a space: a day, a month or a weekday. */
const DATE_START = new RegExp(`^\\s+(?:\\d|${MONTH_START}(?!\\p{L})|${WEEKDAYS}\\b)`, 'iu');

/**
 * The date after the names cut, where the general tail misses it: a Romance date (`Raúl Espina el 6 de mayo de
 * 2022` → `Raúl Espina el`) or one behind a glued label (`Carolyn SaidUpdated …` → `Carolyn Said`).
 */
export function cutDateTail(value: string): string {
  return value.replace(ROMANCE_DATE, '').replace(GLUED_DATE_LABEL, '').replace(WEEKDAY_DATE, '');
}

/** A lone connector or weekday (`El`, `Am`, `Domingo,`) or nothing: what is left of a line that began with its date. */
const LONE_DATE_WORD = new RegExp(`^(?:(?:${[...CONNECTORS].join('|')}|${WEEKDAYS})[\\s,]*)?$`, 'iu');
/** Where a label may start inside a line: a label word after a space. */
const INNER_LABEL = new RegExp(`\\s(?=(?:${LABEL_WORDS})[\\s:：])`, 'giu');

/**
 * A line that begins with its date (`El 6 de mayo de 2022 por Raúl Espina`, `Am 12.05.2022 von Jan Müller`): once
 * the date is cut only a connector or a weekday is left of `cut`. Then the names are the labelled part after the date
 * (`por Raúl Espina`), or there are none (`Domingo, 6 de mayo de 2022`): `{ names }` with null for none. Null when
 * `cut` holds more than that word.
 */
export function namesAfterLeadingDate(original: string, cut: string): { names: string | null } | null {
  if (cut === original || !original.startsWith(cut) || !LONE_DATE_WORD.test(cut.trim())) return null;
  const tail = original.slice(cut.length);
  let names: string | null = null;
  for (const m of tail.matchAll(INNER_LABEL)) {
    const part = tail.slice(m.index + m[0].length);
    if (hasLeadingLabel(part)) names = part;
  }
  return { names };
}

/** A line that is only a date, as a Romance-language byline slot may hold: `6 de mayo de 2022 05:30`. */
export function isRomanceDateLine(value: string): boolean {
  return /^\d{1,2}\s+de\s+\p{L}{3,}\.?(?:\s+(?:de|del)\s+|,?\s+)(?:19|20)\d{2}\b/iu.test(value.trim());
}

/**
 * Whether the first part of a byline is a person's name (`Jane Doe`), which a later labelled part (`Posted by
 * Editorial Team`) does not replace: two to four name words, none of which stands alone as another part, as an
 * outlet does below a role (`Gründerin Journelles` / `Journelles`).
 */
function isNameLine(first: string, parts: readonly string[]): boolean {
  const words = first.split(/\s+/u);
  if (words.length < 2 || words.length > 4 || !words.every((w) => NAME_WORD.test(w))) return false;
  const others = new Set(parts.slice(1).map((p) => p.toLowerCase()));
  return !words.some((w) => others.has(w.toLowerCase()));
}

/**
 * The part of a byline that a label introduces, when other parts come first: an author box read as
 * `Gründerin Journelles` / `Journelles` / `Artikel von: Jessie` gives `Artikel von: Jessie`. Parts are the lines of
 * `raw` or its ` | `-separated pieces. A label set off by a dash (`About the Author - Jane Doe`) gives the names.
 * When the first part is a name (`Jane Doe` / `Posted by Editorial Team`), that name. Null when no later part is
 * labelled.
 */
export function labelledPart(raw: string): string | null {
  // `About the Author - <span>Florina Ionescu</span>`: a label set off by a dash, which elsewhere ends the names.
  const dashed = /^([^\n]+?)\s+[-–—]\s+(\p{Lu}[^\n]*)$/u.exec(raw.trim());
  if (dashed && isLabelWord(dashed[1] ?? '')) return dashed[2] ?? null;
  const parts = raw
    .split(/\n|\s[|｜]\s/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || hasLeadingLabel(parts[0] ?? '')) return null;
  const at = parts.findIndex((p) => hasLeadingLabel(p));
  if (at <= 0) return null;
  // `Jane Doe` / `Reporting by John Roe`: the writer named first keeps the credit; the line after is another role.
  return isNameLine(parts[0] ?? '', parts) ? (parts[0] ?? null) : (parts[at] ?? null);
}

/** Quotes a CMS wrapped the whole value in: `'Luana Patriolino, Raphael Felice'` → the names. */
export function stripWrappingQuotes(value: string): string {
  // Straight quotes only: typographic ones are typeset by a writer (a podcast's title `‘Sway’`).
  const m = /^(['"])(.+)(['"])$/u.exec(value.trim());
  if (!m) return value;
  const inner = m[2] ?? '';
  // `"Tiger" Woods` is not wrapped: the quotes must pair and enclose no other quote of the same kind.
  return m[1] === m[3] && !inner.includes(m[1] ?? '') ? inner.trim() : value;
}

/** `Williams Perdomo @wperdomod` → `Williams Perdomo`: a social handle beside a name is how to find them, not who. */
export function dropHandles(value: string): string {
  const without = value
    .replace(/(?:^|\s)[(（]?@[\w.]{2,30}[)）]?(?=\s|,|$)/gu, ' ')
    .replace(/\s+(?=,)/gu, '')
    .replace(/\s{2,}/gu, ' ')
    .trim();
  return /\p{L}/u.test(without) ? without : value;
}

/** The initials of a name: `Tina Klostermeier` → `TK`. */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0] ?? '')
    .join('');
}

/** `Tina Klostermeier,TK` → `Tina Klostermeier`: an editor's sign-off with their own initials repeats the name. */
export function dropInitialsParts(value: string): string {
  const parts = value.split(/\s*,\s*/u);
  if (parts.length < 2) return value;
  const kept = parts.filter(
    (p, i) => !(/^\p{Lu}{2,3}$/u.test(p) && parts.some((other, j) => j !== i && initialsOf(other) === p)),
  );
  return kept.length === parts.length ? value : kept.join(', ');
}

/**
 * A CMS login or URL slug in a name's place: one lower-case token, with dots, dashes or underscores at most
 * (`edilson.la.rosa`, `arianschlichenmayer`). Another source that spells the same letters as a name is better.
 */
export function isLoginLike(value: string): boolean {
  return /^[\p{Ll}\d]+(?:[._-][\p{Ll}\d]+)*$/u.test(value) && /\p{Ll}{3}/u.test(value);
}

/** The names of a Latin byline, case-folded: split at commas, semicolons, `&` and the word for "and". */
function nameKeys(byline: string): string[] {
  return byline
    .split(/\s*[,;&]\s*|\s+(?:and|und|y|e|et|en|og|och)\s+/iu)
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Another source's list that holds every name of `value` and more (`Darian Woods` from the byline element,
 * `Darian Woods, Sarah Gonzalez` from JSON-LD): the fuller credit of the same writers. Null when none does.
 */
export function fullerNameList(value: string, others: readonly (string | null)[]): string | null {
  const mine = nameKeys(value);
  if (!mine.length) return null;
  for (const other of others) {
    if (!other) continue;
    const theirs = nameKeys(other);
    if (theirs.length > mine.length && theirs.length <= 6 && mine.every((n) => theirs.includes(n)))
      return other;
  }
  return null;
}
