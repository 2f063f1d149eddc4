// DOM: the site's name: declared in metadata, else the part of the title that names it, else a `来源：` line.
import { findByline } from './byline';
import type { ArticleHints, PageSignals } from './page-signals';
import { signalsOf } from './read-signals';
import { findAccountName, findCopyrightHolder, findLogoName } from './site-name-page';
import { declaredSiteNames } from './title';
import { findSourceLine } from '../pure/credits';
import { clean } from '../pure/page-text';

/**
 * The account a platform page names (a WeChat 公众号), og:site_name, JSON-LD publisher, application-name, the site
 * part of the title, the logo's alt text, the copyright holder, a `来源：` line, else null (the caller falls back to
 * the host).
 */
export function findSiteName(doc: Document, url: string, hints: ArticleHints = {}): string | null {
  const signals = signalsOf(doc, url, hints);
  return pickSiteName(doc, url, signals, hints.siteName, findByline(doc, url, { ...hints, signals }));
}

/** findSiteName on signals already read, with the byline already found (metadata.ts reads both once). */
export function pickSiteName(
  doc: Document,
  url: string,
  signals: PageSignals,
  readabilitySiteName: string | null | undefined,
  byline: string | null,
): string | null {
  return (
    findAccountName(doc, byline) ??
    declaredSiteNames(signals, {})[0] ??
    (clean(readabilitySiteName) || null) ??
    signals.title.removed ??
    findLogoName(doc, url) ??
    findCopyrightHolder(doc) ??
    findSourceLine(signals.topLines)
  );
}
