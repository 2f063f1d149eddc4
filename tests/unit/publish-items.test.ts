// Which files a publish writes per clip, how a result lands on each clip's record, and the commit message.
import { describe, expect, it } from 'vitest';
import { renderCommitMessage, checkMessageTemplate } from '../../utils/platform/publish/commit-message';
import {
  applyPublishResult,
  previousBlobs,
  toPublishFiles,
  toPublishItems,
  toReport,
} from '../../utils/platform/publish/publish-items';
import { KIT_NOW, makeStoredClip } from '../kit/builders';

const A = makeStoredClip({ id: 'a', url: 'https://n.example/a', draft: { title: 'Harbour opens' } });
const B = makeStoredClip({ id: 'b', url: 'https://n.example/b', draft: { title: 'Second' } });

describe('toPublishItems', () => {
  it('puts posts at the zip export’s paths, made unique, and keeps an earlier path for the same destination', () => {
    const posts = [
      { filename: '2024-03-18-x.md', content: 'A' },
      { filename: '2024-03-18-x.md', content: 'B' },
    ];
    const items = toPublishItems([A, B], posts, 'git');
    expect(items.map((i) => i.files[0]?.path)).toEqual([
      '_posts/2024-03-18-x.md',
      '_posts/2024-03-18-x-2.md',
    ]);
    const published = {
      ...A,
      publication: { destination: 'git' as const, path: '_posts/old.md', state: 'published' as const },
    };
    expect(toPublishItems([published], [posts[0] ?? { filename: '', content: '' }], 'git')[0]?.files).toEqual(
      [{ path: '_posts/old.md', text: 'A' }],
    );
    // Another destination has its own path.
    expect(
      toPublishItems([published], [posts[0] ?? { filename: '', content: '' }], 'folder')[0]?.files[0]?.path,
    ).toBe('_posts/2024-03-18-x.md');
  });

  it('turns text into UTF-8 bytes', () => {
    const files = toPublishFiles([{ clipId: 'a', files: [{ path: 'p.md', text: '新闻' }] }]);
    expect([...(files[0]?.bytes ?? [])]).toEqual([...new TextEncoder().encode('新闻')]);
  });
});

describe('applyPublishResult', () => {
  const items = [{ clipId: 'a', files: [{ path: '_posts/a.md', text: 'x' }] }];

  it('records path, blob id and commit on success, and previousBlobs reads them back', () => {
    const [updated] = applyPublishResult([A], items, {
      destination: 'git',
      now: KIT_NOW,
      written: { '_posts/a.md': 'b'.repeat(40) },
      commit: 'c'.repeat(40),
    });
    expect(updated?.publication).toEqual({
      destination: 'git',
      path: '_posts/a.md',
      blobId: 'b'.repeat(40),
      commit: 'c'.repeat(40),
      publishedAt: KIT_NOW,
      state: 'published',
    });
    expect(previousBlobs(updated ? [updated] : [])).toEqual({ '_posts/a.md': 'b'.repeat(40) });
  });

  it('keeps the last good path and blob on failure, and marks a conflicting path as a conflict', () => {
    const earlier = {
      ...A,
      publication: {
        destination: 'git' as const,
        path: '_posts/a.md',
        blobId: 'd'.repeat(40),
        state: 'published' as const,
      },
    };
    const info = {
      destination: 'git' as const,
      now: KIT_NOW,
      code: 'publish-conflict',
      conflictPaths: ['_posts/a.md'],
    };
    const [updated] = applyPublishResult([earlier], items, info);
    expect(updated?.publication).toMatchObject({
      path: '_posts/a.md',
      blobId: 'd'.repeat(40),
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
      now: KIT_NOW,
      code: 'publish-offline',
    });
    expect(offline?.publication).toEqual({
      destination: 'git',
      path: '_posts/a.md',
      state: 'failed',
      error: 'publish-offline',
    });
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
