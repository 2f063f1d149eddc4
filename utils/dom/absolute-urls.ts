// DOM: makes a clipped article's links, images and media point at absolute URLs, `srcset` included.

const URL_ATTRIBUTES = [
  'href',
  'src',
  'poster',
  'cite',
  'data',
  'data-src',
  'data-original',
  'data-lazy-src',
];
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset', 'data-lazy-srcset'];
/** The elements with any of those attributes: the selector engine finds them, not a script walk over all. */
const WITH_URL = [...URL_ATTRIBUTES, ...SRCSET_ATTRIBUTES].map((name) => `[${name}]`).join(', ');

/** Makes link, image and media URLs absolute against the page's base. `#fragment` links stay as they are. */
export function absolutizeUrls(root: Element, base: string): void {
  for (const el of [root, ...Array.from(root.querySelectorAll(WITH_URL))]) {
    // The root may have no attribute at all: one check, not eleven reads.
    if (!el.hasAttributes()) continue;
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const resolved = resolveReference(value, base);
      if (resolved !== value) el.setAttribute(name, resolved);
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, resolveSrcset(value, base));
    }
  }
}

function resolveReference(value: string, base: string): string {
  const trimmed = value.trim();
  // Fragments point inside the article; absolute URLs (and mailto:, data:) need nothing.
  if (!trimmed || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

/** `a.jpg 1x, /b.jpg 2x` with each URL resolved; URLs may contain commas (`w_100,h_80`), so parse as the spec does. */
export function resolveSrcset(value: string, base: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] ?? '')) i += 1;
    if (i >= value.length) break;
    let end = i;
    while (end < value.length && !/\s/.test(value[end] ?? '')) end += 1;
    let url = value.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = i;
      while (i < value.length && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth += 1;
        if (value[i] === ')') depth -= 1;
        i += 1;
      }
      descriptor = value.slice(start, i).trim();
    }
    if (url)
      out.push(descriptor ? `${resolveReference(url, base)} ${descriptor}` : resolveReference(url, base));
  }
  return out.join(', ');
}
