// Platform: the popup and options pages' services: store, settings, messages and downloads behind the services
// interfaces the components take (utils/pure/page-api.ts). Shared by both pages. Rendering is loaded on demand.
import { errorMessage } from '../pure/error-message';
import { browser } from 'wxt/browser';
import type { ExportTarget, OpenedClip, OptionsServices, PopupServices, ProgressFn } from '../pure/page-api';
import { createBackup, restoreBackup } from './backup';
import { downloadPost, downloadText } from './downloads';
import { sendMessage } from './messages';
import { readPopupTab } from './toolbar-popup';
import { createBatchServices } from './batch-services';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChanged, saveSettings } from './settings';
import type { Library, LibraryOptions } from './store';
import { createFullText } from './search-library';
import { toSummary } from '../pure/clip-summary';
import { StoreError } from './library-db';
import { openLibrary } from './store';
import { browserPickStore } from './pick-store';
import { addPickToRules } from '../pure/pick-rule';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { StoredClip } from '../pure/types';
import { toLocalDay } from '../pure/dates';
import {
  createAutoPublishDeps,
  createPublishOptionsServices,
  createPublishPopupServices,
} from './publish/page-publish';
import type { AutoPublishDeps } from './publish/auto-publish';
import { autoPublishClip, autoPublishPending, withBatchAutoPublish } from './publish/auto-publish';
import { onPendingAdded } from './publish/auto-publish-pending';

/** Turndown, YAML and pinyin are most of the page's code: the library list shows before they load. */
/** The tab this popup was opened for by a toolbar click (`popup.html?tab=…`), or none. */
const popupTab = () => readPopupTab(globalThis.location?.search ?? '');
const loadRendering = () => import('./post-rendering');

/** Any thrown error as a failed Result: store errors keep their code. */
function toFailure(error: unknown): Result<never> {
  if (error instanceof StoreError)
    return fail(error.code, error.message === error.code ? undefined : error.message);
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return fail('quota-exceeded');
  return fail('unknown', errorMessage(error));
}

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    return toFailure(error);
  }
}

async function attemptResult<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    return toFailure(error);
  }
}

/** Settings for rendering, kept current while the page is open. */
function watchSettings(): () => Promise<Settings> {
  let current = loadSettings().catch(() => DEFAULT_SETTINGS);
  onSettingsChanged((next) => {
    current = Promise.resolve(next);
  });
  return () => current;
}

/** One library connection per page, opened on first use; a failed open is retried on the next call. */
function connectLibrary(options: LibraryOptions = {}): () => Promise<Library> {
  let library: Promise<Library> | null = null;
  return () => {
    library ??= openLibrary(undefined, undefined, options).catch((error: unknown) => {
      library = null;
      throw error;
    });
    return library;
  };
}

async function getExisting(lib: Library, id: string): Promise<StoredClip> {
  const clip = await lib.getClip(id);
  if (!clip) throw new StoreError('not-found');
  return clip;
}

function exportWith(library: () => Promise<Library>, settings: () => Promise<Settings>) {
  return (target: ExportTarget, onProgress: ProgressFn): Promise<Result<number>> =>
    attemptResult(async () => {
      const { exportZip } = await loadRendering();
      return exportZip(await library(), await settings(), target, onProgress);
    });
}

/** The clips the background made with no page open (menu, shortcut): published now, and as more arrive. */
function publishPendingNowAndLater(deps: AutoPublishDeps): void {
  const run = () => void autoPublishPending(deps).catch(() => undefined);
  run();
  onPendingAdded(run);
}

