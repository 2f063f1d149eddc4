// @vitest-environment jsdom
// The options page's templates, rules and sharing sections, wired to fake services.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBuiltIns, OptionsApp } from '../../components/options-app';
import { PREVIEW_DELAY_MS, withDraft } from '../../components/use-post-preview';
import type { EditableSettings, OptionsServices } from '../../utils/pure/page-api';
import { toTemplatesJson } from '../../components/settings-io';
import { ok } from '../../utils/pure/result';
import type { Template } from '../../utils/pure/template';
import { DEFAULT_MARKDOWN_STYLE, DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

const MINE: Template = {
  id: 'mine',
  name: 'Mine',
  format: 'yaml',
  fields: [{ key: 'title', value: '{{title}}' }],
  body: '{{content}}',
  filename: '{{title|slug}}.md',
  sourceLine: '',
};

const SETTINGS: EditableSettings = {
  version: 2,
  post: DEFAULT_POST_OPTIONS,
  markdown: DEFAULT_MARKDOWN_STYLE,
  clipOnOpen: true,
  templates: [MINE],
  activeTemplateId: 'mine',
  rules: [],
};

function fakeServices() {
  return {
    loadSettings: vi.fn(() => Promise.resolve(ok(SETTINGS))),
    saveSettings: vi.fn((_: EditableSettings) => Promise.resolve(ok(undefined))),
    estimateStorage: vi.fn(() => Promise.resolve(null)),
    countClips: vi.fn(() => Promise.resolve(ok(0))),
    exportZip: vi.fn(() => Promise.resolve(ok(0))),
    backup: vi.fn(() => Promise.resolve(ok(undefined))),
    restore: vi.fn((_: string) => Promise.resolve(ok({ added: 0, updated: 0, unchanged: 0 }))),
    preview: vi.fn((_: EditableSettings) =>
      Promise.resolve(ok({ filename: 'sample.md', content: 'x', isSample: true })),
    ),
    downloadJson: vi.fn((_text: string, _name: string) => Promise.resolve(ok(undefined))),
    browserTimeZone: () => 'UTC',
  } satisfies OptionsServices;
}

async function flush() {
  await act(async () => {
    for (let i = 0; i < 8; i++) await Promise.resolve();
  });
}

async function mount(services: OptionsServices) {
  await act(async () => {
    render(<OptionsApp services={services} />, container);
    await Promise.resolve();
  });
  await flush();
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = container.querySelector(`#${id}`);
  if (!el) throw new Error(`no #${id}`);
  return el as T;
}

describe('OptionsApp templates and rules', () => {
  it('previews the sample, and follows an unsaved template a moment after typing', async () => {
    vi.useFakeTimers();
    const services = fakeServices();
    await mount(services);
    expect(container.textContent).toContain('previewSample');
    expect(services.preview).toHaveBeenCalledTimes(1);
    const body = byId<HTMLTextAreaElement>('tpl-body');
    await act(async () => {
      body.value = '# {{title}}\n{{content}}';
      body.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    });
    expect(services.preview).toHaveBeenCalledTimes(1);
    await act(async () => {
      vi.advanceTimersByTime(PREVIEW_DELAY_MS);
      await Promise.resolve();
    });
    expect(services.preview).toHaveBeenLastCalledWith({
      ...SETTINGS,
      templates: [{ ...MINE, body: '# {{title}}\n{{content}}' }],
    });
    expect(services.saveSettings).not.toHaveBeenCalled();
  });

  it('keeps previewing the unsaved template when another setting is saved', async () => {
    const services = fakeServices();
    await mount(services);
    const body = byId<HTMLTextAreaElement>('tpl-body');
    await act(async () => {
      body.value = 'DRAFT {{content}}';
      body.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    });
    // Clip on open: a setting every template keeps (the Jekyll-only fields are hidden for a user's template).
    const clipOnOpen = byId<HTMLInputElement>('opt-clip-on-open');
    await act(async () => {
      clipOnOpen.click();
      await Promise.resolve();
    });
    await flush();
    const saved = vi.mocked(services.saveSettings).mock.calls.at(-1)?.[0];
    expect(saved?.templates).toEqual([MINE]);
    const previewed = vi.mocked(services.preview).mock.calls.at(-1)?.[0];
    expect(previewed?.templates).toEqual([{ ...MINE, body: 'DRAFT {{content}}' }]);
    expect(saved?.clipOnOpen).toBe(!SETTINGS.clipOnOpen);
  });

  it('saves the active template and a new rule', async () => {
    const services = fakeServices();
    await mount(services);
    const select = byId<HTMLSelectElement>('tpl-active');
    await act(async () => {
      select.value = 'hugo-toml';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await flush();
    expect(services.saveSettings).toHaveBeenLastCalledWith({ ...SETTINGS, activeTemplateId: 'hugo-toml' });
    await act(async () => {
      button('ruleAdd').click();
      await Promise.resolve();
    });
    const host = byId<HTMLInputElement>('rule-match-value');
    await act(async () => {
      host.value = '127.0.0.1';
      host.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    });
    await act(async () => {
      container
        .querySelector('.rule-form')
        ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    await flush();
    expect(services.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ rules: [{ id: 'rule-1', match: { type: 'host', value: '127.0.0.1' } }] }),
    );
  });

  it('exports templates and rules as JSON, and imports a file by merging', async () => {
    const services = fakeServices();
    await mount(services);
    await act(async () => {
      button('templatesExport').click();
      await Promise.resolve();
    });
    await flush();
    expect(services.downloadJson).toHaveBeenCalledWith(toTemplatesJson(SETTINGS), 'postclip-templates.json');

    const input = byId<HTMLInputElement>('templates-file');
    const text = toTemplatesJson({
      templates: [{ ...MINE, name: 'Shared' }],
      rules: [{ id: 'r9', match: { type: 'host', value: 'x.example' } }],
    });
    Object.defineProperty(input, 'files', { value: [new File([text], 't.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await flush();
    expect(services.saveSettings).toHaveBeenLastCalledWith({
      ...SETTINGS,
      templates: [{ ...MINE, name: 'Shared' }],
      rules: [{ id: 'r9', match: { type: 'host', value: 'x.example' } }],
    });
    expect(container.textContent).toContain('templatesImported');

    Object.defineProperty(input, 'files', { value: [new File(['nope'], 'n.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await flush();
    expect(container.textContent).toContain('templatesImportInvalid');
  });
});

describe('options helpers', () => {
  it('make the Jekyll built-in from the post options', () => {
    const builtIns = listBuiltIns({ ...DEFAULT_POST_OPTIONS, layout: 'news' });
    expect(builtIns.map((t) => t.id)).toEqual(['jekyll', 'hugo-yaml', 'hugo-toml', 'obsidian', 'markdown']);
    expect(builtIns[0]?.fields.find((f) => f.key === 'layout')?.value).toBe('news');
  });

  it('put a draft in place of its stored template only', () => {
    expect(withDraft(SETTINGS, null)).toBe(SETTINGS);
    expect(withDraft(SETTINGS, { ...MINE, name: 'X' }).templates).toEqual([{ ...MINE, name: 'X' }]);
  });
});
