// The Git publishing engine against a real server: Git's own http-backend on 127.0.0.1, checked with the git CLI.
import * as nodeFs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitEnv, GitTarget, PublishRequest } from '../../utils/pure/publish/git-publish';
import { testGitConnection } from '../../utils/pure/publish/git-connection';
import { publishToGit } from '../../utils/pure/publish/git-publish';
import type { PublishFile } from '../../utils/pure/publish/publish-files';
import {
  cloneFiles,
  filesInHeadCommit,
  fsck,
  headOf,
  logSubjects,
  nodeGitEnv,
  pushAsSomeoneElse,
  runGitIn,
} from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';

const AUTHOR = { name: 'Ada Clipper', email: 'ada@example.com' };
const NOW = new Date('2024-03-18T08:00:00Z');
// Bytes that are not text: a PNG signature and every byte value, so nothing is transcoded on the way.
const IMAGE = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 256 }, (_, i) => i),
]);

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function post(slug: string, body: string): PublishFile {
  return { path: `_posts/2024-03-18-${slug}.md`, bytes: text(`---\ntitle: ${slug}\n---\n\n${body}\n`) };
}

let server: GitServer;
let repoCount = 0;

beforeAll(async () => {
  server = await startGitServer();
});

afterAll(async () => {
  await server.close();
});

/** A fresh bare repository on the server and a fresh local clone folder. */
function freshRepo(): { bare: string; env: GitEnv; target: GitTarget } {
  repoCount += 1;
  const name = `site-${repoCount}.git`;
  const bare = server.createRepo(name);
  return { bare, env: nodeGitEnv(), target: { url: server.urlOf(name), branch: 'main', token: TEST_TOKEN } };
}

function request(
  target: GitTarget,
  files: PublishFile[],
  extra: Partial<PublishRequest> = {},
): PublishRequest {
  return { target, files, message: `Add post: ${files.length} file(s)`, author: AUTHOR, now: NOW, ...extra };
}

