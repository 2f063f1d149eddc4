// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { TemplateEditor } from '../../components/template-editor';
import type { TemplateEditorProps } from '../../components/template-editor';
import { BUILT_IN_TEMPLATES } from '../../utils/pure/presets';
import type { Template } from '../../utils/pure/template';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const MINE: Template = {
  id: 'hugo-yaml-copy',
  name: 'My Hugo',
  format: 'yaml',
  fields: [
    { key: 'title', value: '{{title}}' },
    { key: 'tags', value: '{{keywords}}' },
  ],
  body: '{{content}}',
  filename: '{{title|slug}}.md',
  sourceLine: '',
};

/** Keys with their substitutions, so each row's label is its own. */
const I18N = {
  t: (key: string, subs?: string[]) => (subs?.length ? `${key}:${subs.join(',')}` : key),
  describeError: (code: string) => code,
};

function mount(over: Partial<TemplateEditorProps> = {}) {
  const props: TemplateEditorProps = {
    builtIns: BUILT_IN_TEMPLATES,
    templates: [MINE],
    activeTemplateId: MINE.id,
    onActivate: vi.fn(),
    onSave: vi.fn(),
    onDraft: vi.fn(),
    ...over,
  };
  void act(() => {
    render(
      <I18nContext.Provider value={I18N}>
        <TemplateEditor {...props} />
      </I18nContext.Provider>,
      container,
    );
  });
  return props;
}

function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label
    ? container.querySelector(`#${label.htmlFor}`)
    : container.querySelector(`[aria-label="${text}"]`);
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as T;
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  void act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function click(name: string) {
  const button = [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!button) throw new Error(`no button ${name}`);
  void act(() => button.click());
}

function submit() {
  void act(() => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('TemplateEditor', () => {
  it('lists built-ins and the user copies, and activates the one picked', () => {
    const props = mount();
    const select = byLabel<HTMLSelectElement>('templateActive');
    expect([...select.options].map((o) => o.value)).toEqual([
      ...BUILT_IN_TEMPLATES.map((t) => t.id),
      MINE.id,
    ]);
    expect(select.value).toBe(MINE.id);
    void act(() => {
      select.value = 'obsidian';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(props.onActivate).toHaveBeenCalledWith('obsidian');
  });

  it('shows a built-in read-only and duplicates it into an active user copy', () => {
    const props = mount({ templates: [], activeTemplateId: 'hugo-toml' });
    expect(container.querySelector('form')).toBeNull();
    expect(container.textContent).toContain('templateBuiltInHint');
    click('templateDuplicate');
    const hugo = BUILT_IN_TEMPLATES.find((t) => t.id === 'hugo-toml');
    expect(props.onSave).toHaveBeenCalledWith(
      [{ ...hugo, id: 'hugo-toml-copy', name: 'templateCopyName:Hugo (TOML)' }],
      'hugo-toml-copy',
    );
  });

  it('edits fields, body, file name and source line, and saves the copy', () => {
    const props = mount();
    type(byLabel('templateFieldValue:tags'), '{{keywords|join:", "}}');
    click('templateFieldAdd');
    type(byLabel('templateFieldKey:3'), 'draft');
    type(byLabel('templateFieldValue:draft'), '{{true}}');
    click('templateFieldRemove:title');
    type(byLabel('templateBody'), '# {{title}}\n\n{{content}}');
    type(byLabel('templateFilename'), 'posts/{{title|slug}}.md');
    type(byLabel('templateSourceLine'), 'From {{site}}');
    const draft: Template = {
      ...MINE,
      fields: [
        { key: 'tags', value: '{{keywords|join:", "}}' },
        { key: 'draft', value: '{{true}}' },
      ],
      body: '# {{title}}\n\n{{content}}',
      filename: 'posts/{{title|slug}}.md',
      sourceLine: 'From {{site}}',
    };
    // The preview follows the unsaved copy.
    expect(props.onDraft).toHaveBeenLastCalledWith(draft);
    submit();
    expect(props.onSave).toHaveBeenCalledWith([draft], MINE.id);
  });

  it('shows a syntax error at its place, with line and column, and refuses to save', () => {
    const props = mount();
    const body = byLabel<HTMLTextAreaElement>('templateBody');
    type(body, '{{content}}\n{{title|slgu}}');
    const error = container.querySelector('#tpl-error');
    expect(error?.textContent).toBe(
      "templateSyntaxError:body: Unknown filter 'slgu' at line 2, column 9 — did you mean 'slug'?",
    );
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(body.getAttribute('aria-describedby')).toBe('tpl-error');
    submit();
    expect(props.onSave).not.toHaveBeenCalled();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('templateNotSaved');
    // A bad field marks that field's row.
    type(body, '{{content}}');
    type(byLabel('templateFieldValue:tags'), '{{keywords|jion:","}}');
    expect(byLabel('templateFieldValue:tags').getAttribute('aria-invalid')).toBe('true');
    expect(body.getAttribute('aria-invalid')).toBeNull();
    expect(error?.textContent).toContain("fields.tags: Unknown filter 'jion'");
  });

  it('refuses a duplicate key, reverts unsaved changes, and deletes the copy', () => {
    const props = mount();
    type(byLabel('templateFieldKey:2'), 'title');
    expect(container.querySelector('#tpl-error')?.textContent).toContain("the field 'title' appears twice");
    click('templateRevert');
    expect(byLabel<HTMLInputElement>('templateFieldKey:2').value).toBe('tags');
    expect(props.onDraft).toHaveBeenLastCalledWith(null);
    click('templateDelete');
    expect(props.onSave).toHaveBeenCalledWith([], 'jekyll');
  });

  it('offers Undo after Delete template, which brings the template back as the active one', () => {
    const props = mount();
    click('templateDelete');
    expect(props.onSave).toHaveBeenLastCalledWith([], 'jekyll');
    expect(container.querySelector('[role=status]')?.textContent).toContain(
      `libraryTemplateDeleted:${MINE.name}`,
    );
    click('undo');
    expect(props.onSave).toHaveBeenLastCalledWith([MINE], MINE.id);
    expect(container.querySelector('[role=status]')?.textContent).toBe('');
  });
});
