// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, isValidTimeZone, OptionsApp } from '../../components/options-app';
import type { EditableSettings, OptionsServices } from '../../utils/pure/page-api';
import { fail, ok } from '../../utils/pure/result';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const SETTINGS: EditableSettings = {
  version: 2,
  post: DEFAULT_POST_OPTIONS,
  markdown: DEFAULT_MARKDOWN_STYLE,
  clipOnOpen: true,
  templates: [],
  activeTemplateId: 'jekyll',
  rules: [],
};

function fakeServices(overrides: Partial<OptionsServices> = {}) {
  return {
    loadSettings: vi.fn(() => Promise.resolve(ok(SETTINGS))),
    saveSettings: vi.fn((_: EditableSettings) => Promise.resolve(ok(undefined))),
    estimateStorage: vi.fn(() => Promise.resolve({ usage: 2048, quota: 1024 ** 3 })),
    countClips: vi.fn(() => Promise.resolve(ok(7))),
    exportZip: vi.fn(() => Promise.resolve(ok(7))),
    backup: vi.fn(() => Promise.resolve(ok(undefined))),
    restore: vi.fn((_: string) => Promise.resolve(ok({ added: 2, updated: 1, unchanged: 0 }))),
    preview: vi.fn(() =>
      Promise.resolve(ok({ filename: '2024-03-18-tidal.md', content: '---\nlayout: post\n---\n' })),
    ),
    downloadJson: vi.fn((_text: string, _name: string) => Promise.resolve(ok(undefined))),
    browserTimeZone: () => 'Europe/London',
    ...overrides,
  };
}

async function flush() {
  await act(async () => {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  });
}

async function mount(services: OptionsServices) {
  await act(async () => {
    render(<OptionsApp services={services} />, container);
    await Promise.resolve();
  });
  await flush();
}

function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label ? container.querySelector(`#${label.htmlFor}`) : null;
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as T;
}

async function fire(el: HTMLElement, type: 'input' | 'change') {
  await act(async () => {
    el.dispatchEvent(new Event(type, { bubbles: true }));
    await Promise.resolve();
  });
  await flush();
}

describe('OptionsApp', () => {
  it('saves a changed choice at once and says Saved', async () => {
    const services = fakeServices();
    await mount(services);
    const select = byLabel<HTMLSelectElement>('tagsMode');
    expect(select.value).toBe('keywords');
    select.value = 'site-news';
    await fire(select, 'change');
    expect(services.saveSettings).toHaveBeenCalledWith({
      ...SETTINGS,
      post: { ...SETTINGS.post, tagsMode: 'site-news' },
    });
    expect(container.querySelector('[role=status]')?.textContent).toBe('settingsSaved');
    expect(services.preview).toHaveBeenCalledTimes(2);
  });

  it('saves Markdown style and clip-on-open', async () => {
    const services = fakeServices();
    await mount(services);
    const fence = byLabel<HTMLSelectElement>('fence');
    fence.value = '~~~';
    await fire(fence, 'change');
    expect(services.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ markdown: { ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' } }),
    );
    const box = byLabel<HTMLInputElement>('clipOnOpen');
    await act(async () => {
      box.click();
      await Promise.resolve();
    });
    await flush();
    expect(services.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ clipOnOpen: false }));
  });

  it('refuses an unknown time zone and saves a known one', async () => {
    const services = fakeServices();
    await mount(services);
    const zone = byLabel<HTMLInputElement>('timeZone');
    zone.value = 'Mars/Olympus';
    await fire(zone, 'input');
    await fire(zone, 'change');
    expect(services.saveSettings).not.toHaveBeenCalled();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    zone.value = 'Asia/Shanghai';
    await fire(zone, 'input');
    await fire(zone, 'change');
    expect(services.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ post: { ...SETTINGS.post, timeZone: 'Asia/Shanghai' } }),
    );
  });

  it('shows storage use, clip count and the preview', async () => {
    await mount(fakeServices());
    expect(container.textContent).toContain('storageUsed');
    expect(container.textContent).toContain('clipCount');
    expect(container.querySelector('pre')?.textContent).toBe('---\nlayout: post\n---\n');
    expect(container.textContent).toContain('2024-03-18-tidal.md');
  });

  it('restores a backup file and reports the counts', async () => {
    const services = fakeServices();
    await mount(services);
    const input = byLabel<HTMLInputElement>('restoreFromBackup');
    const file = new File(['{"format":"postclip-backup"}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fire(input, 'change');
    await flush();
    expect(services.restore).toHaveBeenCalledWith('{"format":"postclip-backup"}');
    expect(container.textContent).toContain('restored');
    expect(services.loadSettings).toHaveBeenCalledTimes(2);
  });

  it('shows a failed backup as an alert', async () => {
    const services = fakeServices({
      backup: vi.fn(() => Promise.resolve(fail<undefined>('download-failed'))),
    });
    await mount(services);
    const backup = [...container.querySelectorAll('button')].find((b) => b.textContent === 'backup');
    await act(async () => {
      backup?.click();
      await Promise.resolve();
    });
    await flush();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('download-failed');
  });
});

describe('isValidTimeZone', () => {
  it('accepts empty and IANA zones, refuses the rest', () => {
    expect(isValidTimeZone('')).toBe(true);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
  });
});
