// The Markdown body editor (CodeMirror 6). Heavy: load it with `import()` (see lazy-markdown-editor.tsx) so the
// popup's first chunk does not carry CodeMirror. Data in by props, every change out through onChange.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface MarkdownEditorProps {
  /** The Markdown text. A new value from the caller replaces the editor's text (the cursor is kept if it fits). */
  value: string;
  /** Called on every change with the whole text, not debounced: the caller decides when to save. */
  onChange: (value: string) => void;
  /** The accessible name, localised by the caller (`Body`, `正文`). */
  label: string;
  /** Extra class on the editor's outer element. */
  class?: string;
}

/** Colours come from the page's CSS variables, so the popup's light and dark themes apply with no second theme. */
const THEME = EditorView.theme({
  '&': {
    color: 'var(--fg, inherit)',
    backgroundColor: 'var(--surface, transparent)',
    border: '1px solid var(--line, #ccc)',
    borderRadius: 'var(--radius, 4px)',
    fontSize: '13px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus, var(--accent, #1a73e8))', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', padding: '6px 0' },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg, currentColor)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--accent-soft, #d2e3fc)',
  },
});

const HIGHLIGHT = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: 'var(--accent, inherit)' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--accent, inherit)', textDecoration: 'underline' },
  { tag: tags.monospace, fontFamily: 'inherit', backgroundColor: 'var(--accent-soft, transparent)' },
  { tag: [tags.quote, tags.processingInstruction, tags.meta], color: 'var(--muted, inherit)' },
]);

/**
 * GFM Markdown without `markdown()`'s extras: those bring the HTML, CSS and JavaScript parsers for embedded code
 * (about 150 kB minified) and completion. Code blocks stay plain text.
 */
const MARKDOWN = new LanguageSupport(markdownLanguage);

/** CodeMirror's Escape only shrinks a multi-range selection; the popup uses Escape for Back, so it is left out. */
const KEYS = [...defaultKeymap.filter((binding) => binding.key !== 'Escape'), ...historyKeymap];

/** Marks the caller's own value put into the editor: not an edit, so never reported back through onChange. */
const FROM_CALLER = Annotation.define<boolean>();

export function MarkdownEditor({ value, onChange, label, class: className }: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of(KEYS),
          MARKDOWN,
          syntaxHighlighting(HIGHLIGHT),
          EditorView.lineWrapping,
          THEME,
          EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'true' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.some((tr) => tr.annotation(FROM_CALLER))) return;
            latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; value and label updates are applied by the effects below.
  }, []);

  // A layout effect, run as this render commits. A plain effect waits for the next frame, and keys typed before
  // it ran made it put an older text back; reported as an edit, that older text and the newer one then swapped
  // between the caller and the editor forever, freezing the page (and every extension page sharing its process).
  useLayoutEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === value) return;
    const head = Math.min(editor.state.selection.main.head, value.length);
    editor.dispatch({
      changes: { from: 0, to: current.length, insert: value },
      selection: { anchor: head },
      annotations: FROM_CALLER.of(true),
    });
  }, [value]);

  useEffect(() => {
    view.current?.contentDOM.setAttribute('aria-label', label);
  }, [label]);

  return <div ref={host} class={['markdown-editor', className].filter(Boolean).join(' ')} />;
}

export default MarkdownEditor;
