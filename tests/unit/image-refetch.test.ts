// After Allow: a saved clip's images that stayed remote for want of a permission are fetched again and kept.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ImageFetchDeps } from '../../utils/platform/image-fetch';
import { refetchClipImages } from '../../utils/platform/image-refetch';
import { openLibrary } from '../../utils/platform/store';
import { makeDraft } from '../kit/builders';

vi.mock('wxt/browser', () => import('../kit/browser'));

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2]);

describe('refetchClipImages', () => {
  it('keeps the images now granted and counts their file', async () => {
    const lib = await openLibrary(new IDBFactory());
    const url = 'https://cdn.example/a.jpg';
    const { clip } = await lib.saveDraft(makeDraft(), `![](${url})`, 1000, undefined, {
      outcomes: [{ url, originalUrl: url, status: 'remote', reason: 'no-permission' }],
      pending: [],
    });
    const deps: ImageFetchDeps = {
      fetchInPage: () => Promise.resolve({ ok: false, reason: 'fetch-failed' }),
      fetchDirect: () => Promise.resolve({ ok: true, bytes: JPEG }),
      hasOrigins: () => Promise.resolve(true),
      now: () => 0,
    };
    const result = await refetchClipImages({ clipId: clip.id }, lib, deps);
    expect(result).toMatchObject({ ok: true, value: { images: { summary: { kept: 1, remote: 0 } } } });
    const saved = await lib.getClip(clip.id);
    expect(saved?.images?.[0]).toMatchObject({ status: 'kept', ext: 'jpg' });
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: JPEG.length });
    expect(await refetchClipImages({ clipId: 'gone' }, lib, deps)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    lib.close();
  });
});
