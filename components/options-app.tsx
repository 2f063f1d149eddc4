// The options page: post and Markdown settings (saved on change), templates and site rules with a live preview,
// library size, export, backup and restore.
import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID, toJekyllTemplate } from '../utils/pure/presets';
import type { ErrorCode } from '../utils/pure/result';
import type { SiteRule } from '../utils/pure/site-rules';
import type { Template } from '../utils/pure/template';
import type { MarkdownStyle, PostOptions } from '../utils/pure/types';
import { ErrorBanner } from './error-banner';
import type { MessageKey } from '../utils/pure/message-key';
import { useI18n } from './i18n-context';
import { PostPreview } from './post-preview';
import { RuleList } from './rule-list';
import type {
  EditableSettings,
  OptionsServices,
  PostPreview as Preview,
  StorageEstimate,
} from '../utils/pure/page-api';
import { importTemplatesJson, toTemplatesJson } from './settings-io';
import { TemplateEditor } from './template-editor';

/** How long the preview waits after the last keystroke in a template before it renders. */
export const PREVIEW_DELAY_MS = 250;
export const TEMPLATES_FILE_NAME = 'postclip-templates.json';

/** The built-in templates as this user gets them: Jekyll made from their post options. */
export function listBuiltIns(post: PostOptions): Template[] {
  return BUILT_IN_TEMPLATES.map((tpl) => (tpl.id === DEFAULT_TEMPLATE_ID ? toJekyllTemplate(post) : tpl));
}

/** The settings with an unsaved template in place of its stored version, for the preview. */
export function withDraft(settings: EditableSettings, draft: Template | null): EditableSettings {
  if (!draft) return settings;
  return { ...settings, templates: settings.templates.map((tpl) => (tpl.id === draft.id ? draft : tpl)) };
}

export interface OptionsAppProps {
  services: OptionsServices;
}

interface Failure {
  code: ErrorCode;
  detail?: string;
}

