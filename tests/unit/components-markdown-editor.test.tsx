// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { EditorView } from '@codemirror/view';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LazyMarkdownEditor,
  MAX_PLAIN_CHARS,
  PlainMarkdownEditor,
} from '../../components/lazy-markdown-editor';
import { MarkdownEditor } from '../../components/markdown-editor';

afterEach(cleanup);

// jsdom has no layout: CodeMirror's measuring asks Ranges for rectangles, which jsdom leaves out. Empty ones do.
beforeAll(() => {
  const empty = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) };
  Range.prototype.getBoundingClientRect = () => empty;
  Range.prototype.getClientRects = () => ({
    length: 0,
    item: () => null,
    [Symbol.iterator]: [][Symbol.iterator],
  });
});

/** Types into CodeMirror the way a browser's editing does: the text node changes, CodeMirror's observer reads it. */
async function typeInto(content: HTMLElement, text: string) {
  const line = content.querySelector('.cm-line');
  const node = line?.firstChild;
  if (!line || !node) throw new Error('no line to type into');
  node.textContent = `${node.textContent ?? ''}${text}`;
  // CodeMirror reads DOM changes from a MutationObserver; give it a turn.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('MarkdownEditor (CodeMirror)', () => {
  it('is a multi-line textbox named by the label prop, holding the value', () => {
    render(<MarkdownEditor value={'# Title\n\nBody text'} onChange={vi.fn()} label="正文" />);
    const box = screen.getByRole('textbox', { name: '正文' });
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(box.getAttribute('contenteditable')).toBe('true');
    expect(box.textContent).toContain('Body text');
  });

  it('reports the whole text on every change', async () => {
    const onChange = vi.fn();
    render(<MarkdownEditor value="Hello" onChange={onChange} label="Body" />);
    await typeInto(screen.getByRole('textbox', { name: 'Body' }), ' world');
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('Hello world'));
  });

  it('takes a new value from the caller without reporting it as an edit', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<MarkdownEditor value="one" onChange={onChange} label="Body" />);
    rerender(<MarkdownEditor value="two" onChange={onChange} label="Body" />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Body' }).textContent).toBe('two'));
    // The caller's own value is not an edit: reporting it back is how an echo loop starts.
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps keystrokes that land before the last render has settled, with no echo loop', async () => {
    // A controlled host, as BodyEditor is. Two keys inside one frame used to leave a stale sync effect behind: it
    // put the older text back, reported it, and the host and editor then swapped the two texts forever, in
    // microtasks, freezing every extension page. The guard stops such a loop so the test fails instead of hanging.
    let reports = 0;
    function Host() {
      const [value, setValue] = useState('Hello');
      return (
        <MarkdownEditor
          value={value}
          onChange={(next) => {
            reports += 1;
            if (reports <= 50) setValue(next);
          }}
          label="Body"
        />
      );
    }
    render(<Host />);
    const content = screen.getByRole('textbox', { name: 'Body' });
    const view = EditorView.findFromDOM(content);
    if (!view) throw new Error('no editor view');
    const typeKey = (text: string) =>
      view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' });
    typeKey(' w');
    // The host re-renders (a microtask), then the next key comes before a frame has passed.
    await Promise.resolve();
    await Promise.resolve();
    typeKey('o');
    await Promise.resolve();
    await Promise.resolve();
    typeKey('rld');
    // Past preact's after-paint effects (a frame, or 100 ms without one).
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(reports).toBe(3);
    expect(view.state.doc.toString()).toBe('Hello world');
  });

  it('lets Escape bubble to the popup (Back), not handled or stopped', () => {
    const onKey = vi.fn(
      (event: Event) => (event as KeyboardEvent).key === 'Escape' && !event.defaultPrevented,
    );
    const { container } = render(<MarkdownEditor value="text" onChange={vi.fn()} label="Body" />);
    container.addEventListener('keydown', onKey);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Body' }), { key: 'Escape', code: 'Escape' });
    expect(onKey).toHaveBeenCalledTimes(1);
    expect(onKey.mock.results[0]?.value).toBe(true);
  });

  it('wraps lines and highlights Markdown', () => {
    render(<MarkdownEditor value={'# Heading\n\n**bold**'} onChange={vi.fn()} label="Body" />);
    const box = screen.getByRole('textbox', { name: 'Body' });
    expect(box.classList.contains('cm-lineWrapping')).toBe(true);
    const heading = box.querySelector('.cm-line span');
    expect(heading?.className).toMatch(/\S/);
  });
});

