// Pure: publishes files to a Git repository as one commit with isomorphic-git. The file system and the HTTP client
// are injected (lightning-fs + fetch in an extension page, node:fs + Node's http in the CLI), so one module serves both.
import * as git from 'isomorphic-git';
import { classifyPublishError, isRemoteMovedError } from './git-errors';
import type { GitEnv, GitTarget } from './git-remote';
import { ensureRepository, fetchHead, REMOTE, remoteArgs, resetToRemote, serialize } from './git-remote';
import type { GitStore } from './git-tree';
import { entryAt, writeTreeWith } from './git-tree';
import type { PublishFile, PublishResult } from './publish-files';
import { checkPublishFiles, publishFailure } from './publish-files';

export type { GitEnv, GitTarget } from './git-remote';

export interface GitAuthor {
  name: string;
  email: string;
}

export interface PublishRequest {
  target: GitTarget;
  files: readonly PublishFile[];
  message: string;
  author: GitAuthor;
  /**
   * path → blob id we wrote there last time (a previous success's `written`). A file whose remote blob is neither
   * this nor our new bytes was changed by someone else: a conflict. A path absent here must not exist remotely
   * (or must already hold our bytes), so a first publish never overwrites somebody's file either.
   */
  previous?: Readonly<Record<string, string>>;
  /** Paths the user chose to overwrite after a conflict. */
  overwrite?: readonly string[];
  /** The commit's time; default now. */
  now?: Date;
  /** Pushes tried while the remote keeps moving; default 3. */
  maxAttempts?: number;
}

export interface PublishSuccess {
  /** The branch's head after the publish: our commit, or the remote head when nothing changed. */
  commit: string;
  /** Whether a commit was made; false when the remote already had exactly these bytes. */
  isCommitted: boolean;
  /** path → blob id now at that path: remember it as the next publish's `previous`. */
  written: Record<string, string>;
  /** Paths whose content this commit changed. */
  changed: string[];
  /** Push attempts (more than one when the remote moved and we re-applied our files on its new head). */
  attempts: number;
}

const DEFAULT_ATTEMPTS = 3;

type Plan =
  | { kind: 'conflict'; paths: string[]; theirs: Record<string, string> }
  | { kind: 'unchanged'; written: Record<string, string> }
  | { kind: 'commit'; oid: string; written: Record<string, string>; changed: string[] };

/** Writes our blobs, checks each path against the remote head, and builds the commit on top of it. */
async function planCommit(
  env: GitEnv,
  request: PublishRequest,
  head: string | null,
  cache: object,
): Promise<Plan> {
  const store: GitStore = { fs: env.fs, gitdir: env.dir, cache };
  const baseTree = head === null ? null : (await git.readCommit({ ...store, oid: head })).commit.tree;
  const overwrite = new Set(request.overwrite ?? []);
  const written: Record<string, string> = {};
  const changes: { path: string; oid: string }[] = [];
  const conflicts: string[] = [];
  const theirs: Record<string, string> = {};
  for (const file of request.files) {
    const oid = await git.writeBlob({ fs: env.fs, gitdir: env.dir, blob: file.bytes });
    written[file.path] = oid;
    const remote = await entryAt(store, baseTree, file.path);
    if (remote?.oid === oid && remote.type === 'blob') continue;
    const isOurs =
      remote === null
        ? request.previous?.[file.path] === undefined
        : request.previous?.[file.path] === remote.oid;
    if (!isOurs && !overwrite.has(file.path)) {
      conflicts.push(file.path);
      if (remote !== null) theirs[file.path] = remote.oid;
    } else changes.push({ path: file.path, oid });
  }
  if (conflicts.length > 0) return { kind: 'conflict', paths: conflicts, theirs };
  if (changes.length === 0) return { kind: 'unchanged', written };
  const tree = await writeTreeWith(store, baseTree, changes);
  const when = request.now ?? new Date();
  const signature = {
    name: request.author.name,
    email: request.author.email,
    timestamp: Math.floor(when.getTime() / 1000),
    timezoneOffset: 0,
  };
  const oid = await git.commit({
    fs: env.fs,
    gitdir: env.dir,
    cache,
    message: request.message.endsWith('\n') ? request.message : `${request.message}\n`,
    author: signature,
    committer: signature,
    tree,
    parent: head === null ? [] : [head],
    noUpdateBranch: true,
  });
  return { kind: 'commit', oid, written, changed: changes.map((c) => c.path) };
}

async function publishOnce(env: GitEnv, request: PublishRequest): Promise<PublishResult<PublishSuccess>> {
  const { target } = request;
  const maxAttempts = Math.max(1, request.maxAttempts ?? DEFAULT_ATTEMPTS);
  await ensureRepository(env, target);
  for (let attempt = 1; ; attempt += 1) {
    const cache = {};
    const head = await fetchHead(env, target, cache);
    const plan = await planCommit(env, request, head, cache);
    if (plan.kind === 'conflict') {
      const detail = `changed on the remote since our last publish: ${plan.paths.join(', ')}`;
      return publishFailure('publish-conflict', detail, plan.paths, plan.theirs);
    }
    if (plan.kind === 'unchanged') {
      return {
        ok: true,
        value: {
          commit: head ?? '',
          isCommitted: false,
          written: plan.written,
          changed: [],
          attempts: attempt,
        },
      };
    }
    const branchRef = `refs/heads/${target.branch}`;
    await git.writeRef({ fs: env.fs, gitdir: env.dir, ref: branchRef, value: plan.oid, force: true });
    try {
      await git.push({
        fs: env.fs,
        gitdir: env.dir,
        cache,
        remote: REMOTE,
        ref: target.branch,
        remoteRef: target.branch,
        ...remoteArgs(env, target),
      });
    } catch (error) {
      await resetToRemote(env, target.branch);
      if (attempt < maxAttempts && isRemoteMovedError(error)) continue;
      const { code, detail } = classifyPublishError(error);
      return publishFailure(code, `push: ${detail}`);
    }
    const value: PublishSuccess = {
      commit: plan.oid,
      isCommitted: true,
      written: plan.written,
      changed: plan.changed,
      attempts: attempt,
    };
    return { ok: true, value };
  }
}

/**
 * Publishes `files` as one commit on `target.branch`: fetch (depth 1; the first time into an empty clone), write
 * the files onto the remote head, push. When the remote moved during the push, fetch and re-apply, up to
 * `maxAttempts`. A file someone else changed is a `publish-conflict` naming the paths, and nothing is pushed.
 * Any failure leaves the local clone at the remote's head and the remote untouched. Never throws.
 */
export async function publishToGit(
  env: GitEnv,
  request: PublishRequest,
): Promise<PublishResult<PublishSuccess>> {
  const invalid = checkPublishFiles(request.files);
  if (invalid) return invalid;
  if (!request.target.branch || !request.target.url)
    return publishFailure('publish-invalid', 'no URL or branch');
  return serialize(env.dir, async () => {
    try {
      return await publishOnce(env, request);
    } catch (error) {
      await resetToRemote(env, request.target.branch).catch(() => undefined);
      const { code, detail } = classifyPublishError(error);
      return publishFailure(code, detail);
    }
  });
}
