// Pure: names which converter and style produced a clip's stored Markdown, so export can reuse it instead of
// converting the article HTML again (most of Export all's time on a 10,000-clip library).
import type { MarkdownStyle } from './types';

/**
 * Bump when utils/dom/markdown*.ts changes its output: stored Markdown made by an older converter is then
 * converted again on export, so old clips get the fixes.
 */
export const MARKDOWN_CONVERTER_VERSION = 1;

/** A stable key for a style (field order does not matter) and the converter version. */
export function toMarkdownKey(style: MarkdownStyle): string {
  const fields = (Object.keys(style) as (keyof MarkdownStyle)[]).sort().map((key) => `${key}=${style[key]}`);
  return `v${MARKDOWN_CONVERTER_VERSION};${fields.join(';')}`;
}
