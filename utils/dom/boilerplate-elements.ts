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
  /** The positions in `elements` of each tag's elements, in order. */
  let byTag = new Map<string, number[]>();
  const layout = layoutTest(body);
  const read = (): Element[] => {
    if (elements) return elements;
    const listed = body.querySelectorAll('*');
    const found: Element[] = [];
    byTag = new Map();
    for (let i = 0; i < listed.length; i++) {
      const el = listed[i];
      if (!el) continue;
      const tag = el.tagName.toUpperCase();
      const at = byTag.get(tag);
      if (at) at.push(found.length);
      else byTag.set(tag, [found.length]);
      found.push(el);
    }
    return (elements = found);
  };
  return {
    all: read,
    withTags: (wanted) => {
      const all = read();
      // The tags' positions, merged back into document order: only the wanted elements are looked at.
      const positions: number[] = [];
      for (const tag of wanted) for (const at of byTag.get(tag) ?? []) positions.push(at);
      if (wanted.size > 1) positions.sort((a, b) => a - b);
      const out: Element[] = [];
      for (const at of positions) {
        const el = all[at];
        if (el) out.push(el);
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