describe('publishToGit: first publish', () => {
  it('creates the branch in an empty repository with one commit holding the post and its image, byte for byte', async () => {
    const { bare, env, target } = freshRepo();
    const files = [
      post('ferry', 'The ferry line opens.'),
      { path: 'assets/images/2024-03-18-ferry/1.png', bytes: IMAGE },
    ];
    const result = await publishToGit(env, request(target, files, { message: 'Add post: Ferry' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ isCommitted: true, attempts: 1, changed: files.map((f) => f.path) });
    expect(headOf(bare)).toBe(result.value.commit);
    expect(logSubjects(bare)).toEqual(['Add post: Ferry']);
    expect(runGitIn(bare, ['log', '-1', '--format=%an <%ae> %at'])).toBe(
      'Ada Clipper <ada@example.com> 1710748800',
    );
    const cloned = cloneFiles(bare);
    expect([...cloned.keys()].sort()).toEqual(files.map((f) => f.path).sort());
    for (const file of files) expect(new Uint8Array(cloned.get(file.path) ?? [])).toEqual(file.bytes);
    // The blob ids the caller keeps are the ones Git has at those paths.
    for (const file of files)
      expect(runGitIn(bare, ['rev-parse', `main:${file.path}`])).toBe(result.value.written[file.path]);
    fsck(bare);
  });

  it('adds to an existing site without touching its other files', async () => {
    const { bare, env, target } = freshRepo();
    pushAsSomeoneElse(
      bare,
      { '_config.yml': 'title: My site\n', '_posts/2020-01-01-hello.md': '# Hello\n' },
      'Initial site',
    );
    const files = [post('one', 'First.'), post('two', 'Second.')];
    const result = await publishToGit(env, request(target, files, { message: 'Add 2 posts' }));
    expect(result.ok).toBe(true);
    expect(logSubjects(bare)).toEqual(['Add 2 posts', 'Initial site']);
    expect(filesInHeadCommit(bare)).toEqual(files.map((f) => f.path).sort());
    const cloned = cloneFiles(bare);
    expect(cloned.get('_config.yml')?.toString()).toBe('title: My site\n');
    expect(cloned.get('_posts/2020-01-01-hello.md')?.toString()).toBe('# Hello\n');
    expect(cloned.size).toBe(4);
  });

  it('publishes to a branch the repository does not have yet, starting it', async () => {
    const { bare, env, target } = freshRepo();
    pushAsSomeoneElse(bare, { 'README.md': 'code\n' }, 'Code');
    const result = await publishToGit(env, request({ ...target, branch: 'gh-pages' }, [post('a', 'A.')]));
    expect(result.ok).toBe(true);
    expect(logSubjects(bare, 'gh-pages')).toHaveLength(1);
    expect(logSubjects(bare, 'main')).toEqual(['Code']);
  });

  it('refuses a file that already exists on the remote and was never ours: nothing is pushed', async () => {
    const { bare, env, target } = freshRepo();
    const file = post('taken', 'Ours.');
    pushAsSomeoneElse(bare, { [file.path]: 'Somebody else wrote this.\n' }, 'Theirs');
    const before = headOf(bare);
    const result = await publishToGit(env, request(target, [file]));
    expect(result).toMatchObject({ ok: false, code: 'publish-conflict', conflicts: [file.path] });
    expect(headOf(bare)).toBe(before);
    expect(cloneFiles(bare).get(file.path)?.toString()).toBe('Somebody else wrote this.\n');
  });
});

describe('publishToGit: updates', () => {
  it('rewrites the same path after an edit: a second commit that changes only that file', async () => {
    const { bare, env, target } = freshRepo();
    const first = [post('story', 'Draft.'), post('other', 'Other.')];
    const one = await publishToGit(env, request(target, first, { message: 'Add posts' }));
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    const edited = { path: first[0]?.path ?? '', bytes: text('---\ntitle: story\n---\n\nEdited.\n') };
    const two = await publishToGit(
      env,
      request(target, [edited], { message: 'Update post', previous: one.value.written }),
    );
    expect(two).toMatchObject({ ok: true, value: { isCommitted: true, changed: [edited.path] } });
    expect(logSubjects(bare)).toEqual(['Update post', 'Add posts']);
    expect(filesInHeadCommit(bare)).toEqual([edited.path]);
    const cloned = cloneFiles(bare);
    expect(cloned.size).toBe(2);
    expect(cloned.get(edited.path)?.toString()).toContain('Edited.');
  });

  it('makes no commit when the remote already has exactly these bytes', async () => {
    const { bare, env, target } = freshRepo();
    const files = [post('same', 'Same.')];
    const one = await publishToGit(env, request(target, files));
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    const again = await publishToGit(env, request(target, files, { previous: one.value.written }));
    expect(again).toMatchObject({
      ok: true,
      value: { isCommitted: false, commit: one.value.commit, changed: [] },
    });
    expect(logSubjects(bare)).toHaveLength(1);
  });

  it('reuses its clone: a later publish fetches into the same folder instead of cloning again', async () => {
    const { bare, env, target } = freshRepo();
    pushAsSomeoneElse(bare, { 'big.txt': 'x'.repeat(50_000) }, 'Seed');
    expect((await publishToGit(env, request(target, [post('a', 'A.')]))).ok).toBe(true);
    const start = server.requests.length;
    expect((await publishToGit(env, request(target, [post('b', 'B.')]))).ok).toBe(true);
    // Our own last push is the remote head: there is nothing to fetch, so no upload-pack POST at all.
    const calls = server.requests.slice(start);
    expect(calls.filter((c) => c.startsWith('POST') && c.endsWith('git-upload-pack'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('POST') && c.endsWith('git-receive-pack'))).toHaveLength(1);
    expect(logSubjects(bare)).toHaveLength(3);
  });
});

describe('publishToGit: a remote that moved', () => {
  it('puts our commit on top when someone else pushed another file since our last publish', async () => {
    const { bare, env, target } = freshRepo();
    const one = await publishToGit(env, request(target, [post('a', 'A.')], { message: 'Ours 1' }));
    expect(one.ok).toBe(true);
    pushAsSomeoneElse(bare, { 'about.md': 'About\n' }, 'Theirs');
    const two = await publishToGit(env, request(target, [post('b', 'B.')], { message: 'Ours 2' }));
    expect(two.ok).toBe(true);
    expect(logSubjects(bare)).toEqual(['Ours 2', 'Theirs', 'Ours 1']);
    expect([...cloneFiles(bare).keys()].sort()).toEqual([
      '_posts/2024-03-18-a.md',
      '_posts/2024-03-18-b.md',
      'about.md',
    ]);
  });

  it('fetches and re-applies when the remote moves between our fetch and our push', async () => {
    const { bare, env, target } = freshRepo();
    expect((await publishToGit(env, request(target, [post('a', 'A.')], { message: 'Ours 1' }))).ok).toBe(
      true,
    );
    server.beforeNextPush(() => pushAsSomeoneElse(bare, { 'about.md': 'About\n' }, 'Theirs, mid-publish'));
    const two = await publishToGit(env, request(target, [post('b', 'B.')], { message: 'Ours 2' }));
    expect(two).toMatchObject({ ok: true, value: { attempts: 2 } });
    expect(logSubjects(bare)).toEqual(['Ours 2', 'Theirs, mid-publish', 'Ours 1']);
    expect(filesInHeadCommit(bare)).toEqual(['_posts/2024-03-18-b.md']);
    fsck(bare);
  });

  it('reports a conflict and overwrites nothing when someone else changed our file', async () => {
    const { bare, env, target } = freshRepo();
    const file = post('story', 'Ours.');
    const one = await publishToGit(env, request(target, [file]));
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    pushAsSomeoneElse(bare, { [file.path]: 'Their fix.\n' }, 'Theirs');
    const before = headOf(bare);
    const edited = { path: file.path, bytes: text('Our edit.\n') };
    const two = await publishToGit(
      env,
      request(target, [edited, post('new', 'New.')], { previous: one.value.written }),
    );
    expect(two).toMatchObject({ ok: false, code: 'publish-conflict', conflicts: [file.path] });
    expect(headOf(bare)).toBe(before);
    expect(cloneFiles(bare).get(file.path)?.toString()).toBe('Their fix.\n');
    // The user chose to overwrite: now it goes through, in one commit with the other post.
    const three = await publishToGit(
      env,
      request(target, [edited, post('new', 'New.')], { previous: one.value.written, overwrite: [file.path] }),
    );
    expect(three.ok).toBe(true);
    expect(cloneFiles(bare).get(file.path)?.toString()).toBe('Our edit.\n');
    expect(logSubjects(bare)).toHaveLength(3);
  });

  it('reports a conflict when someone changes our file between our fetch and our push', async () => {
    const { bare, env, target } = freshRepo();
    const file = post('story', 'Ours.');
    const one = await publishToGit(env, request(target, [file]));
    if (!one.ok) throw new Error(one.code);
    server.beforeNextPush(() => pushAsSomeoneElse(bare, { [file.path]: 'Their fix.\n' }, 'Theirs'));
    const edited = { path: file.path, bytes: text('Our edit.\n') };
    const two = await publishToGit(env, request(target, [edited], { previous: one.value.written }));
    expect(two).toMatchObject({ ok: false, code: 'publish-conflict', conflicts: [file.path] });
    expect(logSubjects(bare)).toEqual(['Theirs', 'Add post: 1 file(s)']);
    expect(cloneFiles(bare).get(file.path)?.toString()).toBe('Their fix.\n');
  });
});

describe('publishToGit: failures', () => {
  it('returns publish-auth for a wrong token and pushes nothing', async () => {
    const { bare, env, target } = freshRepo();
    const start = server.requests.length;
    const result = await publishToGit(env, request({ ...target, token: 'wrong-token' }, [post('a', 'A.')]));
    expect(result).toMatchObject({ ok: false, code: 'publish-auth' });
    expect(headOf(bare)).toBeNull();
    expect(server.requests.slice(start).some((c) => c.startsWith('POST'))).toBe(false);
    // The same clone works once the token is right.
    expect((await publishToGit(env, request(target, [post('a', 'A.')]))).ok).toBe(true);
    expect(logSubjects(bare)).toHaveLength(1);
  });

  it('returns publish-offline when the server goes away mid-push; the remote has no partial commit and a retry succeeds', async () => {
    const { bare, env, target } = freshRepo();
    const one = await publishToGit(env, request(target, [post('a', 'A.')], { message: 'First' }));
    expect(one.ok).toBe(true);
    const before = headOf(bare);
    server.failNextPush('drop-upload');
    const files = [post('b', 'B.'), { path: 'assets/images/b/1.png', bytes: IMAGE }];
    const failed = await publishToGit(env, request(target, files, { message: 'Second' }));
    expect(failed).toMatchObject({ ok: false, code: 'publish-offline' });
    expect(headOf(bare)).toBe(before);
    expect(logSubjects(bare)).toEqual(['First']);
    fsck(bare);
    const retried = await publishToGit(env, request(target, files, { message: 'Second' }));
    expect(retried).toMatchObject({ ok: true, value: { isCommitted: true } });
    expect(logSubjects(bare)).toEqual(['Second', 'First']);
    expect(new Uint8Array(cloneFiles(bare).get('assets/images/b/1.png') ?? [])).toEqual(IMAGE);
  });

  it('after a push that landed but whose answer was lost, the retry finds the work done and commits nothing twice', async () => {
    const { bare, env, target } = freshRepo();
    server.failNextPush('drop-response');
    const files = [post('a', 'A.')];
    const failed = await publishToGit(env, request(target, files, { message: 'Only once' }));
    expect(failed).toMatchObject({ ok: false, code: 'publish-offline' });
    const retried = await publishToGit(env, request(target, files, { message: 'Only once' }));
    expect(retried).toMatchObject({ ok: true, value: { isCommitted: false } });
    expect(logSubjects(bare)).toEqual(['Only once']);
  });

  it('returns quota-exceeded when the clone storage is full; the next publish, with room, succeeds', async () => {
    const { bare, env, target } = freshRepo();
    expect((await publishToGit(env, request(target, [post('a', 'A.')], { message: 'First' }))).ok).toBe(true);
    // Full when Git stores a new object: the config and refs still write, as in a nearly full IndexedDB.
    let isFull = true;
    const full = {
      promises: {
        ...nodeFs.promises,
        writeFile: (...args: Parameters<typeof nodeFs.promises.writeFile>) =>
          isFull && typeof args[0] === 'string' && args[0].includes('/objects/')
            ? Promise.reject(
                Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
              )
            : nodeFs.promises.writeFile(...args),
      },
    };
    const failed = await publishToGit(
      { ...env, fs: full },
      request(target, [post('b', 'B.')], { message: 'Second' }),
    );
    expect(failed).toMatchObject({ ok: false, code: 'quota-exceeded' });
    expect(logSubjects(bare)).toEqual(['First']);
    isFull = false;
    expect(
      (await publishToGit({ ...env, fs: full }, request(target, [post('b', 'B.')], { message: 'Second' })))
        .ok,
    ).toBe(true);
    expect(logSubjects(bare)).toEqual(['Second', 'First']);
  });

  it('runs two publishes to one clone one after the other, both landing', async () => {
    const { bare, env, target } = freshRepo();
    const [one, two] = await Promise.all([
      publishToGit(env, request(target, [post('a', 'A.')], { message: 'One' })),
      publishToGit(env, request(target, [post('b', 'B.')], { message: 'Two' })),
    ]);
    expect(one.ok && two.ok).toBe(true);
    expect(logSubjects(bare)).toEqual(['Two', 'One']);
    expect(cloneFiles(bare).size).toBe(2);
  });

  it('never replaces a file that stands where one of our folders must go', async () => {
    const { bare, env, target } = freshRepo();
    pushAsSomeoneElse(bare, { assets: 'a file named assets\n' }, 'Theirs');
    const result = await publishToGit(env, request(target, [{ path: 'assets/images/1.png', bytes: IMAGE }]));
    expect(result).toMatchObject({ ok: false, code: 'publish-conflict', conflicts: ['assets/images/1.png'] });
    expect(cloneFiles(bare).get('assets')?.toString()).toBe('a file named assets\n');
  });

  it('returns publish-not-found for a repository that does not exist', async () => {
    const { env, target } = freshRepo();
    const result = await publishToGit(
      env,
      request({ ...target, url: server.urlOf('missing.git') }, [post('a', 'A.')]),
    );
    expect(result).toMatchObject({ ok: false, code: 'publish-not-found' });
  });

  it('returns publish-offline when nothing listens at the address', async () => {
    const other = await startGitServer();
    const url = other.urlOf('gone.git');
    await other.close();
    const result = await publishToGit(
      nodeGitEnv(),
      request({ url, branch: 'main', token: TEST_TOKEN }, [post('a', 'A.')]),
    );
    expect(result).toMatchObject({ ok: false, code: 'publish-offline' });
  });

  it('refuses paths that leave the site, and duplicates, before any network call', async () => {
    const { env, target } = freshRepo();
    const start = server.requests.length;
    for (const path of ['../escape.md', '/abs.md', '.git/config', '_posts//x.md', 'a\\b.md', '']) {
      const result = await publishToGit(env, request(target, [{ path, bytes: text('x') }]));
      expect(result, path).toMatchObject({ ok: false, code: 'publish-invalid' });
    }
    const twice = await publishToGit(env, request(target, [post('a', 'A.'), post('a', 'B.')]));
    expect(twice).toMatchObject({ ok: false, code: 'publish-invalid' });
    expect(server.requests.length).toBe(start);
  });
});

describe('testGitConnection', () => {
  it('reports an empty repository: reachable, token accepted, no branch yet', async () => {
    const { env, target } = freshRepo();
    const report = await testGitConnection(env, target);
    expect(report).toEqual({
      ok: true,
      value: { canPush: true, branchExists: false, branches: [], head: null, files: 0, commits: 0 },
    });
  });

  it('reports the branch, its head, and how many files and commits its shallow clone saw', async () => {
    const { bare, env, target } = freshRepo();
    pushAsSomeoneElse(bare, { '_config.yml': 't\n', '_posts/a.md': 'a\n' }, 'Site');
    pushAsSomeoneElse(bare, { 'assets/x.png': 'x' }, 'Image');
    expect(logSubjects(bare)).toHaveLength(2);
    const report = await testGitConnection(env, target);
    expect(report).toEqual({
      ok: true,
      value: {
        canPush: true,
        branchExists: true,
        branches: ['main'],
        head: headOf(bare),
        files: 3,
        // Depth 1: the clone holds the head only, not the site's history.
        commits: 1,
      },
    });
  });

  it('reports publish-auth for a wrong token and publish-not-found for a wrong URL', async () => {
    const { env, target } = freshRepo();
    expect(await testGitConnection(env, { ...target, token: 'nope' })).toMatchObject({
      ok: false,
      code: 'publish-auth',
    });
    expect(await testGitConnection(env, { ...target, url: server.urlOf('nope.git') })).toMatchObject({
      ok: false,
      code: 'publish-not-found',
    });
  });
});
