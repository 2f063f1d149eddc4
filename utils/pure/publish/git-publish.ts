// Pure: publishes files to a Git repository as one commit with isomorphic-git. The file system and the HTTP client
// are injected (lightning-fs + fetch in an extension page, node:fs + Node's http in the CLI), so one module serves both.
import type { FsClient, GitAuth, HttpClient } from 'isomorphic-git';
import * as git from 'isomorphic-git';
import { classifyPublishError, isRemoteMovedError } from './git-errors';
import type { GitStore } from './git-tree';
import { countFiles, entryAt, writeTreeWith } from './git-tree';
import type { PublishFile, PublishResult } from './publish-files';
import { checkPublishFiles, publishFailure } from './publish-files';

/** Where to publish. */
export interface GitTarget {
  /** An HTTPS (or, in tests, HTTP) clone URL: `https://github.com/me/site.git`. */
  url: string;
  branch: string;
  token: string;
  /**
   * The basic-auth user name sent with the token. GitHub takes any non-empty name with a personal access token as
   * the password (`x-access-token` is what its own apps send); Gitea/Forgejo/Codeberg and GitLab also take the
   * token as the password with any name (GitLab documents `oauth2` for OAuth tokens). Bitbucket wants the real
   * user name (or `x-token-auth`), hence this field. Default `x-access-token`.
   */
  username?: string;
}

/** The injected pieces: a file system, an HTTP client, and the folder for this repository's clone. */
export interface GitEnv {
  fs: FsClient;
  http: HttpClient;
  /** One folder per repository (see toCloneFolderName); reused by every publish, never re-cloned. */
  dir: string;
}

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
const REMOTE = 'origin';

/** Publishes to one clone run one at a time: two at once would race on its refs. */
const queues = new Map<string, Promise<unknown>>();

function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

function authOf(target: GitTarget): GitAuth {
  return { username: target.username || 'x-access-token', password: target.token };
}

/**
 * The Authorization header, sent up front: without it every request is made twice (a 401, then onAuth).
 * Tokens are ASCII; a name or token that is not gets no header and goes through onAuth alone.
 */
function authHeaders(target: GitTarget): Record<string, string> {
  const { username, password } = authOf(target);
  const pair = `${username ?? ''}:${password ?? ''}`;
  if (!/^[\x00-\x7F]*$/.test(pair)) return {};
  return { Authorization: `Basic ${btoa(pair)}` };
}

/** The arguments every network call takes. */
function remoteArgs(env: GitEnv, target: GitTarget) {
  return {
    http: env.http,
    headers: authHeaders(target),
    // Asked only after a 401. There is no onAuthFailure, so a second refusal throws HttpError 401 (publish-auth)
    // instead of asking again in a loop.
    onAuth: () => authOf(target),
  };
}

function storeOf(env: GitEnv): GitStore {
  return { fs: env.fs, gitdir: env.dir, cache: {} };
}

/** A bare repository in env.dir with `origin` at the target's URL; created on first use. */
async function ensureRepository(env: GitEnv, target: GitTarget): Promise<void> {
  const store = storeOf(env);
  let hasRepo = true;
  try {
    await git.resolveRef({ fs: store.fs, gitdir: store.gitdir, ref: 'HEAD', depth: 1 });
  } catch {
    hasRepo = false;
  }
  if (!hasRepo) await git.init({ fs: env.fs, gitdir: env.dir, bare: true, defaultBranch: target.branch });
  await git.addRemote({ fs: env.fs, gitdir: env.dir, remote: REMOTE, url: target.url, force: true });
}

/** The branch's head on the server (one ref advertisement, no pack), or null when it has no such branch. */
async function remoteHeadOf(env: GitEnv, target: GitTarget): Promise<string | null> {
  const info = await git.getRemoteInfo2({ url: target.url, protocolVersion: 1, ...remoteArgs(env, target) });
  return info.refs?.find((r) => r.ref === `refs/heads/${target.branch}`)?.oid ?? null;
}

async function hasCommit(env: GitEnv, oid: string, cache: object): Promise<boolean> {
  try {
    await git.readCommit({ fs: env.fs, gitdir: env.dir, oid, cache });
    return true;
  } catch {
    return false;
  }
}

/**
 * Brings the branch's head into the clone and points our local branch at it. The first time that is a depth-1
 * fetch (a shallow clone); later, nothing when the head is still the one we know (usually our own last push),
 * else a depth-1 fetch of what we lack. Null when the repository is empty or has no such branch yet: the first
 * commit creates it.
 */
