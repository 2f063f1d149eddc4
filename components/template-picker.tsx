// The popup's template picker for one clip: the site rule's (or the active) template is the default.
import type { TemplateOption } from '../utils/pure/page-api';
import { useI18n } from './i18n-context';

export interface TemplatePickerProps {
  templates: TemplateOption[];
  /** The template picked for this clip, or undefined for the default. */
  value: string | undefined;
  /** The site rule's template, else the active one. */
  defaultId: string;
  onPick: (templateId: string) => void;
  disabled?: boolean;
}

export function TemplatePicker({ templates, value, defaultId, onPick, disabled }: TemplatePickerProps) {
  const { t } = useI18n();
  const current = value !== undefined && templates.some((tpl) => tpl.id === value) ? value : defaultId;
  return (
    <div class="template-picker">
      <label for="clip-template">{t('editorTemplate')}</label>
      <select
        id="clip-template"
        value={current}
        disabled={disabled}
        onChange={(event) => onPick(event.currentTarget.value)}
      >
        {templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </select>
    </div>
  );
}
