// DOM: the site's name: declared in metadata, else the part of the title that names it, else a `来源：` line.
import type { ArticleHints } from './page-signals';
import { signalsOf } from './read-signals';
import { findCopyrightHolder, findLogoName } from './site-name-page';
import { declaredSiteNames } from './title';
import { findSourceLine } from '../pure/credits';
import { clean } from '../pure/page-text';

/**
 * og:site_name, JSON-LD publisher, application-name, the site part of the title, the logo's alt text, the copyright
 * holder, a `来源：` line, else null (the caller falls back to the host).
 */
export function findSiteName(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  const declared = declaredSiteNames(signals, {});
  if (declared[0]) return declared[0];
  if (hints.siteName) return clean(hints.siteName);
  return (
    signals.title.removed ??
    findLogoName(doc, url) ??
    findCopyrightHolder(doc) ??
    findSourceLine(signals.topLines)
  );
}
