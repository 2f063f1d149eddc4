// Pure: the post template language — `{{title|default:"Untitled"|truncate:60}}` — parsed once, rendered to typed values.
import type { FilterArg, FilterContext, TemplateFilter, TemplateValue } from './template-filters';
import { EMPTY_TEXT, TEMPLATE_FILTERS, isEmptyValue, toText } from './template-filters';
import type { SlugMode } from './slug';

export type { TemplateValue } from './template-filters';
export type { Template, TemplateField } from './template-shape';
export { readTemplate, readTemplateField } from './template-shape';
import type { Template } from './template-shape';

/** Where and why a template cannot be parsed; `line` and `column` count from 1. */
export interface TemplateError {
  message: string;
  offset: number;
  line: number;
  column: number;
  /** Which part of a Template: `body`, `filename`, `sourceLine` or `fields.<key>`; absent for a bare string. */
  part?: string;
}

export type TemplateResult<T> = { ok: true; value: T } | { ok: false; error: TemplateError };

type Head =
  | { kind: 'var'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };

interface FilterCall {
  name: string;
  args: FilterArg[];
  filter: TemplateFilter;
}

type TemplateNode = { kind: 'text'; text: string } | { kind: 'expr'; head: Head; filters: FilterCall[] };

/** A parsed template string. */
export interface TemplateAst {
  nodes: TemplateNode[];
  /** One expression and no text but spaces: renders to the expression's own typed value. */
  isSingleValue: boolean;
}

