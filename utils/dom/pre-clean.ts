// DOM: cleans a clone of the page before Readability sees it: shadow roots inlined, deep wrappers flattened, ads,
// breadcrumbs and author boxes dropped, code languages marked, active content and handlers removed.
import { findCodeLanguage } from './markdown-render';
import { normalizeSpace } from '../pure/page-text';
import { LAYOUT_TAGS } from './html-blocks';
import { textFitsIn } from './text-length';

/** Removed from every non-Readability result (and from the page in `page` mode): active or invisible content. */
export const ACTIVE_CONTENT =
  'script, style, noscript, template, link, meta, base, object, embed, frame, frameset, iframe';
export const PAGE_CHROME = 'nav, [role="navigation"], dialog';

/**
 * Copies each open shadow root's content into the clone, after its host's light children: `cloneNode` leaves
 * shadow trees behind, and web-component sites put the whole story in one. Both trees list elements in the
 * same order, so the i-th element of one is the i-th of the other. `liveElements` is the page's
 * `querySelectorAll('*')`, which the caller already holds.
 */
export function inlineShadowRoots(liveElements: ArrayLike<Element>, clone: Document): void {
  let cloneElements: NodeListOf<Element> | null = null;
  for (let i = 0; i < liveElements.length; i++) {
    const root = (liveElements[i] as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!root) continue;
    cloneElements ??= clone.querySelectorAll('*');
    const host = cloneElements[i];
    if (!host) continue;
    for (const child of Array.from(root.childNodes)) host.appendChild(clone.importNode(child, true));
  }
}

/** Deepest element nesting, counted without recursion (a 5,000-deep page must not overflow the stack). */
export function measureDepth(root: Element): number {
  // A walk by the element links (down, across, up): no stack to fill with every element of the page.
  let deepest = 1;
  let depth = 1;
  let el: Element | null = root;
  while (el) {
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      if (depth > deepest) deepest = depth;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return deepest;
}

const WRAPPER_TAGS = new Set(['DIV', 'SPAN', 'SECTION', 'FONT', 'CENTER', 'MAIN', 'ARTICLE']);

/**
 * Readability slows down sharply with nesting (2,000 levels took 10 s in Chromium): unwrap chains of
 * wrappers that hold one element and no text of their own, which is what such pages are made of.
 */
export function flattenWrapperChains(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!WRAPPER_TAGS.has(el.tagName.toUpperCase()) || el.childElementCount !== 1) continue;
    const hasOwnText = Array.from(el.childNodes).some(
      (n) => n.nodeType === 3 && (n.textContent ?? '').trim(),
    );
    const child = el.firstElementChild;
    if (!hasOwnText && child) el.replaceWith(child);
  }
}

export const DEEP_NESTING = 300;

export function querySafe(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // a broken per-site rule must not break the clip
  }
}

export function removeAll(root: ParentNode, selector: string): void {
  let found: Element[];
  try {
    found = Array.from(root.querySelectorAll(selector));
  } catch {
    return;
  }
  for (const el of found) el.remove();
}

/** Event handlers and `javascript:` links have no place in a clip. */
export function cleanAttributes(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of el.getAttributeNames()) {
      if (name.toLowerCase().startsWith('on')) el.removeAttribute(name);
    }
    const href = el.getAttribute('href');
    if (href && /^\s*javascript:/i.test(href)) el.removeAttribute('href');
  }
}

// ---------------------------------------------------------------- boilerplate before Readability

/** Class or id tokens of ad slots: `ad`, `ad-slot`, `ads_top`, `advert`, `banner-ad`, `sponsored`… */
const AD_TOKEN =
  /^(?:(?:ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|sponsors)(?:[-_][\w-]+)?|[\w-]+[-_](?:ad|ads|advert|advertisement))$/i;
const BREADCRUMB_TOKEN = /breadcrumb/i;
const BREADCRUMB_TYPE = /BreadcrumbList/i;
/** Author boxes that follow the article (`author-bio`, `about-the-author`): the byline lives in the front matter. */
const AUTHOR_BOX_TOKEN =
  /^(?:author[-_]?(?:bio|box|card|profile|about|description)|about[-_]?(?:the[-_]?)?author|bio[-_]?box|(?:post|entry)[-_]author[-_]?(?:bio|box|info))$/i;
/** The whole text of an ad label. */
const AD_LABEL =
  /^(?:advertisement|advertising|anzeige|publicité|publicidad|pubblicità|reklame|广告|廣告|広告|광고)$/i;
/** `当前位置：首页 > 地方 > 正文`, `您现在的位置：…`. */
export const BREADCRUMB_LABEL = /^(?:当前|您的|你的|您现在的|你现在的|现在|所在)位置\s*[：:]/u;
/** The two labels with the spaces around them allowed, for a text node's raw value. */
const RAW_AD_LABEL = new RegExp(`^\\s*${AD_LABEL.source.slice(1, -1)}\\s*$`, AD_LABEL.flags);
const RAW_BREADCRUMB_LABEL = new RegExp(`^\\s*${BREADCRUMB_LABEL.source.slice(1)}`, BREADCRUMB_LABEL.flags);
/**
 * The first letter of every word of the two labels, in both cases (AD_LABEL's `i` folds only ASCII letters), read
 * from their alternations: one test that most text nodes fail, before the two patterns.
 */
