// DOM: the HTML elements that start a new block of text, and those whose text no reader sees, shared by
// extraction, metadata and Markdown. Data only.

/** Flow content that breaks lines: each module adds the few extra tags its own job needs. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
]);

/** The page's own wrappers: never a box to remove or a source line, whatever class they carry. */
export const LAYOUT_TAGS: ReadonlySet<string> = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Elements whose text no reader sees (upper-case tag names; compare `tagName.toUpperCase()`). */
export const UNSEEN_TAGS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** BLOCK_TAGS plus `extra`. */
export function withBlockTags(...extra: string[]): ReadonlySet<string> {
  return new Set([...BLOCK_TAGS, ...extra]);
}
