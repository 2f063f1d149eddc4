// Fuzz properties shared by tests/unit/fuzz-properties.test.ts (a few hundred runs in `npm test`) and tests/bench/fuzz.ts
// (10,000+ runs each): one definition, so the quick run and the benchmark check exactly the same claims.
import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { parse as parseToml } from 'smol-toml';
import { Scalar, parse as parseYaml, parseDocument, visit } from 'yaml';
import { htmlToMarkdown } from '../../utils/dom/markdown';
import { findArticleDates } from '../../utils/dom/published-date';
import { findScriptDates } from '../../utils/dom/script-dates';
import { findDatesAgainstReference } from '../../utils/pure/date-against-reference';
import { findDatesInText, parseDateString } from '../../utils/pure/date-parse';
import { findDayFirstDates, findDayFirstShortYearDates } from '../../utils/pure/date-order';
import {
  MAX_NAME_BYTES,
  MAX_SLUG_BYTES,
  countUtf8Bytes,
  safeArchivePath,
  toPostFilename,
  uniqueFilenames,
} from '../../utils/pure/filename';
import type { FrontMatterField, FrontMatterValue } from '../../utils/pure/front-matter';
import { buildFrontMatter, toWellFormed } from '../../utils/pure/front-matter';
import { siteSlug, slugify } from '../../utils/pure/slug';
import type { DateParts, MarkdownStyle, Post } from '../../utils/pure/types';
import { buildZip, postsToZipFiles } from '../../utils/pure/zip';

export interface FuzzProperty {
  name: string;
  /** Runs the property; never throws, the details say whether (and on what) it failed. */
  check: (params: fc.Parameters<unknown>) => fc.RunDetails<unknown>;
}

function define<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>): FuzzProperty {
  return {
    name,
    check: (params) => fc.check(property, params as fc.Parameters<Ts>) as unknown as fc.RunDetails<unknown>,
  };
}

/** Throws with a readable message: fast-check prints it with the counterexample. */
function demand(isTrue: boolean, message: string): asserts isTrue {
  if (!isTrue) throw new Error(message);
}

// ------------------------------------------------------------------------------------------------
// Hostile text: pieces that have broken writers before, mixed with arbitrary code units.

const HOSTILE_PIECES = [
  '\n',
  '\r\n',
  '\r',
  '---',
  '\n---\n',
  '...',
  '\n...\n',
  'key: value',
  '\nlayout: evil',
  ': ',
  ' #',
  '#',
  '- ',
  '"',
  "'",
  '\\',
  '`',
  '{',
  '}',
  '[',
  ']',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '?',
  ',',
  'yes',
  'no',
  'on',
  'null',
  '~',
  'true',
  '1',
  '0x1F',
  '1e3',
  '.inf',
  '2022-02-17',
  '2022-02-17 09:00:40 +0800',
  '\t',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFE',
  '\u202E',
  '\uD800',
  '\uDC00',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  'é',
  'É',
  'ς',
  'σ',
  'Σ',
  'ı',
  'I',
  'ſ',
  'K',
  'ß',
  '中国新闻',
  '，',
  '。',
  'مرحبا',
  '..',
  '/',
  '../',
  '..\\',
  'C:',
  'c:\\',
  '/etc/passwd',
  'CON',
  'con.md',
  'nul',
  'LPT1',
  'COM¹',
  '.',
  ' ',
  '.md',
  '__proto__',
  'constructor',
  'x'.repeat(60),
  '长'.repeat(40),
];

const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Text built from hostile pieces and arbitrary characters (lone surrogates included). */
export const hostileText = (maxLength = 24): fc.Arbitrary<string> =>
  fc.string({ unit: hostileUnit, maxLength });

// ------------------------------------------------------------------------------------------------
// 1. Front matter

const KEY = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,11}$/);

