// DOM: the article's byline: metadata first (Readability, JSON-LD, meta tags), then credit lines on the page.
import { articleNodes } from './json-ld';
import type { ArticleHints, PageSignals } from './page-signals';
import { metaValue, metaValues, namesOf } from './page-signals';
import { signalsOf } from './read-signals';
import { readTextLines } from './text-lines';
import { isControlLabel } from './byline-controls';
import { rereadByline } from './byline-parts';
import { betterLatinByline } from './byline-latin';
import { findOutletNames } from './byline-outlets';
import { findAccountName } from './site-name-page';
import { findAuthorElementNames, findBylineBoxName } from './byline-element';
import { cleanByline, cleanMetaByline, isAsciiHandle, readRoleLabel } from '../pure/byline-text';
import { isShownAsWriter, readAccountPerson } from '../pure/byline-shown';
import type { Credit } from '../pure/credits';
import {
  RANK_EDITOR,
  RANK_LABELLED,
  RANK_NAME_LINE,
  RANK_POSTER,
  RANK_SOURCE_PERSON,
  findCredit,
  formatCredit,
  isEditorCredit,
  readNameLine,
} from '../pure/credits';
import { NOT_A_NAME, isLikelyHanName } from '../pure/han-names';
import { compact, countHan, isUrlLike, lastLines, normalizeSpace } from '../pure/page-text';
import { hostLabels, isChineseSiteLike } from '../pure/site-title';

/**
 * A line of names alone right under the headline (`犬儒病(上)` / `胡平`), or second in the article text under
 * a short heading. Never the title itself: a page about a person shows the name as its heading.
 */
function findNameLine(doc: Document, signals: PageSignals, hints: ArticleHints): Credit | null {
  const slots: string[] = [];
  if (signals.lineAfterHeadline) slots.push(signals.lineAfterHeadline);
  // Readability may keep the heading (once or twice) above the names, or drop it.
  const text = (hints.text ?? '').split('\n', 4).map((l) => normalizeSpace(l));
  for (const line of text.slice(0, 3)) {
    slots.push(line);
    if (line.length > 40 || /[。！？]/u.test(line)) break;
  }
  const title = compact(signals.title.title);
  for (const line of slots) {
    const names = readNameLine(line);
    if (names.length && !names.some((n) => title.includes(compact(n)) || isControlLabel(doc, n)))
      return { names, rank: RANK_NAME_LINE };
  }
  return null;
}

/** The article text's last lines, where Chinese papers close with `（记者 张三）` or `（责任编辑：李四）`. */
const TAIL_LINES = 12;
/** Page lines read for a labelled credit when the article's own lines have none. */
const PAGE_LINES = 800;
/** Han characters in the article text that make it a Chinese page, where a Latin handle is no writer's name. */
const MIN_HAN_TEXT = 50;

/** Whether `line` holds `word` (a handle: letters, digits, `_.-`) standing alone, not inside an address. */
function hasWord(line: string, word: string): boolean {
  for (let at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
    const before = line[at - 1] ?? ' ';
    const after = line[at + word.length] ?? ' ';
    if (!/[\w.@/-]/u.test(before) && !/[\w.@/-]/u.test(after)) return true;
  }
  return false;
}

/**
 * `张三`, `Jane Doe`, `Jane Doe, John Roe`: names as a byline prints them, nothing else; no author box needs reading
 * to find the name in it.
 */
function isPlainName(byline: string): boolean {
  return byline
    .split(/,\s*/u)
    .every((n) => isLikelyHanName(n) || /^\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?$/u.test(n));
}

/**
 * Readability's byline, JSON-LD author(s), meta author, article:author, then credit lines: labelled ones
 * (`作者：`, `本报记者`, `By`) near the headline or closing the article, forum posters, bare name lines,
 * the issuing office, and last the editor.
 */
