// Pure: the post's description, a real summary: the page's declared description, else its standfirst or first
// paragraph; never the headline again, a byline, a kicker or a label.
import { readByLine } from './byline-lines';
import { clean, compact } from './page-text';
import { measureText } from './text-weight';
import { endsSentence } from './sentence-end';

/** A summary is at least a short sentence (about eight words, or sixteen CJK characters). */
const MIN_SUMMARY_CHARS = 40;
/** Lines read from the top of the article for a standfirst. */
const MAX_LINES = 8;
/** `来源：`, `作者：`, `记者 `, `By`: credit and dateline labels. */
const CREDIT_LABEL = /^(?:来源|來源|作者|记者|記者|编辑|編輯|责任编辑|发布时间|时间|日期|文\s*[／/])/u;

export interface SummaryContext {
  title: string;
  byline: string | null;
  /** The article's text, one block per line, from its top. */
  lines: readonly string[];
}

function echoes(value: string, ctx: SummaryContext): boolean {
  const c = compact(value);
  const title = compact(ctx.title);
  const byline = compact(ctx.byline ?? '');
  if (!c) return true;
  if (title && (c === title || (title.includes(c) && c.length * 2 > title.length))) return true;
  return byline !== '' && c.includes(byline) && c.length - byline.length < 12;
}

function isSummaryLine(line: string, ctx: SummaryContext, minChars = MIN_SUMMARY_CHARS): boolean {
  const text = clean(line);
  if (measureText(text) < minChars || echoes(text, ctx)) return false;
  if (CREDIT_LABEL.test(text) || readByLine(text).length > 0) return false;
  return endsSentence(text) || measureText(text) >= MIN_SUMMARY_CHARS * 2;
}

/**
 * The first of `declared` (meta and JSON-LD descriptions, in order) that does not repeat the title or byline;
 * else `excerpt` (Readability's first paragraph) when it reads as a summary; else the first line of the article
 * that does. Null when there is none.
 */
export function chooseSummary(
  declared: readonly (string | null | undefined)[],
  excerpt: string | null | undefined,
  ctx: SummaryContext,
): string | null {
  for (const value of declared) {
    const text = clean(value);
    if (text && !echoes(text, ctx)) return text;
  }
  const guess = clean(excerpt);
  // Readability's pick is the article's first paragraph: any sentence will do, a kicker or label will not.
  if (guess && isSummaryLine(guess, ctx, 1)) return guess;
  for (const line of ctx.lines.slice(0, MAX_LINES)) if (isSummaryLine(line, ctx)) return clean(line);
  return null;
}
