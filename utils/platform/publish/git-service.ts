// Platform: the background's Git publishing: reads the saved repository settings and token, publishes the files
// the page rendered as one commit, and writes each clip's publish state to its record. Loaded on first publish.
import type { PublishClipsRequest, PublishReport, PublishTestReport } from '../../pure/protocol';
import type { ConnectionReport } from '../../pure/publish/git-connection';
import type { GitTarget, PublishRequest, PublishSuccess } from '../../pure/publish/git-publish';
import type { PublishResult } from '../../pure/publish/publish-files';
import type { Result } from '../../pure/result';
import { ok } from '../../pure/result';
import type { PublishSettings, StoredClip } from '../../pure/types';
import type { PublishResultInfo } from './publish-items';
import { applyPublishResult, previousBlobs, toPublishFiles, toReport, toTargetKey } from './publish-items';

/** What the service needs, injected so tests run it against a real server with node's fs and http. */
export interface GitServiceDeps {
  loadSettings(): Promise<PublishSettings>;
  loadToken(): Promise<string>;
  getClips(ids: string[]): Promise<StoredClip[]>;
  putClips(clips: StoredClip[]): Promise<unknown>;
  publish(request: PublishRequest): Promise<PublishResult<PublishSuccess>>;
  testConnection(target: GitTarget): Promise<PublishResult<ConnectionReport>>;
  now(): number;
}

function targetOf(settings: PublishSettings, token: string): GitTarget {
  return { url: settings.repoUrl.trim(), branch: settings.branch.trim(), token };
}

/** Publishes the request's items as one commit and records each clip's state. Never rejects for a Git failure. */
export async function publishClipsToGit(
  deps: GitServiceDeps,
  request: PublishClipsRequest,
): Promise<Result<PublishReport>> {
  const [settings, token] = await Promise.all([deps.loadSettings(), deps.loadToken()]);
  const clips = await deps.getClips(request.items.map((item) => item.clipId));
  const items = request.items.filter((item) => clips.some((clip) => clip.id === item.clipId));
  const target = toTargetKey(settings);
  const base = { destination: 'git' as const, target, now: deps.now() };
  if (items.length === 0) return ok({ published: [], failed: [] });
  const result =
    settings.destination !== 'git' || settings.allowedOrigin === ''
      ? ({ ok: false, code: 'publish-not-allowed' } as const)
      : await deps.publish({
          target: targetOf(settings, token),
          files: toPublishFiles(items),
          message: request.message.trim() || 'Postclip',
          author: { name: settings.authorName, email: settings.authorEmail },
          previous: previousBlobs(clips, target),
          ...(request.overwrite ? { overwrite: request.overwrite } : {}),
          now: new Date(base.now),
        });
  const info: PublishResultInfo = result.ok
    ? { ...base, written: result.value.written, commit: result.value.commit }
    : {
        ...base,
        code: result.code,
        ...('conflicts' in result && result.conflicts ? { conflictPaths: result.conflicts } : {}),
        ...('theirs' in result && result.theirs ? { theirs: result.theirs } : {}),
      };
  const updated = applyPublishResult(clips, items, info);
  // A full disk can refuse this write too: the clips then keep their earlier records (nothing is lost), and the
  // report still tells the page what happened.
  await deps.putClips(updated).catch(() => undefined);
  return ok(toReport(updated, info));
}

/** "Test connection" with the saved settings: what the branch holds, or why it could not be reached. */
export async function testSavedConnection(deps: GitServiceDeps): Promise<Result<PublishTestReport>> {
  const [settings, token] = await Promise.all([deps.loadSettings(), deps.loadToken()]);
  if (settings.allowedOrigin === '') return ok({ ok: false, code: 'publish-not-allowed' });
  const result = await deps.testConnection(targetOf(settings, token));
  return ok(result.ok ? { ok: true, report: result.value } : { ok: false, code: result.code });
}
