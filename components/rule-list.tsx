// Site rules in the options page: a list the user orders (first match wins), with add, edit, delete, move up/down.
// A rule matches by host, host suffix or URL pattern and can set a template, field overrides, a zone, selectors.
import { useState } from 'preact/hooks';
import type { SlugMode } from '../utils/pure/choices';
import { RULE_MATCH_TYPES, SLUG_MODES } from '../utils/pure/choices';
import type { SiteRule, SiteRuleMatch } from '../utils/pure/site-rules';
import { isValidTimeZone } from '../utils/pure/time-zone';
import type { Template, TemplateField } from '../utils/pure/template';
import type { Translate } from './i18n-context';
import { useI18n } from './i18n-context';
import { MATCH_LABELS, SLUG_LABELS } from './choice-labels';
import { checkRuleFields, makeRuleId } from './settings-io';

export interface RuleListProps {
  rules: readonly SiteRule[];
  /** Every template a rule can pick: built-ins first, then the user's. */
  templates: readonly Template[];
  /** Saves the whole list, in order. */
  onChange: (rules: SiteRule[]) => void;
}

/** The rule form's text boxes; an empty box means "not set". */
export interface RuleForm {
  matchType: SiteRuleMatch['type'];
  matchValue: string;
  templateId: string;
  categories: string;
  tags: string;
  layout: string;
  timeZone: string;
  /** One selector a line. */
  removeSelectors: string;
  articleSelector: string;
  dateSelector: string;
  slugMode: '' | SlugMode;
}

const OVERRIDE_KEYS = ['categories', 'tags', 'layout'] as const;

const MATCH_TYPES = RULE_MATCH_TYPES.map((type) => [type, MATCH_LABELS[type]] as const);

/** '' keeps the settings' slug mode; then every mode, labelled as on the post section. */
const SLUG_CHOICES = [
  ['', 'ruleSlugDefault'] as const,
  ...SLUG_MODES.map((mode) => [mode, SLUG_LABELS[mode]] as const),
];

export const EMPTY_RULE_FORM: RuleForm = {
  matchType: 'host',
  matchValue: '',
  templateId: '',
  categories: '',
  tags: '',
  layout: '',
  timeZone: '',
  removeSelectors: '',
  articleSelector: '',
  dateSelector: '',
  slugMode: '',
};

export function toRuleForm(rule: SiteRule): RuleForm {
  const override = (key: string) => rule.fields?.find((f) => f.key === key)?.value ?? '';
  return {
    matchType: rule.match.type,
    matchValue: rule.match.value,
    templateId: rule.templateId ?? '',
    categories: override('categories'),
    tags: override('tags'),
    layout: override('layout'),
    timeZone: rule.timeZone ?? '',
    removeSelectors: (rule.removeSelectors ?? []).join('\n'),
    articleSelector: rule.articleSelector ?? '',
    dateSelector: rule.dateSelector ?? '',
    slugMode: rule.slugMode ?? '',
  };
}

/** The rule a form describes. Overrides of keys the form does not show (from an import) are kept. */
export function fromRuleForm(form: RuleForm, id: string, previous?: SiteRule): SiteRule {
  const rule: SiteRule = { id, match: { type: form.matchType, value: form.matchValue.trim() } };
  if (form.templateId) rule.templateId = form.templateId;
  const kept = (previous?.fields ?? []).filter((f) => !(OVERRIDE_KEYS as readonly string[]).includes(f.key));
  const shown: TemplateField[] = OVERRIDE_KEYS.filter((key) => form[key].trim() !== '').map((key) => ({
    key,
    value: form[key].trim(),
  }));
  const fields = [...shown, ...kept];
  if (fields.length) rule.fields = fields;
  if (form.timeZone.trim()) rule.timeZone = form.timeZone.trim();
  const selectors = form.removeSelectors
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (selectors.length) rule.removeSelectors = selectors;
  if (form.articleSelector.trim()) rule.articleSelector = form.articleSelector.trim();
  if (form.dateSelector.trim()) rule.dateSelector = form.dateSelector.trim();
  if (form.slugMode) rule.slugMode = form.slugMode;
  return rule;
}