async function fetchHead(env: GitEnv, target: GitTarget, cache: object): Promise<string | null> {
  const branchRef = `refs/heads/${target.branch}`;
  const trackingRef = `refs/remotes/${REMOTE}/${target.branch}`;
  let head = await remoteHeadOf(env, target);
  if (head === null) {
    for (const ref of [branchRef, trackingRef])
      await git.deleteRef({ fs: env.fs, gitdir: env.dir, ref }).catch(() => undefined);
    return null;
  }
  if (!(await hasCommit(env, head, cache))) {
    const result = await git.fetch({
      fs: env.fs,
      gitdir: env.dir,
      cache,
      remote: REMOTE,
      ref: target.branch,
      remoteRef: target.branch,
      singleBranch: true,
      depth: 1,
      tags: false,
      ...remoteArgs(env, target),
    });
    // The branch may have moved again between the two requests: the fetched head is the newer one.
    head = result.fetchHead ?? head;
  }
  for (const ref of [branchRef, trackingRef])
    await git.writeRef({ fs: env.fs, gitdir: env.dir, ref, value: head, force: true });
  return head;
}

type Plan =
  | { kind: 'conflict'; paths: string[] }
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
  for (const file of request.files) {
    const oid = await git.writeBlob({ fs: env.fs, gitdir: env.dir, blob: file.bytes });
    written[file.path] = oid;
    const remote = await entryAt(store, baseTree, file.path);
    if (remote?.oid === oid && remote.type === 'blob') continue;
    const isOurs =
      remote === null
        ? request.previous?.[file.path] === undefined
        : request.previous?.[file.path] === remote.oid;
    if (!isOurs && !overwrite.has(file.path)) conflicts.push(file.path);
    else changes.push({ path: file.path, oid });
  }
  if (conflicts.length > 0) return { kind: 'conflict', paths: conflicts };
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

/** Puts our branch back where the remote's is, so a failed publish leaves nothing behind and a retry starts clean. */
async function resetToRemote(env: GitEnv, branch: string): Promise<void> {
  const ref = `refs/heads/${branch}`;
  try {
    const remote = await git.resolveRef({
      fs: env.fs,
      gitdir: env.dir,
      ref: `refs/remotes/${REMOTE}/${branch}`,
    });
    await git.writeRef({ fs: env.fs, gitdir: env.dir, ref, value: remote, force: true });
  } catch {
    await git.deleteRef({ fs: env.fs, gitdir: env.dir, ref }).catch(() => undefined);
  }
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
      return publishFailure('publish-conflict', detail, plan.paths);
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

/** What "Test connection" shows. */
export interface ConnectionReport {
  /** The token may push: the server answered the receive-pack discovery. */
  canPush: boolean;
  branchExists: boolean;
  /** The branches the server listed. */
  branches: string[];
  /** The branch's head commit, when it exists. */
  head: string | null;
  /** Files in the branch's head. */
  files: number;
  /** Commits the clone holds for the branch (the clone is shallow, so at least 1 and often just that). */
  commits: number;
}

/**
 * Checks the repository: reachable, the token accepted for pushing, whether the branch exists; then fetches the
 * branch into the clone (the first publish's clone, done early) and counts its files and commits.
 */
export async function testGitConnection(
  env: GitEnv,
  target: GitTarget,
): Promise<PublishResult<ConnectionReport>> {
  if (!target.branch || !target.url) return publishFailure('publish-invalid', 'no URL or branch');
  return serialize(env.dir, async () => {
    try {
      // Protocol v1: receive-pack has no v2, and a v2 request gets a v0 answer without the `# service=` line
      // that isomorphic-git then refuses to parse.
      const info = await git.getRemoteInfo2({
        url: target.url,
        forPush: true,
        protocolVersion: 1,
        ...remoteArgs(env, target),
      });
      const branches = (info.refs ?? [])
        .map((r) => r.ref)
        .filter((ref) => ref.startsWith('refs/heads/'))
        .map((ref) => ref.slice('refs/heads/'.length));
      const branchExists = branches.includes(target.branch);
      const report: ConnectionReport = {
        canPush: true,
        branchExists,
        branches,
        head: null,
        files: 0,
        commits: 0,
      };
      if (!branchExists) return { ok: true, value: report };
      await ensureRepository(env, target);
      const cache = {};
      const head = await fetchHead(env, target, cache);
      if (head === null) return { ok: true, value: report };
      const store: GitStore = { fs: env.fs, gitdir: env.dir, cache };
      const { commit } = await git.readCommit({ ...store, oid: head });
      const files = await countFiles(store, commit.tree);
      const log = await git.log({ ...store, ref: head });
      return { ok: true, value: { ...report, head, files, commits: log.length } };
    } catch (error) {
      const { code, detail } = classifyPublishError(error);
      return publishFailure(code, detail);
    }
  });
}
