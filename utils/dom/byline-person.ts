// DOM: a person's byline shown on the page, preferred to a metadata author that is the outlet itself: `<meta
// name="author" content="El Mostrador">` on the site El Mostrador, while the headline stands over `por Raúl Espina`.
import type { ArticleHints, PageSignals } from './page-signals';
import { declaredSiteNames } from './title';
import { hasLeadingLabel } from '../pure/byline-label';
import { cleanByline } from '../pure/byline-text';
import { compact, countHan } from '../pure/page-text';
import { hostLabels } from '../pure/site-title';

const MAX_LINE_CHARS = 120;
/** One name as a Latin byline writes it: one to five capitalised words, with the particles names carry. */
const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|del|la|le|di|du|dos|das|y)\s+)*\p{Lu}[\p{L}'’.-]*){0,4}$/u;
/** A host name with any top-level domain: `24horas.cl`. */
const DOMAIN = /^(?:[\p{L}\d-]+\.)+\p{L}{2,}$/u;

/**
 * Whether a Latin metadata author names the outlet: the declared site (og:site_name, the JSON-LD publisher), a
 * domain, or a name holding the host's own word (`Bund der Energieverbraucher e.V.` on energieverbraucher.de).
 */
function isOutletName(value: string, sites: string[], url: string): boolean {
  const c = compact(value);
  if (!c || DOMAIN.test(value)) return true;
  if (sites.some((s) => compact(s) === c)) return true;
  return hostLabels(url).some((label) => label.length >= 5 && c.includes(compact(label)));
}

/** The names of a labelled byline line (`por Raúl Espina 4 mayo, 2022`, `Von Leonora Holling`), else null. */
function readLabelledLine(line: string): string | null {
  if (line.length > MAX_LINE_CHARS || !hasLeadingLabel(line)) return null;
  const names = cleanByline(line);
  if (!names || /\d/u.test(names)) return null;
  const parts = names.split(/\s*,\s*|\s+(?:and|und|y|e|et|en|og|och|i)\s+|\s*&\s*/u);
  return parts.every((p) => NAME.test(p)) ? names : null;
}

/**
 * The byline the page shows under or around its headline when `value`, a metadata author, is the outlet's name;
 * null when `value` names someone else or the page shows no labelled byline but the outlet's.
 */
export function findPersonOverOutlet(
  value: string,
  url: string,
  signals: PageSignals,
  hints: ArticleHints,
): string | null {
  if (countHan(value) > 0) return null;
  const sites = declaredSiteNames(signals, hints);
  if (!isOutletName(value, sites, url)) return null;
  for (const line of signals.topLines) {
    const names = readLabelledLine(line);
    if (names && !isOutletName(names, sites, url)) return names;
  }
  return null;
}
