// DOM: the names a page gives its outlets, which are never its author: the declared site, the site part of the
// title and each of its segments (`电信_新浪科技_新浪网`), the `来源：` source, the owner in a copyright meta tag
// (`网易版权所有`), the text of elements the page marks as the source (`<a class="source">参考消息</a>`), and
// JSON-LD authors typed as organisations.
import { articleNodes, stringProp, typesOf } from './json-ld';
import type { ArticleHints, PageSignals } from './page-signals';
import { dereference, metaValue } from './page-signals';
import { declaredSiteNames } from './title';
import { copyrightHolder } from '../pure/copyright';
import { findSourceLine } from '../pure/credits';
import { isChineseSiteLike, titleParts } from '../pure/site-title';
import { isLikelyHanName } from '../pure/han-names';
import { clean, compact } from '../pure/page-text';
import { isRecord } from '../pure/result';
import { LAYOUT_TAGS } from './html-blocks';
import { textFitsIn } from './text-length';

/** Elements whose class or id may say they hold the story's source; `isSourceElement` checks the word. */
const SOURCE_SELECTOR = '[class*="source"], [id*="source"]';
/** `source` as a whole word of a class or id: `source`, `article-source`, `ne_article_source`, not `resource`. */
const SOURCE_WORD = /(?:^|[\s_-])source(?=$|[\s_-]|[A-Z])/u;
const MAX_SOURCE_ELEMENTS = 12;
const MAX_NAME_CHARS = 30;
/** A source element's text, label and date included: `2026年10月07日 09:00 来源：海湾商报`. */
const MAX_SOURCE_CHARS = 80;
/** Links of a page's navigation and breadcrumbs, whose texts name its channels. */
const NAV_LINK_SELECTOR =
  'nav a, [class*="nav"] a, [class*="crumb"] a, [class*="channel"] a, [class*="menu"] a';
const MAX_NAV_LINKS = 400;

/** The texts of the page's navigation links (`国内`, `新浪科技`). */
function navLinkTexts(doc: Document): Set<string> {
  const texts = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll(NAV_LINK_SELECTOR)).slice(0, MAX_NAV_LINKS))
    if (textFitsIn(a, MAX_NAME_CHARS)) texts.add(clean(a.textContent));
  return texts;
}

/**
 * Whether a middle part of the tab title is a channel: it looks like a site (`国际新闻`), shares the site's brand
 * (`新浪科技` before `新浪网`) or is a navigation link. A blog's `标题_月落长安_新浪博客` names its writer there.
 */
function channelTest(doc: Document, site: string): (seg: string) => boolean {
  const brand = compact(site).slice(0, 2);
  let nav: Set<string> | null = null;
  return (seg) => {
    if (isChineseSiteLike(seg) || (brand.length === 2 && compact(seg).startsWith(brand))) return true;
    nav ??= navLinkTexts(doc);
    return nav.has(seg);
  };
}

/** Whether an element's class or id names it the source as a word, and it is no page wrapper. */
function isSourceElement(el: Element): boolean {
  if (LAYOUT_TAGS.has(el.tagName.toUpperCase())) return false;
  return SOURCE_WORD.test(el.getAttribute('class') ?? '') || SOURCE_WORD.test(el.id);
}

/** The text of the page's source elements, label dropped: `来源：新京报` → `新京报`. */
function sourceElementNames(doc: Document): string[] {
  const names: string[] = [];
  const sources = Array.from(doc.querySelectorAll(SOURCE_SELECTOR))
    .filter(isSourceElement)
    .slice(0, MAX_SOURCE_ELEMENTS);
  for (const el of sources) {
    // A wrapper (`div.date-source` around the date and `a.source`) is read from its inner source element.
    if (sources.some((other) => other !== el && el.contains(other))) continue;
    // A source line is short: a long element (a whole column) is read no further.
    if (!textFitsIn(el, MAX_SOURCE_CHARS)) continue;
    const text = clean(el.textContent).replace(/^.*?(?:来源|來源|稿源|出处|source)\s*[：:]\s*/iu, '');
    if (text && text.length <= MAX_NAME_CHARS) names.push(text);
  }
  return names;
}

/** A JSON-LD type for a body that is not a person: `Organization`, `NewsMediaOrganization`, `Corporation`. */
const ORGANIZATION_TYPE = /Organization$|^Corporation$/u;

/** The JSON-LD authors typed as organisations (`"author": {"@type": "Organization", "name": "香港電台-財經"}`). */
function organizationAuthors(signals: PageSignals): string[] {
  const names: string[] = [];
  const nodes = signals.jsonLd;
  for (const node of signals.article ? [signals.article] : articleNodes(nodes)) {
    for (const item of Array.isArray(node.author) ? node.author : [node.author]) {
      const target = dereference(item, nodes);
      if (!isRecord(target) || !typesOf(target).some((t) => ORGANIZATION_TYPE.test(t))) continue;
      const name = clean(stringProp(target, 'name'));
      if (name) names.push(name);
    }
  }
  return names;
}

/**
 * Every name the page gives an outlet. A person's name (`来源：张三`, `© 阮一峰`) is left out: a person named
 * where an outlet usually stands may still be the author.
 */
export function findOutletNames(doc: Document, signals: PageSignals, hints: ArticleHints): string[] {
  const removed = signals.title.removed;
  // `…|苹果|新品_电信_新浪科技_新浪网`: the segments between the headline and the site are its channels.
  const headline = clean(signals.title.headline?.textContent) || signals.title.title;
  const segments = titleParts(clean(doc.title));
  const isChannel = channelTest(doc, segments.at(-1) ?? '');
  const channels = segments.slice(1, -1).filter((seg) => !headline.includes(seg) && isChannel(seg));
  const copyright = copyrightHolder(clean(metaValue(signals, 'copyright')), true);
  const candidates = [
    removed,
    ...(removed ? titleParts(removed) : []),
    ...channels,
    findSourceLine(signals.topLines),
    copyright,
    ...sourceElementNames(doc),
    ...organizationAuthors(signals),
  ];
  const names = [...declaredSiteNames(signals, hints)];
  for (const n of candidates)
    if (n && n.length >= 2 && !isLikelyHanName(n) && !names.includes(n)) names.push(n);
  return names;
}
