// Backup and restore carry the kept image files: each once, checked against its hash and type on restore.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, restoreBackup } from '../../utils/platform/backup';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import { hashImageBytes } from '../../utils/pure/images/hash';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 5,
]);
const opened: Library[] = [];
async function fresh(): Promise<Library> {
  const lib = await openLibrary(new IDBFactory());
  opened.push(lib);
  return lib;
}
afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
});

async function libraryWithImage(): Promise<{ lib: Library; hash: string }> {
  const lib = await fresh();
  const hash = await hashImageBytes(PNG);
  const kept = { status: 'kept' as const, hash, ext: 'png', size: PNG.length };
  for (const n of [1, 2]) {
    const url = `https://news.example/${n}.png`;
    await lib.saveDraft(
      makeDraft({ url: `https://news.example/s${n}` }),
      `![](${url})`,
      1000 + n,
      undefined,
      {
        outcomes: [{ url, originalUrl: url, ...kept }],
        pending: [{ hash, bytes: PNG, type: 'png', mime: 'image/png', ext: 'png' }],
      },
    );
  }
  return { lib, hash };
}

describe('backup with images', () => {
  it('writes each file once and restores it with its counts, byte for byte', async () => {
    const { lib, hash } = await libraryWithImage();
    const text = await createBackup(lib, DEFAULT_SETTINGS);
    const file = JSON.parse(text) as { images: { hash: string }[] };
    expect(file.images.map((i) => i.hash)).toEqual([hash]);
    const target = await fresh();
    const restored = await restoreBackup(target, text);
    expect(restored).toMatchObject({ ok: true, value: { added: 2 } });
    const record = await target.getImage(hash);
    expect(record?.refcount).toBe(2);
    expect(new Uint8Array(await (record?.blob ?? new Blob()).arrayBuffer())).toEqual(PNG);
    expect(await target.imageUsage()).toEqual({ count: 1, bytes: PNG.length });
  });

  it('refuses a backup whose image bytes do not match their hash, and changes nothing', async () => {
    const { lib } = await libraryWithImage();
    const file = JSON.parse(await createBackup(lib, DEFAULT_SETTINGS)) as { images: { data: string }[] };
    const other = new Uint8Array(PNG);
    other[16] = 6;
    const first = file.images[0];
    if (!first) throw new Error('no image in the backup');
    first.data = Buffer.from(other).toString('base64');
    const target = await fresh();
    expect(await restoreBackup(target, JSON.stringify(file))).toMatchObject({
      ok: false,
      code: 'invalid-backup',
    });
    expect(await target.count()).toBe(0);
    expect(await target.imageUsage()).toEqual({ count: 0, bytes: 0 });
  });

  it('a backup without its files restores the clips with those images remote', async () => {
    const { lib } = await libraryWithImage();
    const file = JSON.parse(await createBackup(lib, DEFAULT_SETTINGS)) as { images?: unknown };
    delete file.images;
    const target = await fresh();
    expect((await restoreBackup(target, JSON.stringify(file))).ok).toBe(true);
    const summaries = (await target.listSummaries({ limit: 5 })).items;
    const clip = await target.getClip(summaries[0]?.id ?? '');
    expect(clip?.images?.[0]).toMatchObject({ status: 'remote', reason: 'storage-failed' });
  });
});