const LABEL_START = new RegExp(
  `^\\s*[${[AD_LABEL, BREADCRUMB_LABEL]
    .flatMap((re) => (/\(\?:([^)]*)\)/.exec(re.source)?.[1] ?? '').split('|'))
    .map((word) => `${word.charAt(0).toLowerCase()}${word.charAt(0).toUpperCase()}`)
    .join('')}]`,
);
/** Ads and breadcrumbs hold little text; a bigger element so named is a layout wrapper. */
const MAX_AD_CHARS = 500;
const MAX_BREADCRUMB_CHARS = 200;
const MAX_AUTHOR_BOX_CHARS = 1500;
/** Marks, before Readability, what is removed from its result; Readability keeps `data-` attributes. */
export const DROP_ATTRIBUTE = 'data-postclip-drop';

/** A word every AD_TOKEN, BREADCRUMB_TOKEN or AUTHOR_BOX_TOKEN match holds. */
const NAMED_BOX = /ad|sponsor|breadcrumb|author|bio/i;
const NO_TOKENS: readonly string[] = [];

/**
 * Removes ad slots, breadcrumbs and author boxes from the clone: Readability keeps them when they sit in the
 * article's container. Conservative: each must be small and must not hold an h1 (the headline's container).
 */
/** `ads-active`, `ad-free`, `has-ads`: page states, not the ad's own box. */
const AD_STATE_TOKEN =
  /^(?:(?:has|no|with)[-_]ads?|ads?[-_](?:active|enabled|disabled|free|loaded|ready|on|off|hidden|visible))$/i;

export function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const isRemovable = (el: Element, maxChars: number): boolean =>
    !LAYOUT_TAGS.has(el.tagName.toUpperCase()) && el.querySelector('h1') === null && textFitsIn(el, maxChars);
  // Until something is removed every listed element is still in the page: no walk up to ask.
  let hasRemoved = false;
  const listed = body.querySelectorAll('[class], [id]');
  for (let i = 0; i < listed.length; i++) {
    const el = listed[i];
    if (!el || (hasRemoved && !body.contains(el))) continue; // inside something already removed
    // The class as written: linkedom's getAttribute('class') joins its token set anew on every call. The tokens
    // are the same, and every token the three patterns take holds one of these words: most names go unsplit.
    const names = `${el.getAttributeNode('class')?.value ?? ''} ${el.getAttribute('id') ?? ''}`;
    const tokens = NAMED_BOX.test(names) ? names.split(/\s+/).filter(Boolean) : NO_TOKENS;
    const isAd =
      tokens.some((t) => AD_TOKEN.test(t) && !AD_STATE_TOKEN.test(t)) && isRemovable(el, MAX_AD_CHARS);
    const isCrumb =
      (tokens.some((t) => BREADCRUMB_TOKEN.test(t)) ||
        BREADCRUMB_TYPE.test(el.getAttribute('itemtype') ?? '')) &&
      isRemovable(el, MAX_BREADCRUMB_CHARS);
    if (isAd || isCrumb) {
      el.remove();
      hasRemoved = true;
    }
    // Marked, not removed: Readability may read the byline from it. trimArticleEdges removes it.
    else if (tokens.some((t) => AUTHOR_BOX_TOKEN.test(t)) && isRemovable(el, MAX_AUTHOR_BOX_CHARS))
      el.setAttribute(DROP_ATTRIBUTE, '');
  }
  // Labels are found from their text nodes, so no element's whole text is read unless a label starts it.
  for (const node of listLabelNodes(body)) {
    const raw = node.nodeValue ?? '';
    const start = node.parentElement;
    const own = normalizeSpace(raw);
    if (!start || !body.contains(start) || !own) continue;
    const isCrumb = BREADCRUMB_LABEL.test(own);
    if (!isCrumb && !AD_LABEL.test(own)) continue;
    // The label's box: the outermost ancestor that is still only the breadcrumb, or only the label and its ad.
    const isSameBox = (el: Element): boolean => {
      const text = normalizeSpace(el.textContent);
      return isCrumb ? BREADCRUMB_LABEL.test(text) && isRemovable(el, MAX_BREADCRUMB_CHARS) : text === own;
    };
    if (!isSameBox(start) || LAYOUT_TAGS.has(start.tagName.toUpperCase())) continue;
    let box = start;
    while (
      box.parentElement &&
      !LAYOUT_TAGS.has(box.parentElement.tagName.toUpperCase()) &&
      isSameBox(box.parentElement)
    )
      box = box.parentElement;
    box.remove();
  }
}

/**
 * The text nodes under `root` that may be a label, in document order, listed before anything is removed (the
 * browser's own walk). The raw text is tested: a label's words hold no space, so the untrimmed tests answer as the
 * collapsed ones do, and only the few that pass are kept.
 */
function listLabelNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (LABEL_START.test(raw) && (RAW_BREADCRUMB_LABEL.test(raw) || RAW_AD_LABEL.test(raw)))
      out.push(node as Text);
  }
  return out;
}

/**
 * Readability drops classes (keepClasses false), and with them `language-python`: copy the language a code
 * block names into `data-lang`, which Readability keeps and the Markdown converter reads.
 */
export function markCodeLanguages(doc: Document): void {
  for (const pre of Array.from(doc.querySelectorAll('pre'))) {
    const language = findCodeLanguage(pre);
    if (language && !pre.hasAttribute('data-lang')) pre.setAttribute('data-lang', language);
  }
}
