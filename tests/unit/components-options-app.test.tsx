// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/options-app';
import { formatBytes } from '../../components/options-library-section';
import type { EditableSettings, OptionsServices } from '../../utils/pure/page-api';
import { fail, ok } from '../../utils/pure/result';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

// Without an I18n provider, every label and message is its key: the queries below name elements by those keys.
afterEach(cleanup);

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

async function mount(services: OptionsServices) {
  render(<OptionsApp services={services} />);
  await screen.findByRole('heading', { name: 'sectionFrontMatter' });
}

describe('OptionsApp', () => {
  it('offers the Jekyll-only front matter fields only while the Jekyll template is active', async () => {
    await mount(fakeServices());
    expect(screen.getByRole('group', { name: 'libraryJekyllFieldsLegend' })).toBeTruthy();
    expect(screen.getByLabelText('fieldLayout')).toBeTruthy();
    cleanup();
    const obsidian = { ...SETTINGS, activeTemplateId: 'obsidian' };
    await mount(fakeServices({ loadSettings: vi.fn(() => Promise.resolve(ok(obsidian))) }));
    expect(screen.queryByLabelText('fieldLayout')).toBeNull();
    expect(screen.getByText('libraryJekyllFieldsHidden')).toBeTruthy();
    // The time zone applies to every template and stays.
    expect(screen.getAllByText(/timeZone/i).length).toBeGreaterThan(0);
  });

  it('saves a changed choice at once and says Saved', async () => {
    const services = fakeServices();
    await mount(services);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'tagsMode' });
    expect(select.value).toBe('keywords');
    fireEvent.change(select, { target: { value: 'site-news' } });
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenCalledWith({
        ...SETTINGS,
        post: { ...SETTINGS.post, tagsMode: 'site-news' },
      }),
    );
    expect(await screen.findByText('settingsSaved')).toHaveProperty('role', 'status');
    await waitFor(() => expect(services.preview).toHaveBeenCalledTimes(2));
  });

  it('lists each choice in the order of utils/pure/choices.ts, labelled', async () => {
    await mount(fakeServices());
    const slug = screen.getByRole('combobox', { name: 'slugMode' });
    const options = [...slug.querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['readable', 'slugReadable'],
      ['pinyin', 'slugPinyin'],
    ]);
    const bullets = screen.getByRole('combobox', { name: 'bulletMarker' });
    expect([...bullets.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['-', '*', '+']);
  });

  it('saves Markdown style and clip-on-open', async () => {
    const services = fakeServices();
    await mount(services);
    fireEvent.change(screen.getByRole('combobox', { name: 'fence' }), { target: { value: '~~~' } });
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ markdown: { ...DEFAULT_MARKDOWN_STYLE, fence: '~~~' } }),
      ),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'clipOnOpen' }));
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ clipOnOpen: false })),
    );
  });

  it("uses the browser's zone as its own choice, and saves a named zone only when it is known", async () => {
    const services = fakeServices();
    await mount(services);
    const useBrowser = screen.getByRole<HTMLInputElement>('checkbox', { name: 'timeZoneUseBrowser' });
    const zone = screen.getByRole<HTMLInputElement>('textbox', { name: 'timeZone' });
    expect(useBrowser.checked).toBe(true);
    expect(zone.disabled).toBe(true);

    fireEvent.click(useBrowser);
    expect(zone.disabled).toBe(false);
    // An empty name is not "the browser's zone" any more: it is refused like any unknown name.
    fireEvent.change(zone, { target: { value: '' } });
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.change(zone);
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(services.saveSettings).not.toHaveBeenCalled();

    fireEvent.input(zone, { target: { value: 'Asia/Shanghai' } });
    fireEvent.change(zone);
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenCalledWith(
        expect.objectContaining({ post: { ...SETTINGS.post, timeZone: 'Asia/Shanghai' } }),
      ),
    );
  });

  it("goes back to the browser's zone by ticking the box", async () => {
    const services = fakeServices({
      loadSettings: vi.fn(() =>
        Promise.resolve(ok({ ...SETTINGS, post: { ...SETTINGS.post, timeZone: 'Asia/Tokyo' } })),
      ),
    });
    await mount(services);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'timeZone' }).value).toBe('Asia/Tokyo');
    fireEvent.click(screen.getByRole('checkbox', { name: 'timeZoneUseBrowser' }));
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenCalledWith(
        expect.objectContaining({ post: { ...SETTINGS.post, timeZone: '' } }),
      ),
    );
  });

  it('shows storage use, clip count and the preview', async () => {
    await mount(fakeServices());
    expect(await screen.findByText('storageUsed')).toBeTruthy();
    expect(await screen.findByText('clipCount')).toBeTruthy();
    expect(await screen.findByText('2024-03-18-tidal.md', { exact: false })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('pre')?.textContent).toBe('---\nlayout: post\n---\n'));
  });

  it('asks before restoring a backup file, then restores it and reports the counts', async () => {
    const services = fakeServices();
    await mount(services);
    const input = screen.getByLabelText('restoreFromBackup');
    const file = new File(['{"format":"postclip-backup"}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(await screen.findByRole('button', { name: 'libraryRestoreCancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(services.restore).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { files: [file] } });
    expect(screen.getByRole('alertdialog').textContent).toContain('libraryRestoreAsk');
    fireEvent.click(screen.getByRole('button', { name: 'libraryRestoreConfirm' }));
    expect(await screen.findByText('restored')).toBeTruthy();
    expect(services.restore).toHaveBeenCalledWith('{"format":"postclip-backup"}');
    expect(services.loadSettings).toHaveBeenCalledTimes(2);
  });

  it('shows a failed backup as an alert', async () => {
    const services = fakeServices({
      backup: vi.fn(() => Promise.resolve(fail<undefined>('download-failed'))),
    });
    await mount(services);
    fireEvent.click(screen.getByRole('button', { name: 'backup' }));
    expect((await screen.findByRole('alert')).textContent).toContain('download-failed');
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
  });
});
