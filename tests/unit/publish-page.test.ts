// The pages' publishing services: saving asks for the repository's origin (granted or declined), the token stays in
// storage.local under its own key, the folder handle store, and the background's handlers with nothing allowed.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import { createBackgroundPublisher } from '../../utils/platform/publish/background-publisher';
import { clearFolderHandle, loadFolderHandle } from '../../utils/platform/publish/folder-handle-store';
import { createPublishOptionsServices, toOriginPattern } from '../../utils/platform/publish/page-publish';
import {
  loadPublishSettings,
  loadPublishToken,
  PUBLISH_SETTINGS_KEY,
  PUBLISH_TOKEN_KEY,
  readPublishSettings,
  SETTINGS_KEY,
} from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { resetBrowser } from '../kit/browser';

vi.mock('wxt/browser', () => import('../kit/browser'));
beforeEach(resetBrowser);

const GIT = {
  ...DEFAULT_PUBLISH_SETTINGS,
  destination: 'git' as const,
  repoUrl: 'https://git.example.com:8443/me/site.git',
};

function answerPermission(isGranted: boolean): string[][] {
  const asked: string[][] = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((p) => {
    asked.push(p.origins ?? []);
    return Promise.resolve(isGranted);
  });
  return asked;
}

describe('toOriginPattern', () => {
  it('gives the origin as a match pattern without the port, and null for anything not http(s)', () => {
    expect(toOriginPattern(' https://git.example.com:8443/me/site.git ')).toBe('https://git.example.com/*');
    expect(toOriginPattern('http://127.0.0.1:4000/x.git')).toBe('http://127.0.0.1/*');
    expect(toOriginPattern('ssh://git@github.com/me/site.git')).toBeNull();
    expect(toOriginPattern('not a url')).toBeNull();
  });
});

describe('saving the publish settings', () => {
  it('asks for the repository’s origin alone, and keeps the token apart from the settings', async () => {
    const asked = answerPermission(true);
    const saved = await createPublishOptionsServices().save(GIT, ' secret-token ');
    expect(asked).toEqual([['https://git.example.com/*']]);
    expect(saved).toMatchObject({ ok: true, value: { isAllowed: true, state: { hasToken: true } } });
    expect((await loadPublishSettings()).allowedOrigin).toBe('https://git.example.com/*');
    expect(await loadPublishToken()).toBe('secret-token');
    const stored = await fakeBrowser.storage.local.get([PUBLISH_SETTINGS_KEY, SETTINGS_KEY]);
    expect(JSON.stringify(stored)).not.toContain('secret-token');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('declined: saved as not allowed, and a null token keeps the one already kept', async () => {
    await fakeBrowser.storage.local.set({ [PUBLISH_TOKEN_KEY]: 'kept' });
    answerPermission(false);
    const saved = await createPublishOptionsServices().save(GIT, null);
    expect(saved).toMatchObject({ ok: true, value: { isAllowed: false } });
    expect((await loadPublishSettings()).allowedOrigin).toBe('');
    expect(await loadPublishToken()).toBe('kept');
  });

  it('a folder destination asks for no host', async () => {
    const asked = answerPermission(true);
    const saved = await createPublishOptionsServices().save({ ...GIT, destination: 'folder' }, '');
    expect(asked).toEqual([]);
    expect(saved).toMatchObject({ ok: true, value: { isAllowed: true, state: { hasToken: false } } });
  });

  it('reads stored settings field by field', () => {
    expect(readPublishSettings({ destination: 'ftp', branch: 5, repoUrl: 'https://x/y.git' })).toEqual({
      ...DEFAULT_PUBLISH_SETTINGS,
      repoUrl: 'https://x/y.git',
    });
  });
});

describe('the folder handle store', () => {
  it('has no folder until one is picked', async () => {
    await clearFolderHandle();
    expect(await loadFolderHandle()).toBeNull();
  });
});

describe('the background publisher', () => {
  it('refuses to reach a server the browser did not allow, and records the clip as not published', async () => {
    const { makeStoredClip } = await import('../kit/builders');
    const clip = makeStoredClip({ id: 'c1' });
    const put: unknown[] = [];
    const library = {
      getClips: () => Promise.resolve([clip]),
      putClips: (clips: unknown[]) => {
        put.push(...clips);
        return Promise.resolve({ added: 0, updated: clips.length, unchanged: 0 });
      },
    } as unknown as Library;
    await fakeBrowser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: GIT });
    const publisher = createBackgroundPublisher(() => Promise.resolve(library));
    const report = await publisher.publish({
      items: [{ clipId: 'c1', files: [{ path: '_posts/a.md', text: 'a' }] }],
      message: 'm',
    });
    expect(report).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'publish-auth' } });
    expect(put).toMatchObject([{ id: 'c1', publication: { state: 'failed', error: 'publish-auth' } }]);
    expect(await publisher.test()).toEqual({ ok: true, value: { ok: false, code: 'publish-auth' } });
  });
});
