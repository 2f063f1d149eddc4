// Platform: clips the active tab from the background: checks the URL, injects /clip.js, validates what comes back, saves.
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { isClipDraft, isWebUrl, MAX_BODY_CHARS, MAX_TITLE_CHARS } from '../pure/backup-format';
import { findRestriction } from '../pure/restricted-url';
import type { Result } from '../pure/result';
import { fail, isErrorCode, ok, isRecord } from '../pure/result';
import { toMarkdownKey } from '../pure/markdown-key';
import { findRule } from '../pure/rule-match';
import type { SiteRule } from '../pure/template-shape';
import type { MarkdownStyle, SavedDraft } from '../pure/types';
import { pageKeyOf } from '../pure/clip-key';
import { errorMessage } from '../pure/error-message';
import type { ClipMode } from '../pure/choices';
import type {
  ClipOutcome,
  ClipRequest,
  InjectedClipOptions,
  InjectedProbe,
  PickerRequest,
  PostclipGlobal,
  TabProbe,
} from '../pure/protocol';
import { INJECTED_API_VERSION } from '../pure/protocol';
import type { Settings } from './settings';
import { loadSettings } from './settings';
import type { Library } from './store';
import { toSummary } from '../pure/clip-summary';
import { StoreError } from './library-db';
import { openLibrary } from './store';
import type { FetchReply, ImageFetchDeps, KeptImages } from './image-fetch';
import { fromBase64, keepClipImages } from './image-fetch';
import { fetchImageBytes } from './image-body';
import { browserRefererRules } from './image-referer';
import { summarizeImages } from '../pure/images/types';
import { imageSettingsOf } from '../pure/types';
import { retryUntilGranted } from './script-grant-retry';

/**
 * Reading the page may take this long; opening the store may add OPEN_TIMEOUT_MS (5 s) after it, so a clip ends,
 * saved or explained, within 15 s, well inside the popup's own 20 s guard.
 */
export const CLIP_TIMEOUT_MS = 10_000;
export const CLIP_SCRIPT = '/clip.js' as const;
/** The "Remove parts…" picker (entrypoints/picker), injected on demand like the clip script. */
export const PICKER_SCRIPT = '/picker.js' as const;
/** Images may run this long past the page-reading limit; the clip still answers within the popup's 20 s guard. */
const IMAGE_EXTRA_MS = 3_000;
/** Joining a multi-page article's later pages stops starting new pages this long after the click. */
const PAGES_BUDGET_MS = 7_000;
/** Images always get at least this long (a page read quickly leaves more). */
const IMAGE_MIN_MS = 2_000;

export interface ActiveTab {
  id: number;
  /** Null when the browser hides it (no activeTab grant yet): then we try injecting and read the error. */
  url: string | null;
  title: string | null;
}

/** One call into the injected script; a single serialisable argument keeps the injected function self-contained. */
export type InjectedCall =
  | { kind: 'check'; apiVersion: number }
  | { kind: 'probe' }
  | { kind: 'clip'; options: InjectedClipOptions }
  | { kind: 'probe-clip'; options: InjectedClipOptions; clearKeys: string[]; callId: number }
  | { kind: 'fetch-image'; url: string; limit: number; timeoutMs: number };

export type ScriptInjection =
  | { target: { tabId: number }; files: [typeof CLIP_SCRIPT | typeof PICKER_SCRIPT] }
  | { target: { tabId: number }; func: (call: InjectedCall) => unknown; args: [InjectedCall] };

export interface ClipperDeps {
  queryActiveTab(): Promise<ActiveTab | null>;
  /** The tab with this id, active or not; null when it has closed. */
  getTab(tabId: number): Promise<ActiveTab | null>;
  executeScript(injection: ScriptInjection): Promise<Array<{ result?: unknown }>>;
  getLibrary(): Promise<Library>;
  loadSettings(): Promise<Settings>;
  now(): number;
  /** Defaults to CLIP_TIMEOUT_MS. */
  timeoutMs?: number;
  /** How images are fetched for a clip of `tab`; without it images are listed but none kept. */
  imageDeps?(tab: ActiveTab): ImageFetchDeps;
}

/**
 * What the injected script is told: the mode, the click's time, the Markdown style, and the selectors of the site
 * rule that matches the page (the user's rules first, then the built-in ones). The rule's zone, template and slug
 * mode apply later, at render time.
 */
