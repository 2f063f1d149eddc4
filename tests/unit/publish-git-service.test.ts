// The background's Git publishing (git-service.ts) against a real server: Git's http-backend on 127.0.0.1, with
// node's fs and http in place of the browser's. Checks each clip's record and the repository with the git CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishItem } from '../../utils/pure/protocol';
import { testGitConnection } from '../../utils/pure/publish/git-connection';
import { publishToGit } from '../../utils/pure/publish/git-publish';
import type { PublishSettings, StoredClip } from '../../utils/pure/types';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import type { GitServiceDeps } from '../../utils/platform/publish/git-service';
import { publishClipsToGit, testSavedConnection } from '../../utils/platform/publish/git-service';
import { adoptTheirs, toTargetKey } from '../../utils/platform/publish/publish-items';
import { cloneFiles, headOf, logSubjects, nodeGitEnv, pushAsSomeoneElse } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';
import { KIT_NOW, makeStoredClip } from '../kit/builders';

let server: GitServer;
let repoCount = 0;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});

interface Harness {
  deps: GitServiceDeps;
  clips: Map<string, StoredClip>;
  bare: string;
  settings: PublishSettings;
}

function setUp(token = TEST_TOKEN, name = `svc-${++repoCount}.git`): Harness {
  const bare = server.createRepo(name);
  // One clone per repository, as the browser keeps them (toCloneFolderName).
  const envs = new Map<string, ReturnType<typeof nodeGitEnv>>();
  const envOf = (url: string) => {
    const env = envs.get(url) ?? nodeGitEnv();
    envs.set(url, env);
    return env;
  };
  const settings: PublishSettings = {
    ...DEFAULT_PUBLISH_SETTINGS,
    destination: 'git',
    repoUrl: server.urlOf(name),
    allowedOrigin: 'http://127.0.0.1/*',
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
  };
  const clips = new Map<string, StoredClip>();
  const deps: GitServiceDeps = {
    loadSettings: () => Promise.resolve(settings),
    loadToken: () => Promise.resolve(token),
    getClips: (ids) => Promise.resolve(ids.flatMap((id) => clips.get(id) ?? [])),
    putClips: (list) => {
      for (const clip of list) clips.set(clip.id, clip);
      return Promise.resolve();
    },
    publish: (request) => publishToGit(envOf(request.target.url), request),
    testConnection: (target) => testGitConnection(envOf(target.url), target),
    now: () => KIT_NOW,
  };
  return { deps, clips, bare, settings };
}

function addClip(h: Harness, id: string, title: string): StoredClip {
  const clip = makeStoredClip({ id, url: `https://news.example.com/${id}`, draft: { title } });
  h.clips.set(id, clip);
  return clip;
}

/** The message the page would render with the default template, for the clips this harness holds. */
function titleOf(h: Harness): string {
  const titles = [...h.clips.values()].map((c) => c.draft.title);
  return titles.length > 1 ? `${titles[0] ?? ''} (+${titles.length - 1} more)` : (titles[0] ?? '');
}

function item(id: string, path: string, text: string): PublishItem {
  return { clipId: id, files: [{ path, text }] };
}

