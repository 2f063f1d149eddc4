// Platform: user settings in storage.local under one key, with one defaults object and ordered migrations.
import { browser } from 'wxt/browser';
// The light shape module only: the template engine (filters, pinyin, YAML) stays out of background and popup start-up.
import { DEFAULT_TEMPLATE_ID, readSiteRule, readTemplate } from '../pure/template-shape';
import { MARKDOWN_CHOICES, POST_CHOICES, TOOLBAR_BUTTONS } from '../pure/choices';
import { isValidTimeZone } from '../pure/time-zone';
import type { ImageSettings, PostOptions, PublishSettings, Settings } from '../pure/types';
import {
  DEFAULT_IMAGE_SETTINGS,
  DEFAULT_MARKDOWN_STYLE,
  DEFAULT_POST_OPTIONS,
  DEFAULT_PUBLISH_SETTINGS,
} from '../pure/types';
import { isRecord } from '../pure/result';
import { DISCARDED_CHOICES } from '../pure/protocol';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type { Settings };

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  post: DEFAULT_POST_OPTIONS,
  markdown: DEFAULT_MARKDOWN_STYLE,
  clipOnOpen: true,
  toolbarButton: 'clip',
  templates: [],
  activeTemplateId: DEFAULT_TEMPLATE_ID,
  rules: [],
  batchDiscarded: 'reload',
  images: DEFAULT_IMAGE_SETTINGS,
};

/** Stored image settings, each invalid or missing field at its default. */
function readImageSettings(value: unknown): ImageSettings {
  const stored = isRecord(value) ? value : {};
  return {
    keep: typeof stored.keep === 'boolean' ? stored.keep : DEFAULT_IMAGE_SETTINGS.keep,
    baseurl: typeof stored.baseurl === 'string' ? stored.baseurl : DEFAULT_IMAGE_SETTINGS.baseurl,
    obsidianLinks:
      stored.obsidianLinks === 'relative' || stored.obsidianLinks === 'embed'
        ? stored.obsidianLinks
        : DEFAULT_IMAGE_SETTINGS.obsidianLinks,
  };
}

type Stored = Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n object into version n+1. Version 0 is anything without a version (nothing was
 * ever stored before 1). To add v2: bump SETTINGS_VERSION and append a step; never edit an old step.
 */
const MIGRATIONS: ReadonlyArray<(old: Stored) => Stored> = [
  (old) => ({ ...old, version: 1 }),
  // v2 (issue 4): templates and site rules. v1 PostOptions stay: the `jekyll` template is made from them.
  // The values are frozen here, not read from DEFAULT_SETTINGS: a shipped step must not change with a default.
  (old) => ({ ...old, version: 2, templates: [], activeTemplateId: 'jekyll', rules: [] }),
];

/** '' is the explicit "use the runtime's own zone"; anything else must be a zone the runtime knows. */
function readPostOptions(raw: unknown): PostOptions {
  // Every choice is checked (utils/pure/choices.ts), so a corrupt or hand-edited value falls back to the default.
  const post = fillFrom(DEFAULT_POST_OPTIONS, raw, POST_CHOICES);
  if (post.timeZone !== '' && !isValidTimeZone(post.timeZone)) post.timeZone = DEFAULT_POST_OPTIONS.timeZone;
  return post;
}

/** Each field of `defaults` taken from `raw` when it has the same type (and is one of `choices`, if listed). */
function fillFrom<T extends object>(
  defaults: T,
  raw: unknown,
  choices: Partial<Record<keyof T, readonly unknown[]>>,
): T {
  const source = isRecord(raw) ? raw : {};
  const out: Stored = { ...(defaults as Stored) };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = source[key];
    const allowed = choices[key];
    if (typeof value !== typeof defaults[key]) continue;
    if (allowed && !allowed.includes(value)) continue;
    out[key] = value;
  }
  return out as T;
}

/** The valid items of a stored list, in order; a second item with the same id is dropped. */
function readList<T extends { id: string }>(raw: unknown, read: (item: unknown) => T | null): T[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of raw) {
    const value = read(item);
    if (value === null || seen.has(value.id)) continue;
    seen.add(value.id);
    out.push(value);
  }
  return out;
}

/**
 * Settings from before the choice existed keep what their toolbar button did: a user who turned clip-on-open off
 * opened the popup without clipping, so they get `open`; everyone else the default.
 */
function readToolbarButton(stored: Stored): NonNullable<Settings['toolbarButton']> {
  const known = TOOLBAR_BUTTONS.find((b) => b === stored.toolbarButton);
  if (known) return known;
  return stored.clipOnOpen === false ? 'open' : (DEFAULT_SETTINGS.toolbarButton ?? 'clip');
}

