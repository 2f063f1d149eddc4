// The pages' publishing services: saving asks for the repository's origin (granted or declined), the token stays in
// storage.local under its own key, the folder handle store, and the background's handlers with nothing allowed.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PublishSettings } from '../../utils/pure/types';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import { createBackgroundPublisher } from '../../utils/platform/publish/background-publisher';
import { clearFolderHandle, loadFolderHandle } from '../../utils/platform/publish/folder-handle-store';
import { createPublishOptionsServices } from '../../utils/platform/publish/page-publish';
import { toOriginPattern } from '../../utils/platform/publish/origin-pattern';
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

/** The browser's prompt answered `isGranted`; `contains` then reports what was granted. */
function answerPermission(isGranted: boolean): string[][] {
  const asked: string[][] = [];
  const held = new Set<string>();
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((p) => {
    asked.push(p.origins ?? []);
    if (isGranted) for (const origin of p.origins ?? []) held.add(origin);
    return Promise.resolve(isGranted);
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((p) =>
    Promise.resolve((p.origins ?? []).every((o) => held.has(o))),
  );
  return asked;
}

/** The page's click: ask, wait for the answer, save. */
async function askAndSave(next: PublishSettings, token: string | null) {
  const services = createPublishOptionsServices();
  const ask = services.askAccess(next);
  if (ask) await ask.answer;
  return services.save(next, token);
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
    const saved = await askAndSave(GIT, ' secret-token ');
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
    const saved = await askAndSave(GIT, null);
    expect(saved).toMatchObject({ ok: true, value: { isAllowed: false } });
    expect((await loadPublishSettings()).allowedOrigin).toBe('');
    expect(await loadPublishToken()).toBe('kept');
  });

  it('a prompt that never settles: the page can stop waiting, and an Allow given later is still recorded', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    const held = new Set<string>();
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
      () => new Promise<boolean>((resolve) => (answer = resolve)),
    );
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((p) =>
      Promise.resolve((p.origins ?? []).every((o) => held.has(o))),
    );
    const services = createPublishOptionsServices();
    const ask = services.askAccess(GIT);
    expect(ask?.origin).toBe('https://git.example.com/*');
    // The page gave up waiting and saved: not allowed.
    const saved = await services.save(GIT, null);
    expect(saved).toMatchObject({ ok: true, value: { isAllowed: false } });
    // The user answers the prompt after all.
    held.add('https://git.example.com/*');
    answer(true);
    expect(await ask?.answer).toBe(true);
    await vi.waitFor(async () =>
      expect((await loadPublishSettings()).allowedOrigin).toBe('https://git.example.com/*'),
    );
  });

  it('a request the browser refuses outright (no user gesture) is a plain “no”, not an error', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() =>
      Promise.reject(new Error('This function must be called during a user gesture')),
    );
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const services = createPublishOptionsServices();
    expect(await services.askAccess(GIT)?.answer).toBe(false);
    expect(await services.save(GIT, null)).toMatchObject({ ok: true, value: { isAllowed: false } });
  });

  it('a folder destination asks for no host', async () => {
    const asked = answerPermission(true);
    const saved = await askAndSave({ ...GIT, destination: 'folder' }, '');
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
    // Saved as allowed once, but the browser no longer holds the origin (removed in its own settings).
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
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
    await fakeBrowser.storage.local.set({
      [PUBLISH_SETTINGS_KEY]: { ...GIT, allowedOrigin: 'https://git.example.com/*' },
    });
    const publisher = createBackgroundPublisher(() => Promise.resolve(library));
    const report = await publisher.publish({
      items: [{ clipId: 'c1', files: [{ path: '_posts/a.md', text: 'a' }] }],
      message: 'm',
    });
    expect(report).toMatchObject({ ok: true, value: { failed: ['c1'], code: 'publish-not-allowed' } });
    expect(put).toMatchObject([{ id: 'c1', publication: { state: 'failed', error: 'publish-not-allowed' } }]);
    expect(await publisher.test()).toEqual({ ok: true, value: { ok: false, code: 'publish-not-allowed' } });
  });
});
