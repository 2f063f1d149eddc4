// DOM: converts article HTML to Markdown with turndown. Takes an Element; reads no globals.
// STUB: replaced by the Markdown work.
import type { MarkdownStyle } from '../pure/types';
import { DEFAULT_MARKDOWN_STYLE } from '../pure/types';

/** Markdown for the children of `root`, with links and images made absolute against `baseUrl`. */
export function toMarkdown(
  root: Element,
  baseUrl: string,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  void baseUrl;
  void style;
  return (root.textContent ?? '').trim();
}

/** Markdown for an HTML string, parsed inertly in a fresh document made from `doc`. */
export function htmlToMarkdown(
  html: string,
  doc: Document,
  baseUrl: string,
  style: MarkdownStyle = DEFAULT_MARKDOWN_STYLE,
): string {
  const inert = doc.implementation.createHTMLDocument('');
  // eslint-disable-next-line no-restricted-syntax -- an inert document from createHTMLDocument runs no script and loads nothing.
  inert.body.innerHTML = html;
  return toMarkdown(inert.body, baseUrl, style);
}