/** True for '' (the runtime's zone) and for any IANA zone this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '') return true;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Bytes as a short human size, in the page's locale. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

interface ChoiceProps<T extends string> {
  id: string;
  label: string;
  value: T;
  choices: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}

function Choice<T extends string>({ id, label, value, choices, onChange }: ChoiceProps<T>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const picked = choices.find(([v]) => v === e.currentTarget.value);
          if (picked) onChange(picked[0]);
        }}
      >
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Toggle({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

export function OptionsApp({ services }: OptionsAppProps) {
  const { t, describeError } = useI18n();
  const [settings, setSettings] = useState<EditableSettings | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const [error, setError] = useState<Failure | null>(null);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const [zoneText, setZoneText] = useState('');
  const [isZoneInvalid, setZoneInvalid] = useState(false);
  const [layoutText, setLayoutText] = useState('');
  const [storage, setStorage] = useState<StorageEstimate | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [libraryNote, setLibraryNote] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null | undefined>(undefined);
  const [draft, setDraft] = useState<Template | null>(null);
  const [templatesNote, setTemplatesNote] = useState<string | null>(null);
  const previewRequest = useRef(0);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftRef = useRef<Template | null>(null);

  // Every preview shows the unsaved template being edited, if any: a settings change must not hide it.
  async function refreshPreview(next: EditableSettings) {
    const request = ++previewRequest.current;
    const result = await services.preview(withDraft(next, draftRef.current));
    if (request === previewRequest.current) setPreview(result.ok ? result.value : null);
  }

  async function refreshLibraryFacts() {
    const [estimate, counted] = await Promise.all([services.estimateStorage(), services.countClips()]);
    setStorage(estimate);
    setCount(counted.ok ? counted.value : null);
  }

  function adopt(loaded: EditableSettings) {
    setSettings(loaded);
    setZoneText(loaded.post.timeZone);
    setZoneInvalid(false);
    setLayoutText(loaded.post.layout);
    void refreshPreview(loaded);
  }

  async function loadAll() {
    const loaded = await services.loadSettings();
    if (!loaded.ok) {
      setError(loaded);
      return;
    }
    adopt(loaded.value);
  }

  useEffect(() => {
    void loadAll();
    void refreshLibraryFacts();
    return () => clearTimeout(draftTimer.current);
  }, []);

  // The preview follows an unsaved template as the user types, a moment after the last key.
  function followDraft(next: Template | null) {
    if (draftRef.current === next) return;
    draftRef.current = next;
    setDraft(next);
    clearTimeout(draftTimer.current);
    // The settings of the latest render, not of this one: a save within the delay must not be undone.
    draftTimer.current = setTimeout(() => {
      if (settingsRef.current) void refreshPreview(settingsRef.current);
    }, PREVIEW_DELAY_MS);
  }

  async function save(next: EditableSettings) {
    setSettings(next);
    setSaveNote(null);
    const result = await services.saveSettings(next);
    if (!result.ok) {
      setError(result);
      return;
    }
    setError(null);
    setSaveNote(t('settingsSaved'));
    void refreshPreview(next);
  }

  async function importTemplates(input: HTMLInputElement, current: EditableSettings) {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const imported = importTemplatesJson(text, current);
    if (!imported.ok) {
      setTemplatesNote(t('templatesImportInvalid'));
      return;
    }
    const { templates, rules, counts } = imported;
    await save({ ...current, templates, rules });
    setTemplatesNote(
      t('templatesImported', [String(counts.templates), String(counts.rules), String(counts.skipped)]),
    );
  }

  async function exportTemplates(current: EditableSettings) {
    const result = await services.downloadJson(toTemplatesJson(current), TEMPLATES_FILE_NAME);
    if (!result.ok) setError(result);
    else setTemplatesNote(t('templatesExported', [TEMPLATES_FILE_NAME]));
  }

  if (!settings) {
    return (
      <div class="options">
        <h1>{t('optionsTitle')}</h1>
        {error ? <ErrorBanner message={describeError(error.code, error.detail)} /> : <p>{t('loading')}</p>}
      </div>
    );
  }

  const current = settings;
  function setPost<K extends keyof PostOptions>(key: K, value: PostOptions[K]) {
    void save({ ...current, post: { ...current.post, [key]: value } });
  }
  function setMarkdown<K extends keyof MarkdownStyle>(key: K, value: MarkdownStyle[K]) {
    void save({ ...current, markdown: { ...current.markdown, [key]: value } });
  }

  function commitZone() {
    const zone = zoneText.trim();
    if (!isValidTimeZone(zone)) {
      setZoneInvalid(true);
      return;
    }
    setZoneInvalid(false);
    if (zone !== current.post.timeZone) setPost('timeZone', zone);
  }

  async function runLibraryTask(task: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setLibraryNote(null);
    try {
      const note = await task();
      if (note !== null) setLibraryNote(note);
    } finally {
      setBusy(false);
      setProgress(null);
      void refreshLibraryFacts();
    }
  }

  const exportAll = () =>
    runLibraryTask(async () => {
      setProgress({ done: 0, total: count ?? 0 });
      const result = await services.exportZip('all', (done, total) => setProgress({ done, total }));
      if (!result.ok) {
        setError(result);
        return null;
      }
      return t('exportDone', [String(result.value)]);
    });

  const backup = () =>
    runLibraryTask(async () => {
      const result = await services.backup();
      if (!result.ok) {
        setError(result);
        return null;
      }
      return t('backupDone');
    });

  async function restore(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await runLibraryTask(async () => {
      const text = await file.text();
      input.value = '';
      const result = await services.restore(text);
      if (!result.ok) {
        setError(result);
        return null;
      }
      await loadAll();
      const { added, updated, unchanged } = result.value;
      return t('restored', [String(added), String(updated), String(unchanged)]);
    });
  }

  const builtIns = listBuiltIns(current.post);
  const saveRules = (rules: SiteRule[]) => void save({ ...current, rules });

  const choices = <T extends string>(pairs: readonly (readonly [T, MessageKey])[]) =>
    pairs.map(([v, key]) => [v, t(key)] as const);
  const literal = <T extends string>(values: readonly T[]) => values.map((v) => [v, v] as const);
  const onLayout = (e: TargetedEvent<HTMLInputElement>) => {
    const layout = e.currentTarget.value.trim();
    if (layout !== current.post.layout) setPost('layout', layout);
  };

  return (
    <div class="options">
      <header class="options-head">
        <h1>{t('optionsTitle')}</h1>
        <p role="status" aria-live="polite" class="note">
          {saveNote ?? ''}
        </p>
      </header>
      {error && (
        <ErrorBanner message={describeError(error.code, error.detail)} onDismiss={() => setError(null)} />
      )}

      <section aria-labelledby="sec-front">
        <h2 id="sec-front">{t('sectionFrontMatter')}</h2>
        <div class="field">
          <label for="opt-layout">{t('fieldLayout')}</label>
          <input
            id="opt-layout"
            type="text"
            value={layoutText}
            onInput={(e) => setLayoutText(e.currentTarget.value)}
            onChange={onLayout}
          />
        </div>
        <Choice
          id="opt-categories"
          label={t('categoriesMode')}
          value={current.post.categoriesMode}
          choices={choices([
            ['site', 'categoriesSite'],
            ['none', 'categoriesNone'],
          ] as const)}
          onChange={(v) => setPost('categoriesMode', v)}
        />
        <Choice
          id="opt-tags"
          label={t('tagsMode')}
          value={current.post.tagsMode}
          choices={choices([
            ['keywords', 'tagsKeywords'],
            ['site-news', 'tagsSiteNews'],
            ['none', 'tagsNone'],
          ] as const)}
          onChange={(v) => setPost('tagsMode', v)}
        />
        <Toggle
          id="opt-source"
          label={t('includeSourceLine')}
          checked={current.post.includeSourceLine}
          onChange={(v) => setPost('includeSourceLine', v)}
        />
        <Toggle
          id="opt-author"
          label={t('includeAuthor')}
          checked={current.post.includeAuthor}
          onChange={(v) => setPost('includeAuthor', v)}
        />
        <Choice
          id="opt-slug"
          label={t('slugMode')}
          value={current.post.slugMode}
          choices={choices([
            ['readable', 'slugReadable'],
            ['pinyin', 'slugPinyin'],
          ] as const)}
          onChange={(v) => setPost('slugMode', v)}
        />
        <div class="field">
          <label for="opt-zone">{t('timeZone')}</label>
          <input
            id="opt-zone"
            type="text"
            value={zoneText}
            placeholder={services.browserTimeZone()}
            aria-invalid={isZoneInvalid}
            aria-describedby="opt-zone-hint"
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => {
              setZoneText(e.currentTarget.value);
              setZoneInvalid(false);
            }}
            onChange={commitZone}
          />
          <p id="opt-zone-hint" class={isZoneInvalid ? 'hint is-invalid' : 'hint'}>
            {isZoneInvalid
              ? t('timeZoneInvalid', [zoneText.trim()])
              : t('timeZoneHint', [services.browserTimeZone()])}
          </p>
        </div>
      </section>

      <section aria-labelledby="sec-md">
        <h2 id="sec-md">{t('sectionMarkdown')}</h2>
        <Choice
          id="md-heading"
          label={t('headingStyle')}
          value={current.markdown.headingStyle}
          choices={choices([
            ['atx', 'headingAtx'],
            ['setext', 'headingSetext'],
          ] as const)}
          onChange={(v) => setMarkdown('headingStyle', v)}
        />
        <Choice
          id="md-bullet"
          label={t('bulletMarker')}
          value={current.markdown.bulletListMarker}
          choices={literal(['-', '*', '+'] as const)}
          onChange={(v) => setMarkdown('bulletListMarker', v)}
        />
        <Choice
          id="md-em"
          label={t('emphasis')}
          value={current.markdown.emDelimiter}
          choices={literal(['_', '*'] as const)}
          onChange={(v) => setMarkdown('emDelimiter', v)}
        />
        <Choice
          id="md-strong"
          label={t('strong')}
          value={current.markdown.strongDelimiter}
          choices={literal(['**', '__'] as const)}
          onChange={(v) => setMarkdown('strongDelimiter', v)}
        />
        <Choice
          id="md-code"
          label={t('codeBlockStyle')}
          value={current.markdown.codeBlockStyle}
          choices={choices([
            ['fenced', 'codeFenced'],
            ['indented', 'codeIndented'],
          ] as const)}
          onChange={(v) => setMarkdown('codeBlockStyle', v)}
        />
        <Choice
          id="md-fence"
          label={t('fence')}
          value={current.markdown.fence}
          choices={literal(['```', '~~~'] as const)}
          onChange={(v) => setMarkdown('fence', v)}
        />
        <Choice
          id="md-link"
          label={t('linkStyle')}
          value={current.markdown.linkStyle}
          choices={choices([
            ['inlined', 'linkInlined'],
            ['referenced', 'linkReferenced'],
          ] as const)}
          onChange={(v) => setMarkdown('linkStyle', v)}
        />
      </section>

      <section aria-labelledby="sec-popup">
        <h2 id="sec-popup">{t('sectionPopup')}</h2>
        <Toggle
          id="opt-clip-on-open"
          label={t('clipOnOpen')}
          checked={current.clipOnOpen}
          onChange={(v) => void save({ ...current, clipOnOpen: v })}
        />
      </section>

      <section aria-labelledby="sec-templates">
        <h2 id="sec-templates">{t('sectionTemplates')}</h2>
        <TemplateEditor
          builtIns={builtIns}
          templates={current.templates}
          activeTemplateId={current.activeTemplateId}
          onActivate={(id) => void save({ ...current, activeTemplateId: id })}
          onSave={(templates, activeTemplateId) => void save({ ...current, templates, activeTemplateId })}
          onDraft={followDraft}
        />
      </section>

      <section aria-labelledby="sec-rules">
        <h2 id="sec-rules">{t('sectionRules')}</h2>
        <p class="hint">{t('rulesHint')}</p>
        <RuleList
          rules={current.rules}
          templates={[...builtIns, ...current.templates]}
          onChange={saveRules}
          isValidTimeZone={isValidTimeZone}
        />
      </section>

      <section aria-labelledby="sec-share">
        <h2 id="sec-share">{t('sectionShareTemplates')}</h2>
        <div class="actions">
          <button type="button" onClick={() => void exportTemplates(current)}>
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
            onChange={(e) => void importTemplates(e.currentTarget, current)}
          />
          <p id="templates-hint" class="hint">
            {t('templatesImportHint')}
          </p>
        </div>
        <p role="status" aria-live="polite" class="note">
          {templatesNote ?? ''}
        </p>
      </section>

      <section aria-labelledby="sec-preview">
        <h2 id="sec-preview">{t('sectionPreview')}</h2>
        <PostPreview preview={preview} isDraft={draft !== null} />
      </section>

      <section aria-labelledby="sec-library">
        <h2 id="sec-library">{t('sectionLibrary')}</h2>
        <p>
          {storage
            ? t('storageUsed', [formatBytes(storage.usage), formatBytes(storage.quota)])
            : t('storageUnknown')}
        </p>
        {count !== null && <p>{t('clipCount', [String(count)])}</p>}
        <div class="actions">
          <button type="button" disabled={isBusy} onClick={() => void exportAll()}>
            {t('exportAll')}
          </button>
          <button type="button" disabled={isBusy} onClick={() => void backup()}>
            {t('backup')}
          </button>
        </div>
        <div class="field">
          <label for="restore-file">{t('restoreFromBackup')}</label>
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            aria-describedby="restore-hint"
            disabled={isBusy}
            onChange={(e) => void restore(e.currentTarget)}
          />
          <p id="restore-hint" class="hint">
            {t('restoreHint')}
          </p>
        </div>
        <div role="status" aria-live="polite" class="status">
          {progress && (
            <p class="busy">
              <progress
                max={progress.total || undefined}
                value={progress.total ? progress.done : undefined}
              />
              {t('exportProgress', [String(progress.done), String(progress.total || '…')])}
            </p>
          )}
          {libraryNote && <p>{libraryNote}</p>}
        </div>
      </section>
    </div>
  );
}