const DATE_TEXT = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2099 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.constantFrom('', ' +0800', ' -0500', ' +0000'),
    )
    .map(([y, mo, d, h, mi, zone]) => {
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:00${zone}`;
    }),
  fc.constantFrom('2022-02-17', '2022-02-17T09:00:40+08:00', '2022-02-17T09:00:40Z'),
  hostileText(),
);

const FRONT_MATTER_VALUE: fc.Arbitrary<FrontMatterValue> = fc.oneof(
  { weight: 5, arbitrary: hostileText(40) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.array(hostileText(16), { maxLength: 5 }) },
  { weight: 1, arbitrary: DATE_TEXT.map((text): FrontMatterValue => ({ kind: 'date', text })) },
);

const FRONT_MATTER_FIELDS: fc.Arbitrary<FrontMatterField[]> = fc.uniqueArray(
  fc.record({
    key: KEY,
    value: FRONT_MATTER_VALUE,
    quote: fc.constantFrom<'auto' | 'always'>('auto', 'always'),
  }),
  { selector: (field) => field.key, maxLength: 8 },
);

/** What a reader must get back: the value with lone surrogates replaced; a non-finite number as text. */
function expectedValue(value: FrontMatterValue): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toWellFormed);
  return toWellFormed(value.text);
}

/** Deep equality where a number must be the same number (`0` and `-0` count as equal: no reader keeps the sign). */
function isSameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && actual === expected;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => isSameValue(actual[i], item))
    );
  }
  return actual === expected;
}

// Plain scalars YAML 1.1 readers resolve to booleans or null (Psych: yes/no/true/false/on/off/null/~; y/n by spec).
const YAML_11_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;

/** The front matter block's body, checked the way Jekyll finds it: the first `---`/`...` line closes it. */
function readBlockBody(text: string, fence: string): string {
  demand(text.startsWith(`${fence}\n`), `block does not open with ${fence}`);
  const lines = text.split('\n');
  demand(lines[lines.length - 1] === '', 'block does not end with a newline');
  const closeIndex = lines.findIndex(
    (line, i) => i > 0 && (line === fence || /^(?:---|\.\.\.)\s*$/.test(line)),
  );
  demand(closeIndex === lines.length - 2, `a value closes the block early, at line ${closeIndex + 1}`);
  demand(lines[closeIndex] === fence, `block closes with ${JSON.stringify(lines[closeIndex])}`);
  return lines.slice(1, closeIndex).join('\n');
}

function checkParsedMap(
  parsed: unknown,
  fields: FrontMatterField[],
  reader: string,
): Record<string, unknown> {
  const map = (parsed ?? {}) as Record<string, unknown>;
  demand(typeof map === 'object' && !Array.isArray(map), `${reader}: not a map`);
  const keys = Object.keys(map);
  const wanted = fields.map((field) => field.key);
  demand(
    keys.length === wanted.length && wanted.every((key, i) => keys[i] === key),
    `${reader}: keys ${JSON.stringify(keys)} instead of ${JSON.stringify(wanted)}`,
  );
  return map;
}

const frontMatterYaml = define(
  'front matter (YAML): round-trips exactly, no value closes the block or adds a key',
  fc.property(FRONT_MATTER_FIELDS, (fields) => {
    const text = buildFrontMatter(fields);
    const body = readBlockBody(text, '---');
    const map = checkParsedMap(parseYaml(body, { uniqueKeys: true }), fields, 'YAML 1.2');
    for (const field of fields) {
      const expected = expectedValue(field.value);
      demand(
        isSameValue(map[field.key], expected),
        `YAML 1.2: ${field.key} = ${JSON.stringify(map[field.key])}, wanted ${JSON.stringify(expected)}`,
      );
    }
    // Jekyll reads YAML 1.1 (Psych): a plain `on`, `yes`, `null`… there is a boolean or null, not the string
    // (or key) we wrote. Psych resolves a plain scalar that starts with a letter only to those words.
    visit(parseDocument(body), {
      Scalar: (_key, node) => {
        const source = node.source ?? '';
        demand(
          node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !YAML_11_WORDS.test(source),
          `YAML 1.1 reads plain ${JSON.stringify(source)} as a boolean or null`,
        );
      },
    });
  }),
);

const frontMatterToml = define(
  'front matter (TOML): round-trips, no value closes the block or adds a key',
  fc.property(FRONT_MATTER_FIELDS, (fields) => {
    const text = buildFrontMatter(fields, 'toml');
    const body = readBlockBody(text, '+++');
    const table = checkParsedMap(parseToml(body), fields, 'TOML');
    for (const field of fields) {
      if (typeof field.value === 'object' && !Array.isArray(field.value)) continue; // dates become TomlDate
      const expected = expectedValue(field.value);
      demand(
        isSameValue(table[field.key], expected),
        `TOML: ${field.key} = ${JSON.stringify(table[field.key])}, wanted ${JSON.stringify(expected)}`,
      );
    }
  }),
);

// ------------------------------------------------------------------------------------------------
// 2. File names and zip paths

const UNSAFE_CHARS = /[<>:"\\|?*\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const RESERVED_BASE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Why a single path segment is unsafe on some OS, or null when it is fine. */
function findSegmentProblem(segment: string): string | null {
  if (segment === '') return 'empty segment';
  if (segment === '.' || segment === '..') return `dot segment ${segment}`;
  if (UNSAFE_CHARS.test(segment)) return 'forbidden or control character';
  if (/^[.\s]|[.\s]$/u.test(segment)) return 'leading or trailing dot or space';
  if (RESERVED_BASE.test((segment.split('.')[0] ?? '').trimEnd())) return 'reserved Windows name';
  if (countUtf8Bytes(segment) > MAX_NAME_BYTES) return `longer than ${MAX_NAME_BYTES} bytes`;
  if (segment !== toWellFormed(segment)) return 'lone surrogate';
  return null;
}

export function demandSafePath(path: string): void {
  demand(!path.startsWith('/'), `absolute path ${JSON.stringify(path)}`);
  demand(!/^[A-Za-z]:/.test(path), `drive letter in ${JSON.stringify(path)}`);
  demand(!path.includes('\\'), `backslash in ${JSON.stringify(path)}`);
  for (const segment of path.split('/')) {
    const problem = findSegmentProblem(segment);
    demand(problem === null, `${problem ?? ''} in ${JSON.stringify(path)}`);
  }
}

/**
 * The name a case-insensitive disk compares: NFC, then per-code-point case folding through upper case when
 * that is one code point (so `ς`/`σ`, `ı`/`i`, `ſ`/`s` meet, as NTFS's upcase table makes them) and lower case.
 */
function toDiskKey(name: string): string {
  let key = '';
  for (const ch of name.normalize('NFC')) {
    const upper = ch.toUpperCase();
    key += Array.from(upper).length === 1 ? upper.toLowerCase() : ch.toLowerCase();
  }
  return key.normalize('NFC');
}

export function demandUnique(names: string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = toDiskKey(name);
    const earlier = seen.get(key);
    demand(earlier === undefined, `${JSON.stringify(name)} collides with ${JSON.stringify(earlier)}`);
    seen.set(key, name);
  }
}

const DAY = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const postFilename = define(
  'post file names: safe, date-prefixed, slug ≤ 100 bytes, name ≤ 255 bytes',
  fc.property(DAY, hostileText(80), (day, slug) => {
    const name = toPostFilename(day, slug);
    demandSafePath(name);
    demand(!name.includes('/'), `a slash in ${JSON.stringify(name)}`);
    demand(name.startsWith(`${day}-`) && name.endsWith('.md'), `not DAY-slug.md: ${JSON.stringify(name)}`);
    const slugPart = name.slice(day.length + 1, -'.md'.length);
    demand(countUtf8Bytes(slugPart) <= MAX_SLUG_BYTES, `slug of ${countUtf8Bytes(slugPart)} bytes`);
    demand(slugPart !== '', 'empty slug');
  }),
);

const archivePath = define(
  'archive paths: cannot escape the folder (.., absolute, drive, backslash, NUL, reserved names)',
  fc.property(hostileText(30), hostileText(60), (folder, name) => {
    const path = safeArchivePath(folder, name);
    demandSafePath(path);
    // The name is exactly one segment after the folder's own.
    const inFolder = safeArchivePath(folder, 'x.md');
    const prefix = inFolder.slice(0, inFolder.length - 'x.md'.length);
    demand(path.startsWith(prefix), `${JSON.stringify(path)} left its folder ${JSON.stringify(prefix)}`);
    demand(!path.slice(prefix.length).includes('/'), `name became several segments: ${JSON.stringify(path)}`);
  }),
);

// Few distinct names, varied by case and normalisation, so duplicates are the rule.
const CLASHING_NAME = fc.oneof(
  fc.constantFrom(
    '2024-01-01-news.md',
    '2024-01-01-NEWS.md',
    '2024-01-01-news-2.md',
    '2024-01-01-café.md',
    '2024-01-01-cafe\u0301.md',
    '2024-01-01-σ.md',
    '2024-01-01-ς.md',
    '2024-01-01-ı.md',
    '2024-01-01-i.md',
    `2024-01-01-${'长'.repeat(33)}.md`,
    `2024-01-01-${'a'.repeat(100)}.md`,
    `${'b'.repeat(250)}.md`,
    'CON.md',
    '../../x.md',
    'post',
    'post.md',
  ),
  hostileText(40),
);

const uniqueNames = define(
  'uniqueFilenames: same count, unique ignoring case and normalisation, within limits',
  fc.property(fc.array(CLASHING_NAME, { maxLength: 30 }), (raw) => {
    const safe = raw.map((name) => safeArchivePath('', name));
    const names = uniqueFilenames(safe);
    demand(names.length === raw.length, `${names.length} names for ${raw.length}`);
    demandUnique(names);
    for (const name of names) demandSafePath(name);
  }),
);

const POST: fc.Arbitrary<Post> = fc.record({ filename: CLASHING_NAME, content: hostileText(20) });

// fflate's strFromU8 drops a leading BOM: decode with it kept, to see exactly what the file holds.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

const zipCount = define(
  'zip: every post becomes one entry, unique and safe, count in = count out after unzip',
  fc.property(fc.array(POST, { maxLength: 25 }), hostileText(12), (posts, folder) => {
    const files = postsToZipFiles(posts, folder);
    demand(files.length === posts.length, `${files.length} files for ${posts.length} posts`);
    for (const file of files) demandSafePath(file.path);
    demandUnique(files.map((file) => file.path));
    const unzipped = unzipSync(buildZip(files, new Date(Date.UTC(2024, 0, 1))));
    const paths = Object.keys(unzipped);
    demand(paths.length === posts.length, `${paths.length} zip entries for ${posts.length} posts`);
    files.forEach((file, i) => {
      const bytes = unzipped[file.path];
      demand(bytes !== undefined, `entry ${JSON.stringify(file.path)} missing`);
      demand(UTF8.decode(bytes) === toWellFormed(posts[i]?.content ?? ''), `entry ${i} content changed`);
    });
  }),
);

// ------------------------------------------------------------------------------------------------
// 3. Dates

const MONTH_WORDS = [
  'Feb',
  'February',
  'févr.',
  'März',
  'febrero',
  'февраля',
  'Şubat',
  'فبراير',
  // A month under two names (`شباط / فبراير`), and two months that make a span, not a day.
  'شباط / فبراير',
  'May / June',
  'februarie',
  'Sept',
  'dec',
];
const DATE_PIECE = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.integer({ min: 1, max: 2999 }).map((n) => String(n).padStart(4, '0')),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  fc.constantFrom(
    '-',
    '/',
    '.',
    ':',
    '：',
    ' ',
    'T',
    'Z',
    '年',
    '月',
    '日',
    '时',
    '分',
    '년',
    '월',
    '일',
    '下午',
    'am',
    'pm',
    // Arabic half-day words and their initials after a clock.
    ' مساءً',
    ' صباحًا',
    ' م',
    'ص',
    'p.m.',
    'UTC',
    'GMT+8',
    '+08:00',
    '-0500',
    '+14:59',
    '−',
    ', ',
    'at',
    'um',
    'Uhr',
    '２０２２',
    '０２',
    'st',
    'th',
    'de',
    '\u0000',
    '\n',
    '2022-02-30',
    '2024-02-29',
    '2023-02-29',
    '1999-12-31T23:59:60Z',
    '20220217',
    '20221341',
    '99999999999999',
  ),
  fc.constantFrom(...MONTH_WORDS),
  // Forms read against the reference time: relative, year-less, labelled two-digit years.
  fc.constantFrom(
    '刚刚',
    '分钟前',
    '小时前',
    '天前',
    '昨天',
    '前天',
    '今天',
    ' ago',
    ' hours',
    ' minutes',
    'yesterday',
    'vor ',
    ' Stunden',
    '发布时间：',
    '时间：',
    '月',
    '号',
    '12-31',
    '02-29',
    '18-03-08 23:16',
    '2019 09/07 19:02',
    // Numeric dates only a day-first page reads (05/10/2018), and the day-and-month forms of a URL.
    '05/10/2018',
    '28.09.19',
    '01.01.98',
    '02-03-2030',
    '29-10-2021',
    '10.29.2021',
  ),
);

/** Text made of date-like pieces (and some noise), so parsers reach their edge cases. */
const DATE_TEXT_FUZZ = fc.oneof(
  { weight: 4, arbitrary: fc.array(DATE_PIECE, { maxLength: 14 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: hostileText(30) },
);

function isRealDate(parts: DateParts): boolean {
  const { year, month, day, hour, minute, second, offsetMinutes } = parts;
  if (![year, month, day].every(Number.isInteger)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const isInRange = (value: number | undefined, min: number, max: number): boolean =>
    value === undefined || (Number.isInteger(value) && value >= min && value <= max);
  if (!isInRange(hour, 0, 23) || !isInRange(minute, 0, 59) || !isInRange(second, 0, 59)) return false;
  if ((minute !== undefined || second !== undefined) && hour === undefined) return false;
  return isInRange(offsetMinutes, -14 * 60, 14 * 60);
}

const parseDate = define(
  'date parser: never throws, only real calendar dates (parseDateString, findDatesInText, findDayFirstDates)',
  fc.property(DATE_TEXT_FUZZ, fc.boolean(), (text, allowCompact) => {
    const parts = parseDateString(text);
    demand(parts === null || isRealDate(parts), `parseDateString gave ${JSON.stringify(parts)}`);
    for (const match of [...findDatesInText(text, { allowCompact }), ...findDayFirstDates(text)]) {
      demand(
        isRealDate(match.parts),
        `findDatesInText/findDayFirstDates gave ${JSON.stringify(match.parts)}`,
      );
      demand(
        match.index >= 0 && match.index + match.length <= text.length,
        `match [${match.index}, +${match.length}] outside the text`,
      );
    }
  }),
);

const MAX_ZONE_AHEAD_MS = 14 * 3600_000;
/** The slack `isAfterReference` gives an exact instant (clock drift between the publisher and the user). */
const INSTANT_SLACK_MS = 15 * 60_000;

/** The earliest instant the date can name: with its offset, else the wall time in the zone furthest ahead. */
function earliestInstant(parts: DateParts): number {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return parts.offsetMinutes === undefined || parts.hour === undefined
    ? wall - MAX_ZONE_AHEAD_MS
    : wall - parts.offsetMinutes * 60_000 - INSTANT_SLACK_MS;
}

/** The earliest instant with the publisher's zone (when known) standing in for a missing offset. */
function earliestInstantIn(parts: DateParts, offsetMinutes: number | null): number {
  if (offsetMinutes === null || parts.offsetMinutes !== undefined) return earliestInstant(parts);
  if (parts.hour === undefined)
    return Date.UTC(parts.year, parts.month - 1, parts.day) - offsetMinutes * 60_000;
  return earliestInstant({ ...parts, offsetMinutes });
}

const DATED_FRAGMENT = fc.oneof(
  DATE_TEXT_FUZZ.map((d) => `<meta property="article:published_time" content="${escapeAttr(d)}">`),
  DATE_TEXT_FUZZ.map((d) => `<meta name="pubdate" content="${escapeAttr(d)}">`),
  DATE_TEXT_FUZZ.map((d) => `<time datetime="${escapeAttr(d)}">${escapeText(d)}</time>`),
  DATE_TEXT_FUZZ.map((d) => `<span itemprop="datePublished" content="${escapeAttr(d)}"></span>`),
  DATE_TEXT_FUZZ.map(
    (d) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: d }).replace(/</g, '\\u003c')}</script>`,
  ),
  DATE_TEXT_FUZZ.map((d) => `<div class="date">Published: ${escapeText(d)}</div>`),
  DATE_TEXT_FUZZ.map((d) => `<p>发布时间：${escapeText(d)} 来源：新华社</p>`),
  DATE_TEXT_FUZZ.map((d) => `<footer>© ${escapeText(d)}</footer>`),
  DATE_TEXT_FUZZ.map((d) => `<a href="/other/${escapeAttr(d)}">${escapeText(d)}</a>`),
  DATE_TEXT_FUZZ.map((d) => `<span class="time">${escapeText(d)}</span>`),
  // The article's own dateline, which settles a UTC instant's day and can overrule a structured date.
  DATE_TEXT_FUZZ.map((d) => `<div class="publishInfo">Veröffentlicht: ${escapeText(d)}</div>`),
  DATE_TEXT_FUZZ.map(
    (d) => `<ul class="Infoline"><li class="date">${escapeText(d)}</li><li>By Ann Lee</li></ul>`,
  ),
  fc
    .oneof(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }).map(String), DATE_TEXT_FUZZ)
    .map(
      (v) =>
        `<script>var ct = "${escapeText(v).replace(/"/g, '')}"; var publish_time = "${escapeText(v).replace(/"/g, '')}";</script>`,
    ),
  // A node whose two dates may be out of order, and an embedded video's, which rank below the meta tags.
  fc
    .tuple(DATE_TEXT_FUZZ, DATE_TEXT_FUZZ)
    .map(
      ([published, modified]) =>
        `<script type="application/ld+json">${JSON.stringify({ '@type': 'WebPage', datePublished: published, dateModified: modified }).replace(/</g, '\\u003c')}</script>`,
    ),
  DATE_TEXT_FUZZ.map(
    (d) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'VideoObject', uploadDate: d }).replace(/</g, '\\u003c')}</script>`,
  ),
  DATE_TEXT_FUZZ.map((d) => `<p class="updated">Updated: ${escapeText(d)}</p>`),
  // What only the last resort reads: a column named sidebar, the title, the share image's path.
  DATE_TEXT_FUZZ.map((d) => `<div class="sidebar_content"><p class="post_detail">${escapeText(d)}</p></div>`),
  DATE_TEXT_FUZZ.map((d) => `<title>Story - ${escapeText(d)}</title>`),
  DATE_TEXT_FUZZ.map((d) => `<meta property="og:image" content="/files/${escapeAttr(d)}/cover.png">`),
  fc.constantFrom('<h1>Headline</h1>', '<article>', '</article>', '<p>Some text.</p>', '<div>', '</div>'),
);

const NOW = fc.date({
  min: new Date(Date.UTC(1995, 0, 1)),
  max: new Date(Date.UTC(2035, 0, 1)),
  noInvalidDate: true,
});

const publishedDate = define(
  'findArticleDates: never throws, real dates only, neither date after `now`',
  fc.property(
    fc.array(DATED_FRAGMENT, { maxLength: 10 }),
    fc.array(DATE_PIECE, { maxLength: 6 }),
    NOW,
    fc.constantFrom(null, 'en', 'zh-CN', 'ja', 'de', 'ar', 'en-GB', 'es', 'en-US', 'fr'),
    // Hosts whose country names the publisher's zone, spans several zones (.ca, .com.au), or is unknown (.com).
    fc.constantFrom('news.example.cn', 'example.com', 'example.de', 'ici.example.ca', 'www.example.com.au'),
    (fragments, urlPieces, now, lang, host) => {
      const html = `<!doctype html><html lang="${lang ?? ''}"><head></head><body>${fragments.join('')}</body></html>`;
      const doc = parseHTML(html).document;
      const path = urlPieces.map((piece) => encodeURIComponent(piece)).join('/');
      const dates = findArticleDates(doc, `https://${host}/${path}/story.html`, { now, lang });
      for (const found of [dates.published, dates.modified]) {
        if (found === null) continue;
        demand(isRealDate(found.parts), `not a real date: ${JSON.stringify(found.parts)}`);
        demand(
          earliestInstant(found.parts) <= now.getTime(),
          `${JSON.stringify(found.parts)} (${found.source}, raw ${JSON.stringify(found.raw)}) is after now ${now.toISOString()}`,
        );
      }
    },
  ),
);

