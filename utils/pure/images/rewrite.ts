// Pure: points a post's image links at the exported files. The stored Markdown keeps the original URLs; only export
// rewrites them, so a change of template moves the images too.

export interface RewriteOptions {
  /** `embed`: Obsidian `![[target|alt]]`; `markdown`: `![alt](target "title")`. */
  linkStyle: 'markdown' | 'embed';
}

/** `![alt](dest "title")` (alt may hold one level of balanced brackets), dest bare (balanced parentheses allowed) or in `<…>`; title in `"…"`, `'…'` or `(…)`. */
const INLINE_IMAGE =
  /!\[((?:\\.|[^\\[\]\n]|\[(?:\\.|[^\\[\]\n])*\])*)\]\([ \t]*(<(?:\\.|[^\\<>\n])*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)?((?:[ \t]+(?:"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\((?:\\.|[^()\\\n])*\)))?)[ \t]*\)/y;
/** `![alt][label]`, `![alt][]` or `![alt]` (shortcut): resolved through a `[label]: dest` definition. */
const REFERENCE_IMAGE = /!\[((?:\\.|[^\\[\]\n]|\[(?:\\.|[^\\[\]\n])*\])*)\](?:\[((?:\\.|[^\\\]\n])*)\])?/y;
/** An Obsidian embed `![[target]]` or `![[target|alt]]`. */
const EMBED = /!\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/y;
/** `[label]: dest "title"` at the start of a line (up to three spaces in). */
const DEFINITION = /^ {0,3}\[((?:\\.|[^\\\]])+)\]:[ \t]*(<(?:\\.|[^\\<>\n])*>|\S+)/;
/** A fence line, also inside list items and block quotes (`- ```js`, `> ~~~`). */
const FENCE = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*(`{3,}|~{3,})([^\n]*)$/;

function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

function unwrapDestination(dest: string): string {
  return dest.startsWith('<') && dest.endsWith('>') ? dest.slice(1, -1) : dest;
}

/** Reference definitions by label: the first definition of a label wins, as CommonMark says. */
function readDefinitions(lines: readonly string[], isCode: readonly boolean[]): Map<string, string> {
  const definitions = new Map<string, string>();
  lines.forEach((line, i) => {
    if (isCode[i]) return;
    const m = DEFINITION.exec(line);
    if (!m) return;
    const label = normalizeLabel(m[1] ?? '');
    if (label !== '' && !definitions.has(label)) definitions.set(label, unwrapDestination(m[2] ?? ''));
  });
  return definitions;
}

/** Which lines sit inside a fenced code block (fence lines included). */
function findCodeLines(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  let open: { char: string; length: number } | null = null;
  for (const line of lines) {
    const m = FENCE.exec(line);
    if (open) {
      out.push(true);
      const run = m?.[1] ?? '';
      if (run.startsWith(open.char) && run.length >= open.length && (m?.[2] ?? '').trim() === '') open = null;
      continue;
    }
    const run = m?.[1] ?? '';
    // A backtick fence's info string cannot hold a backtick; otherwise it is inline code, not a fence.
    if (m && !(run.startsWith('`') && (m[2] ?? '').includes('`'))) {
      open = { char: run.charAt(0), length: run.length };
      out.push(true);
      continue;
    }
    out.push(false);
  }
  return out;
}

/** Alt text for an embed: Markdown escapes undone, nothing Obsidian reads as syntax, never a size like `300x200`. */
function toEmbedAlt(alt: string): string {
  const text = alt
    .replace(/\\(.)/g, '$1')
    .replace(/[[\]|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /^\d+(?:x\d+)?$/.test(text) ? '' : text;
}

function render(alt: string, target: string, title: string, options: RewriteOptions): string {
  if (options.linkStyle === 'embed') {
    const embedAlt = toEmbedAlt(alt);
    return embedAlt === '' ? `![[${target}]]` : `![[${target}|${embedAlt}]]`;
  }
  return `![${alt}](${target}${title})`;
}

function countBackslashesBefore(text: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && text.charAt(at - n - 1) === '\\') n++;
  return n;
}

/** The index just past the next run of exactly `length` backticks at or after `from`, or -1. */
function findClosingRun(line: string, from: number, length: number): number {
  let j = from;
  while (j < line.length) {
    if (line.charAt(j) !== '`') {
      j++;
      continue;
    }
    let k = j;
    while (line.charAt(k) === '`') k++;
    if (k - j === length) return k;
    j = k;
  }
  return -1;
}