export function buildInjectedOptions(
  mode: ClipMode,
  now: number,
  style: MarkdownStyle,
  rule: SiteRule | null,
  pickedSelectors: readonly string[] = [],
  keepImages = false,
): InjectedClipOptions {
  const options: InjectedClipOptions = { mode, now, style };
  if (keepImages) options.keepImages = true;
  const remove = [...new Set([...(rule?.removeSelectors ?? []), ...pickedSelectors])];
  if (remove.length) options.removeSelectors = remove;
  if (rule?.articleSelector) options.articleSelector = rule.articleSelector;
  if (rule?.dateSelector) options.dateSelector = rule.dateSelector;
  return options;
}

/** Runs inside the page's isolated world: it is serialised, so it may use nothing from this module. */
function callInPage(call: InjectedCall): unknown {
  const api = (globalThis as PostclipGlobal).__postclip;
  if (call.kind === 'check') return api?.apiVersion === call.apiVersion;
  if (!api) return null;
  if (call.kind === 'fetch-image') return api.fetchImage(call.url, call.limit, call.timeoutMs);
  if (call.kind === 'probe-clip') return api.probeAndClip(call.options, call.clearKeys, call.callId);
  return call.kind === 'probe' ? api.probe() : api.clip(call.options);
}

// Chrome: "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted."; Firefox: "Missing host permission for the tab".
const RESTRICTED_ERRORS =
  /extensions gallery|cannot be scripted|cannot access a [a-z-]+:\/\/ url|chrome:\/\/|about:/i;
const NO_ACCESS_ERRORS = /cannot access contents of|missing host permission|must request permission/i;

/** Maps a scripting error to a code. `tabUrl` null means we never saw the URL: no access means a browser page. */
export function mapInjectionError(error: unknown, tabUrl: string | null): Result<never> {
  const message = errorMessage(error);
  if (RESTRICTED_ERRORS.test(message)) return fail('restricted-page', message);
  if (NO_ACCESS_ERRORS.test(message))
    return fail(tabUrl === null ? 'restricted-page' : 'injection-failed', message);
  return fail('injection-failed', message);
}

export const TIMED_OUT = Symbol('timed out');

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/** Injects /clip.js when the page lacks it, then makes `call`; a call still being prepared is awaited meanwhile. */
export async function runInTab(
  deps: ClipperDeps,
  tab: ActiveTab,
  call: InjectedCall | Promise<InjectedCall>,
): Promise<Result<unknown>> {
  const target = { tabId: tab.id };
  try {
    const [check] = await deps.executeScript({
      target,
      func: callInPage,
      args: [{ kind: 'check', apiVersion: INJECTED_API_VERSION }],
    });
    if (check?.result !== true) await deps.executeScript({ target, files: [CLIP_SCRIPT] });
    const [reply] = await deps.executeScript({ target, func: callInPage, args: [await call] });
    return ok(reply?.result);
  } catch (error) {
    return mapInjectionError(error, tab.url);
  }
}

/** The page a URL shows: the fragment is a scroll position, not another page. */
function toPageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The tab no longer shows the page the popup probed (or we can no longer read which page it shows). */
export function failMovedOn(): Result<never> {
  // The detail is a key the popup words in the user's language (utils/platform/i18n.ts), not the URLs.
  return fail('injection-failed', 'tab-changed');
}

/** Whether `url` is the page `expectedUrl` names (its #fragment aside); an unknown expectation always holds. */
export function isShowing(url: string | null, expectedUrl: string | undefined): boolean {
  return expectedUrl === undefined || (url !== null && toPageUrl(url) === toPageUrl(expectedUrl));
}

export async function resolveTab(deps: ClipperDeps, given?: ActiveTab): Promise<Result<ActiveTab>> {
  const tab = given ?? (await deps.queryActiveTab().catch(() => null));
  if (!tab) return fail('no-active-tab');
  const restriction = tab.url ? findRestriction(tab.url) : null;
  return restriction ? fail('restricted-page', restriction) : ok(tab);
}

/** The injected probe's answer, checked before use: it comes from a page we do not control. */
export function readProbe(value: unknown): Result<InjectedProbe> {
  if (
    !isRecord(value) ||
    typeof value.url !== 'string' ||
    typeof value.title !== 'string' ||
    typeof value.isReaderable !== 'boolean' ||
    !(value.canonical === null || isWebUrl(value.canonical))
  ) {
    return fail('invalid-message');
  }
  const restriction = findRestriction(value.url);
  if (restriction) return fail('restricted-page', restriction);
  return ok({
    url: value.url,
    title: value.title.slice(0, MAX_TITLE_CHARS),
    isReaderable: value.isReaderable,
    canonical: value.canonical,
    hasSelection: value.hasSelection === true,
  });
}

