// Test helper: what the real `git` CLI sees in a bare repository, and a second user pushing to it.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import http from 'isomorphic-git/http/node';
import type { GitEnv } from '../../utils/pure/publish/git-publish';
import { runGit } from './git-server';

/** A fresh clone folder in the node:fs + Node-http shape the CLI uses. */
export function nodeGitEnv(): GitEnv {
  return { fs, http, dir: mkdtempSync(join(tmpdir(), 'postclip-clone-')) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === '.git') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** A real `git clone` of the bare repository: every file's bytes by path (empty when there is no branch). */
export function cloneFiles(barePath: string, branch = 'main'): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-verify-'));
  runGit(['clone', '--quiet', '--branch', branch, barePath, dir]);
  return new Map(walk(dir).map((path) => [relative(dir, path), readFileSync(path)]));
}

/** `git log` on the bare repository: one subject line per commit, newest first. */
export function logSubjects(barePath: string, branch = 'main'): string[] {
  const out = runGit(['log', '--format=%s', branch], barePath).trim();
  return out === '' ? [] : out.split('\n');
}

/** Paths the newest commit touched, per `git show --name-only`. */
export function filesInHeadCommit(barePath: string, branch = 'main'): string[] {
  return runGit(['show', '--format=', '--name-only', branch], barePath)
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort();
}

/** The branch's head commit id, or null when the branch does not exist. */
export function headOf(barePath: string, branch = 'main'): string | null {
  try {
    return runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], barePath).trim();
  } catch {
    return null;
  }
}

/** `git fsck` on the bare repository: throws when any object is broken or missing. */
export function fsck(barePath: string): void {
  runGit(['fsck', '--strict', '--no-dangling'], barePath);
}

/** Another user: clones over the file path, writes files, commits, pushes. */
export function pushAsSomeoneElse(
  barePath: string,
  files: Record<string, string>,
  message: string,
  branch = 'main',
): void {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-other-'));
  const hasBranch = headOf(barePath, branch) !== null;
  if (hasBranch) runGit(['clone', '--quiet', '--branch', branch, barePath, dir]);
  else {
    runGit(['init', '--quiet', `--initial-branch=${branch}`, dir]);
    runGit(['remote', 'add', 'origin', barePath], dir);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  runGit(['add', '-A'], dir);
  runGit(
    ['-c', 'user.name=Other', '-c', 'user.email=other@example.com', 'commit', '--quiet', '-m', message],
    dir,
  );
  runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
}

/** Runs git in a repository and returns its trimmed output. */
export function runGitIn(repo: string, args: string[]): string {
  return runGit(args, repo).trim();
}
