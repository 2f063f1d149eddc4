// DOM: the body's elements, listed once for the boilerplate passes: each pass takes its tags from one list instead of
// a `querySelectorAll` walk of the whole page of its own, and asks `isLayout` of the `<h1>`s' ancestors found once.
import { layoutTest } from './boilerplate-measure';

export interface BodyElements {
  /** Every element under the body in document order, as `body.querySelectorAll('*')` lists it now. */
  all: () => readonly Element[];
  /** The elements of `all` with one of these (upper-case) tag names, in document order. */
  withTags: (tags: ReadonlySet<string>) => Element[];
  /** `isLayout` (boilerplate-measure.ts) for an element under the body. */
  isLayout: (el: Element) => boolean;
  /** Call after removing nodes: the lists and the layout test are read again when next asked. */
  reset: () => void;
}

/**
 * The elements of `body`, listed when first asked. Marking elements (an attribute other passes do not select on)
 * keeps the lists true; removing any needs `reset`.
 */
export function listBodyElements(body: Element): BodyElements {
  let elements: Element[] | null = null;
  let tags: string[] = [];
  const layout = layoutTest(body);
  const read = (): Element[] => {
    if (elements) return elements;
    const listed = body.querySelectorAll('*');
    const found: Element[] = [];
    tags = [];
    for (let i = 0; i < listed.length; i++) {
      const el = listed[i];
      if (!el) continue;
      found.push(el);
      tags.push(el.tagName.toUpperCase());
    }
    return (elements = found);
  };
  return {
    all: read,
    withTags: (wanted) => {
      const all = read();
      const out: Element[] = [];
      for (let i = 0; i < all.length; i++) {
        const el = all[i];
        if (el && wanted.has(tags[i] ?? '')) out.push(el);
      }
      return out;
    },
    isLayout: layout.isLayout,
    reset: () => {
      elements = null;
      layout.reset();
    },
  };
}
