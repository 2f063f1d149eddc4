// The options page: post and Markdown settings (saved on change), templates and site rules with a live preview,
// library size, export, backup and restore. Each section is its own component; this one loads and saves.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TOOLBAR_BUTTONS } from '../utils/pure/choices';
import type { EditableSettings, OptionsServices } from '../utils/pure/page-api';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID, toJekyllTemplate } from '../utils/pure/presets';
import type { Failure } from '../utils/pure/result';
import type { Template } from '../utils/pure/template';
import type { ImageSettings, MarkdownStyle, PostOptions } from '../utils/pure/types';
import { imageSettingsOf } from '../utils/pure/types';
import { ErrorBanner } from './error-banner';
import { useI18n } from './i18n-context';
import { TOOLBAR_BUTTON_LABELS } from './choice-labels';
import { Choice, Toggle } from './option-fields';
import { ImagesSection } from './options-images-section';
import { LibrarySection } from './options-library-section';
import { MarkdownSection } from './options-markdown-section';
import { PostSection } from './options-post-section';
import { ShareSection } from './options-share-section';
import { PostPreview } from './post-preview';
import { PublishSection } from './options/publish-section';
import { RuleList } from './rule-list';
import { TemplateEditor } from './template-editor';
import { usePostPreview } from './use-post-preview';

/** The built-in templates as this user gets them: Jekyll made from their post options. */
export function listBuiltIns(post: PostOptions): Template[] {
  return BUILT_IN_TEMPLATES.map((tpl) => (tpl.id === DEFAULT_TEMPLATE_ID ? toJekyllTemplate(post) : tpl));
}

export interface OptionsAppProps {
  services: OptionsServices;
}

export function OptionsApp({ services }: OptionsAppProps) {
  const { t, describeError } = useI18n();
  const [settings, setSettings] = useState<EditableSettings | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const [error, setError] = useState<Failure | null>(null);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const preview = usePostPreview(services, () => settingsRef.current);

  async function loadAll() {
    const loaded = await services.loadSettings();
    if (!loaded.ok) {
      setError(loaded);
      return;
    }
    setSettings(loaded.value);
    void preview.refresh(loaded.value);
  }

  useEffect(() => {
    void loadAll();
  }, []);

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
    void preview.refresh(next);
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
  function setImages<K extends keyof ImageSettings>(key: K, value: ImageSettings[K]) {
    void save({ ...current, images: { ...imageSettingsOf(current), [key]: value } });
  }
  const builtIns = listBuiltIns(current.post);

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

      <PostSection
        post={current.post}
        browserTimeZone={services.browserTimeZone()}
        onChange={setPost}
        isJekyllActive={current.activeTemplateId === DEFAULT_TEMPLATE_ID}
      />
      <MarkdownSection markdown={current.markdown} onChange={setMarkdown} />
      <ImagesSection images={imageSettingsOf(current)} onChange={setImages} />

      <section aria-labelledby="sec-popup">
        <h2 id="sec-popup">{t('sectionPopup')}</h2>
        <Choice
          id="opt-toolbar-button"
          label={t('toolbarButtonLabel')}
          value={current.toolbarButton ?? 'clip'}
          values={TOOLBAR_BUTTONS}
          labels={TOOLBAR_BUTTON_LABELS}
          onChange={(v) => void save({ ...current, toolbarButton: v })}
        />
        <p class="hint">{t('toolbarButtonHint')}</p>
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
          onDraft={preview.followDraft}
        />
      </section>

      <section aria-labelledby="sec-rules">
        <h2 id="sec-rules">{t('sectionRules')}</h2>
        <p class="hint">{t('rulesHint')}</p>
        <RuleList
          rules={current.rules}
          templates={[...builtIns, ...current.templates]}
          onChange={(rules) => void save({ ...current, rules })}
        />
      </section>

      <ShareSection settings={current} services={services} onSave={save} onError={setError} />

      <section aria-labelledby="sec-preview">
        <h2 id="sec-preview">{t('sectionPreview')}</h2>
        <PostPreview preview={preview.preview} isDraft={preview.isDraft} />
      </section>

      {services.publish && <PublishSection services={services.publish} />}

      <LibrarySection services={services} onError={setError} onRestored={loadAll} />
    </div>
  );
}