function rewriteLine(
  line: string,
  targets: ReadonlyMap<string, string>,
  definitions: ReadonlyMap<string, string>,
  options: RewriteOptions,
): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === '`') {
      // A code span is copied as is through its closing run of the same length; an unclosed run is literal.
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = findClosingRun(line, i + run.length, run.length);
      const stop = close < 0 ? i + run.length : close;
      out += line.slice(i, stop);
      i = stop;
      continue;
    }
    if (c !== '!' || line.charAt(i + 1) !== '[' || countBackslashesBefore(line, i) % 2 === 1) {
      out += c;
      i++;
      continue;
    }
    const replaced = matchImageAt(line, i, targets, definitions, options);
    if (replaced) {
      out += replaced.text;
      i = replaced.end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function matchImageAt(
  line: string,
  at: number,
  targets: ReadonlyMap<string, string>,
  definitions: ReadonlyMap<string, string>,
  options: RewriteOptions,
): { text: string; end: number } | null {
  EMBED.lastIndex = at;
  const embed = EMBED.exec(line);
  const embedTarget = embed ? targets.get((embed[1] ?? '').trim()) : undefined;
  // An embed of something else may still be an image whose alt starts with `[`: `![[a]](url)`.
  if (embed && embedTarget !== undefined) {
    return { text: render(embed[2] ?? '', embedTarget, '', options), end: EMBED.lastIndex };
  }
  INLINE_IMAGE.lastIndex = at;
  const inline = INLINE_IMAGE.exec(line);
  if (inline) {
    const target = targets.get(unwrapDestination(inline[2] ?? ''));
    if (target === undefined) return { text: inline[0], end: INLINE_IMAGE.lastIndex };
    return { text: render(inline[1] ?? '', target, inline[3] ?? '', options), end: INLINE_IMAGE.lastIndex };
  }
  REFERENCE_IMAGE.lastIndex = at;
  const reference = REFERENCE_IMAGE.exec(line);
  if (reference) {
    const alt = reference[1] ?? '';
    const label = normalizeLabel(reference[2] || alt);
    const dest = definitions.get(label);
    const target = dest === undefined ? undefined : targets.get(dest);
    // Only this use turns inline: the definition stays, as a link elsewhere may share it.
    if (target === undefined) return { text: reference[0], end: REFERENCE_IMAGE.lastIndex };
    return { text: render(alt, target, '', options), end: REFERENCE_IMAGE.lastIndex };
  }
  return embed ? { text: embed[0], end: EMBED.lastIndex } : null;
}

/**
 * The Markdown with every image whose destination is a key of `targets` pointed at its value: inline images,
 * reference-style images (through their definitions) and Obsidian embeds. Images not in `targets` keep their URL;
 * fenced code and code spans are never touched. Keys are destinations as written in the Markdown.
 */
export function rewriteImageLinks(
  markdown: string,
  targets: ReadonlyMap<string, string>,
  options: RewriteOptions = { linkStyle: 'markdown' },
): string {
  if (targets.size === 0) return markdown;
  const lines = markdown.split('\n');
  const isCode = findCodeLines(lines);
  const definitions = readDefinitions(lines, isCode);
  return lines
    .map((line, i) =>
      isCode[i] || !line.includes('![') ? line : rewriteLine(line, targets, definitions, options),
    )
    .join('\n');
}
