// The API the injected clip script installs in the page: reads a Document, returns plain data. Kept apart from
// index.ts (which needs WXT's runtime) so node tests can run it on a parsed page.
import { extractDeferredParts, isReaderable, stageClockOf } from '../../utils/dom/extract';
import { findArticleImages } from '../../utils/dom/image-select';
import { ownedElementToMarkdown } from '../../utils/dom/markdown';
import { parseInert } from '../../utils/dom/markdown-inert';
import { findCanonical } from '../../utils/dom/metadata';
import { hasPageLinks } from '../../utils/dom/next-page';
import { MAX_FIELD_CHARS } from '../../utils/pure/backup-format';
import { probeThenClip } from '../../utils/pure/probe-clip';
import { errorMessage } from '../../utils/pure/error-message';
import type { ExtractOptions } from '../../utils/dom/extract';
import type { SavedDraft } from '../../utils/pure/types';
import type {
  InjectedApi,
  InjectedClipOptions,
  InjectedClipReply,
  InjectedProbe,
} from '../../utils/pure/protocol';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';
import { fail, ok } from '../../utils/pure/result';
import { toSavedDraft } from '../../utils/pure/saved-draft';
import type { StageClock, StageTimings } from '../../utils/pure/stage-timings';
import { timeStage } from '../../utils/pure/stage-timings';
import { fetchImageInPage } from './image-fetch';
import { joinFetchedPages } from './page-fetch';

/** More images than this in one article are a gallery or a page of thumbnails: the rest stay remote. */
const MAX_IMAGES_PER_CLIP = 200;

/** The user's selection as HTML (every range, in order), or '' when nothing is selected. */
function readSelectionHtml(doc: Document): string {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const box = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}

/** True when the user has selected some text (a bare caret is no selection). */
function hasSelection(doc: Document): boolean {
  const selection = doc.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}

/** The draft's images (with keep-images on) and Markdown from `content`, its article element: what the background saves. */
function toClipReply(
  draft: SavedDraft,
  content: Element,
  opts: InjectedClipOptions,
  timer: StageClock | undefined,
): InjectedClipReply {
  if (opts.keepImages) {
    // Only what the post shows: the lead image from metadata has no link in the Markdown to rewrite.
    // A huge inline `data:` image is left in the Markdown as it is rather than copied into the draft twice.
    // Read from the article element before the Markdown step prepares it in place.
    const found = timeStage(timer, 'images', () =>
      findArticleImages(content, { baseUrl: draft.url, leadImage: draft.image }),
    );
    const images = found.filter(
      (image) =>
        image.originalUrl !== null &&
        image.url.length <= MAX_FIELD_CHARS &&
        image.originalUrl.length <= MAX_FIELD_CHARS,
    );
    if (images.length > 0) draft.images = images.slice(0, MAX_IMAGES_PER_CLIP);
  }
  const markdown = ownedElementToMarkdown(content, draft.url, opts.style, timer);
  return ok({ draft: toSavedDraft(draft), markdown });
}

/**
 * `doc` is the page; `pageUrl` reads its address at call time (the page may have navigated in place since).
 * `onClipStart` hears the toolbar click's probe and call id as its clip starts (index.ts tells the background).
 */
export function createInjectedApi(
  doc: Document,
  pageUrl: () => string,
  onClipStart?: (probe: InjectedProbe, callId: number) => void,
): InjectedApi {
  const api: InjectedApi = {
    apiVersion: INJECTED_API_VERSION,
    // The same canonical finder as the clip's draft, so "already saved" and the save agree on the key.
    probe: () => ({
      url: pageUrl(),
      title: doc.title,
      isReaderable: isReaderable(doc),
      canonical: findCanonical(doc, pageUrl()),
      hasSelection: hasSelection(doc),
    }),
    clip: (opts: InjectedClipOptions) => {
      try {
        const url = pageUrl();
        const selectionHtml = opts.mode === 'selection' ? readSelectionHtml(doc) : undefined;
        // A dozen clock reads per clip, kept for bench:clip to read from outside; nothing else uses them.
        const timings: StageTimings = {};
        const measure = { timings, clock: () => performance.now() };
        const options: ExtractOptions = {
          now: new Date(opts.now),
          mode: opts.mode,
          ...(selectionHtml === undefined ? {} : { selectionHtml }),
          // The site rule's selectors; absent fields leave Readability and the date cascade as they are.
          ...(opts.removeSelectors?.length ? { removeSelectors: opts.removeSelectors } : {}),
          ...(opts.articleSelector ? { articleSelector: opts.articleSelector } : {}),
          ...(opts.dateSelector ? { dateSelector: opts.dateSelector } : {}),
        };
        // The article's HTML and text are read only for joining later pages: the reply carries the Markdown.
        const extracted = extractDeferredParts(doc, url, { ...options, ...measure });
        if (!extracted.ok) return extracted;
        const { draft, content, readBodies } = extracted.value;
        const timer = stageClockOf(measure);
        const finish = (joined: SavedDraft): InjectedClipReply => {
          try {
            // A joined article has no element of its own yet: its HTML, parsed inertly, is one.
            const reply =
              joined.pagesJoined === undefined || joined.contentHtml === undefined
                ? toClipReply(draft, content, opts, timer)
                : toClipReply(joined, parseInert(joined.contentHtml, doc), opts, timer);
            api.lastTimings = timings;
            return reply;
          } catch (error) {
            return fail('unknown', errorMessage(error));
          }
        };
        const until = opts.pagesUntil;
        if (until === undefined || draft.kind !== 'article') return finish(draft);
        // A multi-page article: its later pages, fetched from here, until the clip's page budget is spent.
        // The stage times the search for a next page on this page (what runs before the first fetch).
        const hasPager = timeStage(timer, 'pages', () => hasPageLinks(doc, url));
        if (!hasPager) return finish(draft);
        const first = { ...draft, ...readBodies() };
        const joining = timeStage(timer, 'pages', () => joinFetchedPages(doc, url, first, options, until));
        return joining.then(finish, () => finish(draft));
      } catch (error) {
        return fail('unknown', errorMessage(error));
      }
    },
    // The toolbar click's one injection: the probe's facts and the clip together, with no second round trip.
    probeAndClip: (opts, clearKeys, callId) => {
      const timedProbe = () => {
        const start = performance.now();
        const found = api.probe();
        api.lastProbeMs = performance.now() - start;
        return found;
      };
      const onStart = onClipStart && ((probe: InjectedProbe) => onClipStart(probe, callId));
      return probeThenClip({ probe: timedProbe, clip: (o) => api.clip(o) }, opts, clearKeys, onStart);
    },
    fetchImage: (url, limit, timeoutMs) => fetchImageInPage(url, limit, timeoutMs),
  };
  return api;
}
