// One open clip: edit its front matter fields and its body, pick its template, copy, download or delete it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClipEdits } from '../utils/pure/types';
import { useI18n } from './i18n-context';
import { isJekyllDate } from '../utils/pure/jekyll-date';
import { summarizeImages } from '../utils/pure/images/types';
import type { OpenedClip, PostFields } from '../utils/pure/page-api';
import { BodyEditor } from './body-editor';
import { TagInput } from './tag-input';
import { TemplatePicker } from './template-picker';

export interface ClipEditorProps {
  opened: OpenedClip;
  isBusy: boolean;
  /** Shown beside Save after a successful save ("Saved"), or null. */
  note: string | null;
  onSave: (edits: ClipEdits) => void;
  onCopy: () => void;
  onDownload: () => void;
  /** Downloads the post with its kept images as a zip; offered (beside the post alone) when the clip has some. */
  onDownloadZip?: () => void;
  onDelete: () => void;
  onBack: () => void;
  /** Autosaves the edited body (see use-autosave.ts). */
  onSaveBody?: (body: string) => void;
  onPickTemplate?: (templateId: string) => void;
  /** Bumped when the stored body changed under the editor (a re-clip): the editor then shows the new one. */
  bodyVersion?: number;
  /** The popup's document, for autosave on pagehide/visibilitychange. */
  doc?: Document | null;
  autosaveMs?: number;
  /** The publish control (issue 12), mounted below the actions when the page publishes. */
  publishSlot?: ComponentChildren;
  /** The user's tags, most used first, suggested as tags are typed. */
  tagSuggestions?: string[];
}

interface FormValues {
  title: string;
  date: string;
  categories: string;
  tags: string[];
}

function toFormValues(fields: PostFields): FormValues {
  return {
    title: fields.title,
    date: fields.date,
    categories: fields.categories.join(', '),
    tags: fields.tags,
  };
}

/** Splits a comma-separated input (ASCII or full-width commas), dropping blanks and repeats. */
export function splitList(text: string): string[] {
  const items = text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(items)];
}

function isSameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The edits to store: earlier edits kept, plus every field the user changed. Untouched fields stay derived, so a
 * later settings change (tags mode, time zone) still applies to them. An emptied title or date goes back to the page's.
 */
