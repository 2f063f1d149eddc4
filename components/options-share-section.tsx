// The options page's "share templates" section: templates and rules out as a JSON file, and back in by merging.
import { useState } from 'preact/hooks';
import type { EditableSettings, OptionsServices } from '../utils/pure/page-api';
import type { Failure } from '../utils/pure/result';
import { useI18n } from './i18n-context';
import { importTemplatesJson, toTemplatesJson } from './settings-io';

export const TEMPLATES_FILE_NAME = 'postclip-templates.json';

interface ShareSectionProps {
  settings: EditableSettings;
  services: OptionsServices;
  onSave: (next: EditableSettings) => Promise<void>;
  onError: (failure: Failure) => void;
}

export function ShareSection({ settings, services, onSave, onError }: ShareSectionProps) {
  const { t } = useI18n();
  const [note, setNote] = useState<string | null>(null);

  async function importTemplates(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const imported = importTemplatesJson(text, settings);
    if (!imported.ok) {
      setNote(t('templatesImportInvalid'));
      return;
    }
    const { templates, rules, counts } = imported;
    await onSave({ ...settings, templates, rules });
    setNote(t('templatesImported', [String(counts.templates), String(counts.rules), String(counts.skipped)]));
  }

  async function exportTemplates() {
    const result = await services.downloadJson(toTemplatesJson(settings), TEMPLATES_FILE_NAME);
    if (!result.ok) onError(result);
    else setNote(t('templatesExported', [TEMPLATES_FILE_NAME]));
  }

  return (
    <section aria-labelledby="sec-share">
      <h2 id="sec-share">{t('sectionShareTemplates')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void exportTemplates()}>
          {t('templatesExport')}
        </button>
      </div>
      <div class="field">
        <label for="templates-file">{t('templatesImport')}</label>
        <input
          id="templates-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="templates-hint"
          onChange={(e) => void importTemplates(e.currentTarget)}
        />
        <p id="templates-hint" class="hint">
          {t('templatesImportHint')}
        </p>
      </div>
      <p role="status" aria-live="polite" class="note">
        {note ?? ''}
      </p>
    </section>
  );
}
