// DOM: runs Readability on a clone of the page and gathers the article's metadata into a ClipDraft. Takes a Document.
// Orchestration only: clean-up before Readability is in pre-clean.ts, the edge trim after it in edge-trim.ts.
import { Readability } from '@mozilla/readability';
import { absolutizeUrls } from './absolute-urls';
import { removeBlockBoilerplate } from './boilerplate-blocks';
import { dropParagraphIndents, trimArticleEdges } from './edge-trim';
import { parseInert } from './markdown-prepare';
import type { ArticleHints } from './metadata';
import { findBaseUrl, readMetadata, readPageSignals, readTextLines } from './metadata';
import {
  ACTIVE_CONTENT,
  DEEP_NESTING,
  PAGE_CHROME,
  cleanAttributes,
  flattenWrapperChains,
  inlineShadowRoots,
  markCodeLanguages,
  measureDepth,
  querySafe,
  removeAll,
  removeBoilerplate,
} from './pre-clean';
import { findArticleDates } from './published-date';
import { measureLinkedTextUnless } from './boilerplate-measure';
import { isArticleShaped } from './readerable';
import { revealScriptHiddenArticle } from './script-revealed';
import { readTextEnds } from './text-lines';
import { countCjk } from '../pure/cjk';
import { firstSentence, normalizeSpace } from '../pure/page-text';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { ClipDraft, DraftBodies, SavedDraft } from '../pure/types';
import { hostOf } from '../pure/url';
import { errorMessage } from '../pure/error-message';
import type { StageClock, StageTimings } from '../pure/stage-timings';
import { timeStage } from '../pure/stage-timings';

export { absolutizeUrls, resolveSrcset } from './absolute-urls';
export { measureText } from '../pure/text-weight';

export interface ExtractOptions {
  now: Date;
  /** `article`: Readability; `page`: the whole body; `selection`: only `selectionHtml`. */
  mode?: 'article' | 'page' | 'selection';
  /** HTML of the user's selection, for `selection` mode. */
  selectionHtml?: string;
  /** Per-site CSS selectors to remove before extraction. */
  removeSelectors?: string[];
  /** A per-site CSS selector that picks the article element instead of Readability. */
  articleSelector?: string;
  dateSelector?: string;
  /**
   * The page is a saved or fetched copy, where none of its scripts ran (the CLI, a clipped link): a story box its
   * script would show is read as shown (script-revealed.ts). A live tab's box that is still hidden is meant to be.
   */
  isScriptless?: boolean;
  /** Filled with milliseconds per stage when `clock` is given too (bench:clip); production passes neither. */
  timings?: StageTimings;
  clock?: () => number;
}

/** The stage clock of `opts`, or undefined when the caller is not measuring. */
export function stageClockOf(opts: Pick<ExtractOptions, 'timings' | 'clock'>): StageClock | undefined {
  return opts.timings && opts.clock ? { timings: opts.timings, clock: opts.clock } : undefined;
}

/** A draft and the article it was serialised from, a private copy the caller may mutate. */
export interface ExtractedParts {
  draft: ClipDraft;
  /** The element whose children are the article (what `contentHtml` parses back into). */
  content: Element;
}

/** The draft's article HTML and plain text, both read from the article element. */
export type DraftBodyText = Pick<ClipDraft, DraftBodies>;

/**
 * ExtractedParts with the article's HTML and text not yet read: the clip in the tab sends only the Markdown, and
 * on a long page reading them is tens of milliseconds spent for nothing.
 */
export interface DeferredParts {
  draft: SavedDraft;
  content: Element;
  /** Reads (once) the HTML and text of `content`: call it before `content` is converted to Markdown. */
  readBodies: () => DraftBodyText;
}

/**
 * Pages above this many elements are refused with `page-too-large`. Readability makes several passes
 * over the tree; a 60k-element page takes about a second in linkedom, so 100k keeps the worst case a few
 * seconds while staying far above real articles (news pages run 1k–15k elements; long Wikipedia pages ~40k).
 */