/** The injected clip's answer, checked before anything is saved. */
export function readClipReply(value: unknown): Result<{ draft: SavedDraft; markdown: string }> {
  if (!isRecord(value)) return fail('invalid-message');
  if (value.ok === false) {
    if (!isErrorCode(value.code)) return fail('invalid-message');
    return fail(value.code, typeof value.detail === 'string' ? value.detail.slice(0, 500) : undefined);
  }
  if (value.ok !== true || !isRecord(value.value)) return fail('invalid-message');
  const { draft, markdown } = value.value;
  if (typeof markdown !== 'string' || !isRecord(draft)) return fail('invalid-message');
  const isTooLarge =
    markdown.length > MAX_BODY_CHARS ||
    (typeof draft.contentHtml === 'string' && draft.contentHtml.length > MAX_BODY_CHARS) ||
    (typeof draft.textContent === 'string' && draft.textContent.length > MAX_BODY_CHARS);
  if (isTooLarge) return fail('page-too-large');
  if (!isClipDraft(draft)) return fail('invalid-message');
  return ok({ draft, markdown });
}

/** The page's own URL when the browser hides the tab's (no activeTab grant seen yet); null when it cannot tell. */
async function readPageUrl(deps: ClipperDeps, tab: ActiveTab): Promise<string | null> {
  const reply = await runInTab(deps, tab, { kind: 'probe' });
  if (!reply.ok) return null;
  const probe = readProbe(reply.value);
  return probe.ok ? probe.value.url : null;
}

/** The id of the clip saved under this library key, or null (also when the store cannot be read). */
export async function findSavedClipId(
  deps: Pick<ClipperDeps, 'getLibrary'>,
  key: string,
): Promise<string | null> {
  try {
    return (await (await deps.getLibrary()).findByUrl(key))?.id ?? null;
  } catch {
    // A broken store must not hide the Clip button; the clip itself will report the storage error.
    return null;
  }
}

/** What the page offers, without saving: readerable?, already saved? */
export async function probeActiveTab(deps: ClipperDeps, given?: ActiveTab): Promise<Result<TabProbe>> {
  let probedTabId: number | null = null;
  const probing = (async (): Promise<Result<InjectedProbe>> => {
    const tab = await resolveTab(deps, given);
    if (!tab.ok) return tab;
    probedTabId = tab.value.id;
    const reply = await runInTab(deps, tab.value, { kind: 'probe' });
    return reply.ok ? readProbe(reply.value) : reply;
  })();
  const probe = await withTimeout(probing, deps.timeoutMs ?? CLIP_TIMEOUT_MS);
  if (probe === TIMED_OUT) return fail('timeout');
  if (!probe.ok) return probe;
  const { url, title, isReaderable, canonical, hasSelection } = probe.value;
  const savedClipId = await findSavedClipId(deps, pageKeyOf({ url, canonical }));
  return ok({
    tabId: probedTabId,
    url,
    title,
    isReaderable,
    savedClipId,
    hasSelection: hasSelection === true,
  });
}

/** What a clip takes from the settings: what the page is told, and how what comes back is saved. */
export interface ClipPlan {
  /** The click's time: the clip and its save agree on "now". */
  now: number;
  options: InjectedClipOptions;
  markdownKey: string;
  keepImages: boolean;
}

/** The clip's plan for a page at `url` (null: not known, so no site rule applies). */
export function planClip(
  mode: ClipMode,
  deps: Pick<ClipperDeps, 'imageDeps'>,
  settings: Settings,
  url: string | null,
  now: number,
  pickedSelectors: readonly string[] = [],
): ClipPlan {
  const keepImages = imageSettingsOf(settings).keep && deps.imageDeps !== undefined;
  const rule = url === null ? null : findRule(settings.rules, url);
  const options = buildInjectedOptions(mode, now, settings.markdown, rule, pickedSelectors, keepImages);
  // A multi-page article's later pages are fetched by the page until then, inside the clip's own time limit.
  if (mode === 'article') options.pagesUntil = now + PAGES_BUDGET_MS;
  return { now, options, markdownKey: toMarkdownKey(settings.markdown), keepImages };
}

/** What the page read, checked, ready to save. */
export interface Extracted {
  draft: SavedDraft;
  markdown: string;
}

