// DOM: a CSS selector that matches exactly one element, sturdy enough to keep in a site rule for the next visit.

/** Ids and classes that look generated (hashes, long digit runs, framework prefixes) change between visits. */
const UNSTABLE = /\d{4,}|[a-z]+-[0-9a-f]{6,}$|^(?:css|sc|jsx|svelte|ember|ng|react)-|__[a-z0-9]{5,}$/i;

/** Plain CSS identifiers only, so they need no escaping. */
function isStable(name: string): boolean {
  return name.length <= 40 && !UNSTABLE.test(name) && /^-?[A-Za-z_][\w-]*$/.test(name);
}

function matchesOnly(doc: Document, selector: string, element: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/** `tag.class1.class2` with the stable classes, then `:nth-of-type(n)` among its siblings of the same tag. */
function stepFor(element: Element): string {
  const tag = element.localName;
  const classes = [...element.classList].filter(isStable).slice(0, 3);
  let step = tag + classes.map((c) => `.${c}`).join('');
  const parent = element.parentElement;
  if (parent) {
    const same = [...parent.children].filter((c) => c.localName === tag);
    if (same.length > 1) step += `:nth-of-type(${same.indexOf(element) + 1})`;
  }
  return step;
}

/**
 * A selector for `element`: its id when that is stable and unique; else the shortest path of `tag.class` steps
 * (with `:nth-of-type` where siblings share a tag) up to an ancestor with a stable id or the body, checked to match
 * exactly this element. Null when nothing unique can be built (a detached node, or one outside the body).
 */
export function selectorFor(element: Element): string | null {
  const doc = element.ownerDocument;
  if (element.id && isStable(element.id) && matchesOnly(doc, `#${element.id}`, element))
    return `#${element.id}`;
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && current !== doc.body && current !== doc.documentElement) {
    steps.unshift(stepFor(current));
    const selector = steps.join(' > ');
    if (matchesOnly(doc, selector, element)) return selector;
    const parent: Element | null = current.parentElement;
    if (parent?.id && isStable(parent.id) && parent !== doc.body) {
      const anchored = `#${parent.id} > ${selector}`;
      if (matchesOnly(doc, anchored, element)) return anchored;
    }
    current = parent;
  }
  if (current !== doc.body) return null;
  const full = `body > ${steps.join(' > ')}`;
  return matchesOnly(doc, full, element) ? full : null;
}
