// Platform: publishing as the popup and options page see it. The page renders the posts (they need a DOM), then
// hands Git publishes to the background and writes a local folder itself (its permission needs the user's click).
import { browser } from 'wxt/browser';
import type {
  PublishAccessAsk,
  PublishOptionsServices,
  PublishPageState,
  PublishPopupServices,
} from '../../pure/page-api';
import type { PublishReport } from '../../pure/protocol';
import type { Result } from '../../pure/result';
import { fail, ok } from '../../pure/result';
import { errorMessage } from '../../pure/error-message';
import type { PublishSettings, Settings, StoredClip } from '../../pure/types';
import { sendMessage } from '../messages';
import { loadPublishSettings, loadPublishToken, savePublishSettings, savePublishToken } from '../settings';
import type { Library } from '../store';
import type { FolderHandle } from './folder-handle-store';
import { loadFolderHandle, saveFolderHandle } from './folder-handle-store';
import { toOriginPattern } from './origin-pattern';
import type { AutoPublishDeps } from './auto-publish';
import { claimBatchInStorage } from './auto-publish';

export { toOriginPattern } from './origin-pattern';

type PickerWindow = { showDirectoryPicker?: (o: { mode: 'readwrite' }) => Promise<FolderHandle> };

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}

function isFolderSupported(): boolean {
  return typeof (globalThis as PickerWindow).showDirectoryPicker === 'function';
}

async function loadState(): Promise<PublishPageState> {
  const [settings, token, folder] = await Promise.all([
    loadPublishSettings(),
    loadPublishToken(),
    loadFolderHandle().catch(() => null),
  ]);
  let isFolderPermissionNeeded = false;
  if (folder?.queryPermission) {
    isFolderPermissionNeeded = (await folder.queryPermission({ mode: 'readwrite' })) !== 'granted';
  }
  return {
    settings,
    hasToken: token !== '',
    isFolderSupported: isFolderSupported(),
    folderName: folder?.name ?? null,
    isFolderPermissionNeeded,
  };
}

/** Whether the browser holds `pattern` now (a prompt answered late, or granted from the browser's own UI). */
async function hasOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** An "Allow" that came after the page stopped waiting: record it when the saved repository is still on that origin. */
async function recordLateGrant(pattern: string): Promise<void> {
  const saved = await loadPublishSettings();
  if (saved.destination !== 'git' || saved.allowedOrigin === pattern) return;
  if (toOriginPattern(saved.repoUrl) !== pattern) return;
  await savePublishSettings({ ...saved, allowedOrigin: pattern });
}

function askAccess(next: PublishSettings): PublishAccessAsk | null {
  const pattern = next.destination === 'git' ? toOriginPattern(next.repoUrl) : null;
  if (pattern === null) return null;
  let asking: Promise<boolean>;
  try {
    // No await before this: the browser shows its prompt only within the click's own task.
    asking = browser.permissions.request({ origins: [pattern] });
  } catch {
    asking = Promise.resolve(false);
  }
  const answer = asking.then(
    (granted) => granted === true,
    () => false,
  );
  void answer.then((granted) => (granted ? recordLateGrant(pattern) : undefined)).catch(() => undefined);
  return { origin: pattern, answer };
}

export function createPublishOptionsServices(): PublishOptionsServices {
  return {
    load: () => attempt(loadState),
    askAccess,
    save: (next, token) =>
      attempt(async () => {
        const pattern = next.destination === 'git' ? toOriginPattern(next.repoUrl) : null;
        const allowedOrigin = pattern !== null && (await hasOrigin(pattern)) ? pattern : '';
        await savePublishSettings({ ...next, allowedOrigin });
        if (token !== null) await savePublishToken(token.trim());
        return { state: await loadState(), isAllowed: next.destination !== 'git' || allowedOrigin !== '' };
      }),
    test: () => sendMessage('publish-test', {}),
    pickFolder: () =>
      attempt(async () => {
        const picker = (globalThis as PickerWindow).showDirectoryPicker;
        if (!picker) return null;
        try {
          const handle = await picker({ mode: 'readwrite' });
          await saveFolderHandle(handle);
          return handle.name;
        } catch (error) {
          // The user closed the picker: nothing to report.
          if (error instanceof DOMException && error.name === 'AbortError') return null;
          throw error;
        }
      }),
    restoreFolderPermission: () =>
      attempt(async () => {
        const handle = await loadFolderHandle();
        if (!handle?.requestPermission) return handle !== null;
        return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted';
      }),
  };
}

