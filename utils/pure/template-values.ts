// Pure: the template language's typed values and filter arguments, and the helpers every filter shares. No DOM.
import { toJekyllDate } from './date-format';
import type { SlugMode } from './slug';
import type { DateParts } from './types';

/** A value as templates see it. Kinds survive to the YAML/TOML writer, so lists stay lists and dates stay dates. */
export type TemplateValue =
  | { kind: 'text'; value: string }
  | { kind: 'list'; items: string[] }
  /** `text`: the exact text to write (a formatted date, or the user's edit); else Jekyll's form of `parts`. */
  | { kind: 'date'; parts: DateParts; text?: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };

/** A filter argument as written: a quoted string, a number, or a variable's name (`default:domain`). */
export type FilterArg =
  { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'var'; name: string };

/** What filters may read besides their input. */
export interface FilterContext {
  /** Mode of a bare `slug`. */
  slugMode: SlugMode;
  /** Resolves a `var` argument; unknown names give an empty text. */
  lookup: (name: string) => TemplateValue;
}

export interface TemplateFilter {
  /** One line for the options page's list of filters. */
  help: string;
  /**
   * Checks the arguments when the template is parsed: a message (without position) when they are wrong, else null.
   * Runs once, so an error shows in the options page instead of at clip time.
   */
  check: (args: readonly FilterArg[]) => string | null;
  /** Never throws: odd input gives a sensible value. */
  apply: (input: TemplateValue, args: readonly FilterArg[], ctx: FilterContext) => TemplateValue;
}

export const EMPTY_TEXT: TemplateValue = { kind: 'text', value: '' };
export function makeText(value: string): TemplateValue {
  return { kind: 'text', value };
}

export function makeList(items: string[]): TemplateValue {
  return { kind: 'list', items };
}

/** A value as plain text: lists joined with `, `, dates in their text (Jekyll's form unless formatted). */
export function toText(value: TemplateValue): string {
  switch (value.kind) {
    case 'text':
      return value.value;
    case 'list':
      return value.items.join(', ');
    case 'date':
      return value.text ?? toJekyllDate(value.parts);
    case 'number':
      return Number.isFinite(value.value) ? String(value.value) : '';
    case 'boolean':
      return value.value ? 'true' : 'false';
  }
}

/** Empty text or an empty list; `default` replaces these, and a field with such a value is left out. */
export function isEmptyValue(value: TemplateValue): boolean {
  return (value.kind === 'text' && value.value === '') || (value.kind === 'list' && value.items.length === 0);
}

export function toItems(value: TemplateValue): string[] {
  if (value.kind === 'list') return value.items;
  const only = toText(value);
  return only === '' ? [] : [only];
}

/** Applies `fn` to the text, or to every item of a list (keeping it a list). */
export function mapText(value: TemplateValue, fn: (s: string) => string): TemplateValue {
  if (value.kind === 'list') return makeList(value.items.map(fn));
  return makeText(fn(toText(value)));
}

export function argText(arg: FilterArg | undefined, ctx: FilterContext, fallback = ''): string {
  if (arg === undefined) return fallback;
  switch (arg.kind) {
    case 'string':
      return arg.value;
    case 'number':
      return String(arg.value);
    case 'var':
      return toText(ctx.lookup(arg.name));
  }
}

export function argNumber(arg: FilterArg | undefined, fallback: number): number {
  if (arg?.kind === 'number') return arg.value;
  if (arg?.kind === 'string' && /^-?\d+$/.test(arg.value.trim())) return Number(arg.value);
  return fallback;
}

// --- argument checks, shared by several filters -------------------------------------------------------------

export function takesNone(name: string) {
  return (args: readonly FilterArg[]): string | null =>
    args.length === 0 ? null : `${name}: takes no arguments`;
}

export function takesQuoted(name: string, what: string, min: number, max: number) {
  return (args: readonly FilterArg[]): string | null => {
    if (args.length < min) return `${name}: expected ${what} in quotes`;
    if (args.length > max) return `${name}: takes at most ${max} argument${max === 1 ? '' : 's'}`;
    return args.some((a) => a.kind !== 'string') ? `${name}: expected ${what} in quotes` : null;
  };
}

export function isIntegerArg(arg: FilterArg): boolean {
  return (
    (arg.kind === 'number' && Number.isInteger(arg.value)) ||
    (arg.kind === 'string' && /^-?\d+$/.test(arg.value.trim()))
  );
}