export const MAX_ELEMENTS = 100_000;
/** Refused above this much body text (a 20 MB text dump is not an article a reader mode can clean). */
export const MAX_TEXT_CHARS = 5_000_000;
/**
 * Less article text than this (non-space characters outside links, a CJK character counting 2.5) is
 * not an article. 140 Latin characters is about two sentences; 56 Han characters is a short news brief.
 */
export const MIN_ARTICLE_CHARS = 140;
/** Share of the article's text inside links above which it is a list of links (measured: corpus max 0.36). */
const MAX_LINK_DENSITY = 0.6;

/**
 * Whether the page looks like one article, to clip it with a click (the popup's check, and the CLI's `readerable`):
 * a dominant block of running text that is not one of repeated teasers (readerable.ts). Never throws.
 */
export function isReaderable(doc: Document): boolean {
  return isArticleShaped(doc);
}

/** Extracts the article (or the page, or the selection) and its metadata. Never changes `doc`. */
export function extractArticle(doc: Document, url: string, opts: ExtractOptions): Result<ClipDraft> {
  const parts = extractArticleParts(doc, url, opts);
  return parts.ok ? ok(parts.value.draft) : parts;
}

/**
 * extractArticle, plus the article element itself: the Markdown is made from it directly, so the clip never
 * parses its own HTML again. Never changes `doc`.
 */
export function extractArticleParts(
  doc: Document,
  url: string,
  opts: ExtractOptions,
): Result<ExtractedParts> {
  const parts = extractDeferredParts(doc, url, opts);
  if (!parts.ok) return parts;
  const { draft, content, readBodies } = parts.value;
  try {
    const { contentHtml, textContent } = readBodies();
    // The bodies where they always were in a draft, before `kind`.
    const { kind, ...rest } = draft;
    return ok({ draft: { ...rest, contentHtml, textContent, kind }, content });
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}

/** extractArticleParts without reading the article's HTML and text until they are asked for. Never changes `doc`. */
export function extractDeferredParts(
  doc: Document,
  url: string,
  opts: ExtractOptions,
): Result<DeferredParts> {
  try {
    const result = extract(doc, url, opts);
    if (result.ok || result.code !== 'not-an-article' || (opts.mode ?? 'article') !== 'article')
      return result;
    // Some sites frame the story in a same-origin iframe (old CMSs, print views): try the largest one.
    const frame = findArticleFrame(doc);
    return frame ? extract(frame, url, opts) : result;
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}

/** The same-origin iframe document with the most text, when it has enough to be an article. */
function findArticleFrame(doc: Document): Document | null {
  let best: Document | null = null;
  let bestLength = 500;
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      // Cross-origin: not ours to read.
    }
    const length = inner?.body?.textContent?.length ?? 0;
    if (inner && length > bestLength) {
      best = inner;
      bestLength = length;
    }
  }
  return best;
}

interface Picked {
  content: Element;
  kind: ClipDraft['kind'];
  hints: ArticleHints;
  /** A per-site article element keeps its own tag; Readability's wrapper, the body and our selection wrapper do not. */
  isOuter?: boolean;
}

