// DOM: trims what Readability keeps at an article's edges: the headline again, byline and date lines, share and
// link rows, story lists.
import { removeTrailingLinkRows } from './boilerplate-tail';
import { isMenuList } from './edge-menus';
import { BLOCK_TAGS } from './html-blocks';
import { BREADCRUMB_LABEL, DROP_ATTRIBUTE } from './pre-clean';
import { readAndLine, readByLine } from '../pure/byline-lines';
import { findDatesInText } from '../pure/date-parse';
import { escapeRegExp, normalizeSpace } from '../pure/page-text';
import { measureText } from '../pure/text-weight';
import type { FoundDate } from '../pure/types';
import { endsSentence } from '../pure/sentence-end';

// ---------------------------------------------------------------- trimming the article's edges

export interface EdgeContext {
  /** The headline as found, and as Readability saw it. */
  titles: string[];
  byline: string | null;
  dates: (FoundDate | null)[];
}

/** A block of the article: one block element, or a run of inline nodes between blocks. */
interface Unit {
  nodes: Node[];
  text: string;
}

const BLOCK_SELECTOR = Array.from(BLOCK_TAGS, (t) => t.toLowerCase()).join(', ');
/** Blocks taken whole, never split into their parts: they are content, not header or footer lines. */
const WHOLE_TAGS = new Set(['BLOCKQUOTE', 'DL', 'FIGURE', 'OL', 'PRE', 'TABLE', 'UL']);
const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, svg, figure, object, embed';
const MEDIA_TAGS: ReadonlySet<string> = new Set(MEDIA_SELECTOR.toUpperCase().split(', '));
/** How many text blocks at each end of the article may be header or footer lines. */
const MAX_EDGE_UNITS = 6;
/** Header and footer lines are short; a kicker or standfirst above a byline stays under this. */
const MAX_META_LINE_CHARS = 200;
const MAX_HEADER_LINE_CHARS = 300;
/** A standfirst is a sentence at least this long (about eight words). */
const MIN_STANDFIRST_CHARS = 40;

/** `来源：`, `作者：`, `责任编辑：`, `字号：` — the labels of a Chinese portal's dateline and footer. */
const CJK_META_LABEL =
  /(?:来源|來源|稿源|作者|作\s+者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編|字号|字號|发布时间|發佈時間|发布日期|發佈日期|点击|點擊|浏览|瀏覽|阅读|閱讀)\s*[：:]/u;
/** Words a dateline adds around its date: `Published … at …`, `Updated`, zones, `发布时间`. */
const DATELINE_WORDS =
  /\b(?:published|updated|posted|last|modified|on|at|by|am|pm|a\.m\.|p\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?|\buhr\b|发布|發佈|时间|時間|日期|更新|于/giu;
/** `in Cádiz`, `aus Berlin`, `à Paris`: where the reporter files from, right after the byline. */
const FILED_FROM = /(?<![\p{L}])(?:in|aus|à|en|em|from)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?/gu;
/** Zone abbreviations, capitals only (`EST`, `GMT`, `ET`). */
const ZONE_NAMES = /\b(?:[A-Z]{1,4}T|UTC|GMT)\b/g;
const TIME_OF_DAY = /\d{1,2}[:：.]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?)?/giu;
const BYLINE_LINE =
  /^(?:(?:written|words|story|text|reporting)\s+)?by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|da|del|la|le)){0,5}$/u;
/** Headings of lists of other stories that Readability keeps when they share the article's column. */
const LIST_HEADING =
  /^(?:热点排行|热门排行|排行榜|点击排行|热点推荐|热门推荐|热门文章|热门新闻|相关新闻|相关阅读|相关文章|相关报道|推荐阅读|猜你喜欢|今日推荐|最新文章|最新新闻|精彩推荐|related(?: (?:stories|articles|posts|news|coverage|reading))?|most (?:read|popular|viewed)|trending(?: now)?|popular (?:posts|stories|articles|now)|read next|more stories|you may also like|recommended for you|recent posts)$/iu;
/** Separators between the links of a navigation line (`Back to news | Subscribe`). */
const LINK_SEPARATORS = /[\s|｜·•/\\\-–—【】[\]()（）<>«»,，、]/gu;

