// @vitest-environment jsdom
// The options page's Images section: found by role and name in English and Chinese, each control saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import type { I18n } from '../../components/i18n-context';
import { OptionsApp } from '../../components/options-app';
import type { EditableSettings, OptionsServices } from '../../utils/pure/page-api';
import { ok } from '../../utils/pure/result';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

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

function fakeServices(settings: EditableSettings = SETTINGS) {
  return {
    loadSettings: vi.fn(() => Promise.resolve(ok(settings))),
    saveSettings: vi.fn((_: EditableSettings) => Promise.resolve(ok(undefined))),
    estimateStorage: vi.fn(() => Promise.resolve({ usage: 2048, quota: 1024 ** 3 })),
    countClips: vi.fn(() => Promise.resolve(ok(0))),
    exportZip: vi.fn(() => Promise.resolve(ok(0))),
    backup: vi.fn(() => Promise.resolve(ok(undefined))),
    restore: vi.fn((_: string) => Promise.resolve(ok({ added: 0, updated: 0, unchanged: 0 }))),
    preview: vi.fn(() => Promise.resolve(ok(null))),
    downloadJson: vi.fn((_text: string, _name: string) => Promise.resolve(ok(undefined))),
    browserTimeZone: () => 'Europe/London',
  } satisfies OptionsServices;
}

/** The shipped messages of one locale, placeholders left as they are. */
function localeI18n(locale: 'en' | 'zh_CN'): I18n {
  const path = join(import.meta.dirname, '..', '..', 'public', '_locales', locale, 'messages.json');
  const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>;
  return {
    t: (key) => messages[key]?.message ?? `MISSING ${key}`,
    describeError: (code) => code,
  };
}

async function mount(services: OptionsServices, i18n: I18n) {
  render(
    <I18nContext.Provider value={i18n}>
      <OptionsApp services={services} />
    </I18nContext.Provider>,
  );
  return screen.findByRole('heading', { name: i18n.t('imagesSection') });
}

describe('Options: Images', () => {
  for (const [locale, names] of [
    [
      'en',
      {
        keep: /Keep the article’s images/,
        baseurl: 'Jekyll baseurl for image links',
        obsidian: 'Obsidian image links',
      },
    ],
    [
      'zh_CN',
      {
        keep: /随每篇剪藏保存文章中的图片/,
        baseurl: 'Jekyll 图片链接的 baseurl',
        obsidian: 'Obsidian 图片链接',
      },
    ],
  ] as const) {
    it(`labels each control in ${locale}, showing the defaults for settings saved before images`, async () => {
      await mount(fakeServices(), localeI18n(locale));
      expect(screen.getByRole<HTMLInputElement>('checkbox', { name: names.keep }).checked).toBe(true);
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: names.baseurl }).value).toBe('');
      const links = screen.getByRole<HTMLSelectElement>('combobox', { name: names.obsidian });
      expect(links.value).toBe('embed');
      expect([...links.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        localeI18n(locale).t('imagesObsidianEmbed'),
        localeI18n(locale).t('imagesObsidianRelative'),
      ]);
    });
  }

  it('saves keep off, the baseurl when the field is left, and relative Obsidian links', async () => {
    const services = fakeServices();
    await mount(services, localeI18n('en'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Keep the article’s images/ }));
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ images: { keep: false, baseurl: '', obsidianLinks: 'embed' } }),
      ),
    );

    const baseurl = screen.getByRole<HTMLInputElement>('textbox', { name: 'Jekyll baseurl for image links' });
    fireEvent.input(baseurl, { target: { value: ' /blog ' } });
    expect(services.saveSettings).toHaveBeenCalledTimes(1);
    fireEvent.change(baseurl);
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ images: { keep: false, baseurl: '/blog', obsidianLinks: 'embed' } }),
      ),
    );

    fireEvent.change(screen.getByRole('combobox', { name: 'Obsidian image links' }), {
      target: { value: 'relative' },
    });
    await waitFor(() =>
      expect(services.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ images: { keep: false, baseurl: '/blog', obsidianLinks: 'relative' } }),
      ),
    );
  });

  it('shows saved image settings', async () => {
    const saved = {
      ...SETTINGS,
      images: { keep: false, baseurl: '/news', obsidianLinks: 'relative' as const },
    };
    await mount(fakeServices(saved), localeI18n('en'));
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: /Keep the article’s images/ }).checked,
    ).toBe(false);
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Jekyll baseurl for image links' }).value,
    ).toBe('/news');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Obsidian image links' }).value).toBe(
      'relative',
    );
  });
});
