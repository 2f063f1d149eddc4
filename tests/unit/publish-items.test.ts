// Which files a publish writes per clip, how a result lands on each clip's record, and the commit message.
import { describe, expect, it } from 'vitest';
import { renderCommitMessage, checkMessageTemplate } from '../../utils/platform/publish/commit-message';
import {
  adoptTheirs,
  applyPublishResult,
  placeOf,
  previousBlobs,
  toTargetKey,
  toPublishFiles,
  toPublishItems,
  toReport,
} from '../../utils/platform/publish/publish-items';
import { KIT_NOW, makeStoredClip } from '../kit/builders';

const A = makeStoredClip({ id: 'a', url: 'https://n.example/a', draft: { title: 'Harbour opens' } });
const B = makeStoredClip({ id: 'b', url: 'https://n.example/b', draft: { title: 'Second' } });

const REPO_A = 'git https://git.example/me/site.git#main';
const REPO_B = 'git https://other.example/me/mirror.git#main';

describe('toTargetKey', () => {
  it('names a repository by URL and branch, and the folder as one destination', () => {
    const git = {
      destination: 'git' as const,
      repoUrl: ' https://git.example/me/site.git/ ',
      branch: 'main ',
    };
    expect(toTargetKey(git)).toBe(REPO_A);
    expect(toTargetKey({ ...git, branch: 'drafts' })).not.toBe(REPO_A);
    expect(toTargetKey({ ...git, destination: 'folder' })).toBe('folder');
  });
});

describe('toPublishItems', () => {
  it('puts posts at the zip export’s paths, made unique, and keeps an earlier path for the same destination', () => {
    const posts = [
      { filename: '2024-03-18-x.md', content: 'A' },
      { filename: '2024-03-18-x.md', content: 'B' },
    ];
    const items = toPublishItems([A, B], posts, REPO_A);
    expect(items.map((i) => i.files[0]?.path)).toEqual([
      '_posts/2024-03-18-x.md',
      '_posts/2024-03-18-x-2.md',
    ]);
    const published = {
      ...A,
      publication: {
        destination: 'git' as const,
        target: REPO_A,
        path: '_posts/old.md',
        places: { [REPO_A]: { path: '_posts/old.md' } },
        state: 'published' as const,
      },
    };
    const post = posts[0] ?? { filename: '', content: '' };
    expect(toPublishItems([published], [post], REPO_A)[0]?.files).toEqual([
      { path: '_posts/old.md', text: 'A' },
    ]);
    // Another destination (another repository, or the folder) has its own path.
    expect(toPublishItems([published], [post], REPO_B)[0]?.files[0]?.path).toBe('_posts/2024-03-18-x.md');
    expect(toPublishItems([published], [post], 'folder')[0]?.files[0]?.path).toBe('_posts/2024-03-18-x.md');
  });

  it('reads a record from before per-destination places as its kind’s place', () => {
    const legacy = {
      ...A,
      publication: {
        destination: 'git' as const,
        path: '_posts/old.md',
        blobId: 'e'.repeat(40),
        state: 'published' as const,
      },
    };
    expect(placeOf(legacy.publication, REPO_A)).toEqual({ path: '_posts/old.md', blobId: 'e'.repeat(40) });
    expect(placeOf(legacy.publication, 'folder')).toBeUndefined();
  });

  it('turns text into UTF-8 bytes', () => {
    const files = toPublishFiles([{ clipId: 'a', files: [{ path: 'p.md', text: '新闻' }] }]);
    expect([...(files[0]?.bytes ?? [])]).toEqual([...new TextEncoder().encode('新闻')]);
  });
});

