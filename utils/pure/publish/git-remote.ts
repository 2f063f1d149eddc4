// Pure: the Git remote side of publishing — auth, the clone folder's bare repository, fetching the branch's head,
// and one-at-a-time access to a clone. isomorphic-git with an injected fs and HTTP client.
import type { FsClient, GitAuth, HttpClient } from 'isomorphic-git';
import * as git from 'isomorphic-git';

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

export const REMOTE = 'origin';

/** Publishes to one clone run one at a time: two at once would race on its refs. */
const queues = new Map<string, Promise<unknown>>();

export function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

export function authOf(target: GitTarget): GitAuth {
  return { username: target.username || 'x-access-token', password: target.token };
}

/**
 * The Authorization header, sent up front: without it every request is made twice (a 401, then onAuth).
 * Tokens are ASCII; a name or token that is not gets no header and goes through onAuth alone.
 */
export function authHeaders(target: GitTarget): Record<string, string> {
  const { username, password } = authOf(target);
  const pair = `${username ?? ''}:${password ?? ''}`;
  if (!/^[\x00-\x7F]*$/.test(pair)) return {};
  return { Authorization: `Basic ${btoa(pair)}` };
}

/** The arguments every network call takes. */
export function remoteArgs(env: GitEnv, target: GitTarget) {
  return {
    http: env.http,
    headers: authHeaders(target),
    // Asked only after a 401. There is no onAuthFailure, so a second refusal throws HttpError 401 (publish-auth)
    // instead of asking again in a loop.
    onAuth: () => authOf(target),
  };
}

/** A bare repository in env.dir with `origin` at the target's URL; created on first use. */
export async function ensureRepository(env: GitEnv, target: GitTarget): Promise<void> {
  let hasRepo = true;
  try {
    await git.resolveRef({ fs: env.fs, gitdir: env.dir, ref: 'HEAD', depth: 1 });
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
export async function fetchHead(env: GitEnv, target: GitTarget, cache: object): Promise<string | null> {
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

/** Puts our branch back where the remote's is, so a failed publish leaves nothing behind and a retry starts clean. */
export async function resetToRemote(env: GitEnv, branch: string): Promise<void> {
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