const OFFSET = fc.constantFrom(null, 480, 540, 60, 0, -300);

const referenceDates = define(
  'dates read against the reference time (with day-first `28.09.19`): never throw, real dates only, never after the reference',
  fc.property(DATE_TEXT_FUZZ, NOW, OFFSET, fc.boolean(), (text, now, offsetMinutes, isDateText) => {
    const found = [
      ...findDatesAgainstReference(text, { now, offsetMinutes }, { isDateText }),
      ...findDayFirstShortYearDates(text, now, offsetMinutes),
    ];
    for (const match of found) {
      demand(isRealDate(match.parts), `findDatesAgainstReference gave ${JSON.stringify(match.parts)}`);
      demand(
        match.index >= 0 && match.index + match.length <= text.length,
        `match [${match.index}, +${match.length}] outside the text`,
      );
      demand(
        earliestInstantIn(match.parts, offsetMinutes) <= now.getTime(),
        `${JSON.stringify(match.parts)} from ${JSON.stringify(match.text)} is after ${now.toISOString()} (offset ${offsetMinutes})`,
      );
    }
  }),
);

const scriptDates = define(
  'script publish times: never throw, real dates only, never after the reference',
  fc.property(
    fc.oneof(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }).map(String), DATE_TEXT_FUZZ),
    NOW,
    OFFSET,
    (value, now, offsetMinutes) => {
      const quoted = value.replace(/["\\<]/g, '');
      const html = `<html><head><script>var ct = "${quoted}"; window.s = {"publishTime": ${/^\d+$/.test(quoted) ? quoted : `"${quoted}"`}};</script></head><body></body></html>`;
      for (const found of findScriptDates(parseHTML(html).document, { now, offsetMinutes })) {
        demand(isRealDate(found.parts), `findScriptDates gave ${JSON.stringify(found.parts)}`);
        demand(
          earliestInstantIn(found.parts, offsetMinutes) <= now.getTime(),
          `${JSON.stringify(found.parts)} from ${JSON.stringify(found.raw)} is after ${now.toISOString()}`,
        );
      }
    },
  ),
);