describe('applyPublishResult', () => {
  const items = [{ clipId: 'a', files: [{ path: '_posts/a.md', text: 'x' }] }];
  const success = (target: string, blob: string) => ({
    destination: 'git' as const,
    target,
    now: KIT_NOW,
    written: { '_posts/a.md': blob },
    commit: 'c'.repeat(40),
  });

  it('records path, blob id and commit on success, and previousBlobs reads them back', () => {
    const [updated] = applyPublishResult([A], items, success(REPO_A, 'b'.repeat(40)));
    expect(updated?.publication).toEqual({
      destination: 'git',
      target: REPO_A,
      path: '_posts/a.md',
      blobId: 'b'.repeat(40),
      places: { [REPO_A]: { path: '_posts/a.md', blobId: 'b'.repeat(40) } },
      commit: 'c'.repeat(40),
      publishedAt: KIT_NOW,
      state: 'published',
    });
    expect(previousBlobs(updated ? [updated] : [], REPO_A)).toEqual({ '_posts/a.md': 'b'.repeat(40) });
  });

  it('remembers the blob per repository: a second repository starts with no previous blob, the first keeps its own', () => {
    const [inA] = applyPublishResult([A], items, success(REPO_A, 'b'.repeat(40)));
    // Settings now point at another repository: nothing we wrote there yet, so no previous blob (not a conflict).
    expect(previousBlobs(inA ? [inA] : [], REPO_B)).toEqual({});
    const [inB] = applyPublishResult(inA ? [inA] : [], items, success(REPO_B, 'f'.repeat(40)));
    expect(previousBlobs(inB ? [inB] : [], REPO_B)).toEqual({ '_posts/a.md': 'f'.repeat(40) });
    // Back to the first repository: its own blob, not the second's.
    expect(previousBlobs(inB ? [inB] : [], REPO_A)).toEqual({ '_posts/a.md': 'b'.repeat(40) });
    // A failure in the first keeps both places.
    const [failed] = applyPublishResult(inB ? [inB] : [], items, {
      destination: 'git',
      target: REPO_A,
      now: KIT_NOW,
      code: 'publish-offline',
    });
    expect(failed?.publication?.places).toEqual({
      [REPO_A]: { path: '_posts/a.md', blobId: 'b'.repeat(40) },
      [REPO_B]: { path: '_posts/a.md', blobId: 'f'.repeat(40) },
    });
  });

  it('keeps the last good path and blob on failure, and marks a conflicting path as a conflict', () => {
    const [earlier] = applyPublishResult([A], items, success(REPO_A, 'd'.repeat(40)));
    const info = {
      destination: 'git' as const,
      target: REPO_A,
      now: KIT_NOW,
      code: 'publish-conflict',
      conflictPaths: ['_posts/a.md'],
      theirs: { '_posts/a.md': '9'.repeat(40) },
    };
    const [updated] = applyPublishResult(earlier ? [earlier] : [], items, info);
    expect(updated?.publication).toMatchObject({
      path: '_posts/a.md',
      blobId: 'd'.repeat(40),
      theirBlobId: '9'.repeat(40),
      state: 'conflict',
    });
    expect(toReport(updated ? [updated] : [], info)).toEqual({
      published: [],
      failed: ['a'],
      code: 'publish-conflict',
      conflictPaths: ['_posts/a.md'],
    });
    const [offline] = applyPublishResult([A], items, {
      destination: 'git',
      target: REPO_A,
      now: KIT_NOW,
      code: 'publish-offline',
    });
    expect(offline?.publication).toEqual({
      destination: 'git',
      target: REPO_A,
      path: '_posts/a.md',
      state: 'failed',
      error: 'publish-offline',
    });
  });
});

describe('adoptTheirs', () => {
  const items = [{ clipId: 'a', files: [{ path: '_posts/a.md', text: 'x' }] }];

  it('makes the remote’s blob the baseline, so the next publish sends it as previous (no conflict again)', () => {
    const [published] = applyPublishResult([A], items, {
      destination: 'git',
      target: REPO_A,
      now: KIT_NOW,
      written: { '_posts/a.md': 'd'.repeat(40) },
    });
    const [conflict] = applyPublishResult(published ? [published] : [], items, {
      destination: 'git',
      target: REPO_A,
      now: KIT_NOW,
      code: 'publish-conflict',
      conflictPaths: ['_posts/a.md'],
      theirs: { '_posts/a.md': '9'.repeat(40) },
    });
    expect(conflict && adoptTheirs(conflict, REPO_B)).toBeNull();
    const kept = conflict ? adoptTheirs(conflict, REPO_A) : null;
    expect(kept?.publication).toMatchObject({ state: 'published', blobId: '9'.repeat(40) });
    expect(kept?.publication?.theirBlobId).toBeUndefined();
    expect(previousBlobs(kept ? [kept] : [], REPO_A)).toEqual({ '_posts/a.md': '9'.repeat(40) });
    // Not in a conflict: nothing to adopt.
    expect(published && adoptTheirs(published, REPO_A)).toBeNull();
  });
});

describe('renderCommitMessage', () => {
  it('renders the template over the clip, adds a count for several, and falls back on a broken template', () => {
    expect(renderCommitMessage('Add post: {{title}}', [A])).toBe('Add post: Harbour opens');
    expect(renderCommitMessage('{{title|upper}}!', [A])).toBe('HARBOUR OPENS!');
    expect(renderCommitMessage('Add post: {{title}}', [A, B]).split('\n')[0]).toBe(
      'Add post: Harbour opens (+1 more)',
    );
    expect(renderCommitMessage('{{title', [A])).toBe('Add post: Harbour opens');
    expect(checkMessageTemplate('{{title')).toMatch(/line 1/);
    expect(checkMessageTemplate('Add {{title}}')).toBeNull();
  });
});
