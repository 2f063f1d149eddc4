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

/**
 * A textarea lays its whole text out at once: a body of megabytes held the popup for most of a second after a clip
 * (issue 13's large page, 3.5 MB of Markdown). A body longer than this shows its start, read-only, until CodeMirror,
 * which lays out only what is on screen, has loaded; the textarea remains the fallback if that chunk fails.
 */
export const MAX_PLAIN_CHARS = 200_000;
/** What the read-only start of a long body shows meanwhile: more than a popup's height of text. */
const PENDING_PREVIEW_CHARS = 4_000;

export function LazyMarkdownEditor({ load = loadCodeMirror, ...props }: LazyMarkdownEditorProps) {
  const [Editor, setEditor] = useState<ComponentType<MarkdownEditorProps> | null>(null);
  const [isLoadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (module) => {
        if (isCurrent) setEditor(() => module.MarkdownEditor);
      },
      () => {
        // The textarea, then: the user can still edit, only without highlighting.
        if (isCurrent) setLoadFailed(true);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load]);

  if (Editor) return <Editor {...props} />;
  if (props.value.length > MAX_PLAIN_CHARS && !isLoadFailed) return <PendingMarkdownEditor {...props} />;
  return <PlainMarkdownEditor {...props} />;
}

/** A long body's start while the editor loads: cheap to lay out, and marked busy. */
function PendingMarkdownEditor({ value, label, class: className }: MarkdownEditorProps) {
  return (
    <pre
      class={['markdown-editor', 'markdown-editor-pending', className].filter(Boolean).join(' ')}
      aria-label={label}
      aria-busy="true"
    >
      {value.slice(0, PENDING_PREVIEW_CHARS)}
    </pre>
  );
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