// ------------------------------------------------------------------------------------------------
// 4. Markdown from random HTML

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'a',
  'img',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'picture',
  'source',
  'br',
  'hr',
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'svg',
  'math',
  'noscript',
  'template',
  'textarea',
  'xmp',
  'noembed',
  'title',
  'input',
  'button',
  'video',
  'details',
  'summary',
  'font',
  'unknown-tag',
];

const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:x',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD4=',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'https://example.com/a b?x=1&y=<2>',
  'https://example.com/)](javascript:alert(1))',
  '//evil.example/x',
  '/relative/path',
  '#frag',
  '#',
  '',
  'mailto:a@b.c',
  'file:///etc/passwd',
  'about:blank',
  'https://example.com/"onmouseover="alert(1)',
];

const ATTR_NAMES = [
  'href',
  'href',
  'src',
  'src',
  'srcset',
  'data-src',
  'alt',
  'title',
  'class',
  'onclick',
  'onerror',
  'onload',
  'style',
  'colspan',
  'start',
  'checked',
  'type',
  'xlink:href',
  'formaction',
];

const ATTR_VALUE = fc.oneof(
  fc.constantFrom(...HOSTILE_URLS),
  fc.constantFrom(
    'alert(1)',
    '" onerror="alert(1)',
    "' onload='x",
    '><script>alert(1)</script>',
    'checkbox',
    '2',
  ),
  hostileText(12),
);