function extract(doc: Document, url: string, opts: ExtractOptions): Result<DeferredParts> {
  const mode = opts.mode ?? 'article';
  const timer = stageClockOf(opts);
  // One list of the page's elements, counted here and reused to find shadow roots.
  const listed = doc.querySelectorAll('*');
  const elements = listed.length;
  if (elements > MAX_ELEMENTS) {
    return fail('page-too-large', `${elements} elements; the limit is ${MAX_ELEMENTS}.`);
  }
  // Read out of the DOM once, for the shadow-root copy and the date searches alike.
  const all = Array.from(listed);
  const bodyChars = doc.body?.textContent?.length ?? 0;
  if (bodyChars > MAX_TEXT_CHARS) {
    return fail('page-too-large', `${bodyChars} characters of text; the limit is ${MAX_TEXT_CHARS}.`);
  }

  const picked =
    mode === 'selection' ? pickSelection(doc, opts) : pickFromClone(doc, url, all, opts, mode, timer);
  if (!picked.ok) return picked;
  const { content, kind, hints, isOuter } = picked.value;

  const { signals, meta } = timeStage(timer, 'metadata', () => {
    absolutizeUrls(content, findBaseUrl(doc, url));
    // Metadata reads the untrimmed text: the byline and `来源：` lines it may need are trimmed below. Only its ends.
    const fullText = readTextEnds(content);
    const signals = readPageSignals(doc, url, { ...hints, text: fullText });
    return { signals, meta: readMetadata(doc, url, { ...hints, text: fullText, signals }) };
  });
  // One read of the page's signals per clip: metadata's JSON-LD and headline, reused by both date searches.
  const dateOptions = {
    now: opts.now,
    lang: meta.lang,
    dateSelector: opts.dateSelector,
    jsonLd: signals.jsonLd,
    headline: signals.headline,
    // The list taken for the size check: the date searches need the page's elements in order too.
    elements: all,
  };
  const { published, modified } = timeStage(timer, 'dates', () => findArticleDates(doc, url, dateOptions));
  timeStage(timer, 'trim', () => {
    if (kind === 'article') {
      trimArticleEdges(content, {
        titles: [meta.title, hints.title ?? ''],
        byline: meta.byline,
        dates: [published, modified],
      });
    }
    dropParagraphIndents(content);
  });
  let bodies: DraftBodyText | null = null;
  const readBodies = (): DraftBodyText =>
    (bodies ??= timeStage(timer, 'serialize', () => ({
      contentHtml: isOuter ? content.outerHTML : content.innerHTML,
      textContent: readTextLines(content, Number.POSITIVE_INFINITY).join('\n'),
    })));
  const draft: SavedDraft = {
    url,
    canonical: meta.canonical,
    // A page with no title is named by its first sentence, not its host.
    title:
      meta.title ||
      normalizeSpace(hints.title) ||
      firstSentence(readBodies().textContent) ||
      hostOf(url) ||
      url,
    byline: meta.byline,
    siteName: meta.siteName,
    lang: meta.lang,
    dir: meta.dir,
    excerpt: meta.excerpt,
    image: meta.image,
    keywords: meta.keywords,
    published,
    modified,
    kind,
  };
  // A per-site article element is kept with its own tag, as `outerHTML` keeps it: give it a parent to convert.
  let root = content;
  if (isOuter) {
    root = content.ownerDocument.createElement('div');
    root.appendChild(content);
  }
  return ok({ draft, content: root, readBodies });
}

function pickSelection(doc: Document, opts: ExtractOptions): Result<Picked> {
  const html = opts.selectionHtml ?? '';
  if (!html.trim()) return fail('not-an-article', 'The selection is empty.');
  const container = parseInert(html, doc);
  removeAll(container, ACTIVE_CONTENT);
  cleanAttributes(container);
  const text = normalizeSpace(container.textContent);
  if (!text && !container.querySelector('img')) return fail('not-an-article', 'The selection has no text.');
  return ok({ content: container, kind: 'selection', hints: {} });
}

function pickFromClone(
  doc: Document,
  url: string,
  all: readonly Element[],
  opts: ExtractOptions,
  mode: 'article' | 'page',
  timer: StageClock | undefined,
): Result<Picked> {
  const clone = timeStage(timer, 'clone', () => doc.cloneNode(true) as Document);
  timeStage(timer, 'shadow', () => inlineShadowRoots(all, clone));
  timeStage(timer, 'flatten', () => {
    if (clone.body && measureDepth(clone.body) > DEEP_NESTING) flattenWrapperChains(clone.body);
  });
  return (
    timeStage(timer, 'preclean', () => {
      for (const selector of opts.removeSelectors ?? []) removeAll(clone, selector);
      if (opts.isScriptless) revealScriptHiddenArticle(clone);
      return mode === 'page' ? pickPage(clone) : null;
    }) ?? pickArticle(doc, url, clone, opts, timer)
  );
}