function isBlock(node: Node): node is Element {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

function toUnit(nodes: Node[]): Unit {
  return { nodes, text: normalizeSpace(nodes.map((n) => n.textContent ?? '').join(' ')) };
}

/**
 * The article's units in document order (`reverse`: from the end), lazily: only the edges are ever looked at,
 * so a 16,000-paragraph article is not walked (nor its text read) whole. Runs of inline nodes are the same
 * in both directions, and each run keeps its nodes in document order.
 */
function* walkUnits(el: Element, reverse: boolean): Generator<Unit> {
  let run: Node[] = [];
  // Sibling links, not a copy of the child list: a story's container may hold 30,000 children, and only the
  // first or last few are read (nothing is removed while the units are taken).
  for (
    let child = reverse ? el.lastChild : el.firstChild;
    child;
    child = reverse ? child.previousSibling : child.nextSibling
  ) {
    if (isBlock(child)) {
      if (run.length) yield toUnit(reverse ? run.reverse() : run);
      run = [];
      if (WHOLE_TAGS.has(child.tagName.toUpperCase()) || !child.querySelector(BLOCK_SELECTOR))
        yield toUnit([child]);
      else yield* walkUnits(child, reverse);
    } else if (child.nodeType === 1 || child.nodeType === 3) {
      run.push(child);
    }
  }
  if (run.length) yield toUnit(reverse ? run.reverse() : run);
}

/** Units with text or media, from one end, until `isEnough` says the edge has been seen. */
function takeUnits(root: Element, reverse: boolean, isEnough: (taken: Unit[]) => boolean): Unit[] {
  const taken: Unit[] = [];
  for (const unit of walkUnits(root, reverse)) {
    if (unit.text === '' && !hasMedia(unit)) continue;
    taken.push(unit);
    if (isEnough(taken)) break;
  }
  return taken;
}

function hasMedia(unit: Unit): boolean {
  return unit.nodes.some(
    (n) =>
      n.nodeType === 1 &&
      // The tag by name, not `matches(MEDIA_SELECTOR)`: linkedom compiles a selector again on every `matches` call.
      (MEDIA_TAGS.has((n as Element).tagName.toUpperCase()) || (n as Element).querySelector(MEDIA_SELECTOR)),
  );
}

function isWhole(unit: Unit): boolean {
  const first = unit.nodes[0];
  return (
    unit.nodes.length === 1 &&
    first !== undefined &&
    isBlock(first) &&
    WHOLE_TAGS.has(first.tagName.toUpperCase())
  );
}

function linkedText(unit: Unit): string {
  return unit.nodes
    .flatMap((n) =>
      n.nodeType !== 1
        ? []
        : (n as Element).tagName.toUpperCase() === 'A'
          ? [n as Element]
          : Array.from((n as Element).querySelectorAll('a')),
    )
    .map((a) => a.textContent ?? '')
    .join(' ');
}

function countLinks(unit: Unit): number {
  return unit.nodes.reduce(
    (sum, n) =>
      n.nodeType !== 1
        ? sum
        : sum +
          ((n as Element).tagName.toUpperCase() === 'A' ? 1 : (n as Element).querySelectorAll('a').length),
    0,
  );
}

function compactText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The headline repeated at the top of the body. */
function isTitleLine(unit: Unit, ctx: EdgeContext): boolean {
  const text = compactText(unit.text);
  return text.length >= 4 && ctx.titles.some((t) => compactText(t) === text);
}

/** A byline, dateline, `来源：` or `责任编辑：` line: what the front matter already says. */
function isMetaLine(unit: Unit, ctx: EdgeContext): boolean {
  const text = unit.text;
  if (!text || text.length > MAX_META_LINE_CHARS || isWhole(unit)) return false;
  if (CJK_META_LABEL.test(text) || BREADCRUMB_LABEL.test(text)) return true;
  if (BYLINE_LINE.test(text) || readByLine(text).length > 0) return true;
  // `und Tobias Brandt` under `Von Jana Keller`: a name the byline holds, after the word for "and".
  const more = readAndLine(text);
  if (more.length && more.every((n) => ctx.byline?.includes(n))) return true;
  let rest = text;
  const byline = ctx.byline?.trim();
  if (byline) {
    if (compactText(text) === compactText(byline)) return true;
    rest = rest.replace(new RegExp(escapeRegExp(byline), 'giu'), ' ');
    // `Lucía Ortega in Cádiz · …`: the place a byline is filed from.
    if (rest !== text) rest = rest.replace(FILED_FROM, ' ');
  }
  let hasDate = false;
  for (const found of ctx.dates) {
    if (found && found.raw.length >= 6 && rest.includes(found.raw)) {
      rest = rest.split(found.raw).join(' ');
      hasDate = true;
    }
  }
  for (const match of findDatesInText(rest)) {
    rest = rest.replace(match.text, ' ');
    hasDate = true;
  }
  if (!hasDate && rest === text) return false;
  // Nothing is left once the date, the byline and the dateline's own words are gone.
  const left = rest.replace(ZONE_NAMES, ' ').replace(TIME_OF_DAY, ' ').replace(DATELINE_WORDS, ' ');
  return compactText(left).length <= 2;
}

/** A sentence of some length, mostly outside links: a standfirst, not a kicker or a label. */
function isStandfirst(unit: Unit): boolean {
  return (
    measureText(unit.text) >= MIN_STANDFIRST_CHARS &&
    endsSentence(unit.text, { isEllipsisEnd: false }) &&
    linkedText(unit).length * 2 < unit.text.length
  );
}

/** A line of links only, two or more (`Back to news | Subscribe to the print edition`). */
function isLinkLine(unit: Unit): boolean {
  if (!unit.text || unit.text.length > MAX_META_LINE_CHARS || isWhole(unit) || countLinks(unit) < 2)
    return false;
  const linked = linkedText(unit).replace(LINK_SEPARATORS, '');
  return unit.text.replace(LINK_SEPARATORS, '').length === linked.length;
}

function removeUnit(unit: Unit, root: Element): void {
  for (const node of unit.nodes) {
    let parent = node.parentNode;
    node.parentNode?.removeChild(node);
    // Wrappers left with nothing to show go too.
    while (parent && parent !== root && parent.nodeType === 1) {
      const el = parent as Element;
      if (hasText(el) || el.querySelector(MEDIA_SELECTOR)) break;
      parent = el.parentNode;
      el.remove();
    }
  }
}

/**
 * Whether any text node under `el` holds more than whitespace; stops at the first one. Not `textContent`: the
 * wrapper of a removed line may be the whole article, a megabyte of text to join only to see it is not empty.
 */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (/\S/.test(node.nodeValue ?? '')) return true;
  return false;
}

