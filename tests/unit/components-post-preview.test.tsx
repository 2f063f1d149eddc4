// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostPreview } from '../../components/post-preview';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function show(node: preact.ComponentChild) {
  void act(() => {
    render(node, container);
  });
}

describe('PostPreview', () => {
  it('shows the file name and the content as text, never as markup', () => {
    show(
      <PostPreview preview={{ filename: 'content/posts/a.md', content: '+++\ntitle = "<b>x</b>"\n+++\n' }} />,
    );
    expect(container.querySelector('[data-testid=preview-filename]')?.textContent).toBe('content/posts/a.md');
    expect(container.querySelector('pre')?.textContent).toBe('+++\ntitle = "<b>x</b>"\n+++\n');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).not.toContain('previewSample');
  });

  it('announces only the file name to screen readers, never the whole post', () => {
    show(<PostPreview preview={{ filename: 'a.md', content: 'long post' }} />);
    const live = [...container.querySelectorAll('[aria-live]')];
    expect(live.map((el) => el.textContent)).toEqual([expect.stringContaining('a.md')]);
    expect(live.some((el) => el.querySelector('pre'))).toBe(false);
  });

  it('says when it shows the sample, unsaved changes, or the fallback template', () => {
    show(
      <PostPreview
        preview={{ filename: 'a.md', content: 'x', isSample: true, templateError: 'body: Unclosed {{' }}
        isDraft
      />,
    );
    expect(container.textContent).toContain('previewSample');
    expect(container.textContent).toContain('previewDraft');
    expect(container.querySelector('.is-invalid')?.textContent).toBe('previewFallback');
  });

  it('says when there is nothing to show, and shows nothing while rendering', () => {
    show(<PostPreview preview={null} />);
    expect(container.textContent).toContain('previewEmpty');
    show(<PostPreview preview={undefined} />);
    expect(container.querySelector('pre')).toBeNull();
    expect(container.textContent).not.toContain('previewEmpty');
  });
});
