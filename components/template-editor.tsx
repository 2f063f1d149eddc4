// Templates in the options page: pick the active one (built-in or the user's copy), duplicate one, edit a copy's
// fields, body, file name and source line. A syntax error shows where and why, and the copy is not saved until fixed.
import { useEffect, useState } from 'preact/hooks';
import type { Template, TemplateError, TemplateField } from '../utils/pure/template';
import { useI18n } from './i18n-context';
import { checkTemplate, makeCopyId } from './settings-io';
import { UndoToast } from './undo-toast';

/** How long a deleted template can be brought back, as deleted clips can. */
export const TEMPLATE_UNDO_MS = 8_000;

interface DeletedTemplate {
  name: string;
  templates: Template[];
  activeTemplateId: string;
}

export interface TemplateEditorProps {
  /** The built-in templates, Jekyll made from the user's post options. */
  builtIns: readonly Template[];
  /** The user's own templates. */
  templates: readonly Template[];
  activeTemplateId: string;
  /** Makes a template the active one (saved at once). */
  onActivate: (id: string) => void;
  /** Saves the user's templates and which one is active. Only called with templates that parse. */
  onSave: (templates: Template[], activeTemplateId: string) => void;
  /** The unsaved copy being edited (or null), so the preview can follow the typing. */
  onDraft?: (draft: Template | null) => void;
  undoMs?: number;
}

const FORMATS = [
  ['yaml', 'formatYaml'],
  ['toml', 'formatToml'],
  ['none', 'formatNone'],
] as const;

/** Where an error belongs: `fields.3` is the fourth row (by key, first match), else the part name. */
function errorSlot(error: TemplateError | null, fields: readonly TemplateField[]): string | null {
  if (!error?.part) return null;
  if (!error.part.startsWith('fields.')) return error.part;
  const key = error.part.slice('fields.'.length);
  const index = fields.findIndex((f) => f.key === key);
  return `fields.${index < 0 ? 0 : index}`;
}