/** `热点排行` + a list of links: a list of other stories. */
function removeStoryLists(root: Element): void {
  // Only the elements a list follows, found by the selector engine: most of an article's paragraphs are followed
  // by another paragraph. The tests below still read each heading's next sibling as it is when its turn comes.
  const lists = root.querySelectorAll(':is(h1, h2, h3, h4, h5, h6, p, div) + :is(ul, ol, table, div)');
  const headings = Array.from(lists, (list) => list.previousElementSibling).filter((el) => el !== null);
  for (const heading of headings) {
    // The sibling test first: it is cheap, and most of an article's paragraphs fail it.
    const list = heading.nextElementSibling;
    if (!list || !/^(?:UL|OL|TABLE|DIV)$/.test(list.tagName.toUpperCase())) continue;
    if (!root.contains(heading) || !LIST_HEADING.test(normalizeSpace(heading.textContent))) continue;
    const text = compactText(list.textContent ?? '');
    const linked = compactText(Array.from(list.querySelectorAll('a'), (a) => a.textContent ?? '').join(''));
    if (text.length === 0 || linked.length / text.length < 0.8) continue;
    removeUnit({ nodes: [heading, list], text: '' }, root);
  }
}

/**
 * Removes what the front matter already holds from the article's edges: at the top, the repeated headline,
 * byline and dateline lines (with a kicker or standfirst above them); at the bottom, `责任编辑：` and
 * dateline lines and link-only navigation lines. Stops at the first real paragraph, list, table or code.
 */
