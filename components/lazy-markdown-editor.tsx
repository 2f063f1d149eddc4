// The body editor as the popup should use it: a plain textarea at once, swapped for CodeMirror when its chunk has
// loaded (dynamic import, so the popup's first chunk stays small). If the chunk fails to load, the textarea stays.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MarkdownEditorProps } from './markdown-editor';

export type { MarkdownEditorProps };

export type LoadEditor = () => Promise<{ MarkdownEditor: ComponentType<MarkdownEditorProps> }>;

const loadCodeMirror: LoadEditor = () => import('./markdown-editor');

export interface LazyMarkdownEditorProps extends MarkdownEditorProps {
  /** How the editor chunk is loaded; tests pass their own. */
  load?: LoadEditor;
}

export function LazyMarkdownEditor({ load = loadCodeMirror, ...props }: LazyMarkdownEditorProps) {
  const [Editor, setEditor] = useState<ComponentType<MarkdownEditorProps> | null>(null);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (module) => {
        if (isCurrent) setEditor(() => module.MarkdownEditor);
      },
      () => {
        // Keep the textarea: the user can still edit, only without highlighting.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load]);

  if (Editor) return <Editor {...props} />;
  return <PlainMarkdownEditor {...props} />;
}

/** The fallback: same props, same accessible name, Escape left to bubble. Reports every input. */
export function PlainMarkdownEditor({ value, onChange, label, class: className }: MarkdownEditorProps) {
  return (
    <textarea
      class={['markdown-editor', 'markdown-editor-plain', className].filter(Boolean).join(' ')}
      aria-label={label}
      value={value}
      spellcheck
      rows={16}
      onInput={(event) => onChange(event.currentTarget.value)}
    />
  );
}
