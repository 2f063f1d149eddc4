// Node: sets a new element's attributes as linkedom's setAttribute leaves them, without its class round trip.

/** linkedom's links between an element and its attribute nodes (a list after the element, through these symbols). */
export interface Links {
  next: symbol;
  prev: symbol;
}

interface Linked {
  [key: symbol]: Linked;
}

/**
 * linkedom's `setAttribute('class', v)` goes through `className`: it makes the element's DOMTokenList, splits `v`,
 * joins the tokens, adds the attribute node, which sets `className` again, splits and joins again, and writes the
 * value back. A news page has thousands of classed elements, and each kept a token Set (young garbage that lives on).
 * This links the attribute node with the value that round trip writes (the distinct tokens, joined by one space),
 * as linkedom's own clone does; the token list is made when something asks for it, from that value, with the same
 * tokens. Other attributes go through `setAttribute`. Without linkedom's links (another version), all do; `links`
 * is given only by a test, to take that path.
 */
export function makeAttributeSetter(
  document: Document,
  links: Links | null = findLinks(document),
): (el: Element, name: string, value: string) => void {
  if (!links) return (el, name, value) => el.setAttribute(name, value);
  const { next: NEXT, prev: PREV } = links;
  return (el, name, value) => {
    if (name !== 'class' || el.hasAttribute('class')) {
      el.setAttribute(name, value);
      return;
    }
    const attr = document.createAttribute('class');
    attr.value = joinClassTokens(value);
    (attr as unknown as { ownerElement: Element }).ownerElement = el;
    // linkedom puts a new attribute first, right after its element.
    const owner = el as unknown as Linked;
    const node = attr as unknown as Linked;
    const after = owner[NEXT] as Linked;
    owner[NEXT] = node;
    node[PREV] = owner;
    node[NEXT] = after;
    after[PREV] = node;
  };
}

/** The class value as linkedom's DOMTokenList writes it: distinct non-empty tokens (split at `\s+`), in order. */
export function joinClassTokens(value: string): string {
  const tokens = new Set<string>();
  for (const token of value.split(/\s+/)) if (token) tokens.add(token);
  return [...tokens].join(' ');
}

function findLinks(document: Document): Links | null {
  const el = document.createElement('i');
  el.setAttribute('title', 'x');
  const attr = el.getAttributeNode('title');
  if (!attr) return null;
  const symbols = Object.getOwnPropertySymbols(el);
  const next = symbols.find((s) => s.description === 'next');
  const prev = Object.getOwnPropertySymbols(attr).find((s) => s.description === 'prev');
  if (!next || !prev) return null;
  const linked = el as unknown as Linked;
  return linked[next] === (attr as unknown as Linked) && (attr as unknown as Linked)[prev] === linked
    ? { next, prev }
    : null;
}