export function findByline(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  // Outlets are never authors: the declared site, the title's site part, the `来源：` source (参考消息), ….
  // Read only when a Chinese name needs checking: the source elements cost a page walk.
  let siteNames: string[] | null = null;
  const outlets = (): string[] => (siteNames ??= findOutletNames(doc, signals, hints));
  const labels = hostLabels(url);
  const generator = metaValue(signals, 'generator') ?? '';
  const fromMeta = (raw: string | null | undefined): string | null =>
    cleanMetaByline(raw, countHan(raw ?? '') > 0 ? outlets() : [], labels, generator);
  const fromJsonLd = (): string | null => {
    const nodes = signals.jsonLd;
    for (const node of signals.article ? [signals.article] : articleNodes(nodes)) {
      const names = namesOf(node.author, nodes)
        .map((n) => fromMeta(n))
        .filter((n): n is string => n !== null);
      if (names.length) return cleanByline(names.join(', ')) ?? names[0] ?? null;
    }
    return null;
  };
  let pageText: string[] | null = null;
  const pageLines = (): string[] => (pageText ??= doc.body ? readTextLines(doc.body, PAGE_LINES) : []);
  const readLineCredit = (): Credit | null => {
    const top = signals.topLines;
    const tail = lastLines(hints.text ?? '', TAIL_LINES);
    const near = findCredit([...top, ...tail], RANK_SOURCE_PERSON) ?? findNameLine(doc, signals, hints);
    if (near && near.rank <= RANK_NAME_LINE) return near;
    // Old portals keep the byline outside what Readability keeps (a table row above the text).
    // Only Chinese lines: an English `By …` far from the headline is as often `By clicking Submit…`.
    const page = findCredit(
      pageLines().filter((l) => countHan(l) > 0),
      RANK_EDITOR,
    );
    if (page && page.rank <= RANK_POSTER) return page;
    if (near && (!page || near.rank <= page.rank)) return near;
    return page;
  };
  let lineCredit: Credit | null | undefined;
  const creditOfLines = (): Credit | null =>
    lineCredit === undefined ? (lineCredit = readLineCredit()) : lineCredit;
  const fromLines = (): string | null => formatCredit(creditOfLines());
  // `张倩` or `青网新闻杨逸凡` (an editor's CMS account) that the page shows nowhere or only as its editor, or a Latin
  // handle (`chinanews`) on a Chinese page: the credit the page itself shows wins, the writer's, else the name the
  // account names as the page prints it (`责任编辑：张毅`). Null when the page shows no other name.
  const ownCreditOver = (value: string): string | null => {
    const parts = value.split(/,\s*/u);
    const persons = parts.map(readAccountPerson);
    const isAccount = persons.every((p) => p !== null) && !parts.some((p) => isShownAsWriter(pageLines(), p));
    // A handle counts as shown only as a word of its own, not inside an address (`chinanews.com`).
    const isHandle =
      isAsciiHandle(value) &&
      countHan(hints.text ?? '') >= MIN_HAN_TEXT &&
      !isShownAsWriter(
        pageLines().filter((l) => hasWord(l, value)),
        value,
      );
    if (!isAccount && !isHandle) return null;
    const credit = creditOfLines();
    if (credit && credit.rank <= RANK_NAME_LINE) return formatCredit(credit);
    const shown = findAuthorElementNames(doc);
    if (shown.length) return cleanByline(shown.join(', '));
    if (credit?.rank === RANK_EDITOR && persons.some((p) => p && credit.names.includes(p)))
      return formatCredit(credit);
    return null;
  };
  const hint = hints.byline ?? '';
  // Readability takes `[责任编辑：韩保林]` or `选稿：许文杰` for the byline: an editing role's credit, the last resort
  // as on any line. Any other label (`评论员：张三`) names the writer.
  const role = readRoleLabel(hint);
  const isRoleHint = isEditorCredit(hint) || role?.isEditor === true;
  const writerHint = (role && !role.isEditor ? role.name : null) ?? hint;
  // A metadata step's unlabelled non-person name may give way to the article's own credit; a line step's not.
  const steps: { read: () => string | null; metadata: boolean }[] = [
    // `经济日报2024-05-13 06:16发布于北京…+关注`, the whole author box: its name element is the name; else the box
    // read in its parts (`Kelly SheridanNews` → `Kelly Sheridan | News`).
    {
      read: () =>
        isRoleHint || !hint
          ? null
          : // A plain name (`Jane Doe`, `张三`) has no box around it to read again: no page query for it.
            fromMeta(
              isPlainName(hint)
                ? hint
                : (findBylineBoxName(doc, hint) ??
                    (writerHint === hint ? rereadByline(doc, hint) : writerHint)),
            ),
      metadata: true,
    },
    { read: fromJsonLd, metadata: true },
    {
      read: () =>
        fromMeta(metaValue(signals, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'byl')),
      metadata: true,
    },
    {
      read: () => fromMeta(metaValues(signals, 'article:author').find((v) => !isUrlLike(v))),
      metadata: true,
    },
    { read: fromLines, metadata: false },
    { read: () => (isRoleHint ? fromMeta(role?.name ?? hint) : null), metadata: false },
  ];
  const onBylineLine = findCredit(
    signals.lineAfterHeadline ? [signals.lineAfterHeadline] : [],
    RANK_LABELLED,
  );
  // `扬眼企鹅号`, `星河财经频道`, the page's account or source: a name that is an outlet's, not a pen name.
  const isAccountLike = (name: string): boolean =>
    /号$/u.test(name) ||
    NOT_A_NAME.test(name) ||
    isChineseSiteLike(name) ||
    outlets().includes(name) ||
    findAccountName(doc, null) === name;
  for (const [i, { read, metadata }] of steps.entries()) {
    const value = read();
    if (!value) continue;
    const own = metadata ? ownCreditOver(value) : null;
    if (own) return own;
    // A login, one writer of a fuller list, the outlet: metadata values the page itself names better.
    const later = steps.slice(i + 1);
    const better = metadata ? betterLatinByline(value, { doc, url, signals, hints, later }) : null;
    if (better) return better;
    // `扬眼企鹅号` from metadata or an author box, `扬子晚报记者 张楠` in the article: an account or channel named by
    // metadata gives way to the reporter the article itself credits. A pen name (`月落长安`) does not.
    const parts = value.split(/,\s*/u);
    if (metadata && countHan(value) > 0 && !parts.some(isLikelyHanName) && parts.every(isAccountLike)) {
      const own = findCredit(
        [...signals.topLines, ...lastLines(hints.text ?? '', TAIL_LINES)],
        RANK_LABELLED,
      );
      if (own?.names.every(isLikelyHanName)) return formatCredit(own) ?? value;
    }
    // `文/林晓 江城生活圈`: metadata names the account shown unlabelled beside the labelled writer.
    const line = signals.lineAfterHeadline ?? '';
    // A name on the line that is the value with a word glued on (`Carolyn SaidUpdated`) is the same person.
    const samePerson = (n: string): boolean =>
      value.includes(n) || (n.startsWith(value) && /^\p{L}/u.test(n.slice(value.length)));
    if (onBylineLine && line.includes(value) && !onBylineLine.names.some(samePerson))
      return formatCredit(onBylineLine) ?? value;
    return value;
  }
  return null;
}
