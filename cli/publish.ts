// Node: `npm run clip -- pages/ --publish URL`: clips a folder of saved pages and pushes the posts as one commit,
// through the extension's Git engine with node:fs and Node's HTTP client.
import * as fs from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import http from 'isomorphic-git/http/node';
import type { GitEnv } from '../utils/pure/publish/git-publish';
import { publishToGit } from '../utils/pure/publish/git-publish';
import { toCloneFolderName } from '../utils/pure/publish/publish-files';
import { BUILT_IN_TEMPLATES } from '../utils/pure/presets';
import type { Post } from '../utils/pure/types';
import { postsToZipFiles } from '../utils/pure/zip';
import type { PageEntry } from './batch';
import { getLocalTimeZone, isValidTimeZone } from './batch';
import { DEFAULT_WORKERS, runBatch } from './pool';
import type { CliIo } from './clip';
import { errorMessage } from '../utils/pure/error-message';

export const EXIT_PUBLISHED = 0;
export const EXIT_NOTHING_CLIPPED = 1;
export const EXIT_PUBLISH_USAGE = 2;
export const EXIT_PUBLISH_FAILED = 3;

const PAGE_FILE = /\.x?html?(?:\.gz)?$/i;

export const PUBLISH_USAGE = `Usage: npm run clip -- [options] pages/ ... --publish URL --token-env VAR

Clips saved pages (files or folders) and pushes the posts to a Git repository as ONE commit.

  --publish URL         the repository's HTTPS clone URL
  --branch NAME         the branch to commit to (default main; created when missing)
  --token-env VAR       the environment variable that holds the access token (never pass a token itself)
  --username NAME       the user name sent with the token (default x-access-token; Bitbucket wants yours)
  --author-name NAME    the commit's author (default Postclip)
  --author-email EMAIL  the author's email (default postclip@users.noreply.localhost)
  --message TEXT        the commit message (default "Add post: TITLE", or "Add N posts")
  --template ID         post template: ${BUILT_IN_TEMPLATES.map((t) => t.id).join(', ')} (default jekyll)
  --tz ZONE             IANA zone for local times with no offset (default ${getLocalTimeZone()})
  --workers N           worker threads (default ${DEFAULT_WORKERS}; 0 = none)
  --git-cache DIR       where the shallow clones live (default ~/.cache/postclip/git)
  --overwrite           overwrite files someone else changed since our last publish (after a conflict)

Exit codes: 0 published (or nothing changed), 1 no page could be clipped, 2 usage error, 3 the publish failed.`;

class PublishUsageError extends Error {}
class PublishHelp extends Error {}

interface PublishOptions {
  url: string;
  branch: string;
  token: string;
  username: string | undefined;
  authorName: string;
  authorEmail: string;
  message: string | null;
  template: string | undefined;
  timeZone: string;
  workers: number;
  cacheDir: string;
  isOverwrite: boolean;
  inputs: string[];
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'postclip', 'git');
}

function readPublishOptions(argv: string[], env: NodeJS.ProcessEnv): PublishOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        publish: { type: 'string' },
        branch: { type: 'string' },
        'token-env': { type: 'string' },
        username: { type: 'string' },
        'author-name': { type: 'string' },
        'author-email': { type: 'string' },
        message: { type: 'string' },
        template: { type: 'string' },
        tz: { type: 'string' },
        workers: { type: 'string' },
        'git-cache': { type: 'string' },
        overwrite: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new PublishUsageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new PublishHelp();
  const url = values.publish ?? '';
  if (!/^https?:\/\/[^/]+\/.+/i.test(url))
    throw new PublishUsageError(`--publish wants an http(s) clone URL: ${url}`);
  const tokenVar = values['token-env'];
  if (!tokenVar) throw new PublishUsageError('--token-env VAR names the environment variable with the token');
  const token = env[tokenVar];
  if (!token) throw new PublishUsageError(`the environment variable ${tokenVar} is empty or not set`);
  if (positionals.length === 0) throw new PublishUsageError('name the saved pages or folders to publish');
  const timeZone = values.tz ?? getLocalTimeZone();
  if (!isValidTimeZone(timeZone)) throw new PublishUsageError(`unknown time zone: ${timeZone}`);
  const workers = values.workers === undefined ? DEFAULT_WORKERS : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0)
    throw new PublishUsageError('--workers wants a whole number');
  if (values.template !== undefined && !BUILT_IN_TEMPLATES.some((t) => t.id === values.template))
    throw new PublishUsageError(`unknown template: ${values.template}`);
  return {
    url,
    branch: values.branch || 'main',
    token,
    username: values.username,
    authorName: values['author-name'] || 'Postclip',
    authorEmail: values['author-email'] || 'postclip@users.noreply.localhost',
    message: values.message ?? null,
    template: values.template,
    timeZone,
    workers,
    cacheDir: values['git-cache'] ?? defaultCacheDir(env),
    isOverwrite: values.overwrite ?? false,
    inputs: positionals,
  };
}

