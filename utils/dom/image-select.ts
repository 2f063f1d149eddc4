// DOM: the article's content images, each with the best file to fetch and the URL the Markdown shows for it.
import { MAX_IMAGE_WIDTH, parseSrcset, pickCandidate } from '../pure/images/srcset';
import type { SrcsetCandidate } from '../pure/images/srcset';
import type { ArticleImage } from '../pure/images/types';
import { findSkipReason } from './image-signals';
import { encodeDestination } from './markdown';
import { parseInert, prepareTree, resolveImageUrl } from './markdown-prepare';

export interface FindImagesOptions {
  /** The page URL: relative sources resolve against it. */
  baseUrl: string;
  /** The lead image (`og:image`, JSON-LD), absolute; listed first unless the article shows it already. */
  leadImage?: string | null;
  /** The widest `srcset` candidate wanted, in pixels (default 2,000). */
  maxWidth?: number;
}

/** `<source type>` values a kept image can have; others (JPEG XL, SVG) are skipped for a later candidate. */
const KEEPABLE_SOURCE_TYPES = /^image\/(?:jpeg|jpg|png|gif|webp|avif)$/i;
/** Inline images shorter than this are lazy-loading placeholders (markdown-prepare drops them from the Markdown too). */
const MIN_DATA_IMAGE_LENGTH = 256;
const SKIPPED_SUBTREES = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SVG', 'MATH']);

/**
 * A scratch container in an inert document, where copies of one image at a time go through markdown-prepare's own
 * `prepareTree`. Its choices (which lazy attribute, what is a placeholder, what the Markdown shows) are then ours too,
 * without a second copy of its rules. Copies are imported, never cloned into the page: a page `<img>` would load.
 */
class Scratch {
  private readonly holder: Element;

  constructor(
    doc: Document,
    private readonly baseUrl: string,
  ) {
    this.holder = parseInert('', doc);
  }

  /** The `src` prepareTree settles on for a copy of `node`, after `edit` changes the copy; null when it drops it. */
  settle(node: Element, edit: (copy: Element) => void = () => {}): string | null {
    while (this.holder.firstChild) this.holder.removeChild(this.holder.firstChild);
    const copy = this.holder.ownerDocument.importNode(node, true);
    this.holder.appendChild(copy);
    edit(copy);
    prepareTree(this.holder, this.baseUrl);
    return this.holder.getElementsByTagName('img')[0]?.getAttribute('src') ?? null;
  }
}

function toDataSafe(url: string | null): string | null {
  if (url === null) return null;
  return /^data:/i.test(url) && url.length < MIN_DATA_IMAGE_LENGTH ? null : url;
}

function readWidth(img: Element): number | null {
  const width = Number.parseFloat(img.getAttribute('width') ?? '');
  return Number.isFinite(width) && width > 0 ? width : null;
}

/** Every `srcset` candidate offered for `img`: its `<picture>`'s sources (keepable types) first, then its own. */
function collectCandidates(img: Element, picture: Element | null): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  if (picture) {
    for (const source of Array.from(picture.children)) {
      if (source.nodeName.toUpperCase() !== 'SOURCE') continue;
      const type = source.getAttribute('type');
      if (type && !KEEPABLE_SOURCE_TYPES.test(type.trim())) continue;
      out.push(...parseSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? ''));
    }
  }
  out.push(...parseSrcset(img.getAttribute('srcset') ?? ''));
  out.push(...parseSrcset(img.getAttribute('data-srcset') ?? ''));
  return out;
}

/** The `<img>` elements inside a `<noscript>`, whether the parser made them elements or left them as text. */
function readNoscriptImages(noscript: Element, doc: Document): Element[] {
  const parsed = Array.from(noscript.getElementsByTagName('img'));
  if (parsed.length > 0) return parsed;
  const text = noscript.textContent ?? '';
  return text.includes('<') ? Array.from(parseInert(text, doc).getElementsByTagName('img')) : [];
}

function nextElementSibling(node: Element): Element | null {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === 1) return next as Element;
    if (next.nodeType === 3 && (next.textContent ?? '').trim() !== '') return null;
  }
  return null;
}

interface Found {
  /** The `<img>` the signals are read from (a `<picture>` with no `<img>` stands for itself). */
  img: Element;
  /** What markdown-prepare sees: the `<picture>` around the image, or the image. */
  node: Element;
  /** A `<noscript>` fallback right after it. */
  fallback: Element | null;
  /** Found only inside a `<noscript>`: not in the Markdown. */
  isNoscriptOnly: boolean;
}

