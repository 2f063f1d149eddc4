// DOM: the site's name: declared in metadata, else the part of the title that names it, else a `来源：` line.
import type { ArticleHints } from './page-signals';
import { signalsOf } from './read-signals';
import { declaredSiteNames } from './title';
import { findSourceLine } from '../pure/credits';
import { clean } from '../pure/page-text';

/** og:site_name, JSON-LD publisher, application-name, the site part of the title, a `来源：` line, else null. */
export function findSiteName(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const declared = declaredSiteNames(signals, {});
  if (declared[0]) return declared[0];
  if (hints.siteName) return clean(hints.siteName);
  return signals.title.removed ?? findSourceLine(signals.topLines);
}