/** Renders the clips' posts with the current settings: the same files the zip export writes. */
async function renderItems(clips: StoredClip[], settings: Settings, target: string) {
  const [{ renderPost }, { toPublishItems }] = await Promise.all([
    import('../post-rendering'),
    import('./publish-items'),
  ]);
  const posts = clips.map((clip) => renderPost(clip, settings));
  return toPublishItems(clips, posts, target);
}

async function publishToPickedFolder(lib: Library, clips: StoredClip[], settings: Settings) {
  const [{ publishToFolder }, items, handle] = await Promise.all([
    import('./folder-writer'),
    renderItems(clips, settings, 'folder'),
    loadFolderHandle(),
  ]);
  const { applyPublishResult, toPublishFiles, toReport } = await import('./publish-items');
  const base = { destination: 'folder' as const, target: 'folder', now: Date.now() };
  const result = handle
    ? await publishToFolder(handle, toPublishFiles(items))
    : ({ ok: false, code: 'publish-not-found' } as const);
  const info = result.ok
    ? { ...base, written: Object.fromEntries(result.value.written.map((p) => [p, undefined])) }
    : { ...base, code: result.code };
  const updated = applyPublishResult(clips, items, info);
  await lib.putClips(updated);
  return toReport(updated, info);
}

/** Publishes `ids` to the saved destination. A failure is reported (and kept on each clip), not thrown. */
export async function publishClips(
  lib: Library,
  settings: Settings,
  ids: string[],
  overwrite?: string[],
): Promise<Result<PublishReport>> {
  try {
    const publish = await loadPublishSettings();
    const clips = await lib.getClips(ids);
    if (publish.destination === 'none' || clips.length === 0)
      return ok({ published: [], failed: clips.map((c) => c.id), code: 'publish-invalid' });
    if (publish.destination === 'folder') return ok(await publishToPickedFolder(lib, clips, settings));
    const { toTargetKey } = await import('./publish-items');
    const [items, { renderCommitMessage }] = await Promise.all([
      renderItems(clips, settings, toTargetKey(publish)),
      import('./commit-message'),
    ]);
    const message = renderCommitMessage(publish.messageTemplate, clips);
    return await sendMessage('publish-clips', overwrite ? { items, message, overwrite } : { items, message });
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
}

/** "Keep theirs": the clip's conflict in the current destination settles on the repository's file. */
async function keepTheirs(library: () => Promise<Library>, id: string): Promise<Result<void>> {
  return attempt(async () => {
    const [lib, publish, { adoptTheirs, toTargetKey }] = await Promise.all([
      library(),
      loadPublishSettings(),
      import('./publish-items'),
    ]);
    const [clip] = await lib.getClips([id]);
    const kept = clip ? adoptTheirs(clip, toTargetKey(publish)) : null;
    if (kept) await lib.putClips([kept]);
  });
}

export function createPublishPopupServices(
  library: () => Promise<Library>,
  settings: () => Promise<Settings>,
): PublishPopupServices {
  return {
    isConfigured: async () => (await loadPublishSettings()).destination !== 'none',
    publish: async (ids, overwrite) => publishClips(await library(), await settings(), ids, overwrite),
    keepTheirs: (id) => keepTheirs(library, id),
  };
}

/** What "publish every new clip" needs from the page: the setting, a publish, and the batch claim. */
export function createAutoPublishDeps(
  library: () => Promise<Library>,
  settings: () => Promise<Settings>,
): AutoPublishDeps {
  return {
    isAutoPublish: async () => {
      const publish = await loadPublishSettings();
      return publish.isAutoPublish && publish.destination !== 'none';
    },
    publish: async (ids) => publishClips(await library(), await settings(), ids),
    claimBatch: claimBatchInStorage,
  };
}
