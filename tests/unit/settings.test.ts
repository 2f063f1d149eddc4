import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateSettings,
  onSettingsChanged,
  saveSettings,
  SETTINGS_VERSION,
} from '../../utils/platform/settings';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

// Outside a WXT build 'wxt/browser' is the real (absent) chrome global; the fake stands in for it.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('migrateSettings', () => {
  it.each([undefined, null, '', 'corrupt', 42, [], {}, { version: 'x' }])(
    'turns %j into the defaults',
    (raw) => {
      expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('fills a partial v1 object with defaults and keeps what is valid', () => {
    const migrated = migrateSettings({
      version: 1,
      post: { layout: 'article', slugMode: 'pinyin', tagsMode: 'bogus' },
      markdown: { fence: '~~~', bulletListMarker: 7 },
    });
    expect(migrated).toEqual({
      version: 1,
      post: { ...DEFAULT_POST_OPTIONS, layout: 'article', slugMode: 'pinyin' },
      markdown: { ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' },
      clipOnOpen: true,
    });
  });

  it('migrates an unversioned (v0) object and keeps its valid fields', () => {
    expect(migrateSettings({ clipOnOpen: false })).toEqual({ ...DEFAULT_SETTINGS, clipOnOpen: false });
  });

  it('leaves a future version alone but readable', () => {
    const future = {
      version: SETTINGS_VERSION + 1,
      clipOnOpen: false,
      newThing: { a: 1 },
      markdown: { fence: '~~~' },
    };
    const read = migrateSettings(future);
    expect(read.version).toBe(SETTINGS_VERSION + 1);
    expect(read.clipOnOpen).toBe(false);
    expect(read.markdown).toEqual({ ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' });
    expect(read.post).toEqual(DEFAULT_POST_OPTIONS);
    expect((read as unknown as Record<string, unknown>).newThing).toEqual({ a: 1 });
  });

  it('never shares the defaults object with a result', () => {
    const migrated = migrateSettings(undefined);
    migrated.post.layout = 'changed';
    expect(DEFAULT_SETTINGS.post.layout).toBe('post');
  });
});

describe('load, save, watch', () => {
  it('loads defaults from empty storage and reads back what was saved', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const next = {
      ...DEFAULT_SETTINGS,
      clipOnOpen: false,
      post: { ...DEFAULT_POST_OPTIONS, layout: 'note' },
    };
    await saveSettings(next);
    expect(await loadSettings()).toEqual(next);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: next });
  });

  it('loads a corrupt stored value as defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells listeners about saves until they unsubscribe', async () => {
    const seen: boolean[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.clipOnOpen));
    await saveSettings({ ...DEFAULT_SETTINGS, clipOnOpen: false });
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, clipOnOpen: true });
    expect(seen).toEqual([false]);
  });
});