/** Whether the browser accepts `selector` as CSS (an invalid one would make extraction throw). */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

type FormProblem = { key: keyof RuleForm; text: string };

/** What is wrong with a form, first problem only, or null. */
function findProblem(form: RuleForm, t: Translate): FormProblem | null {
  if (form.matchValue.trim() === '') return { key: 'matchValue', text: t('ruleMatchMissing') };
  const fieldError = checkRuleFields(fromRuleForm(form, 'check'));
  if (fieldError) {
    const named = fieldError.part?.slice('fields.'.length);
    const key = OVERRIDE_KEYS.find((k) => k === named) ?? 'categories';
    return { key, text: t('templateSyntaxError', [fieldError.message]) };
  }
  // An empty zone means "no override": the settings' zone applies.
  if (form.timeZone.trim() !== '' && !isValidTimeZone(form.timeZone.trim()))
    return { key: 'timeZone', text: t('timeZoneInvalid', [form.timeZone.trim()]) };
  const selectors = [
    ...form.removeSelectors.split('\n').map((s) => ['removeSelectors', s.trim()] as const),
    ['articleSelector', form.articleSelector.trim()] as const,
    ['dateSelector', form.dateSelector.trim()] as const,
  ];
  for (const [key, selector] of selectors) {
    if (selector !== '' && !isValidSelector(selector))
      return { key, text: t('ruleSelectorInvalid', [selector]) };
  }
  return null;
}

function describeMatch(rule: SiteRule): string {
  return rule.match.value;
}

interface RuleEditorProps {
  initial: RuleForm;
  templates: readonly Template[];
  onSubmit: (form: RuleForm) => void;
  onCancel: () => void;
}

