// The post's body in the popup: the Markdown editor (a textarea at once, CodeMirror when loaded), or the rendered
// view; every change autosaved.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n-context';
import type { LoadEditor } from './lazy-markdown-editor';
import { LazyMarkdownEditor } from './lazy-markdown-editor';
import { MarkdownView } from './markdown-view';
import { useAutosave } from './use-autosave';

export interface BodyEditorProps {
  /** The body as stored: the user's edited body, else the Markdown made at clip time. */
  body: string;
  /** Saves the whole body; called after a pause in typing and whenever the user leaves. */
  onSaveBody: (body: string) => void;
  /** Where to hear pagehide/visibilitychange; the popup passes its document. */
  doc?: Document | null;
  autosaveMs?: number;
  load?: LoadEditor;
}

export function BodyEditor({ body, onSaveBody, doc = null, autosaveMs, load }: BodyEditorProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(body);
  const [isRendered, setRendered] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const autosave = useAutosave(body, onSaveBody, doc, autosaveMs);
  const flushRef = useRef(autosave.flush);
  flushRef.current = autosave.flush;

  // Focus leaving the editor (to Save, Back, another field) saves what was typed. A native listener: focusout
  // bubbles, blur does not.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && el.contains(next))) flushRef.current();
    };
    el.addEventListener('focusout', onFocusOut);
    return () => el.removeEventListener('focusout', onFocusOut);
  }, []);

  function change(next: string) {
    setValue(next);
    autosave.change(next);
  }

  return (
    <div class="body-editor" ref={box}>
      <div class="body-editor-bar">
        <button
          type="button"
          class="link-button"
          aria-pressed={isRendered}
          onClick={() => setRendered(!isRendered)}
        >
          {isRendered ? t('editorShowMarkdown') : t('editorShowRendered')}
        </button>
      </div>
      {isRendered ? (
        <MarkdownView markdown={value} />
      ) : (
        <LazyMarkdownEditor
          value={value}
          onChange={change}
          label={t('editorBody')}
          {...(load ? { load } : {})}
        />
      )}
    </div>
  );
}