/**
 * Clips the active (or given) tab and saves it. A failed clip leaves the library untouched. With `expectedUrl`,
 * a tab showing another page (before or while it is read) is refused and nothing is saved.
 */
export async function clipActiveTab(
  mode: ClipMode,
  deps: ClipperDeps,
  given?: ActiveTab,
  expectedUrl?: string,
  pickedSelectors: readonly string[] = [],
): Promise<Result<ClipOutcome>> {
  const now = deps.now();
  const extracting = (async (): Promise<Result<{ read: Extracted; plan: ClipPlan; tab: ActiveTab }>> => {
    // Checked first: a tab that moved on to a browser page has moved on, whatever that page is.
    if (expectedUrl !== undefined && given?.url && !isShowing(given.url, expectedUrl)) return failMovedOn();
    const tab = await resolveTab(deps, given);
    if (!tab.ok) return tab;
    const settings = await deps.loadSettings();
    const url = tab.value.url ?? (await readPageUrl(deps, tab.value));
    if (expectedUrl !== undefined && !isShowing(url, expectedUrl)) return failMovedOn();
    const plan = planClip(mode, deps, settings, url, now, pickedSelectors);
    const reply = await runInTab(deps, tab.value, { kind: 'clip', options: plan.options });
    const read = reply.ok ? readClipReply(reply.value) : reply;
    if (!read.ok) return read;
    // The page may navigate between the check above and the clip: the draft says which page was read.
    if (expectedUrl !== undefined && !isShowing(read.value.draft.url, expectedUrl)) return failMovedOn();
    return ok({ read: read.value, plan, tab: tab.value });
  })();
  // Saving starts only after this: a page that answers too late is ignored, never half-saved.
  const extracted = await withTimeout(extracting, deps.timeoutMs ?? CLIP_TIMEOUT_MS);
  if (extracted === TIMED_OUT) return fail('timeout');
  if (!extracted.ok) return extracted;
  const { read, plan, tab } = extracted.value;
  return saveExtracted(deps, tab, read, plan);
}

/** Saves what the page read, its images first when they are kept. A failed save leaves the library untouched. */
export async function saveExtracted(
  deps: ClipperDeps,
  tab: ActiveTab,
  extracted: Extracted,
  plan: ClipPlan,
): Promise<Result<ClipOutcome>> {
  const { draft, markdown } = extracted;
  let kept: KeptImages | undefined;
  if (plan.keepImages && deps.imageDeps && draft.images?.length) {
    // Images get what is left of the clip's time (at least IMAGE_MIN_MS); the rest stay remote.
    const deadline = Math.max(deps.now() + IMAGE_MIN_MS, plan.now + CLIP_TIMEOUT_MS + IMAGE_EXTRA_MS);
    kept = await keepClipImages(draft.images, draft.url, deps.imageDeps(tab), deadline);
  }
  try {
    const library = await deps.getLibrary();
    const saved = await library.saveDraft(
      draft,
      markdown,
      plan.now,
      plan.markdownKey,
      kept && { outcomes: kept.outcomes, pending: kept.pending },
    );
    const outcome: ClipOutcome = { clip: toSummary(saved.clip), isUpdate: saved.isUpdate };
    if (draft.pagesJoined !== undefined) outcome.pagesJoined = draft.pagesJoined;
    if (saved.clip.images?.length) {
      outcome.images = {
        summary: summarizeImages(saved.clip.images),
        storageFull: saved.imagesDropped === true,
        missingOrigins: saved.imagesDropped ? [] : (kept?.missingOrigins ?? []),
      };
    }
    return ok(outcome);
  } catch (error) {
    return error instanceof StoreError
      ? fail(error.code, error.message)
      : fail('storage-failed', errorMessage(error));
  }
}

/**
 * The popup's clip: exactly the tab it probed when it names one (the active tab may have changed since), else
 * the active tab. A closed tab is an error, never a reason to clip another; injecting still needs activeTab.
 */
export async function clipRequestedTab(
  request: ClipRequest,
  deps: ClipperDeps,
): Promise<Result<ClipOutcome>> {
  const { mode, tabId, expectedUrl } = request;
  if (tabId === undefined) return clipActiveTab(mode, deps, undefined, expectedUrl);
  const tab = await deps.getTab(tabId).catch(() => null);
  if (!tab) return fail('no-active-tab', 'tab-closed');
  return clipActiveTab(mode, deps, tab, expectedUrl);
}

/**
 * "Remove parts…": injects the picker into exactly the probed tab, if it still shows the probed page. The picker
 * reports back by message when the user presses Enter (utils/platform/picker-session.ts).
 */
