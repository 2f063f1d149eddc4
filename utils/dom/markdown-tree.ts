// DOM: small tree helpers shared by the Markdown preparation steps: block tags, descendant searches, unwrapping.
import { withBlockTags } from './html-blocks';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export const BLOCK_TAGS = withBlockTags(
  'BODY',
  'CENTER',
  'DETAILS',
  'FIELDSET',
  'HGROUP',
  'MENU',
  'SUMMARY',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
);

// Hand-written traversals, not querySelector: linkedom parses the selector on every call, which
// took most of the time on a 2 MB article.

export function findDescendants(
  el: Element,
  isWanted: (tag: string) => boolean,
  found: Element[] = [],
): Element[] {
  for (const child of Array.from(el.children)) {
    if (isWanted(child.nodeName.toUpperCase())) found.push(child);
    findDescendants(child, isWanted, found);
  }
  return found;
}

export function hasDescendant(el: Element, isWanted: (tag: string) => boolean): boolean {
  for (const child of Array.from(el.children)) {
    if (isWanted(child.nodeName.toUpperCase()) || hasDescendant(child, isWanted)) return true;
  }
  return false;
}

export function hasBlockDescendant(el: Element): boolean {
  return hasDescendant(el, (tag) => BLOCK_TAGS.has(tag));
}

export function replaceWithDiv(el: Element): void {
  const div = el.ownerDocument.createElement('div');
  while (el.firstChild) div.appendChild(el.firstChild);
  el.parentNode?.replaceChild(div, el);
}

export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}
