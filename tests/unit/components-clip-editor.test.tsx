// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipEditorProps } from '../../components/clip-editor';
import { ClipEditor, splitList, toEdits } from '../../components/clip-editor';
import type { OpenedClip } from '../../utils/pure/page-api';
import type { StoredClip } from '../../utils/pure/types';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const CLIP: StoredClip = {
  id: 'c1',
  url: 'https://news.example/tidal.html',
  draft: {
    url: 'https://news.example/tidal.html',
    canonical: null,
    title: 'Harbour city opens its first tidal power station',
    byline: null,
    siteName: 'The Coastal Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    image: null,
    keywords: ['energy'],
    published: null,
    modified: null,
    contentHtml: '<p>Text</p>',
    textContent: 'Text',
    kind: 'article',
  },
  markdown: 'Text',
  edits: {},
  clippedAt: 1,
  updatedAt: 1,
};

const OPENED: OpenedClip = {
  clip: CLIP,
  post: {
    filename: '2024-03-18-harbour-city.md',
    content: '---\ntitle: "Harbour"\n---\n\nText <b>not markup</b>\n',
  },
  fields: {
    title: 'Harbour city opens its first tidal power station',
    date: '2024-03-18 07:45:00 +0000',
    categories: ['the-coastal-courier'],
    tags: ['energy'],
  },
};

function mount(overrides: Partial<ClipEditorProps> = {}) {
  const props: ClipEditorProps = {
    opened: OPENED,
    isBusy: false,
    note: null,
    onSave: vi.fn(),
    onCopy: vi.fn(),
    onDownload: vi.fn(),
    onDelete: vi.fn(),
    onBack: vi.fn(),
    ...overrides,
  };
  void act(() => render(<ClipEditor {...props} />, container));
  return props;
}

/** The control a <label> names, as a user (or Playwright's getByLabel) finds it. */
function byLabel(text: string): HTMLInputElement | HTMLTextAreaElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label ? container.querySelector(`#${label.htmlFor}`) : null;
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as HTMLInputElement;
}

/** The tag chips, in order, from the list named like the tag box. */
function tagChips(): string[] {
  const list = screen.queryByRole('list', { name: 'fieldTags' });
  return list
    ? within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('span')?.textContent ?? '')
    : [];
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  void act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function click(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  void act(() => button.click());
}

describe('ClipEditor', () => {
  it('takes focus on its heading when a clip opens, so keyboard users land on the clip', () => {
    mount();
    expect(document.activeElement?.tagName).toBe('H2');
    expect(document.activeElement?.textContent).toContain(OPENED.clip.draft.siteName ?? '');
  });

  it('shows the effective fields and the post as plain text', () => {
    mount();
    expect(byLabel('fieldTitle').value).toBe(OPENED.fields.title);
    expect(byLabel('fieldDate').value).toBe('2024-03-18 07:45:00 +0000');
    expect(byLabel('fieldCategories').value).toBe('the-coastal-courier');
    expect(tagChips()).toEqual(['energy']);
    const post = byLabel('post');
    expect(post.tagName).toBe('TEXTAREA');
    expect(post.readOnly).toBe(true);
    expect(post.value).toBe(OPENED.post.content);
    expect(container.querySelector('b')).toBeNull();
  });

  it('reports edited tags and title on Save, and nothing for untouched fields', () => {
    const props = mount();
    const tags = screen.getByRole('combobox', { name: 'fieldTags' });
    fireEvent.input(tags, { target: { value: 'e2e-tag，潮汐' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    type(byLabel('fieldTitle'), '  Tidal power at last ');
    click('save');
    expect(props.onSave).toHaveBeenCalledWith({
      title: 'Tidal power at last',
      tags: ['energy', 'e2e-tag', '潮汐'],
    });
  });

  it('keeps a tag left typed in the box when the user moves on to Save', () => {
    const props = mount();
    const tags = screen.getByRole('combobox', { name: 'fieldTags' });
    fireEvent.focus(tags);
    fireEvent.input(tags, { target: { value: 'harbour' } });
    fireEvent.blur(tags);
    expect(tagChips()).toEqual(['energy', 'harbour']);
    click('save');
    expect(props.onSave).toHaveBeenCalledWith({ tags: ['energy', 'harbour'] });
  });

  it("suggests the user's existing tags as one is typed, and a pick becomes a tag", () => {
    const props = mount({ tagSuggestions: ['economy', 'energy', 'tides', 'tidal power'] });
    const tags = screen.getByRole('combobox', { name: 'fieldTags' });
    fireEvent.focus(tags);
    fireEvent.input(tags, { target: { value: 'tid' } });
    const options = within(screen.getByRole('listbox', { name: 'fieldTags' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['tides', 'tidal power']);
    fireEvent.click(screen.getByRole('option', { name: 'tidal power' }));
    expect(tagChips()).toEqual(['energy', 'tidal power']);
    // Without a provider the key shows through with no tag in it: the first chip's button removes `energy`.
    const [removeEnergy] = screen.getAllByRole('button', { name: 'editorRemoveTag' });
    if (removeEnergy) fireEvent.click(removeEnergy);
    click('save');
    expect(props.onSave).toHaveBeenCalledWith({ tags: ['tidal power'] });
  });

  it('refuses a malformed date and says why', () => {
    const props = mount();
    type(byLabel('fieldDate'), '18/03/2024');
    click('save');
    expect(props.onSave).not.toHaveBeenCalled();
    expect(byLabel('fieldDate').getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('invalidDate');
    type(byLabel('fieldDate'), '2024-03-19');
    click('save');
    expect(props.onSave).toHaveBeenCalledWith({ date: '2024-03-19' });
  });

  it('reports Copy, Download, Delete and Back', () => {
    const props = mount();
    click('copy');
    click('download');
    click('delete');
    click('back');
    expect(props.onCopy).toHaveBeenCalledTimes(1);
    expect(props.onDownload).toHaveBeenCalledTimes(1);
    expect(props.onDelete).toHaveBeenCalledTimes(1);
    expect(props.onBack).toHaveBeenCalledTimes(1);
  });

  it('shows the note after a save', () => {
    mount({ note: 'Saved' });
    expect(container.querySelector('.note')?.textContent).toBe('Saved');
  });
});

describe('toEdits', () => {
  const shown = OPENED.fields;
  const form = { title: shown.title, date: shown.date, categories: 'the-coastal-courier', tags: ['energy'] };

  it('keeps earlier edits and adds only what changed', () => {
    expect(toEdits({ tags: ['energy'] }, shown, { ...form, categories: 'news' })).toEqual({
      tags: ['energy'],
      categories: ['news'],
    });
  });

  it('drops a title or date the user emptied, so the page values come back', () => {
    expect(toEdits({ title: 'Old', date: '2020-01-01' }, shown, { ...form, title: ' ', date: '' })).toEqual(
      {},
    );
  });

  it('stores an emptied tag list as no tags', () => {
    expect(toEdits({}, shown, { ...form, tags: [' ', ''] })).toEqual({ tags: [] });
  });
});

describe('splitList', () => {
  it('splits on ASCII and CJK commas, trims, drops blanks and repeats', () => {
    expect(splitList(' a, b,,a ，c、d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('')).toEqual([]);
  });
});