function isSameTemplate(a: Template, b: Template): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function TemplateEditor({
  builtIns,
  templates,
  activeTemplateId,
  onActivate,
  onSave,
  onDraft,
  undoMs = TEMPLATE_UNDO_MS,
}: TemplateEditorProps) {
  const { t } = useI18n();
  const own = templates.find((tpl) => tpl.id === activeTemplateId) ?? null;
  const shown = own ?? builtIns.find((tpl) => tpl.id === activeTemplateId) ?? builtIns[0] ?? null;
  const [draft, setDraft] = useState<Template | null>(own);
  const [isSaveRefused, setSaveRefused] = useState(false);
  const [deleted, setDeleted] = useState<DeletedTemplate | null>(null);

  // The Undo offer lasts a few seconds, then the deletion stands.
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), undoMs);
    return () => clearTimeout(timer);
  }, [deleted, undoMs]);

  // Another template picked, or the stored one changed (a save, an import): edit what is stored now.
  useEffect(() => {
    setDraft(own);
    setSaveRefused(false);
  }, [own]);

  const isDirty = own !== null && draft !== null && !isSameTemplate(own, draft);
  useEffect(() => {
    onDraft?.(isDirty ? draft : null);
  }, [draft, isDirty]);

  const error = draft ? checkTemplate(draft) : null;
  const slot = draft ? errorSlot(error, draft.fields) : null;
  const errorText = error ? t('templateSyntaxError', [error.message]) : '';

  function duplicate() {
    if (!shown) return;
    const copy: Template = {
      ...shown,
      fields: shown.fields.map((f) => ({ ...f })),
      id: makeCopyId(shown.id, templates),
      name: t('templateCopyName', [shown.name]),
    };
    onSave([...templates, copy], copy.id);
  }

  function update(patch: Partial<Template>) {
    setSaveRefused(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  }

  function updateField(index: number, patch: Partial<TemplateField>) {
    if (!draft) return;
    update({ fields: draft.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) });
  }

  function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    if (error) {
      setSaveRefused(true);
      return;
    }
    onSave(
      templates.map((tpl) => (tpl.id === draft.id ? draft : tpl)),
      draft.id,
    );
  }

  function remove() {
    if (!own) return;
    setDeleted({ name: own.name, templates: [...templates], activeTemplateId });
    onSave(
      templates.filter((tpl) => tpl.id !== own.id),
      builtIns[0]?.id ?? 'jekyll',
    );
  }

  function undoRemove() {
    if (!deleted) return;
    setDeleted(null);
    onSave(deleted.templates, deleted.activeTemplateId);
  }

  const invalid = (name: string) =>
    slot === name ? { 'aria-invalid': true, 'aria-describedby': 'tpl-error' } : {};

  return (
    <div class="template-editor">
      <div class="field">
        <label for="tpl-active">{t('templateActive')}</label>
        <select id="tpl-active" value={shown?.id ?? ''} onChange={(e) => onActivate(e.currentTarget.value)}>
          <optgroup label={t('templateBuiltIns')}>
            {builtIns.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </optgroup>
          {templates.length > 0 && (
            <optgroup label={t('templateMine')}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div class="actions">
        <button type="button" onClick={duplicate} disabled={!shown}>
          {t('templateDuplicate')}
        </button>
      </div>
      {!own && <p class="hint">{t('templateBuiltInHint')}</p>}
      {draft && (
        <form class="template-form" onSubmit={save} aria-label={t('templateEditLabel', [draft.name])}>
          <div class="field">
            <label for="tpl-name">{t('templateName')}</label>
            <input
              id="tpl-name"
              type="text"
              value={draft.name}
              onInput={(e) => update({ name: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="tpl-format">{t('templateFormat')}</label>
            <select
              id="tpl-format"
              value={draft.format}
              onChange={(e) => {
                const picked = FORMATS.find(([v]) => v === e.currentTarget.value);
                if (picked) update({ format: picked[0] });
              }}
            >
              {FORMATS.map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="template-fields">
            <legend>{t('templateFields')}</legend>
            <p class="hint">{t('templateFieldsHint')}</p>
            {draft.fields.map((field, i) => (
              <div class="template-field-row" key={i}>
                <input
                  id={`tpl-field-key-${i}`}
                  type="text"
                  class="field-key"
                  aria-label={t('templateFieldKey', [String(i + 1)])}
                  value={field.key}
                  spellcheck={false}
                  {...invalid(`fields.${i}`)}
                  onInput={(e) => updateField(i, { key: e.currentTarget.value })}
                />
                <input
                  id={`tpl-field-value-${i}`}
                  type="text"
                  class="field-value"
                  aria-label={t('templateFieldValue', [field.key || String(i + 1)])}
                  value={field.value}
                  spellcheck={false}
                  {...invalid(`fields.${i}`)}
                  onInput={(e) => updateField(i, { value: e.currentTarget.value })}
                />
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('templateFieldRemove', [field.key || String(i + 1)])}
                  onClick={() => update({ fields: draft.fields.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              </div>
            ))}
            <button
              type="button"
              class="secondary"
              onClick={() => update({ fields: [...draft.fields, { key: '', value: '' }] })}
            >
              {t('templateFieldAdd')}
            </button>
          </fieldset>
          <div class="field field-wide">
            <label for="tpl-body">{t('templateBody')}</label>
            <textarea
              id="tpl-body"
              rows={4}
              spellcheck={false}
              value={draft.body}
              {...invalid('body')}
              onInput={(e) => update({ body: e.currentTarget.value })}
            />
          </div>
          <div class="field field-wide">
            <label for="tpl-filename">{t('templateFilename')}</label>
            <input
              id="tpl-filename"
              type="text"
              spellcheck={false}
              value={draft.filename}
              {...invalid('filename')}
              onInput={(e) => update({ filename: e.currentTarget.value })}
            />
          </div>
          <div class="field field-wide">
            <label for="tpl-source">{t('templateSourceLine')}</label>
            <input
              id="tpl-source"
              type="text"
              spellcheck={false}
              value={draft.sourceLine}
              {...invalid('sourceLine')}
              onInput={(e) => update({ sourceLine: e.currentTarget.value })}
            />
          </div>
          <p class="hint">{t('templateVariablesHint')}</p>
          <p
            id="tpl-error"
            class={error ? 'hint is-invalid' : 'hint'}
            role={isSaveRefused ? 'alert' : undefined}
          >
            {isSaveRefused ? t('templateNotSaved', [errorText]) : errorText}
          </p>
          <div class="actions">
            <button type="submit" class="primary">
              {t('templateSave')}
            </button>
            <button type="button" class="secondary" disabled={!isDirty} onClick={() => setDraft(own)}>
              {t('templateRevert')}
            </button>
            <button type="button" class="danger" onClick={remove}>
              {t('templateDelete')}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite" class="status">
        {deleted && <UndoToast message={t('libraryTemplateDeleted', [deleted.name])} onUndo={undoRemove} />}
      </div>
    </div>
  );
}
