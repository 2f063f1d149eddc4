// Pure: the template language's filter registry, one small entry per filter. Values and shared helpers live in
// template-values.ts, the `date` filter in template-filter-dates.ts, text helpers in template-filter-text.ts.
import { applyDate, checkDate } from './template-filter-dates';
import {
  SLUG_MODES,
  escapeLinkText,
  toJekyllList,
  toJsonValue,
  toLinkTarget,
  toPinyin,
  toSlug,
  truncateText,
} from './template-filter-text';
import type { TemplateFilter } from './template-values';
import {
  argNumber,
  argText,
  isEmptyValue,
  isIntegerArg,
  makeList,
  makeText,
  mapText,
  takesNone,
  takesQuoted,
  toItems,
  toText,
} from './template-values';

export type { FilterArg, FilterContext, TemplateFilter, TemplateValue } from './template-values';
export { EMPTY_TEXT, isEmptyValue, makeList, makeText, toText } from './template-values';
export { formatDate, toDay, toZone } from './template-filter-dates';

/** Every filter by name. Names are what users type after `|`. */
export const TEMPLATE_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  slug: {
    help: 'slug, slug:"pinyin", slug:"site" (pinyin with no separators, like categories)',
    check: (args) => {
      const [mode] = args;
      if (args.length > 1) return 'slug: takes one mode at most';
      if (mode === undefined) return null;
      return mode.kind === 'string' && SLUG_MODES.has(mode.value)
        ? null
        : 'slug: the mode must be "readable", "pinyin" or "site"';
    },
    apply: (input, args, ctx) => {
      const mode = args[0]?.kind === 'string' ? args[0].value : ctx.slugMode;
      return mapText(input, (s) => toSlug(s, mode));
    },
  },
  pinyin: {
    help: 'Chinese characters to toneless pinyin, no separator unless given: pinyin:"-"',
    check: takesQuoted('pinyin', 'a separator', 0, 1),
    apply: (input, args, ctx) => {
      const separator = argText(args[0], ctx);
      return mapText(input, (s) => toPinyin(s, separator).toLowerCase());
    },
  },
  lower: {
    help: 'lower case',
    check: takesNone('lower'),
    apply: (input) => mapText(input, (s) => s.toLowerCase()),
  },
  upper: {
    help: 'upper case',
    check: takesNone('upper'),
    apply: (input) => mapText(input, (s) => s.toUpperCase()),
  },
  trim: {
    help: 'spaces removed at both ends',
    check: takesNone('trim'),
    apply: (input) => mapText(input, (s) => s.trim()),
  },
  date: {
    help: 'date:"YYYY-MM-DD HH:mm:ss Z", optionally a zone: date:"YYYY-MM-DD":"Asia/Shanghai"',
    check: checkDate,
    apply: (input, args) => applyDate(input, args),
  },
  join: {
    help: 'a list as text: join:", "',
    check: takesQuoted('join', 'a separator', 0, 1),
    apply: (input, args, ctx) =>
      input.kind === 'list' ? makeText(input.items.join(argText(args[0], ctx, ', '))) : input,
  },
  split: {
    help: 'text to a list: split:","; items trimmed, empty ones dropped',
    check: takesQuoted('split', 'a separator', 0, 1),
    apply: (input, args, ctx) => {
      const separator = argText(args[0], ctx, ',');
      const items = input.kind === 'list' ? input.items : [toText(input)];
      return makeList(
        items
          .flatMap((item) => (separator === '' ? Array.from(item) : item.split(separator)))
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
    },
  },
  first: {
    help: 'the first item of a list',
    check: takesNone('first'),
    apply: (input) => (input.kind === 'list' ? makeText(input.items[0] ?? '') : input),
  },
  last: {
    help: 'the last item of a list',
    check: takesNone('last'),
    apply: (input) => (input.kind === 'list' ? makeText(input.items[input.items.length - 1] ?? '') : input),
  },
  slice: {
    help: 'items (or characters) from START up to END: slice:0:10',
    check: (args) =>
      args.length >= 1 && args.length <= 2 && args.every(isIntegerArg)
        ? null
        : 'slice: expected a start and an optional end, as numbers',
    apply: (input, args) => {
      const start = argNumber(args[0], 0);
      const end = args[1] === undefined ? undefined : argNumber(args[1], 0);
      if (input.kind === 'list') return makeList(input.items.slice(start, end));
      return makeText(Array.from(toText(input)).slice(start, end).join(''));
    },
  },
  default: {
    help: 'a value for when this one is empty: default:"Untitled" or default:site',
    check: (args) => (args.length === 1 ? null : 'default: expected one value, in quotes or a variable name'),
    apply: (input, args, ctx) => {
      if (!isEmptyValue(input)) return input;
      const [arg] = args;
      return arg?.kind === 'var' ? ctx.lookup(arg.name) : makeText(argText(arg, ctx));
    },
  },
  replace: {
    help: 'replace:"old":"new", every occurrence, literally',
    check: (args) =>
      args.length === 2 &&
      args.every((a) => a.kind === 'string') &&
      args[0]?.kind === 'string' &&
      args[0].value !== ''
        ? null
        : 'replace: expected two texts in quotes, like replace:"old":"new"',
    apply: (input, args, ctx) => {
      const from = argText(args[0], ctx);
      const to = argText(args[1], ctx);
      return from === '' ? input : mapText(input, (s) => s.split(from).join(to));
    },
  },
  truncate: {
    help: 'at most N characters, ending in … when cut: truncate:60, or truncate:60:"" for no …',
    check: (args) => {
      const [max, suffix] = args;
      if (max === undefined || !isIntegerArg(max) || argNumber(max, -1) < 1)
        return 'truncate: expected a number of characters, like truncate:60';
      if (args.length > 2) return 'truncate: takes a length and an optional ending';
      return suffix === undefined || suffix.kind === 'string'
        ? null
        : 'truncate: expected the ending in quotes';
    },
    apply: (input, args, ctx) => {
      const max = argNumber(args[0], Number.MAX_SAFE_INTEGER);
      const suffix = argText(args[1], ctx, '…');
      return mapText(input, (s) => truncateText(s, max, suffix));
    },
  },
  json: {
    help: 'the value as JSON text',
    check: takesNone('json'),
    apply: (input) => makeText(JSON.stringify(toJsonValue(input))),
  },
  list: {
    help: 'a text as a one-item list (empty text: an empty list)',
    check: takesNone('list'),
    apply: (input) => makeList(toItems(input)),
  },
  jekyll_list: {
    help: "Jekyll's rule: one word stays a string, text with spaces becomes a list",
    check: takesNone('jekyll_list'),
    apply: toJekyllList,
  },
  wikilink: {
    help: 'Obsidian links: [[Name]], for every item of a list',
    check: takesNone('wikilink'),
    apply: (input) => (isEmptyValue(input) ? input : mapText(input, (s) => `[[${s}]]`)),
  },
  md_text: {
    help: 'safe as Markdown link text: [ ] \\ escaped, spaces collapsed',
    check: takesNone('md_text'),
    apply: (input) => mapText(input, escapeLinkText),
  },
  md_url: {
    help: 'safe as a Markdown link target: wrapped in < > when it holds spaces or brackets',
    check: takesNone('md_url'),
    apply: (input) => mapText(input, toLinkTarget),
  },
};