export async function startPickerInTab(request: PickerRequest, deps: ClipperDeps): Promise<Result<null>> {
  const tab = await deps.getTab(request.tabId).catch(() => null);
  if (!tab) return fail('no-active-tab', 'tab-closed');
  const resolved = await resolveTab(deps, tab);
  if (!resolved.ok) return resolved;
  const url = tab.url ?? (await readPageUrl(deps, tab));
  if (!isShowing(url, request.expectedUrl)) return failMovedOn();
  try {
    await deps.executeScript({ target: { tabId: tab.id }, files: [PICKER_SCRIPT] });
    return ok(null);
  } catch (error) {
    return mapInjectionError(error, tab.url);
  }
}

/** One library per background lifetime, opened on first use and opened again after a failed open. */
export function createLibraryGetter(
  open: () => Promise<Library> = () => openLibrary(),
): () => Promise<Library> {
  let opening: Promise<Library> | null = null;
  return () => {
    if (!opening) {
      const attempt = open();
      opening = attempt;
      attempt.catch(() => {
        if (opening === attempt) opening = null;
      });
    }
    return opening;
  };
}

export function toActiveTab(tab: Browser.tabs.Tab | undefined): ActiveTab | null {
  if (tab?.id === undefined || tab.id < 0) return null;
  return { id: tab.id, url: tab.url || null, title: tab.title ?? null };
}

/** Images fetched for a clip of `tab`: the page fetches its own origin's, the background other granted sites'. */
export function browserImageDeps(
  deps: Pick<ClipperDeps, 'executeScript'>,
  tab: ActiveTab | null,
): ImageFetchDeps {
  // Hotlink-protected CDNs get the page as the Referer (image-referer.ts).
  const fetchDirect = async (
    url: string,
    limit: number,
    timeoutMs: number,
    pageUrl?: string,
  ): Promise<FetchReply> =>
    pageUrl === undefined
      ? fetchImageBytes(url, limit, timeoutMs, 'omit')
      : browserRefererRules().withReferer(url, pageUrl, () => fetchImageBytes(url, limit, timeoutMs, 'omit'));
  return {
    async fetchInPage(url, limit, timeoutMs) {
      if (!tab) return fetchDirect(url, limit, timeoutMs);
      try {
        const [reply] = await deps.executeScript({
          target: { tabId: tab.id },
          func: callInPage,
          args: [{ kind: 'fetch-image', url, limit, timeoutMs }],
        });
        return readImageReply(reply?.result, limit);
      } catch {
        return { ok: false, reason: 'fetch-failed' };
      }
    },
    fetchDirect,
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    now: () => Date.now(),
  };
}

/** The page's image reply, checked: it comes from a page we do not control. */
export function readImageReply(value: unknown, limit: number): FetchReply {
  if (!isRecord(value)) return { ok: false, reason: 'fetch-failed' };
  if (value.ok === true && typeof value.data === 'string') {
    // Base64 is 4/3 the bytes: anything longer than the limit allows is refused before decoding.
    if (value.data.length > Math.ceil(limit / 3) * 4 + 4) return { ok: false, reason: 'image-too-large' };
    try {
      return { ok: true, bytes: fromBase64(value.data) };
    } catch {
      return { ok: false, reason: 'fetch-failed' };
    }
  }
  const reason = value.reason;
  return reason === 'image-too-large' ? { ok: false, reason } : { ok: false, reason: 'fetch-failed' };
}

export function createBrowserDeps(getLibrary: () => Promise<Library>): ClipperDeps {
  const deps: ClipperDeps = {
    async queryActiveTab() {
      // Works without the `tabs` permission; url stays hidden until activeTab is granted.
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return toActiveTab(tab);
    },
    async getTab(tabId) {
      // Throws for a closed tab; url is hidden unless the tab holds the activeTab grant.
      return toActiveTab(await browser.tabs.get(tabId).catch(() => undefined));
    },
    // A clip started in the toolbar click's handler may reach the page before the click's grant does.
    executeScript: (injection) =>
      retryUntilGranted(() =>
        'files' in injection
          ? browser.scripting.executeScript({ target: injection.target, files: injection.files })
          : browser.scripting.executeScript({
              target: injection.target,
              func: injection.func,
              args: injection.args,
            }),
      ),
    getLibrary,
    loadSettings,
    now: () => Date.now(),
    imageDeps: (tab) => browserImageDeps(deps, tab),
  };
  return deps;
}
