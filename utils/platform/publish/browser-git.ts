// Platform: the extension page's pieces for Git publishing — lightning-fs in IndexedDB, isomorphic-git's fetch
// client — bound to the pure engine. Load it only from pages that publish (options, popup, background), never from
// the injected clip script: with isomorphic-git it weighs about 77 KiB gzipped (`npm run bench:publish` says).
import LightningFS from '@isomorphic-git/lightning-fs';
import { Buffer } from 'buffer';
import http from 'isomorphic-git/http/web';
import type { ConnectionReport } from '../../pure/publish/git-connection';
import { testGitConnection } from '../../pure/publish/git-connection';
import type { GitEnv, GitTarget, PublishRequest, PublishSuccess } from '../../pure/publish/git-publish';
import { publishToGit } from '../../pure/publish/git-publish';
import type { PublishResult } from '../../pure/publish/publish-files';
import { toCloneFolderName } from '../../pure/publish/publish-files';

/** The IndexedDB database that holds every repository's clone, one folder each. */
export const CLONE_DB_NAME = 'postclip-git';

/**
 * isomorphic-git calls `Buffer.from`, `Buffer.concat`… on a global `Buffer` (about 80 places) and ships no
 * polyfill; browsers have none. The `buffer` package is the one its docs point to. Installed before the first
 * Git call rather than at import time, so importing this module changes no global.
 */
export function ensureBufferGlobal(): void {
  const scope = globalThis as { Buffer?: unknown };
  if (scope.Buffer === undefined) scope.Buffer = Buffer;
}

const fileSystems = new Map<string, LightningFS>();

function fileSystemOf(dbName: string): LightningFS {
  let fs = fileSystems.get(dbName);
  if (!fs) {
    fs = new LightningFS(dbName);
    fileSystems.set(dbName, fs);
  }
  return fs;
}

/** The clone of `url` in the extension's IndexedDB: the same folder on every publish, so it is fetched, not re-cloned. */
export function createBrowserGitEnv(url: string, dbName: string = CLONE_DB_NAME): GitEnv {
  ensureBufferGlobal();
  return { fs: fileSystemOf(dbName), http, dir: `/${toCloneFolderName(url)}` };
}

/** publishToGit with the browser's file system and HTTP client. Never throws. */
export function publishFromBrowser(request: PublishRequest): Promise<PublishResult<PublishSuccess>> {
  return publishToGit(createBrowserGitEnv(request.target.url), request);
}

/** testGitConnection with the browser's file system and HTTP client: what the options page's button reports. */
export function testConnectionFromBrowser(target: GitTarget): Promise<PublishResult<ConnectionReport>> {
  return testGitConnection(createBrowserGitEnv(target.url), target);
}
