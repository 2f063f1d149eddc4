// The browser's Git pieces (lightning-fs in IndexedDB, isomorphic-git's fetch client) against the real server.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBrowserGitEnv,
  ensureBufferGlobal,
  publishFromBrowser,
  testConnectionFromBrowser,
} from '../../utils/platform/publish/browser-git';
import { cloneFiles, headOf, logSubjects, pushAsSomeoneElse } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';

let server: GitServer;

beforeAll(async () => {
  server = await startGitServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  // lightning-fs keeps its files in IndexedDB and asks `navigator.locks` whether to use Web Locks; Node 20 has
  // neither global (browsers have both), so the test supplies an empty IndexedDB and a navigator without locks.
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('navigator', {});
});

const AUTHOR = { name: 'Ada', email: 'ada@example.com' };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('browser Git environment', () => {
  it('keeps one clone folder per repository URL', () => {
    const a = createBrowserGitEnv('https://example.com/me/site.git', 'db-a');
    const b = createBrowserGitEnv('https://example.com/me/other.git', 'db-a');
    expect(a.dir).not.toBe(b.dir);
    expect(createBrowserGitEnv('https://example.com/me/site.git', 'db-a').dir).toBe(a.dir);
    expect(a.fs).toBe(b.fs);
  });

  it('installs the Buffer global isomorphic-git needs only when there is none', () => {
    const original = globalThis.Buffer;
    try {
      vi.stubGlobal('Buffer', undefined);
      ensureBufferGlobal();
      const installed = (globalThis as { Buffer?: { from(v: string): Uint8Array } }).Buffer;
      expect([...(installed?.from('hi') ?? [])]).toEqual([104, 105]);
      const own = { mine: true };
      vi.stubGlobal('Buffer', own);
      ensureBufferGlobal();
      expect((globalThis as { Buffer?: unknown }).Buffer).toBe(own);
    } finally {
      vi.stubGlobal('Buffer', original);
    }
  });

  it('publishes, updates and tests the connection through IndexedDB and fetch', async () => {
    const bare = server.createRepo('browser.git');
    pushAsSomeoneElse(bare, { '_config.yml': 'title: Site\n' }, 'Site');
    const target = { url: server.urlOf('browser.git'), branch: 'main', token: TEST_TOKEN };
    const file = { path: '_posts/2024-03-18-a.md', bytes: bytes('A\n') };
    const one = await publishFromBrowser({ target, files: [file], message: 'Add post: A', author: AUTHOR });
    expect(one).toMatchObject({ ok: true, value: { isCommitted: true } });
    if (!one.ok) return;
    const edit = { path: file.path, bytes: bytes('A, edited\n') };
    const two = await publishFromBrowser({
      target,
      files: [edit],
      message: 'Update post: A',
      author: AUTHOR,
      previous: one.value.written,
    });
    expect(two).toMatchObject({ ok: true, value: { isCommitted: true, changed: [file.path] } });
    expect(logSubjects(bare)).toEqual(['Update post: A', 'Add post: A', 'Site']);
    expect(cloneFiles(bare).get(file.path)?.toString()).toBe('A, edited\n');
    expect(await testConnectionFromBrowser(target)).toMatchObject({
      ok: true,
      value: { branchExists: true, files: 2 },
    });
    expect(await testConnectionFromBrowser({ ...target, token: 'bad' })).toMatchObject({
      ok: false,
      code: 'publish-auth',
    });
  });

  it('says publish-offline when the server drops a push made with fetch, and a retry lands one commit', async () => {
    const bare = server.createRepo('browser-drop.git');
    const target = { url: server.urlOf('browser-drop.git'), branch: 'main', token: TEST_TOKEN };
    const request = {
      target,
      files: [{ path: 'a.md', bytes: bytes('a') }],
      message: 'Add a',
      author: AUTHOR,
    };
    server.failNextPush('drop-upload');
    expect(await publishFromBrowser(request)).toMatchObject({ ok: false, code: 'publish-offline' });
    expect(headOf(bare)).toBeNull();
    expect(await publishFromBrowser(request)).toMatchObject({ ok: true, value: { isCommitted: true } });
    expect(logSubjects(bare)).toEqual(['Add a']);
  });
});