/** The images under `root` in document order, with the `<noscript>` fallback beside each. */
function collectImages(root: Element): Found[] {
  const found: Found[] = [];
  const claimed = new Set<Element>();
  const visit = (el: Element): void => {
    // Sibling links, not a copy of `children` (a story's container may hold 16,000 paragraphs); nothing moves here.
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.nodeName.toUpperCase();
      if (SKIPPED_SUBTREES.has(tag)) continue;
      if (tag === 'NOSCRIPT') {
        if (!claimed.has(child)) found.push(...readNoscriptOnly(child));
        continue;
      }
      const isPictureOnly = tag === 'PICTURE' && child.getElementsByTagName('img').length === 0;
      if (tag === 'IMG' || isPictureOnly) {
        const picture = tag === 'IMG' && child.parentElement?.nodeName.toUpperCase() === 'PICTURE';
        const node = picture && child.parentElement ? child.parentElement : child;
        const after = nextElementSibling(node);
        const fallback = after?.nodeName.toUpperCase() === 'NOSCRIPT' ? after : null;
        if (fallback) claimed.add(fallback);
        found.push({ img: child, node, fallback, isNoscriptOnly: false });
        continue;
      }
      visit(child);
    }
  };
  const readNoscriptOnly = (noscript: Element): Found[] =>
    readNoscriptImages(noscript, root.ownerDocument).map((img) => ({
      img,
      node: img,
      fallback: null,
      isNoscriptOnly: true,
    }));
  visit(root);
  return found;
}

/** Without a usable `srcset`: a lazy attribute, else the plain `src` (unless a placeholder), else `<noscript>`. */
function chooseFallbackUrl(found: Found, scratch: Scratch, baseUrl: string): string | null {
  const { img } = found;
  if (img.nodeName === 'IMG') {
    // Lazy attributes alone: markdown-prepare picks them only when src, srcset and data-srcset say nothing.
    const fromLazy = toDataSafe(
      scratch.settle(img, (copy) => {
        for (const name of ['src', 'srcset', 'data-srcset', 'width', 'height', 'style'])
          copy.removeAttribute(name);
      }),
    );
    if (fromLazy) return fromLazy;
    // The plain src, unless markdown-prepare takes it for a placeholder.
    const fromSrc = toDataSafe(
      scratch.settle(img, (copy) => {
        for (const name of copy.getAttributeNames()) if (name !== 'src') copy.removeAttribute(name);
      }),
    );
    if (fromSrc) return fromSrc;
  }
  if (!found.fallback) return null;
  for (const fallback of readNoscriptImages(found.fallback, img.ownerDocument)) {
    const url = toDataSafe(resolveImageUrl(fallback.getAttribute('src') ?? '', baseUrl));
    if (url) return url;
  }
  return null;
}

function chooseImage(
  found: Found,
  root: Element,
  scratch: Scratch,
  options: FindImagesOptions,
): ArticleImage | null {
  const { img, node } = found;
  const picture = node === img ? null : node;
  const markdownUrl = found.isNoscriptOnly ? null : scratch.settle(node);
  const best = pickCandidate(collectCandidates(img, picture ?? (img.nodeName === 'PICTURE' ? img : null)), {
    maxWidth: options.maxWidth ?? MAX_IMAGE_WIDTH,
    layoutWidth: readWidth(img),
  });
  const fromSrcset = best === null ? null : toDataSafe(resolveImageUrl(best, options.baseUrl));
  const url = fromSrcset ?? chooseFallbackUrl(found, scratch, options.baseUrl);
  if (url === null) return null;
  if (findSkipReason(img, url, root) !== null) return null;
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  return { url, alt, originalUrl: markdownUrl === null ? null : encodeDestination(markdownUrl) };
}

/**
 * The content images under `root` (Readability's article, figures included) in document order, the lead image
 * first when the article does not show it. Icons, trackers, avatars, ads, hidden images and `data:` placeholders are
 * left out. Each image is listed once per Markdown destination (the same file may sit under two spellings, and
 * both must be rewritten); `url` is the file to fetch, `originalUrl` what the Markdown shows.
 */
export function findArticleImages(root: Element, options: FindImagesOptions): ArticleImage[] {
  const scratch = new Scratch(root.ownerDocument, options.baseUrl);
  const images: ArticleImage[] = [];
  const seen = new Set<string>();
  const add = (image: ArticleImage): void => {
    const key = `${image.url}\n${image.originalUrl ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    images.push(image);
  };
  for (const found of collectImages(root)) {
    const image = chooseImage(found, root, scratch, options);
    if (image) add(image);
  }
  const lead = options.leadImage ? toDataSafe(resolveImageUrl(options.leadImage, options.baseUrl)) : null;
  if (lead && !images.some((image) => image.url === lead || image.originalUrl === encodeDestination(lead))) {
    images.unshift({ url: lead, alt: '', originalUrl: null });
  }
  return images;
}

/** The images of a clip's draft: its article HTML parsed inertly (nothing loads), plus its lead image. */
export function findDraftImages(
  draft: { contentHtml: string; url: string; image: string | null },
  doc: Document,
  maxWidth: number = MAX_IMAGE_WIDTH,
): ArticleImage[] {
  return findArticleImages(parseInert(draft.contentHtml, doc), {
    baseUrl: draft.url,
    leadImage: draft.image,
    maxWidth,
  });
}