/** Every variable templates may use. */
export const TEMPLATE_VARIABLES = [
  'title',
  'url',
  'canonical',
  'source',
  'site',
  'domain',
  'author',
  'published',
  'modified',
  'clipped',
  'date',
  'lang',
  'excerpt',
  'description',
  'image',
  'keywords',
  'selection',
  'content',
  'site_news',
  'source_label',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Readonly<Record<TemplateVariable, TemplateValue>>;

export interface RenderOptions {
  slugMode: SlugMode;
  /** Applied to each expression's text inside a longer template (the file name: no `/` from values). */
  escapeText?: (text: string) => string;
}

const KNOWN_VARIABLES: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const SPACES = /[ \t\r\n]*/y;
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', "'": "'", '\\': '\\' };

class ParseError extends Error {
  constructor(
    readonly what: string,
    readonly offset: number,
    readonly hint = '',
  ) {
    super(what);
  }
}

/** Edits between two names, a swap of neighbours counting as one (`jion` is one step from `join`). */
function countEdits(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** ` — did you mean 'slug'?` for the closest name within two edits, else ''. */
function suggest(name: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = countEdits(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === '' ? '' : ` — did you mean '${best}'?`;
}

function locate(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1 };
}

/** Reads one `{{ … }}` starting after its `{{`; returns the node and the offset after `}}`. */
class ExpressionReader {
  pos: number;

  constructor(
    private readonly source: string,
    private readonly open: number,
    private readonly variables: ReadonlySet<string>,
  ) {
    this.pos = open + 2;
  }

  private skipSpaces(): void {
    SPACES.lastIndex = this.pos;
    SPACES.exec(this.source);
    this.pos = SPACES.lastIndex;
    if (this.pos >= this.source.length) throw new ParseError('Unclosed {{', this.open, " — add '}}'");
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.source);
    if (!m) return null;
    this.pos = pattern.lastIndex;
    return m[0];
  }

  private isAt(text: string): boolean {
    return this.source.startsWith(text, this.pos);
  }

  private readString(): string {
    const quote = this.source[this.pos] ?? '"';
    const start = this.pos;
    let out = '';
    for (let i = start + 1; i < this.source.length; i++) {
      const ch = this.source[i] ?? '';
      if (ch === quote) {
        this.pos = i + 1;
        return out;
      }
      if (ch === '\\' && i + 1 < this.source.length) {
        const next = this.source[i + 1] ?? '';
        out += ESCAPES[next] ?? `\\${next}`;
        i++;
        continue;
      }
      out += ch;
    }
    throw new ParseError('Unclosed quote', start, ` — add ${quote}`);
  }

  private checkVariable(name: string, offset: number): void {
    if (!this.variables.has(name))
      throw new ParseError(`Unknown variable '${name}'`, offset, suggest(name, this.variables));
  }

  private readHead(): Head {
    const offset = this.pos;
    if (this.isAt('"') || this.isAt("'")) return { kind: 'string', value: this.readString() };
    const number = this.match(NUMBER);
    if (number !== null) return { kind: 'number', value: Number(number) };
    const name = this.match(IDENTIFIER);
    if (name === null) {
      if (this.isAt('}}'))
        throw new ParseError('Empty {{ }}', this.open, ' — write a variable name, like {{title}}');
      throw new ParseError(
        `Unexpected '${this.source[offset] ?? ''}'`,
        offset,
        ' — expected a variable name',
      );
    }
    if (name === 'true' || name === 'false') return { kind: 'boolean', value: name === 'true' };
    this.checkVariable(name, offset);
    return { kind: 'var', name };
  }

  private readArg(name: string, filter: TemplateFilter, args: FilterArg[]): FilterArg {
    const offset = this.pos;
    if (this.isAt('"') || this.isAt("'")) return { kind: 'string', value: this.readString() };
    const number = this.match(NUMBER);
    if (number !== null) return { kind: 'number', value: Number(number) };
    const ident = this.match(IDENTIFIER);
    if (ident !== null && this.variables.has(ident)) return { kind: 'var', name: ident };
    // The filter knows best what it wanted here (`date:YYYY-MM-DD` → "date: expected a format in quotes").
    const wanted = filter.check(args);
    if (wanted !== null) throw new ParseError(wanted, offset);
    if (ident !== null) this.checkVariable(ident, offset);
    throw new ParseError(`${name}: expected a value in quotes after ':'`, offset);
  }

  private readFilter(): FilterCall {
    const offset = this.pos;
    const name = this.match(IDENTIFIER);
    if (name === null) throw new ParseError("Expected a filter name after '|'", offset);
    const filter = Object.hasOwn(TEMPLATE_FILTERS, name) ? TEMPLATE_FILTERS[name] : undefined;
    if (!filter)
      throw new ParseError(`Unknown filter '${name}'`, offset, suggest(name, Object.keys(TEMPLATE_FILTERS)));
    const args: FilterArg[] = [];
    for (;;) {
      this.skipSpaces();
      if (!this.isAt(':')) break;
      this.pos++;
      this.skipSpaces();
      args.push(this.readArg(name, filter, args));
    }
    const wrong = filter.check(args);
    if (wrong !== null) throw new ParseError(wrong, offset);
    return { name, args, filter };
  }

  read(): TemplateNode {
    this.skipSpaces();
    const head = this.readHead();
    const filters: FilterCall[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.isAt('}}')) {
        this.pos += 2;
        return { kind: 'expr', head, filters };
      }
      if (!this.isAt('|')) {
        throw new ParseError(
          `Unexpected '${this.source[this.pos] ?? ''}'`,
          this.pos,
          " — expected '|' or '}}'",
        );
      }
      this.pos++;
      this.skipSpaces();
      filters.push(this.readFilter());
    }
  }
}

/**
 * Parses a template string once. Text outside `{{ }}` is kept as is; inside: a variable, a quoted string, a number
 * or true/false, then `|filter:arg:arg` calls. Every mistake is an error with its line, column and a hint.
 */
export function parseTemplate(
  source: string,
  variables: ReadonlySet<string> = KNOWN_VARIABLES,
): TemplateResult<TemplateAst> {
  const nodes: TemplateNode[] = [];
  let pos = 0;
  try {
    while (pos < source.length) {
      const open = source.indexOf('{{', pos);
      if (open < 0) {
        nodes.push({ kind: 'text', text: source.slice(pos) });
        break;
      }
      if (open > pos) nodes.push({ kind: 'text', text: source.slice(pos, open) });
      const reader = new ExpressionReader(source, open, variables);
      nodes.push(reader.read());
      pos = reader.pos;
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const { line, column } = locate(source, error.offset);
    return {
      ok: false,
      error: {
        message: `${error.what} at line ${line}, column ${column}${error.hint}`,
        offset: error.offset,
        line,
        column,
      },
    };
  }
  const exprs = nodes.filter((node) => node.kind === 'expr').length;
  const isSingleValue = exprs === 1 && nodes.every((node) => node.kind === 'expr' || node.text.trim() === '');
  return { ok: true, value: { nodes, isSingleValue } };
}

/** Text that renders as itself: `{{` becomes `{{"{{"}}`. For values that come from settings, not templates. */
export function escapeTemplateText(text: string): string {
  if (!text.includes('{{')) return text;
  // One string literal for the whole text: escaping each `{{` alone could leave a lone expression between spaces,
  // which renders as a typed value and drops the spaces (` {{` came back as `{{`).
  return `{{"${text.replace(/[\\"\n\t]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\${ch}`))}"}}`;
}

