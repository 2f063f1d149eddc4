// The local-folder writer against an in-memory directory handle. The same code on the real origin-private file
// system (navigator.storage.getDirectory()) in Chromium belongs in the E2E suite, with the publishing UI.
import { describe, expect, it } from 'vitest';
import type { DirectoryHandleLike } from '../../utils/platform/publish/folder-writer';
import { ensureWritePermission, publishToFolder } from '../../utils/platform/publish/folder-writer';
import { MemoryDirectory, PickedDirectory } from '../helpers/memory-directory';

// The browser's own handle fits the interface the writer takes (a compile-time check).
const _real: (handle: FileSystemDirectoryHandle) => DirectoryHandleLike = (handle) => handle;

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1, 2]);

describe('publishToFolder', () => {
  it('writes posts and images under the site root, creating folders, byte for byte', async () => {
    const root = new MemoryDirectory();
    const files = [
      { path: '_posts/2024-03-18-ferry.md', bytes: bytes('# Ferry\n') },
      { path: 'assets/images/2024-03-18-ferry/1.png', bytes: PNG },
      { path: 'assets/images/2024-03-18-ferry/2.png', bytes: PNG.slice(0, 4) },
    ];
    const result = await publishToFolder(root, files);
    expect(result).toEqual({ ok: true, value: { written: files.map((f) => f.path) } });
    expect(root.listFiles()).toEqual(new Map(files.map((f) => [f.path, f.bytes])));
  });

  it('rewrites an existing file in place (an update is the same path) and keeps other files', async () => {
    const root = new MemoryDirectory();
    await publishToFolder(root, [
      { path: '_posts/a.md', bytes: bytes('first version, longer') },
      { path: '_config.yml', bytes: bytes('title: x\n') },
    ]);
    const result = await publishToFolder(root, [{ path: '_posts/a.md', bytes: bytes('second') }]);
    expect(result.ok).toBe(true);
    const files = root.listFiles();
    expect(new TextDecoder().decode(files.get('_posts/a.md'))).toBe('second');
    expect(files.has('_config.yml')).toBe(true);
  });

  it('writes nothing when any path would leave the folder', async () => {
    const root = new MemoryDirectory();
    for (const path of ['../outside.md', '/abs.md', '_posts/../../x.md', '.git/config']) {
      const result = await publishToFolder(root, [
        { path: 'ok.md', bytes: bytes('x') },
        { path, bytes: bytes('x') },
      ]);
      expect(result, path).toMatchObject({ ok: false, code: 'publish-invalid' });
    }
    expect(root.listFiles().size).toBe(0);
  });

  it('returns quota-exceeded when the disk is full, leaving the old file as it was', async () => {
    const root = new MemoryDirectory();
    await publishToFolder(root, [{ path: 'a.md', bytes: bytes('old') }]);
    root.setQuota(10);
    const result = await publishToFolder(root, [{ path: 'a.md', bytes: bytes('a much longer new version') }]);
    expect(result).toMatchObject({ ok: false, code: 'quota-exceeded' });
    expect(new TextDecoder().decode(root.listFiles().get('a.md'))).toBe('old');
  });

  it('says how far it got when a write fails mid-way, and aborts that file', async () => {
    const root = new MemoryDirectory();
    root.failNextWriteOf('2.md');
    const result = await publishToFolder(root, [
      { path: 'p/1.md', bytes: bytes('1') },
      { path: 'p/2.md', bytes: bytes('2') },
      { path: 'p/3.md', bytes: bytes('3') },
    ]);
    expect(result).toMatchObject({ ok: false, code: 'publish-failed' });
    expect(!result.ok && result.detail).toContain('p/2.md');
    expect(!result.ok && result.detail).toContain('1 file(s) written');
    expect([...root.listFiles()].map(([path, data]) => [path, data.length])).toEqual([
      ['p/1.md', 1],
      ['p/2.md', 0],
    ]);
  });

  it('fails with publish-failed when a file stands where a folder must go', async () => {
    const root = new MemoryDirectory();
    await publishToFolder(root, [{ path: '_posts', bytes: bytes('a file') }]);
    const result = await publishToFolder(root, [{ path: '_posts/a.md', bytes: bytes('x') }]);
    expect(result).toMatchObject({ ok: false, code: 'publish-failed' });
  });
});

describe('ensureWritePermission', () => {
  it('asks again for a picked folder whose grant the browser forgot, once', async () => {
    const root = new PickedDirectory();
    expect(await ensureWritePermission(root)).toBe(true);
    expect(root.requests).toBe(1);
    expect(await ensureWritePermission(root)).toBe(true);
    expect(root.requests).toBe(1);
  });

  it('returns publish-auth, writing nothing, when the user declines', async () => {
    const root = new PickedDirectory();
    root.answer = 'denied';
    const result = await publishToFolder(root, [{ path: 'a.md', bytes: bytes('x') }]);
    expect(result).toMatchObject({ ok: false, code: 'publish-auth' });
    expect(root.listFiles().size).toBe(0);
  });

  it('needs no grant for the origin-private file system (a handle with no permission methods)', async () => {
    expect(await ensureWritePermission(new MemoryDirectory())).toBe(true);
  });
});