/** Pages named on the command line, folders expanded (sorted, recursive), as batch entries. */
async function collectPages(inputs: string[]): Promise<PageEntry[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new PublishUsageError(`no such file or folder: ${input}`);
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = await readdir(input, { recursive: true });
    files.push(
      ...names
        .filter((name) => PAGE_FILE.test(name))
        .sort()
        .map((name) => join(input, name)),
    );
  }
  return files.map((file) => ({ file, path: resolve(file), url: null }));
}

/**
 * What this machine last wrote to the repository (path → blob id), kept beside the clone. It makes a second run
 * on edited pages an update of the same files, and lets the engine tell our old bytes from someone else's edit.
 */
async function readPrevious(path: string): Promise<Record<string, string>> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** Runs a `--publish` command line; returns the exit code. */
export async function runPublishCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let options: PublishOptions;
  let entries: PageEntry[];
  try {
    options = readPublishOptions(argv, env);
    entries = await collectPages(options.inputs);
  } catch (error) {
    if (error instanceof PublishHelp) {
      io.stdout(`${PUBLISH_USAGE}\n`);
      return EXIT_PUBLISHED;
    }
    if (!(error instanceof PublishUsageError)) throw error;
    io.stderr(`postclip: ${error.message}\n\n${PUBLISH_USAGE}\n`);
    return EXIT_PUBLISH_USAGE;
  }
  const posts: Post[] = [];
  const titles: string[] = [];
  await runBatch(
    entries,
    {
      timeZone: options.timeZone,
      workers: options.workers,
      ...(options.template ? { activeTemplateId: options.template } : {}),
    },
    (line) => {
      if (line.ok) {
        posts.push(line.post);
        titles.push(line.title);
      } else io.stderr(`skipped ${line.file}: ${line.error}${line.detail ? ` (${line.detail})` : ''}\n`);
    },
  );
  if (posts.length === 0) {
    io.stderr(`postclip: none of the ${entries.length} page(s) could be clipped; nothing published\n`);
    return EXIT_NOTHING_CLIPPED;
  }
  const encoder = new TextEncoder();
  const files = postsToZipFiles(posts).map((f) => ({ path: f.path, bytes: encoder.encode(f.content) }));
  const message =
    options.message ?? (posts.length === 1 ? `Add post: ${titles[0] ?? ''}` : `Add ${posts.length} posts`);
  await mkdir(options.cacheDir, { recursive: true });
  const cloneDir = join(options.cacheDir, toCloneFolderName(options.url));
  // What we last wrote, per repository and branch: another branch is another destination (as in the extension).
  const statePath = `${cloneDir}.${encodeURIComponent(options.branch)}.published.json`;
  const previous = await readPrevious(statePath);
  const gitEnv: GitEnv = { fs, http, dir: cloneDir };
  const result = await publishToGit(gitEnv, {
    target: {
      url: options.url,
      branch: options.branch,
      token: options.token,
      ...(options.username ? { username: options.username } : {}),
    },
    files,
    message,
    author: { name: options.authorName, email: options.authorEmail },
    previous,
    ...(options.isOverwrite ? { overwrite: files.map((f) => f.path) } : {}),
  });
  if (!result.ok) {
    io.stderr(`postclip: ${result.code}: ${result.detail ?? 'the publish failed'}\n`);
    if (result.conflicts)
      io.stderr(
        `changed by someone else (rerun with --overwrite to replace them):\n  ${result.conflicts.join('\n  ')}\n`,
      );
    return EXIT_PUBLISH_FAILED;
  }
  await writeFile(statePath, `${JSON.stringify({ ...previous, ...result.value.written }, null, 2)}\n`);
  const { commit, isCommitted, changed } = result.value;
  io.stdout(
    isCommitted
      ? `published ${changed.length} of ${files.length} file(s) to ${options.url} (${options.branch}) as ${commit.slice(0, 7)}\n`
      : `nothing changed: ${options.url} (${options.branch}) already has these ${files.length} file(s)\n`,
  );
  return EXIT_PUBLISHED;
}