function evaluate(head: Head, filters: readonly FilterCall[], ctx: FilterContext): TemplateValue {
  let value: TemplateValue;
  switch (head.kind) {
    case 'var':
      value = ctx.lookup(head.name);
      break;
    case 'string':
      value = { kind: 'text', value: head.value };
      break;
    case 'number':
      value = { kind: 'number', value: head.value };
      break;
    case 'boolean':
      value = { kind: 'boolean', value: head.value };
      break;
  }
  for (const call of filters) value = call.filter.apply(value, call.args, ctx);
  return value;
}

/**
 * Renders a parsed template. A lone expression keeps its type (`{{keywords}}` is a list, `{{published}}` a date);
 * anything longer is text. Unknown variables (impossible after parsing) are empty.
 */
export function renderTemplate(ast: TemplateAst, vars: TemplateVars, options: RenderOptions): TemplateValue {
  const known: Readonly<Record<string, TemplateValue>> = vars;
  const ctx: FilterContext = {
    slugMode: options.slugMode,
    lookup: (name) => (Object.hasOwn(known, name) ? (known[name] ?? EMPTY_TEXT) : EMPTY_TEXT),
  };
  if (ast.isSingleValue) {
    const only = ast.nodes.find((node) => node.kind === 'expr');
    if (only?.kind === 'expr') return evaluate(only.head, only.filters, ctx);
  }
  let out = '';
  for (const node of ast.nodes) {
    if (node.kind === 'text') {
      out += node.text;
      continue;
    }
    const piece = toText(evaluate(node.head, node.filters, ctx));
    out += options.escapeText ? options.escapeText(piece) : piece;
  }
  return { kind: 'text', value: out };
}

/** A Template with every part parsed. */
export interface CompiledTemplate {
  template: Template;
  fields: { key: string; quote: 'auto' | 'always'; isKeptEmpty: boolean; ast: TemplateAst }[];
  body: TemplateAst;
  filename: TemplateAst;
  sourceLine: TemplateAst;
}

function withPart(error: TemplateError, part: string): TemplateError {
  return { ...error, part, message: `${part}: ${error.message}` };
}

function fail(message: string, part: string): { ok: false; error: TemplateError } {
  return { ok: false, error: { message: `${part}: ${message}`, offset: 0, line: 1, column: 1, part } };
}

/** Parses every part of a template; the first error names its part (`fields.tags: Unknown filter …`). */
export function compileTemplate(template: Template): TemplateResult<CompiledTemplate> {
  const fields: CompiledTemplate['fields'] = [];
  const seen = new Set<string>();
  for (const field of template.fields) {
    const part = `fields.${field.key}`;
    if (!KEY_PATTERN.test(field.key))
      return fail(`'${field.key}' is not a valid field name: use letters, digits, - and _`, part);
    if (seen.has(field.key)) return fail(`the field '${field.key}' appears twice`, part);
    seen.add(field.key);
    const parsed = parseTemplate(field.value);
    if (!parsed.ok) return { ok: false, error: withPart(parsed.error, part) };
    fields.push({
      key: field.key,
      quote: field.quote ?? 'auto',
      isKeptEmpty: field.keepEmpty === true,
      ast: parsed.value,
    });
  }
  const parts = { body: template.body, filename: template.filename, sourceLine: template.sourceLine };
  const asts: Partial<Record<keyof typeof parts, TemplateAst>> = {};
  for (const key of ['body', 'filename', 'sourceLine'] as const) {
    const parsed = parseTemplate(parts[key]);
    if (!parsed.ok) return { ok: false, error: withPart(parsed.error, key) };
    asts[key] = parsed.value;
  }
  const { body, filename, sourceLine } = asts;
  if (!body || !filename || !sourceLine) return fail('could not be read', 'template');
  return { ok: true, value: { template, fields, body, filename, sourceLine } };
}

export { isEmptyValue, toText };
