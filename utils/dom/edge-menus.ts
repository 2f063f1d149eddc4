// DOM: a site's menu that Readability keeps at the top of an article (`Home · News · Sports · Business`, or
// `Subscribe · Sign in`): a list of short items, mostly links, none of them a sentence. Read by edge-trim.ts only
// before the story's first paragraph, where a list of one-to-three-word links is navigation, not content.
import { tagOf } from './boilerplate-measure';
import { normalizeSpace } from '../pure/page-text';
import { measureText } from '../pure/text-weight';
import { endsSentence } from '../pure/sentence-end';

/** A menu item is a few words: `Real Estate`, `Eat + Drink`, `Local Professional Services` (by measureText). */
const MAX_ITEM_WEIGHT = 30;

function isListTag(el: Element): boolean {
  const tag = tagOf(el);
  return tag === 'UL' || tag === 'OL';
}

/** The list's own items, with those of lists nested in them (a submenu is part of the menu). */
function itemsOf(list: Element): Element[] {
  const items: Element[] = [];
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (tagOf(child) !== 'LI') continue;
    items.push(child);
    for (const nested of Array.from(child.children)) if (isListTag(nested)) items.push(...itemsOf(nested));
  }
  return items;
}

/** An item's own text: what it shows outside the lists nested in it. */
function ownText(item: Element): { text: string; linked: string } {
  const parts: string[] = [];
  const links: string[] = [];
  const walk = (node: Node, isLinked: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        if (isLinked) links.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1 && !isListTag(child as Element))
        walk(child, isLinked || tagOf(child as Element) === 'A');
    }
  };
  walk(item, false);
  return { text: normalizeSpace(parts.join(' ')), linked: normalizeSpace(links.join(' ')) };
}

/**
 * A list of short items, none a sentence, at least half of them whole links (a lone item must be one): a menu,
 * when it stands before the story's first paragraph. Empty items (icons, spacers) are looked past.
 */
export function isMenuList(el: Element): boolean {
  if (!isListTag(el)) return false;
  const items = itemsOf(el)
    .map(ownText)
    .filter((item) => item.text !== '');
  if (items.length === 0) return false;
  // Links within the page (`#setup`) make a table of contents: the story's own outline, kept.
  const hrefs = Array.from(el.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '');
  if (hrefs.length > 0 && hrefs.every((h) => h.startsWith('#'))) return false;
  let linked = 0;
  for (const { text, linked: linkText } of items) {
    if (measureText(text) > MAX_ITEM_WEIGHT || endsSentence(text, { isEllipsisEnd: false })) return false;
    if (linkText === text) linked++;
  }
  // One item is a menu only as a link (`1. Entertainment`, the section a breadcrumb names); more need half linked.
  return items.length === 1 ? linked === 1 : linked * 2 >= items.length;
}
