// @vitest-environment jsdom
// A single post with kept images: the editor offers it as a zip with its images, or the post alone.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipEditorProps } from '../../components/clip-editor';
import { ClipEditor } from '../../components/clip-editor';
import type { OpenedClip } from '../../utils/pure/page-api';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { postZipName } from '../../utils/pure/zip';
import { makeDraft } from '../kit/builders';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const KEPT: ImageOutcome = {
  url: 'https://news.example/a.png',
  originalUrl: 'https://news.example/a.png',
  status: 'kept',
  hash: 'a'.repeat(64),
  ext: 'png',
  size: 10,
};
const REMOTE: ImageOutcome = {
  url: 'https://cdn.example/b.png',
  originalUrl: 'https://cdn.example/b.png',
  status: 'remote',
  reason: 'no-permission',
};

function opened(images: ImageOutcome[] | undefined): OpenedClip {
  const draft = makeDraft({ url: 'https://news.example/story', title: 'Story' });
  return {
    clip: {
      id: 'c1',
      url: draft.url,
      draft,
      markdown: 'Body',
      edits: {},
      clippedAt: 1,
      updatedAt: 1,
      ...(images && { images }),
    },
    post: { filename: '2024-03-18-story.md', content: '---\ntitle: Story\n---\n\nBody\n' },
    fields: { title: 'Story', date: '2024-03-18 07:45:00 +0000', categories: [], tags: [] },
  };
}

function mount(overrides: Partial<ClipEditorProps>) {
  const props: ClipEditorProps = {
    opened: opened(undefined),
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

function buttons(): string[] {
  return [...container.querySelectorAll('button')].map((b) => b.textContent ?? '');
}

function click(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name} in ${buttons().join(', ')}`);
  void act(() => button.click());
}

describe('single-post download with images', () => {
  it('offers the zip with images and the post alone when the clip keeps images', () => {
    const props = mount({ opened: opened([KEPT, REMOTE]), onDownloadZip: vi.fn() });
    expect(buttons()).toContain('imagesDownloadZip');
    expect(buttons()).not.toContain('download');
    click('imagesDownloadZip');
    expect(props.onDownloadZip).toHaveBeenCalledTimes(1);
    expect(props.onDownload).not.toHaveBeenCalled();
    click('imagesDownloadPostOnly');
    expect(props.onDownload).toHaveBeenCalledTimes(1);
  });

  it('keeps the one Download when no image was kept, or the page cannot zip', () => {
    mount({ opened: opened([REMOTE]), onDownloadZip: vi.fn() });
    expect(buttons()).toContain('download');
    expect(buttons()).not.toContain('imagesDownloadZip');
    render(null, container);
    mount({ opened: opened([KEPT]) });
    expect(buttons()).toContain('download');
    expect(buttons()).not.toContain('imagesDownloadZip');
  });
});

describe('postZipName', () => {
  it("is the post's file name without folders or extension", () => {
    expect(postZipName('2024-03-18-story.md')).toBe('2024-03-18-story.zip');
    expect(postZipName('content/posts/story/index.md')).toBe('index.zip');
    expect(postZipName('Notes/标题.md')).toBe('标题.zip');
    expect(postZipName('.md')).toBe('post.zip');
  });
});