describe('LazyMarkdownEditor', () => {
  it('shows a textarea named Body at once, then the loaded editor', async () => {
    let resolve: (module: { MarkdownEditor: typeof MarkdownEditor }) => void = () => undefined;
    const load = () => new Promise<{ MarkdownEditor: typeof MarkdownEditor }>((r) => (resolve = r));
    render(<LazyMarkdownEditor value="text" onChange={vi.fn()} label="Body" load={load} />);
    expect(screen.getByRole('textbox', { name: 'Body' }).tagName).toBe('TEXTAREA');
    resolve({ MarkdownEditor });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Body' }).tagName).toBe('DIV'));
  });

  it('loads CodeMirror by a dynamic import by default', async () => {
    render(<LazyMarkdownEditor value="text" onChange={vi.fn()} label="Body" />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Body' }).classList).toContain('cm-content'),
    );
  });

  it('keeps the textarea, still editable, when the chunk fails to load', async () => {
    const onChange = vi.fn();
    const load = vi.fn(() => Promise.reject(new Error('chunk failed')));
    render(<LazyMarkdownEditor value="text" onChange={onChange} label="Body" load={load} />);
    await waitFor(() => expect(load).toHaveBeenCalled());
    await Promise.resolve();
    const box = screen.getByRole('textbox', { name: 'Body' });
    expect(box.tagName).toBe('TEXTAREA');
    fireEvent.input(box, { target: { value: 'text edited' } });
    expect(onChange).toHaveBeenCalledWith('text edited');
  });
});

describe('LazyMarkdownEditor with a very long body (issue 13)', () => {
  const long = `${'A paragraph of the minutes.\n\n'.repeat(Math.ceil(MAX_PLAIN_CHARS / 29))}The end.`;

  it('shows the body’s start, busy and read-only, instead of a textarea, then the loaded editor', async () => {
    let resolve: (module: { MarkdownEditor: typeof MarkdownEditor }) => void = () => undefined;
    const load = () => new Promise<{ MarkdownEditor: typeof MarkdownEditor }>((r) => (resolve = r));
    const { container } = render(
      <LazyMarkdownEditor value={long} onChange={vi.fn()} label="Body" load={load} />,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    const pending = container.querySelector('[aria-busy="true"]');
    expect(pending?.textContent?.startsWith('A paragraph of the minutes.')).toBe(true);
    expect(pending?.textContent?.length).toBeLessThan(long.length);
    resolve({ MarkdownEditor });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Body' }).tagName).toBe('DIV'));
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('falls back to the whole body in a textarea when the chunk fails to load', async () => {
    const load = vi.fn(() => Promise.reject(new Error('chunk failed')));
    render(<LazyMarkdownEditor value={long} onChange={vi.fn()} label="Body" load={load} />);
    const box = await screen.findByRole('textbox', { name: 'Body' });
    expect(box.tagName).toBe('TEXTAREA');
    expect((box as HTMLTextAreaElement).value).toBe(long);
  });
});

describe('PlainMarkdownEditor', () => {
  it('is a controlled textarea that reports every input', () => {
    function Host() {
      const [value, setValue] = useState('a');
      return (
        <>
          <PlainMarkdownEditor value={value} onChange={setValue} label="Body" />
          <output>{value}</output>
        </>
      );
    }
    render(<Host />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Body' }), { target: { value: 'ab' } });
    expect(screen.getByRole('status').textContent).toBe('ab');
  });
});