const ATTRIBUTE = fc
  .tuple(fc.constantFrom(...ATTR_NAMES), ATTR_VALUE, fc.boolean())
  .map(([name, value, isRaw]) => ` ${name}="${isRaw ? value.replace(/"/g, '&quot;') : escapeAttr(value)}"`);

const TEXT_NODE = fc.oneof(
  hostileText(20).map(escapeText),
  fc.constantFrom(
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&lt;img src=x onerror=alert(1)&gt;',
    '&amp;lt;b&amp;gt;',
    '&#60;iframe&#62;',
    '<',
    '< script>',
    '&lt;',
    '<!-- comment -->',
    '<![CDATA[<script>]]>',
    '</p>',
    '<scr<script>ipt>',
    '[link](javascript:alert(1))',
    '![img](data:text/html,x)',
    '` code `',
    '```',
    '\n---\n',
    '&nbsp;',
    '&#0;',
    '中文新闻',
    ' on',
  ),
);

interface HtmlTree {
  node: string;
  children: string;
}

const HTML: fc.Arbitrary<string> = fc.letrec<HtmlTree>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT_NODE,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(ATTRIBUTE, { maxLength: 3 }),
        tie('children') as fc.Arbitrary<string>,
        fc.boolean(),
      )
      .map(
        ([tag, attrs, inner, isClosed]) => `<${tag}${attrs.join('')}>${inner}${isClosed ? `</${tag}>` : ''}`,
      ),
  ),
  children: fc.array(tie('node') as fc.Arbitrary<string>, { maxLength: 4 }).map((nodes) => nodes.join('')),
})).children;