export function createPopupServices(): PopupServices {
  // The popup searches: it keeps the full-text index (loaded, or built once, on its first query).
  const library = connectLibrary({ fullText: createFullText });
  const settings = watchSettings();
  // Every open renders anew with the settings of this moment: a template or rule changed in the options page
  // applies the next time a clip is opened, with no reload.
  const open = async (clip: StoredClip): Promise<OpenedClip> => {
    const [{ renderOpened }, current] = await Promise.all([loadRendering(), settings()]);
    return { clip, ...renderOpened(clip, current) };
  };
  // "Publish every new clip": the page renders the post, so the popup starts it (a failure stays on the clip).
  const autoPublish = createAutoPublishDeps(library, settings);
  publishPendingNowAndLater(autoPublish);
  return {
    batch: withBatchAutoPublish(createBatchServices(), autoPublish),
    probe: () => sendMessage('probe-tab', popupTab()),
    clip: async (mode, target) => {
      const outcome = await sendMessage('clip-tab', target ? { mode, ...target } : { mode });
      if (outcome.ok) void autoPublishClip(autoPublish, outcome.value).catch(() => undefined);
      return outcome;
    },
    isClipOnOpen: async () => (await settings()).clipOnOpen,
    // A toolbar click's clip is the background's: it also lists it for auto-publishing (the popup claims it).
    attachToolbarClip: async () => {
      const found = await sendMessage('toolbar-attach', popupTab());
      return found.ok ? found.value : null;
    },
    toolbarOutcome: (tabId) => sendMessage('toolbar-outcome', { tabId }),
    listSummaries: (opts) => attempt(async () => (await library()).listSummaries(opts)),
    listTags: () => attempt(async () => (await library()).listTags()),
    getSummary: (id) => attempt(async () => toSummary(await getExisting(await library(), id))),
    openClip: (id) => attempt(async () => open(await getExisting(await library(), id))),
    updateEdits: (id, edits) => attempt(async () => open(await (await library()).updateEdits(id, edits))),
    deleteClips: (ids) => attempt(async () => (await library()).deleteClips(ids)),
    putClips: (clips) =>
      attempt(async () => {
        await (await library()).putClips(clips);
      }),
    download: (post) => downloadPost(post),
    downloadPostZip: (id) =>
      attemptResult(async () => {
        const { exportPostZip } = await loadRendering();
        return exportPostZip(await library(), await settings(), id);
      }),
    exportZip: exportWith(library, settings),
    copy: (text) => attempt(() => navigator.clipboard.writeText(text)),
    openOptions: () => {
      void browser.runtime.openOptionsPage();
    },
    startPicker: (target) => sendMessage('start-picker', target),
    takeLastPick: () => browserPickStore.take().catch(() => null),
    keepPickAsRule: (pick) =>
      attempt(async () => {
        const current = await loadSettings();
        await saveSettings({
          ...current,
          rules: addPickToRules(current.rules, pick, `picked-${pick.host}-${Date.now()}`),
        });
      }),
    closePopup: () => window.close(),
    // The request comes first, inside the click: browsers only ask during a user gesture.
    allowImageSites: (origins) => browser.permissions.request({ origins }).catch(() => false),
    refetchImages: (clipId, target) =>
      sendMessage(
        'refetch-images',
        target?.tabId === undefined ? { clipId } : { clipId, tabId: target.tabId },
      ),
    publish: createPublishPopupServices(library, settings),
  };
}

export function createOptionsServices(): OptionsServices {
  const library = connectLibrary();
  const settings = watchSettings();
  publishPendingNowAndLater(createAutoPublishDeps(library, settings));
  return {
    loadSettings: () => attempt(loadSettings),
    saveSettings: (next) => attempt(() => saveSettings(next)),
    estimateStorage: async () => {
      try {
        const { usage, quota } = await navigator.storage.estimate();
        return usage === undefined || quota === undefined ? null : { usage, quota };
      } catch {
        return null;
      }
    },
    countClips: () => attempt(async () => (await library()).count()),
    imageUsage: () => attempt(async () => (await library()).imageUsage()),
    exportZip: exportWith(library, settings),
    backup: () =>
      attemptResult(async () => {
        const text = await createBackup(await library(), await settings());
        return downloadText(text, `postclip-backup-${toLocalDay(new Date())}.json`, 'application/json');
      }),
    restore: (text) =>
      attemptResult(async () => {
        const restored = await restoreBackup(await library(), text);
        if (!restored.ok) return restored;
        // A backup is the whole library, settings included: restoring brings them back too.
        await saveSettings(restored.value.settings);
        const { added, updated, unchanged } = restored.value;
        return ok({ added, updated, unchanged });
      }),
    preview: (next) =>
      attempt(async () => {
        const lib = await library();
        const newest = (await lib.listSummaries({ limit: 1 })).items[0];
        const clip = newest ? await lib.getClip(newest.id) : undefined;
        const { renderPreview } = await loadRendering();
        // An empty library previews the built-in sample story.
        return renderPreview(clip ?? null, next);
      }),
    downloadJson: (text, filename) => downloadText(text, filename, 'application/json'),
    browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    publish: createPublishOptionsServices(),
  };
}