function RuleEditor({ initial, templates, onSubmit, onCancel }: RuleEditorProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<RuleForm>(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  function set<K extends keyof RuleForm>(key: K, value: RuleForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setProblem(null);
  }

  function submit(e: Event) {
    e.preventDefault();
    const found = findProblem(form, t);
    setProblem(found);
    if (!found) onSubmit(form);
  }

  const invalid = (key: keyof RuleForm) =>
    problem?.key === key ? { 'aria-invalid': true, 'aria-describedby': 'rule-problem' } : {};
  const text = (key: keyof RuleForm, id: string, label: string, placeholder?: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellcheck={false}
        autocomplete="off"
        value={form[key]}
        placeholder={placeholder}
        {...invalid(key)}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
    </div>
  );

  return (
    <form class="rule-form" onSubmit={submit} aria-label={t('ruleFormLabel')}>
      <div class="field">
        <label for="rule-match-type">{t('ruleMatchType')}</label>
        <select
          id="rule-match-type"
          value={form.matchType}
          onChange={(e) => {
            const picked = MATCH_TYPES.find(([v]) => v === e.currentTarget.value);
            if (picked) set('matchType', picked[0]);
          }}
        >
          {MATCH_TYPES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      {text('matchValue', 'rule-match-value', t('ruleMatchValue'), 'www.example.com')}
      <div class="field">
        <label for="rule-template">{t('ruleTemplate')}</label>
        <select
          id="rule-template"
          value={form.templateId}
          onChange={(e) => set('templateId', e.currentTarget.value)}
        >
          <option value="">{t('ruleTemplateActive')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">{t('ruleOverridesHint')}</p>
      {text('categories', 'rule-categories', t('ruleCategories'), '{{site|pinyin}}')}
      {text('tags', 'rule-tags', t('ruleTags'), '{{site}}新闻')}
      {text('layout', 'rule-layout', t('ruleLayout'), 'post')}
      {text('timeZone', 'rule-zone', t('ruleTimeZone'), 'Asia/Shanghai')}
      <div class="field field-wide">
        <label for="rule-remove">{t('ruleRemoveSelectors')}</label>
        <textarea
          id="rule-remove"
          rows={3}
          spellcheck={false}
          value={form.removeSelectors}
          placeholder=".share-bar"
          {...invalid('removeSelectors')}
          onInput={(e) => set('removeSelectors', e.currentTarget.value)}
        />
      </div>
      {text('articleSelector', 'rule-article', t('ruleArticleSelector'), 'article')}
      {text('dateSelector', 'rule-date', t('ruleDateSelector'), '.pubtime')}
      <div class="field">
        <label for="rule-slug">{t('ruleSlugMode')}</label>
        <select
          id="rule-slug"
          value={form.slugMode}
          onChange={(e) => {
            const picked = SLUG_CHOICES.find(([v]) => v === e.currentTarget.value);
            if (picked) set('slugMode', picked[0]);
          }}
        >
          {SLUG_CHOICES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <p id="rule-problem" class={problem ? 'hint is-invalid' : 'hint'} role={problem ? 'alert' : undefined}>
        {problem?.text ?? ''}
      </p>
      <div class="actions">
        <button type="submit" class="primary">
          {t('ruleSave')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('ruleCancel')}
        </button>
      </div>
    </form>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; index: number } | null;

export function RuleList({ rules, templates, onChange }: RuleListProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    const a = rules[index];
    const b = rules[to];
    if (!a || !b) return;
    const next = [...rules];
    next[index] = b;
    next[to] = a;
    onChange(next);
  }

  function submit(form: RuleForm) {
    if (editing?.kind === 'edit') {
      const old = rules[editing.index];
      if (old) onChange(rules.map((r, i) => (i === editing.index ? fromRuleForm(form, old.id, old) : r)));
    } else {
      onChange([...rules, fromRuleForm(form, makeRuleId(rules))]);
    }
    setEditing(null);
  }

  const templateName = (id: string | undefined) => templates.find((tpl) => tpl.id === id)?.name ?? id ?? '';
  const editedRule = editing?.kind === 'edit' ? rules[editing.index] : undefined;

  return (
    <div class="rule-list">
      {rules.length === 0 ? (
        <p class="muted">{t('rulesEmpty')}</p>
      ) : (
        <ol class="rules">
          {rules.map((rule, i) => (
            <li key={rule.id} class="rule-row" data-rule-id={rule.id}>
              <span class="rule-summary">
                <strong>{describeMatch(rule)}</strong>{' '}
                <span class="muted">
                  {t(MATCH_TYPES.find(([v]) => v === rule.match.type)?.[1] ?? 'ruleMatchHost')}
                  {rule.templateId ? ` · ${templateName(rule.templateId)}` : ''}
                  {rule.timeZone ? ` · ${rule.timeZone}` : ''}
                </span>
              </span>
              <span class="rule-actions">
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('ruleEdit', [describeMatch(rule)])}
                  onClick={() => setEditing({ kind: 'edit', index: i })}
                >
                  {t('ruleEditShort')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('ruleMoveUp', [describeMatch(rule)])}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('ruleMoveDown', [describeMatch(rule)])}
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="danger"
                  aria-label={t('ruleDelete', [describeMatch(rule)])}
                  onClick={() => {
                    setEditing(null);
                    onChange(rules.filter((_, j) => j !== i));
                  }}
                >
                  {t('ruleDeleteShort')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {editing ? (
        <RuleEditor
          key={editing.kind === 'edit' ? `edit-${editedRule?.id ?? ''}` : 'new'}
          initial={editedRule ? toRuleForm(editedRule) : EMPTY_RULE_FORM}
          templates={templates}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>
            {t('ruleAdd')}
          </button>
        </div>
      )}
    </div>
  );
}
