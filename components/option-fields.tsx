// The options page's shared fields: a labelled select over a closed list of choices, and a labelled checkbox.
import type { MessageKey } from '../utils/pure/message-key';
import { useI18n } from './i18n-context';

interface ChoiceProps<T extends string> {
  id: string;
  label: string;
  value: T;
  /** The values in the order of their list in utils/pure/choices.ts. */
  values: readonly T[];
  /** Each value's label; a value without one (a Markdown marker such as `**`) is shown as itself. */
  labels?: Readonly<Record<T, MessageKey>>;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({ id, label, value, values, labels, onChange }: ChoiceProps<T>) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const picked = values.find((v) => v === e.currentTarget.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {labels ? t(labels[v]) : v}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ToggleProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Toggle({ id, label, checked, onChange }: ToggleProps) {
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
