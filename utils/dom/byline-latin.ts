// DOM: where a Latin-script metadata byline gives way to a better source on the same page: a CMS login to the same
// letters written as a name, one writer to the fuller list of the same writers, the outlet to the person the page
// credits. Chinese bylines have their own rules in byline.ts.
import type { ArticleHints, PageSignals } from './page-signals';
import { findPersonOverOutlet } from './byline-person';
import { fullerNameList, isLoginLike } from '../pure/byline-label';
import { compact, countHan } from '../pure/page-text';

export interface BylineContext {
  doc: Document;
  url: string;
  signals: PageSignals;
  hints: ArticleHints;
  /** The later sources' bylines, read on demand: metadata (JSON-LD, meta author, article:author), then the page's. */
  later: readonly { read: () => string | null; metadata: boolean }[];
}

/** A better byline than `value`, a metadata author, from the same page; null to keep `value`. */
export function betterLatinByline(value: string, context: BylineContext): string | null {
  if (countHan(value) > 0) return null;
  // `edilson.la.rosa`, `arianschlichenmayer`: a login gives way to the same letters written as a name elsewhere.
  if (isLoginLike(value)) {
    const key = compact(value);
    for (const { read } of context.later) {
      const named = read();
      if (named && !isLoginLike(named) && compact(named) === key) return named;
    }
  }
  // `Darian Woods` from the byline element, `Darian Woods, Sarah Gonzalez` in JSON-LD.
  const fuller = fullerNameList(
    value,
    context.later.filter((step) => step.metadata).map((step) => step.read()),
  );
  if (fuller) return fuller;
  // `El Mostrador` (the site) in metadata, `por Raúl Espina` under the headline: the page's own byline wins.
  return findPersonOverOutlet(context.doc, value, context.url, context.signals, context.hints);
}