const STYLE: fc.Arbitrary<MarkdownStyle> = fc.record({
  headingStyle: fc.constantFrom<MarkdownStyle['headingStyle']>('atx', 'setext'),
  bulletListMarker: fc.constantFrom<MarkdownStyle['bulletListMarker']>('-', '*', '+'),
  emDelimiter: fc.constantFrom<MarkdownStyle['emDelimiter']>('_', '*'),
  strongDelimiter: fc.constantFrom<MarkdownStyle['strongDelimiter']>('**', '__'),
  codeBlockStyle: fc.constantFrom<MarkdownStyle['codeBlockStyle']>('fenced'),
  fence: fc.constantFrom<MarkdownStyle['fence']>('```', '~~~'),
  linkStyle: fc.constantFrom<MarkdownStyle['linkStyle']>('inlined', 'referenced'),
});

/**
 * Markdown with code blocks and code spans blanked: their text is shown literally by every renderer, so a
 * `<script>` there is text, not HTML. Only fenced blocks are generated (STYLE), so no indented-code guessing.
 */
export function blankCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  const kept = lines.map((line) => {
    const opener = /^(?:[\s>]|[-*+]\s|\d+\.\s)*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null) {
      if (opener) fence = opener;
      return opener ? '' : line;
    }
    const closer = /^[\s>]*(`{3,}|~{3,})\s*$/.exec(line)?.[1];
    if (closer && closer[0] === fence[0] && closer.length >= fence.length) fence = null;
    return '';
  });
  return blankCodeSpans(kept.join('\n'));
}

function countRun(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === '`') n++;
  return n;
}

/**
 * Blanks CommonMark code spans: a run of n backticks up to the next run of exactly n, within a paragraph.
 * A backslash escapes the next character outside spans (`\`` opens nothing); inside a span it is literal.
 */
function blankCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '`') {
      out += ch;
      i++;
      continue;
    }
    const n = countRun(text, i);
    const paragraphEnd = text.indexOf('\n\n', i);
    const limit = paragraphEnd === -1 ? text.length : paragraphEnd;
    let close = -1;
    for (let j = i + n; j < limit;) {
      const m = countRun(text, j);
      if (m === n) {
        close = j;
        break;
      }
      j += Math.max(1, m);
    }
    if (close === -1) {
      out += '`'.repeat(n);
      i += n;
    } else {
      out += ' ';
      i = close + n;
    }
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000),
    )
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/** The scheme a browser would see for a Markdown destination (entities decoded, tabs and newlines dropped). */
function readScheme(destination: string): string {
  const url = decodeEntities(destination.replace(/^<|>$/g, ''))
    .replace(/[\t\n\r]/g, '')
    .trim()
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1] ?? '';
}