function pickPage(clone: Document): Result<Picked> {
  const body = clone.body;
  if (!body) return fail('not-an-article', 'The page has no body.');
  removeAll(body, `${ACTIVE_CONTENT}, ${PAGE_CHROME}`);
  cleanAttributes(body);
  if (!normalizeSpace(body.textContent) && !body.querySelector('img')) {
    return fail('not-an-article', 'The page has no text.');
  }
  return ok({ content: body, kind: 'page', hints: {} });
}

function pickArticle(
  doc: Document,
  url: string,
  clone: Document,
  opts: ExtractOptions,
  timer: StageClock | undefined,
): Result<Picked> {
  const chosen = timeStage(timer, 'preclean', () => {
    removeBoilerplate(clone);
    removeBlockBoilerplate(clone, url);
    markCodeLanguages(clone);
    return opts.articleSelector ? querySafe(clone, opts.articleSelector) : null;
  });
  if (chosen) {
    removeAll(chosen, ACTIVE_CONTENT);
    cleanAttributes(chosen);
    return ok({ content: chosen, kind: 'article', hints: {}, isOuter: true });
  }

  const article = timeStage(timer, 'readability', () =>
    new Readability<Node>(clone, {
      charThreshold: isCjkPage(doc) ? 250 : 500,
      keepClasses: false,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node,
    }).parse(),
  );
  const content = article?.content;
  if (!article || !content || content.nodeType !== 1) {
    return fail('not-an-article', 'Readability found no article on this page.');
  }
  const el = content as Element;
  const why = whyNotAnArticle(el);
  if (why) return fail('not-an-article', why);
  return ok({
    content: el,
    kind: 'article',
    hints: {
      title: article.title ?? null,
      byline: article.byline ?? null,
      excerpt: article.excerpt ?? null,
      dir: article.dir ?? null,
      siteName: article.siteName ?? null,
    },
  });
}

/** Readability's own retry threshold is in characters: CJK articles reach it with a third of the text. */
function isCjkPage(doc: Document): boolean {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  if (/^(?:zh|ja|ko)\b/.test(lang)) return true;
  const title = doc.querySelector('title')?.textContent ?? '';
  return countCjk(title) >= 4;
}

/** Article-sized text, measured in characters: CJK characters count CJK_WEIGHT each, whitespace nothing. */
/** Why Readability's result is not an article (too little text outside links), or null when it is. */
function whyNotAnArticle(content: Element): string | null {
  // A clear article is decided by its first paragraphs: more text only lowers the share of links and adds prose.
  const measured = measureLinkedTextUnless(
    content,
    (total, linked) =>
      total > 0 && !(linked / total > MAX_LINK_DENSITY) && total - linked >= MIN_ARTICLE_CHARS,
  );
  if (!measured) return null;
  const { total, linked } = measured;
  const prose = total - linked;
  // Real articles stay under 0.4 (Wikipedia lists ~0.3); link lists and home pages run 0.8.
  if (total > 0 && linked / total > MAX_LINK_DENSITY) {
    return `${Math.round((100 * linked) / total)}% of the text is links: a list of links, not an article.`;
  }
  if (prose >= MIN_ARTICLE_CHARS) return null;
  // A photo post may have no more than a caption; a linked thumbnail is a teaser for another page, though.
  const hasImage = Array.from(content.querySelectorAll('img')).some((img) => {
    const src = img.getAttribute('src') ?? '';
    return src !== '' && !src.startsWith('data:') && !img.closest('a');
  });
  if (hasImage) return null;
  return `Only ${Math.round(prose)} characters of text outside links (at least ${MIN_ARTICLE_CHARS} needed).`;
}