export function toEdits(previous: ClipEdits, shown: PostFields, form: FormValues): ClipEdits {
  const edits: ClipEdits = { ...previous };
  const title = form.title.trim();
  if (title !== shown.title) {
    if (title === '') delete edits.title;
    else edits.title = title;
  }
  const date = form.date.trim();
  if (date !== shown.date) {
    if (date === '') delete edits.date;
    else edits.date = date;
  }
  const categories = splitList(form.categories);
  if (!isSameList(categories, shown.categories)) edits.categories = categories;
  const tags = [...new Set(form.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  if (!isSameList(tags, shown.tags)) edits.tags = tags;
  return edits;
}

export function ClipEditor({
  opened,
  isBusy,
  note,
  onSave,
  onCopy,
  onDownload,
  onDownloadZip,
  onDelete,
  onBack,
  onSaveBody,
  onPickTemplate,
  bodyVersion = 0,
  doc = null,
  autosaveMs,
  publishSlot,
  tagSuggestions = [],
}: ClipEditorProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<FormValues>(() => toFormValues(opened.fields));
  const [isDateInvalid, setDateInvalid] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a clip hides the row that had focus: move focus to the clip's heading, not the top of the page.
  useEffect(() => {
    heading.current?.focus();
  }, [opened.clip.id]);

  // A save (or a re-render with new settings) brings new effective values: show them.
  useEffect(() => {
    setForm(toFormValues(opened.fields));
    setDateInvalid(false);
  }, [opened]);

  function update(key: Exclude<keyof FormValues, 'tags'>, value: string) {
    setForm((f) => ({ ...f, [key]: value }));
    if (key === 'date') setDateInvalid(false);
  }

  function handleSubmit(e: Event) {
    e.preventDefault();
    const date = form.date.trim();
    if (date !== '' && !isJekyllDate(date)) {
      setDateInvalid(true);
      return;
    }
    onSave(toEdits(opened.clip.edits, opened.fields, form));
  }

  const id = opened.clip.id;
  return (
    <section
      class="editor"
      aria-labelledby={`editor-heading-${id}`}
      onKeyDown={(event) => {
        // Escape goes back; the body autosaves as the editor unmounts.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div class="editor-top">
        <button type="button" class="secondary" onClick={onBack}>
          {t('back')}
        </button>
        <h2
          id={`editor-heading-${id}`}
          class="editor-heading"
          title={opened.clip.draft.title}
          tabIndex={-1}
          ref={heading}
        >
          {opened.clip.draft.siteName ?? opened.clip.url}
        </h2>
        <a class="small-link" href={opened.clip.url} target="_blank" rel="noreferrer noopener">
          {t('originalPage')}
        </a>
      </div>
      <form class="fields" onSubmit={handleSubmit}>
        <label for="edit-title">{t('fieldTitle')}</label>
        <input
          id="edit-title"
          type="text"
          value={form.title}
          onInput={(e) => update('title', e.currentTarget.value)}
        />
        <label for="edit-date">{t('fieldDate')}</label>
        <input
          id="edit-date"
          type="text"
          value={form.date}
          aria-invalid={isDateInvalid}
          aria-describedby="edit-date-hint"
          placeholder="YYYY-MM-DD HH:MM:SS +ZZZZ"
          onInput={(e) => update('date', e.currentTarget.value)}
        />
        <p id="edit-date-hint" class={isDateInvalid ? 'hint is-invalid' : 'hint'}>
          {isDateInvalid ? t('invalidDate') : t('dateHint')}
        </p>
        <label for="edit-categories">{t('fieldCategories')}</label>
        <input
          id="edit-categories"
          type="text"
          value={form.categories}
          aria-describedby="edit-comma-hint"
          onInput={(e) => update('categories', e.currentTarget.value)}
        />
        <span class="field-label" aria-hidden="true">
          {t('fieldTags')}
        </span>
        <TagInput
          tags={form.tags}
          suggestions={tagSuggestions}
          label={t('fieldTags')}
          removeLabel={(tag) => t('editorRemoveTag', [tag])}
          onChange={(tags) => setForm((f) => ({ ...f, tags }))}
        />
        <p id="edit-comma-hint" class="hint">
          {t('commaHint')}
        </p>
        <div class="actions">
          <button type="submit" class="primary" disabled={isBusy}>
            {t('save')}
          </button>
          <span class="note" aria-live="polite">
            {note ?? ''}
          </span>
        </div>
      </form>
      {opened.templates && opened.defaultTemplateId && onPickTemplate && (
        <TemplatePicker
          templates={opened.templates}
          value={opened.clip.edits.templateId}
          defaultId={opened.defaultTemplateId}
          onPick={onPickTemplate}
          disabled={isBusy}
        />
      )}
      {onSaveBody && (
        <BodyEditor
          key={`${id}:${bodyVersion}`}
          body={opened.clip.edits.body ?? opened.clip.markdown}
          onSaveBody={onSaveBody}
          doc={doc}
          {...(autosaveMs === undefined ? {} : { autosaveMs })}
        />
      )}
      <details class="post-file">
        <summary>
          <label for="post-text">{t('post')}</label>
        </summary>
        <textarea
          id="post-text"
          class="post"
          readOnly
          rows={12}
          spellcheck={false}
          value={opened.post.content}
        />
      </details>
      <p class="filename" title={opened.post.filename}>
        {opened.post.filename}
      </p>
      <div class="actions">
        <button type="button" onClick={onCopy}>
          {t('copy')}
        </button>
        {onDownloadZip && summarizeImages(opened.clip.images ?? []).kept > 0 ? (
          <>
            <button type="button" onClick={onDownloadZip} disabled={isBusy}>
              {t('imagesDownloadZip')}
            </button>
            <button type="button" onClick={onDownload} disabled={isBusy}>
              {t('imagesDownloadPostOnly')}
            </button>
          </>
        ) : (
          <button type="button" onClick={onDownload} disabled={isBusy}>
            {t('download')}
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete} disabled={isBusy}>
          {t('delete')}
        </button>
      </div>
      {publishSlot}
    </section>
  );
}