/** Whether the character at `index` follows an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  while (index - slashes - 1 >= 0 && text[index - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}

/** Whether the `]` at `close` ends an image's alt text (`![…]`): walks back to its `[`, skipping escapes. */
function isImageBracket(text: string, close: number): boolean {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const ch = text[i];
    if (isEscaped(text, i)) continue;
    if (ch === ']') depth++;
    else if (ch === '[') {
      depth--;
      if (depth === 0) return text[i - 1] === '!';
    }
  }
  return false;
}

const DANGEROUS_TAG = /<\s*\/?\s*(?:script|style|iframe|object|embed|form|svg)\b/i;
const RAW_TAG = /<[a-z!/?]/i;
const EVENT_IN_TAG = /<[^>]*\son\w+\s*=/i;

/** Why Markdown could run or load something, or null when it cannot. */
export function findMarkdownDanger(markdown: string): string | null {
  const text = blankCode(markdown);
  if (DANGEROUS_TAG.test(text)) return `dangerous tag ${DANGEROUS_TAG.exec(text)?.[0] ?? ''}`;
  if (EVENT_IN_TAG.test(text)) return 'on* attribute inside a tag';
  if (RAW_TAG.test(text)) return `raw HTML ${JSON.stringify(/<[a-z!/?].{0,20}/is.exec(text)?.[0] ?? '')}`;
  for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]*)/g)) {
    if (isEscaped(text, m.index)) continue; // `\](` is text, not the end of a link
    const scheme = readScheme(m[1] ?? '');
    const isImage = isImageBracket(text, m.index);
    if (scheme === 'javascript' || scheme === 'vbscript') return `${scheme}: destination ${m[0]}`;
    if (scheme === 'data' && !(isImage && /^<?data:image\//i.test(m[1] ?? '')))
      return `data: destination ${m[0]}`;
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*(\S+)/gm)) {
    const scheme = readScheme(m[1] ?? '');
    if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data')
      return `${scheme}: reference ${m[0]}`;
  }
  return null;
}

