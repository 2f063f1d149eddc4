// Pure: "Test connection" for a Git destination: reachable, token accepted for pushing, branch present, and what
// the branch holds. Shares the publish's clone, so the test also does the first (shallow) clone early.
import * as git from 'isomorphic-git';
import { classifyPublishError } from './git-errors';
import type { GitEnv, GitTarget } from './git-remote';
import { ensureRepository, fetchHead, remoteArgs, serialize } from './git-remote';
import type { GitStore } from './git-tree';
import { countFiles } from './git-tree';
import type { PublishResult } from './publish-files';
import { publishFailure } from './publish-files';

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
