// Trees rewritten through isomorphic-git's object API, checked with the real git CLI.
import * as fs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import type { GitStore } from '../../utils/pure/publish/git-tree';
import { countFiles, entryAt, writeTreeWith } from '../../utils/pure/publish/git-tree';
import { runGit } from '../helpers/git-server';

async function newStore(): Promise<GitStore> {
  const gitdir = mkdtempSync(join(tmpdir(), 'postclip-tree-'));
  await git.init({ fs, gitdir, bare: true });
  return { fs, gitdir, cache: {} };
}

async function blob(store: GitStore, text: string): Promise<string> {
  return git.writeBlob({ fs, gitdir: store.gitdir, blob: new TextEncoder().encode(text) });
}

describe('writeTreeWith', () => {
  it('builds nested folders from nothing, in the tree git itself would write', async () => {
    const store = await newStore();
    const changes = [
      { path: '_posts/2024-03-18-a.md', oid: await blob(store, 'a') },
      { path: 'assets/images/a/1.png', oid: await blob(store, 'png') },
      { path: 'assets/images/a/2.png', oid: await blob(store, 'png2') },
      { path: 'index.md', oid: await blob(store, 'index') },
    ];
    const tree = await writeTreeWith(store, null, changes);
    const listing = runGit(['ls-tree', '-r', '--name-only', tree], store.gitdir).trim().split('\n');
    expect(listing).toEqual([
      '_posts/2024-03-18-a.md',
      'assets/images/a/1.png',
      'assets/images/a/2.png',
      'index.md',
    ]);
    runGit(['fsck', '--strict', '--no-dangling'], store.gitdir);
    expect(await countFiles(store, tree)).toBe(4);
  });

  it('changes only the named paths, shares the rest, and keeps an executable file executable', async () => {
    const store = await newStore();
    const base = await git.writeTree({
      fs,
      gitdir: store.gitdir,
      tree: [
        { mode: '100755', path: 'build.sh', oid: await blob(store, '#!/bin/sh'), type: 'blob' },
        {
          mode: '040000',
          path: 'docs',
          oid: await writeTreeWith(store, null, [{ path: 'keep.md', oid: await blob(store, 'keep') }]),
          type: 'tree',
        },
      ],
    });
    const next = await writeTreeWith(store, base, [
      { path: 'build.sh', oid: await blob(store, '#!/bin/sh\necho hi') },
      { path: 'docs/new.md', oid: await blob(store, 'new') },
    ]);
    expect((await entryAt(store, next, 'build.sh'))?.mode).toBe('100755');
    expect((await entryAt(store, next, 'docs/keep.md'))?.oid).toBe(await blob(store, 'keep'));
    expect((await entryAt(store, next, 'docs/new.md'))?.type).toBe('blob');
    expect(await entryAt(store, next, 'docs/missing.md')).toBeNull();
    // A file where a folder must be is what stands in the way: returned, so the caller sees an existing entry.
    expect((await entryAt(store, next, 'build.sh/inside'))?.path).toBe('build.sh');
    expect((await entryAt(store, next, 'docs'))?.type).toBe('tree');
    expect(await countFiles(store, next)).toBe(3);
  });
});