export function trimArticleEdges(root: Element, ctx: EdgeContext): void {
  for (const el of Array.from(root.querySelectorAll(`[${DROP_ATTRIBUTE}]`)))
    removeUnit({ nodes: [el], text: '' }, root);
  removeStoryLists(root);
  removeTrailingLinkRows(root);
  // Both edges are read before anything is removed, as one list of every unit would have been.
  // The top loop skips media and looks at MAX_EDGE_UNITS + 1 lines at most; the bottom loop stops at media.
  const top = takeUnits(root, false, (taken) => taken.filter((u) => !hasMedia(u)).length > MAX_EDGE_UNITS);
  const bottom = takeUnits(root, true, (taken) => {
    const last = taken[taken.length - 1];
    return taken.length > MAX_EDGE_UNITS || (last !== undefined && hasMedia(last));
  });

  // Short lines above a byline or dateline (a kicker, a standfirst) are part of the header; a header is one
  // run, so once a line is gone at most one more short line may sit before the next metadata line.
  let pending: Unit[] = [];
  let hasRemoved = false;
  let seen = 0;
  // Once a sentence is read, the story has begun: a list of short links after it is the story's own.
  let hasSentence = false;
  for (const unit of top) {
    if (hasMedia(unit)) continue; // a hero image is content; look past it
    if (++seen > MAX_EDGE_UNITS) break;
    if (isTitleLine(unit, ctx) || isMetaLine(unit, ctx)) {
      for (const p of [...pending, unit]) removeUnit(p, root);
      pending = [];
      hasRemoved = true;
      continue;
    }
    // A site menu above the story (`Home · News · Sports`): looked past like a metadata line.
    if (
      !hasSentence &&
      isWhole(unit) &&
      unit.nodes[0] !== undefined &&
      isMenuList(unit.nodes[0] as Element)
    ) {
      removeUnit(unit, root);
      continue;
    }
    if (isWhole(unit) || measureText(unit.text) > MAX_HEADER_LINE_CHARS) break;
    // A standfirst (dek) is a sentence and stays: it is the story's summary, not its furniture.
    if (isStandfirst(unit)) {
      hasSentence = true;
      continue;
    }
    if (pending.length >= (hasRemoved ? 1 : 2)) break;
    pending.push(unit);
  }

  seen = 0;
  for (const unit of bottom) {
    if (!root.contains(unit.nodes[0] ?? null) || hasMedia(unit) || ++seen > MAX_EDGE_UNITS) break;
    if (isMetaLine(unit, ctx) || isLinkLine(unit)) removeUnit(unit, root);
    else break;
  }
}

// ---------------------------------------------------------------- Chinese paragraph indents

/** Leading full-width spaces (and the spaces around them) that indent a Chinese paragraph: typesetting, not text. */
const FULL_WIDTH_INDENT = /^[\s\u00a0]*\u3000[\u3000\s\u00a0]*/u;

/** Drops the `　　` indent at the start of each paragraph (and of each line after a `<br>`). */
export function dropParagraphIndents(root: Element): void {
  // One native read first: most pages have no full-width space at all, and walking a long story's text nodes hands
  // each to script (about 15 ms on a 16,000-paragraph page in Chromium's isolated world).
  if (!(root.textContent ?? '').includes('\u3000')) return;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // Only the nodes that hold an indent are kept (a long story's other text nodes are looked at once, not listed):
  // the others are never changed, so each kept node sees what it saw when every node was listed.
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node as Text).data.includes('\u3000')) texts.push(node as Text);
  for (const text of texts) {
    const value = text.data;
    if (!FULL_WIDTH_INDENT.test(value)) continue;
    if (!startsLine(text)) continue;
    text.data = value.replace(FULL_WIDTH_INDENT, '');
  }
}

/** Whether a text node starts a line: nothing but whitespace before it in its block, or a `<br>` just before. */
function startsLine(text: Text): boolean {
  let node: Node = text;
  for (;;) {
    let prev = node.previousSibling;
    while (prev && prev.nodeType === 3 && !(prev.textContent ?? '').trim()) prev = prev.previousSibling;
    if (prev) return prev.nodeType === 1 && (prev as Element).tagName.toUpperCase() === 'BR';
    const parent = node.parentNode;
    if (!parent || parent.nodeType !== 1) return true;
    if (BLOCK_TAGS.has((parent as Element).tagName.toUpperCase())) return true;
    node = parent;
  }
}