describe('publishClipsToGit', () => {
  it('publishes into an empty repository, then an edit updates the same file in one new commit', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Tidal power');
    const first = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/2024-03-18-tidal.md', 'v1\n')],
    });
    expect(first).toMatchObject({ ok: true, value: { published: ['c1'], failed: [] } });
    const record = h.clips.get('c1')?.publication;
    expect(record).toMatchObject({
      destination: 'git',
      path: '_posts/2024-03-18-tidal.md',
      state: 'published',
    });
    expect(record?.blobId).toMatch(/^[0-9a-f]{40}$/);

    const second = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/2024-03-18-tidal.md', 'v2\n')],
    });
    expect(second.ok && second.value.published).toEqual(['c1']);
    expect(logSubjects(h.bare)).toEqual(['Add post: Tidal power', 'Add post: Tidal power']);
    const files = cloneFiles(h.bare);
    expect([...files.keys()]).toEqual(['_posts/2024-03-18-tidal.md']);
    expect(files.get('_posts/2024-03-18-tidal.md')?.toString()).toBe('v2\n');
  });

  it('publishes into an existing site, several clips in one commit, leaving the site’s files alone', async () => {
    const h = setUp();
    pushAsSomeoneElse(h.bare, { '_config.yml': 'title: Site\n' }, 'Site');
    addClip(h, 'a', 'First');
    addClip(h, 'b', 'Second');
    const result = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('a', '_posts/a.md', 'A\n'), item('b', '_posts/b.md', 'B\n')],
    });
    expect(result.ok && result.value.published).toEqual(['a', 'b']);
    expect(logSubjects(h.bare)).toEqual(['Add post: First (+1 more)', 'Site']);
    expect([...cloneFiles(h.bare).keys()].sort()).toEqual(['_config.yml', '_posts/a.md', '_posts/b.md']);
  });

  it('marks a clip in conflict when someone else changed its file, then overwrites only when asked', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Mine');
    await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/m.md', 'mine 1\n')],
    });
    pushAsSomeoneElse(h.bare, { '_posts/m.md': 'theirs\n' }, 'Their edit');
    const clash = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/m.md', 'mine 2\n')],
    });
    expect(clash).toMatchObject({
      ok: true,
      value: { failed: ['c1'], code: 'publish-conflict', conflictPaths: ['_posts/m.md'] },
    });
    expect(h.clips.get('c1')?.publication).toMatchObject({ state: 'conflict', error: 'publish-conflict' });
    expect(cloneFiles(h.bare).get('_posts/m.md')?.toString()).toBe('theirs\n');

    const forced = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/m.md', 'mine 2\n')],
      overwrite: ['_posts/m.md'],
    });
    expect(forced.ok && forced.value.published).toEqual(['c1']);
    expect(cloneFiles(h.bare).get('_posts/m.md')?.toString()).toBe('mine 2\n');
  });

  it('publishes a clip already in one repository to a second one (settings changed): not a conflict', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Twice');
    const first = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/t.md', 'one\n')],
    });
    expect(first.ok && first.value.published).toEqual(['c1']);
    const secondBare = server.createRepo(`svc-${++repoCount}.git`);
    h.settings.repoUrl = server.urlOf(secondBare.split('/').pop() ?? '');
    const second = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/t.md', 'one\n')],
    });
    expect(second).toMatchObject({ ok: true, value: { published: ['c1'], failed: [] } });
    expect(cloneFiles(secondBare).get('_posts/t.md')?.toString()).toBe('one\n');
    // An edit goes to both as updates, each against its own last blob.
    const edit = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/t.md', 'two\n')],
    });
    expect(edit.ok && edit.value.published).toEqual(['c1']);
    h.settings.repoUrl = server.urlOf(h.bare.split('/').pop() ?? '');
    const back = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/t.md', 'two\n')],
    });
    expect(back.ok && back.value.published).toEqual(['c1']);
    expect(cloneFiles(h.bare).get('_posts/t.md')?.toString()).toBe('two\n');
    expect(logSubjects(h.bare)).toHaveLength(2);
    expect(logSubjects(secondBare)).toHaveLength(2);
  });

  it('“Keep theirs” adopts the remote’s file as the baseline: the next publish is an update, not a conflict', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Theirs');
    await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/k.md', 'mine 1\n')],
    });
    pushAsSomeoneElse(h.bare, { '_posts/k.md': 'theirs\n' }, 'Their edit');
    const clash = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/k.md', 'mine 2\n')],
    });
    expect(clash.ok && clash.value.code).toBe('publish-conflict');
    const conflicted = h.clips.get('c1');
    const kept = conflicted ? adoptTheirs(conflicted, toTargetKey(h.settings)) : null;
    expect(kept?.publication?.state).toBe('published');
    if (kept) h.clips.set('c1', kept);
    // Without adopting, this would be the same conflict again; now it is an update of their file.
    const next = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/k.md', 'mine 3\n')],
    });
    expect(next).toMatchObject({ ok: true, value: { published: ['c1'], failed: [] } });
    expect(cloneFiles(h.bare).get('_posts/k.md')?.toString()).toBe('mine 3\n');
    expect(logSubjects(h.bare)).toEqual(['Add post: Theirs', 'Their edit', 'Add post: Theirs']);
  });

  it('re-applies its file on a remote that moved ahead (someone else’s other file)', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Ahead');
    await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/x.md', '1\n')],
    });
    pushAsSomeoneElse(h.bare, { 'about.md': 'about\n' }, 'About page');
    const result = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/x.md', '2\n')],
    });
    expect(result.ok && result.value.published).toEqual(['c1']);
    expect(logSubjects(h.bare)).toEqual(['Add post: Ahead', 'About page', 'Add post: Ahead']);
  });

  it('a wrong token leaves the clip not published with publish-auth, and the repository empty', async () => {
    const h = setUp('wrong-token');
    addClip(h, 'c1', 'Nope');
    const result = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/n.md', 'n\n')],
    });
    expect(result).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'publish-auth' } });
    expect(h.clips.get('c1')?.publication).toMatchObject({ state: 'failed', error: 'publish-auth' });
    expect(headOf(h.bare)).toBeNull();
  });

  it('the server going away mid-push: not published (offline), then the retry publishes once', async () => {
    const h = setUp();
    addClip(h, 'c1', 'Dropped');
    server.failNextPush('drop-upload');
    const dropped = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/d.md', 'd\n')],
    });
    expect(dropped).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'publish-offline' } });
    expect(h.clips.get('c1')?.publication?.state).toBe('failed');
    const retry = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/d.md', 'd\n')],
    });
    expect(retry.ok && retry.value.published).toEqual(['c1']);
    expect(logSubjects(h.bare)).toEqual(['Add post: Dropped']);
  });

  it('a full quota: reported as quota-exceeded, and the clip kept even when its record cannot be written', async () => {
    const h = setUp();
    const clip = addClip(h, 'c1', 'Full');
    const deps: GitServiceDeps = {
      ...h.deps,
      publish: () => Promise.resolve({ ok: false, code: 'quota-exceeded', detail: 'IndexedDB is full' }),
      putClips: () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })),
    };
    const result = await publishClipsToGit(deps, {
      message: 'Add post: Full',
      items: [item('c1', '_posts/f.md', 'f\n')],
    });
    expect(result).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'quota-exceeded' } });
    expect(h.clips.get('c1')).toEqual(clip);
    expect(headOf(h.bare)).toBeNull();
  });

  it('refuses to publish when the browser did not allow the server', async () => {
    const h = setUp();
    h.settings.allowedOrigin = '';
    addClip(h, 'c1', 'Blocked');
    const result = await publishClipsToGit(h.deps, {
      message: 'Add post: ' + titleOf(h),
      items: [item('c1', '_posts/b.md', 'b\n')],
    });
    expect(result).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'publish-not-allowed' } });
    expect(server.requests.filter((r) => r.includes(h.settings.repoUrl.split('/').pop() ?? '?'))).toEqual([]);
  });
});

describe('testSavedConnection', () => {
  it('reports the branch and its files, or the code that stopped it', async () => {
    const h = setUp();
    pushAsSomeoneElse(h.bare, { 'index.md': 'hi\n', '_config.yml': 'x: 1\n' }, 'Site');
    expect(await testSavedConnection(h.deps)).toMatchObject({
      ok: true,
      value: { ok: true, report: { branchExists: true, files: 2, canPush: true } },
    });
    const wrong = setUp('bad');
    expect(await testSavedConnection(wrong.deps)).toEqual({
      ok: true,
      value: { ok: false, code: 'publish-auth' },
    });
  });
});
