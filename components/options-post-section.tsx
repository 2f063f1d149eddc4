// The options page's front matter section: layout, categories, tags, source and author lines, slug, time zone.
// The time zone is either the browser's own (stored as '') or a named zone this browser knows: two choices,
// so an empty text field is never taken to mean the browser's zone.
import { useEffect, useState } from 'preact/hooks';
import { POST_CHOICES } from '../utils/pure/choices';
import { isValidTimeZone } from '../utils/pure/time-zone';
import type { PostOptions } from '../utils/pure/types';
import { CATEGORY_LABELS, SLUG_LABELS, TAG_LABELS } from './choice-labels';
import { useI18n } from './i18n-context';
import { Choice, Toggle } from './option-fields';

interface PostSectionProps {
  post: PostOptions;
  /** The runtime's own IANA zone, used when the user picks the browser's zone. */
  browserTimeZone: string;
  onChange: <K extends keyof PostOptions>(key: K, value: PostOptions[K]) => void;
  /**
   * False when the active template is not the built-in Jekyll one: layout, categories, tags, the source line and
   * the author line shape only that template, so they are not offered for one they would not change.
   */
  isJekyllActive?: boolean;
}

function TimeZoneField({
  zone,
  browserTimeZone,
  onChange,
}: {
  zone: string;
  browserTimeZone: string;
  onChange: (zone: string) => void;
}) {
  const { t } = useI18n();
  const isBrowserZone = zone === '';
  const [text, setText] = useState(zone);
  const [isInvalid, setInvalid] = useState(false);
  const [isNaming, setNaming] = useState(!isBrowserZone);
  useEffect(() => {
    setText(zone);
    setInvalid(false);
    setNaming(zone !== '');
  }, [zone]);

  function commit() {
    const named = text.trim();
    if (!isValidTimeZone(named)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (named !== zone) onChange(named);
  }

  return (
    <>
      <Toggle
        id="opt-zone-browser"
        label={t('timeZoneUseBrowser', [browserTimeZone])}
        checked={!isNaming}
        onChange={(useBrowser) => {
          setNaming(!useBrowser);
          setInvalid(false);
          // Unticking saves nothing yet: the named zone is saved once it is one this browser knows.
          if (useBrowser && zone !== '') onChange('');
          if (!useBrowser) setText(zone);
        }}
      />
      <div class="field">
        <label for="opt-zone">{t('timeZone')}</label>
        <input
          id="opt-zone"
          type="text"
          value={isNaming ? text : ''}
          placeholder={isNaming ? 'Asia/Shanghai' : browserTimeZone}
          disabled={!isNaming}
          aria-invalid={isInvalid}
          aria-describedby="opt-zone-hint"
          spellcheck={false}
          autocomplete="off"
          onInput={(e) => {
            setText(e.currentTarget.value);
            setInvalid(false);
          }}
          onChange={commit}
        />
        <p id="opt-zone-hint" class={isInvalid ? 'hint is-invalid' : 'hint'}>
          {isInvalid ? t('timeZoneInvalid', [text.trim()]) : t('timeZoneHint')}
        </p>
      </div>
    </>
  );
}

export function PostSection({ post, browserTimeZone, onChange, isJekyllActive = true }: PostSectionProps) {
  const { t } = useI18n();
  const [layoutText, setLayoutText] = useState(post.layout);
  useEffect(() => setLayoutText(post.layout), [post.layout]);

  return (
    <section aria-labelledby="sec-front">
      <h2 id="sec-front">{t('sectionFrontMatter')}</h2>
      {isJekyllActive ? (
        <fieldset class="jekyll-only">
          <legend>{t('libraryJekyllFieldsLegend')}</legend>
          <div class="field">
            <label for="opt-layout">{t('fieldLayout')}</label>
            <input
              id="opt-layout"
              type="text"
              value={layoutText}
              onInput={(e) => setLayoutText(e.currentTarget.value)}
              onChange={(e) => {
                const layout = e.currentTarget.value.trim();
                if (layout !== post.layout) onChange('layout', layout);
              }}
            />
          </div>
          <Choice
            id="opt-categories"
            label={t('categoriesMode')}
            value={post.categoriesMode}
            values={POST_CHOICES.categoriesMode}
            labels={CATEGORY_LABELS}
            onChange={(v) => onChange('categoriesMode', v)}
          />
          <Choice
            id="opt-tags"
            label={t('tagsMode')}
            value={post.tagsMode}
            values={POST_CHOICES.tagsMode}
            labels={TAG_LABELS}
            onChange={(v) => onChange('tagsMode', v)}
          />
          <Toggle
            id="opt-source"
            label={t('includeSourceLine')}
            checked={post.includeSourceLine}
            onChange={(v) => onChange('includeSourceLine', v)}
          />
          <Toggle
            id="opt-author"
            label={t('includeAuthor')}
            checked={post.includeAuthor}
            onChange={(v) => onChange('includeAuthor', v)}
          />
        </fieldset>
      ) : (
        <p class="hint">{t('libraryJekyllFieldsHidden')}</p>
      )}
      <Choice
        id="opt-slug"
        label={t('slugMode')}
        value={post.slugMode}
        values={POST_CHOICES.slugMode}
        labels={SLUG_LABELS}
        onChange={(v) => onChange('slugMode', v)}
      />
      <TimeZoneField
        zone={post.timeZone}
        browserTimeZone={browserTimeZone}
        onChange={(z) => onChange('timeZone', z)}
      />
    </section>
  );
}
