// The options page's Images section: keep images with clips, Jekyll's baseurl, and how Obsidian links them.
import { useEffect, useState } from 'preact/hooks';
import type { ImageSettings } from '../utils/pure/types';
import { OBSIDIAN_LINK_LABELS } from './choice-labels';
import { useI18n } from './i18n-context';
import { Choice, Toggle } from './option-fields';

const OBSIDIAN_LINKS = ['embed', 'relative'] as const;

interface ImagesSectionProps {
  images: ImageSettings;
  onChange: <K extends keyof ImageSettings>(key: K, value: ImageSettings[K]) => void;
}

export function ImagesSection({ images, onChange }: ImagesSectionProps) {
  const { t } = useI18n();
  // The baseurl is saved when the field is left (or Enter), not on every key.
  const [baseurl, setBaseurl] = useState(images.baseurl);
  useEffect(() => setBaseurl(images.baseurl), [images.baseurl]);
  return (
    <section aria-labelledby="sec-images">
      <h2 id="sec-images">{t('imagesSection')}</h2>
      <Toggle
        id="images-keep"
        label={t('imagesKeepOption')}
        checked={images.keep}
        onChange={(v) => onChange('keep', v)}
      />
      <div class="field">
        <label for="images-baseurl">{t('imagesBaseurl')}</label>
        <input
          id="images-baseurl"
          type="text"
          placeholder="/blog"
          aria-describedby="images-baseurl-hint"
          value={baseurl}
          onInput={(e) => setBaseurl(e.currentTarget.value)}
          onChange={(e) => {
            const value = e.currentTarget.value.trim();
            if (value !== images.baseurl) onChange('baseurl', value);
          }}
        />
        <p id="images-baseurl-hint" class="hint">
          {t('imagesBaseurlHint')}
        </p>
      </div>
      <Choice
        id="images-obsidian"
        label={t('imagesObsidianLinks')}
        value={images.obsidianLinks}
        values={OBSIDIAN_LINKS}
        labels={OBSIDIAN_LINK_LABELS}
        onChange={(v) => onChange('obsidianLinks', v)}
      />
    </section>
  );
}