const MARKDOWN_DOC = parseHTML('<!doctype html><html><head></head><body></body></html>').document;

const markdownSafety = define(
  'htmlToMarkdown(random HTML): never throws, no raw HTML, no script/vbscript/data links out',
  fc.property(HTML, STYLE, (html, style) => {
    const markdown = htmlToMarkdown(html, MARKDOWN_DOC, 'https://news.example.com/a/b.html', style);
    // The converter's private-use marks (held-out code, line breaks) must all be resolved.
    demand(!/[\uE000-\uE002]/.test(markdown), `internal mark left in ${JSON.stringify(markdown)}`);
    const danger = findMarkdownDanger(markdown);
    demand(danger === null, `${danger ?? ''} in ${JSON.stringify(markdown)}`);
  }),
);

// ------------------------------------------------------------------------------------------------
// 5. Slugs

function demandSlug(slug: string, what: string): void {
  demand(slug !== '', `${what}: empty slug`);
  demand(countUtf8Bytes(slug) <= MAX_SLUG_BYTES, `${what}: ${countUtf8Bytes(slug)} bytes`);
  demand(!/[/\\:*?"<>|]/.test(slug), `${what}: forbidden character in ${JSON.stringify(slug)}`);
  demand(!/[\u0000-\u001F\u007F]/.test(slug), `${what}: control character in ${JSON.stringify(slug)}`);
  demand(!/^-|-$/.test(slug), `${what}: leading or trailing - in ${JSON.stringify(slug)}`);
  demand(slug === toWellFormed(slug), `${what}: lone surrogate in ${JSON.stringify(slug)}`);
}

const slugs = define(
  'slugs: never empty, ≤ 100 bytes, no /\\:*?"<>| (slugify readable and pinyin, siteSlug)',
  fc.property(
    fc.oneof(hostileText(60), fc.string({ unit: 'grapheme', maxLength: 200 })),
    fc.oneof(fc.constant(undefined), hostileText(10)),
    (text, fallback) => {
      demandSlug(slugify(text, 'readable', fallback), 'slugify readable');
      demandSlug(slugify(text, 'pinyin', fallback), 'slugify pinyin');
      demandSlug(siteSlug(text, fallback), 'siteSlug');
    },
  ),
);

/** Every property, in the order of the issue: front matter, file names, dates, Markdown, slugs. */
export const FUZZ_PROPERTIES: FuzzProperty[] = [
  frontMatterYaml,
  frontMatterToml,
  postFilename,
  archivePath,
  uniqueNames,
  zipCount,
  parseDate,
  referenceDates,
  scriptDates,
  publishedDate,
  markdownSafety,
  slugs,
];
