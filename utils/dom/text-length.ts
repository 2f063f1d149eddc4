// DOM: whether an element's text, whitespace collapsed, fits a length, holds few of some characters or any outside
// a part of it, read only as far as needed.

/** The whitespace normalizeSpace collapses and trims (`\s` holds NBSP and the ideographic space). */
const SPACE = /\s/;

/**
 * `normalizeSpace(el.textContent).length <= max`, without building the text: its text nodes are read in document
 * order and the walk stops once the collapsed length passes `max`, so a large wrapper answers after a few hundred
 * characters. Counts UTF-16 units, as `.length` does.
 */
export function textFitsIn(el: Node, max: number): boolean {
  let length = 0;
  let inSpace = true; // leading whitespace is trimmed
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        const isSpace = code > 32 && code < 127 ? false : SPACE.test(text[i] ?? '');
        if (!isSpace) {
          length += 1;
          inSpace = false;
        } else if (!inSpace) {
          length += 1; // a run counts once, as the space it collapses to
          inSpace = true;
        }
        // One trailing space may still be trimmed away.
        if (length > max + 1) return false;
      }
    } else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, el);
  }
  // A run at the end was counted as a space that trimming removes.
  return (inSpace && length > 0 ? length - 1 : length) <= max;
}

/**
 * `el.textContent` when at most `max` of its UTF-16 units pass `isCounted`, else null: the text nodes are read in
 * document order and the walk stops at the unit past `max`. A test that a pattern of few such characters matches
 * the whole text (a bare count, an end marker) then answers for a large element after its first characters.
 */
export function textWithFew(el: Node, isCounted: (code: number) => boolean, max: number): string | null {
  let text = '';
  let counted = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; i += 1)
        if (isCounted(value.charCodeAt(i)) && ++counted > max) return null;
      text += value;
    } else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, el);
  }
  return text;
}

/**
 * Whether `root` shows text outside `inner` (a node inside it): `normalizeSpace(root.textContent) !==
 * normalizeSpace(inner.textContent)`, since whitespace around `inner` collapses away and anything else is kept, but
 * read only up to the first character outside `inner` that is not whitespace.
 */
export function hasTextOutside(root: Node, inner: Node): boolean {
  let node: Node | null = root.firstChild;
  while (node) {
    if (node === inner) {
      node = nextOutside(node, root);
      continue;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        if ((code > 32 && code < 127) || !SPACE.test(text[i] ?? '')) return true;
      }
    } else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, root);
  }
  return false;
}

/** The node after `node` and its subtree, in document order, inside `root`; null past `root`'s last. */
export function nextOutside(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode)
    if (at.nextSibling) return at.nextSibling;
  return null;
}