/**
 * Any stored value to valid Settings: unknown/empty/corrupt → defaults; an older version is migrated step by step;
 * missing or invalid fields take their defaults. A newer version (written by a later release) keeps its version
 * and its unknown fields so saving from this release does not throw them away.
 */
export function migrateSettings(raw: unknown): Settings {
  let stored: Stored = isRecord(raw) ? raw : {};
  const storedVersion = stored.version;
  let version =
    typeof storedVersion === 'number' && Number.isInteger(storedVersion) && storedVersion >= 0
      ? storedVersion
      : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    stored = step(stored);
    version += 1;
  }
  return {
    ...stored,
    version,
    post: readPostOptions(stored.post),
    markdown: fillFrom(DEFAULT_MARKDOWN_STYLE, stored.markdown, MARKDOWN_CHOICES),
    clipOnOpen: typeof stored.clipOnOpen === 'boolean' ? stored.clipOnOpen : DEFAULT_SETTINGS.clipOnOpen,
    toolbarButton: readToolbarButton(stored),
    templates: readList(stored.templates, readTemplate),
    activeTemplateId:
      typeof stored.activeTemplateId === 'string' && stored.activeTemplateId !== ''
        ? stored.activeTemplateId
        : DEFAULT_SETTINGS.activeTemplateId,
    rules: readList(stored.rules, readSiteRule),
    batchDiscarded:
      DISCARDED_CHOICES.find((c) => c === stored.batchDiscarded) ?? DEFAULT_SETTINGS.batchDiscarded,
    images: readImageSettings(stored.images),
  };
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return migrateSettings(stored[SETTINGS_KEY]);
  } catch {
    // Storage unavailable (e.g. a profile error): clipping still works with the defaults.
    return migrateSettings(undefined);
  }
}

/** Settings as a page may hold them: one written before templates existed may lack the template fields. */
export type SettingsUpdate = Omit<Settings, 'templates' | 'activeTemplateId' | 'rules'> &
  Partial<Pick<Settings, 'templates' | 'activeTemplateId' | 'rules'>>;

/** Saves settings; template fields `next` lacks keep their stored values instead of falling back to defaults. */
export async function saveSettings(next: SettingsUpdate): Promise<void> {
  const isComplete =
    next.templates !== undefined && next.activeTemplateId !== undefined && next.rules !== undefined;
  const current = isComplete ? null : await loadSettings();
  const merged = {
    ...next,
    templates: next.templates ?? current?.templates,
    activeTemplateId: next.activeTemplateId ?? current?.activeTemplateId,
    rules: next.rules ?? current?.rules,
  };
  await browser.storage.local.set({ [SETTINGS_KEY]: migrateSettings(merged) });
}

/** Calls `fn` with the new settings whenever any context saves them; returns the unsubscribe function. */
export function onSettingsChanged(fn: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) fn(migrateSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// Publishing (issue 12) keeps its settings under their own key, and the access token under another: the token
// never travels with the settings (backup, the options page's state, messages) and stays in storage.local only.
export const PUBLISH_SETTINGS_KEY = 'publish';
export const PUBLISH_TOKEN_KEY = 'publishToken';

/** Any stored value to valid publish settings; a field of the wrong type or an unknown destination takes its default. */
export function readPublishSettings(raw: unknown): PublishSettings {
  return fillFrom(DEFAULT_PUBLISH_SETTINGS, raw, { destination: ['none', 'folder', 'git'] });
}

export async function loadPublishSettings(): Promise<PublishSettings> {
  try {
    const stored = await browser.storage.local.get(PUBLISH_SETTINGS_KEY);
    return readPublishSettings(stored[PUBLISH_SETTINGS_KEY]);
  } catch {
    return readPublishSettings(undefined);
  }
}

export async function savePublishSettings(next: PublishSettings): Promise<void> {
  await browser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: readPublishSettings(next) });
}

/** The Git access token, or '' when none is kept. Read only by the code that publishes. */
export async function loadPublishToken(): Promise<string> {
  const stored = await browser.storage.local.get(PUBLISH_TOKEN_KEY);
  const token = stored[PUBLISH_TOKEN_KEY];
  return typeof token === 'string' ? token : '';
}

/** Keeps the token in storage.local (this browser profile only, never synced); '' removes it. */
export async function savePublishToken(token: string): Promise<void> {
  if (token === '') await browser.storage.local.remove(PUBLISH_TOKEN_KEY);
  else await browser.storage.local.set({ [PUBLISH_TOKEN_KEY]: token });
}
