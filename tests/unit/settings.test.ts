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
import { DEFAULT_IMAGE_SETTINGS, DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

// Outside a WXT build 'wxt/browser' is the real (absent) chrome global; the fake stands in for it.
vi.mock('wxt/browser', () => import('../kit/browser'));

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
      version: 2,
      post: { ...DEFAULT_POST_OPTIONS, layout: 'article', slugMode: 'pinyin' },
      markdown: { ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' },
      clipOnOpen: true,
      toolbarButton: 'clip',
      templates: [],
      activeTemplateId: 'jekyll',
      rules: [],
      batchDiscarded: 'reload',
      images: DEFAULT_IMAGE_SETTINGS,
    });
  });

  it('keeps a valid choice for unloaded tabs in a batch and replaces anything else with the default', () => {
    expect(migrateSettings({ version: 2, batchDiscarded: 'skip' }).batchDiscarded).toBe('skip');
    expect(migrateSettings({ version: 2, batchDiscarded: 'close' }).batchDiscarded).toBe('reload');
  });

  it('migrates v1 to v2 keeping every v1 value, adding templates and rules', () => {
    const v1 = {
      version: 1,
      post: {
        layout: 'article',
        categoriesMode: 'none',
        tagsMode: 'site-news',
        includeSourceLine: false,
        includeAuthor: false,
        slugMode: 'pinyin',
        timeZone: 'Asia/Shanghai',
      },
      markdown: { ...DEFAULT_MARKDOWN_STYLE, headingStyle: 'setext', linkStyle: 'referenced' },
      clipOnOpen: false,
    };
    expect(SETTINGS_VERSION).toBe(2);
    expect(migrateSettings(v1)).toEqual({
      ...v1,
      version: 2,
      // clip-on-open was off: the toolbar button keeps opening the popup without clipping.
      toolbarButton: 'open',
      templates: [],
      activeTemplateId: 'jekyll',
      rules: [],
      batchDiscarded: 'reload',
      images: DEFAULT_IMAGE_SETTINGS,
    });
  });

  it('reads image settings: valid fields kept, invalid ones at their defaults', () => {
    const migrated = migrateSettings({
      version: 2,
      images: { keep: false, baseurl: '/blog', obsidianLinks: 'x' },
    });
    expect(migrated.images).toEqual({ keep: false, baseurl: '/blog', obsidianLinks: 'embed' });
    expect(migrateSettings({ version: 2 }).images).toEqual({
      keep: true,
      baseurl: '',
      obsidianLinks: 'embed',
    });
  });

  it('migrates v1 to v2 with the values shipped in v2, whatever the defaults say today', () => {
    // A later release may change the defaults; the v2 step must still give a v1 user what v2 gave them.
    const shipped = {
      templates: [...DEFAULT_SETTINGS.templates],
      activeTemplateId: DEFAULT_SETTINGS.activeTemplateId,
    };
    const template = { id: 'later-default', name: 'Later default', body: '{{title}}' };
    DEFAULT_SETTINGS.templates = [template as (typeof DEFAULT_SETTINGS.templates)[number]];
    DEFAULT_SETTINGS.activeTemplateId = 'later-default';
    try {
      const migrated = migrateSettings({ version: 1, post: DEFAULT_POST_OPTIONS });
      expect(migrated).toMatchObject({ version: 2, templates: [], activeTemplateId: 'jekyll', rules: [] });
    } finally {
      Object.assign(DEFAULT_SETTINGS, shipped);
    }
  });

  it('keeps a known time zone and the explicit browser zone, drops an unknown one', () => {
    const read = (timeZone: unknown) =>
      migrateSettings({ version: 2, post: { ...DEFAULT_POST_OPTIONS, timeZone } }).post.timeZone;
    expect(read('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(read('')).toBe('');
    expect(read('Mars/Olympus')).toBe(DEFAULT_POST_OPTIONS.timeZone);
    expect(read(8)).toBe(DEFAULT_POST_OPTIONS.timeZone);
  });

  it('keeps valid v2 templates and rules in order, drops malformed ones and repeated ids', () => {
    const template = {
      id: 'mine',
      name: 'Mine',
      format: 'toml',
      fields: [{ key: 'title', value: '{{title}}' }],
      body: '{{content}}',
      filename: '{{title|slug}}.md',
      sourceLine: '',
    };
    const ruleA = { id: 'b', match: { type: 'host', value: 'b.example' }, timeZone: 'Asia/Tokyo' };
    const ruleB = { id: 'a', match: { type: 'pattern', value: 'https://a.example/*' }, templateId: 'mine' };
    const read = migrateSettings({
      ...DEFAULT_SETTINGS,
      templates: [template, { ...template, name: 'again' }, { id: 'broken' }, 'x'],
      activeTemplateId: 'mine',
      rules: [ruleA, { id: 'bad', match: { type: 'regex', value: '.*' } }, ruleB],
    });
    expect(read.templates).toEqual([template]);
    expect(read.activeTemplateId).toBe('mine');
    expect(read.rules).toEqual([ruleA, ruleB]);
    expect(migrateSettings({ ...DEFAULT_SETTINGS, activeTemplateId: '', templates: 'x', rules: {} })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('migrates an unversioned (v0) object and keeps its valid fields', () => {
    expect(migrateSettings({ clipOnOpen: false })).toEqual({
      ...DEFAULT_SETTINGS,
      clipOnOpen: false,
      toolbarButton: 'open',
    });
  });

  it('keeps the toolbar button choice; without one, a user who turned clip-on-open off opens Postclip first', () => {
    expect(DEFAULT_SETTINGS.toolbarButton).toBe('clip');
    expect(migrateSettings({ version: 2, toolbarButton: 'open' }).toolbarButton).toBe('open');
    expect(migrateSettings({ version: 2, clipOnOpen: false, toolbarButton: 'clip' }).toolbarButton).toBe(
      'clip',
    );
    expect(migrateSettings({ version: 2, toolbarButton: 'menu' }).toolbarButton).toBe('clip');
    expect(migrateSettings({ version: 2, clipOnOpen: false }).toolbarButton).toBe('open');
    expect(migrateSettings({ version: 2, clipOnOpen: true }).toolbarButton).toBe('clip');
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

  it('keeps stored templates and rules when a page saves settings without them', async () => {
    const rules = [{ id: 'r', match: { type: 'host' as const, value: 'x.example' } }];
    await saveSettings({ ...DEFAULT_SETTINGS, rules, activeTemplateId: 'obsidian' });
    const { templates: _t, activeTemplateId: _a, rules: _r, ...older } = DEFAULT_SETTINGS;
    await saveSettings({ ...older, clipOnOpen: false });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      clipOnOpen: false,
      rules,
      activeTemplateId: 'obsidian',
    });
    await saveSettings({ ...DEFAULT_SETTINGS, rules: [] });
    expect((await loadSettings()).rules).toEqual([]);
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
