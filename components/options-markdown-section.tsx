// The options page's Markdown style section: one select per turndown option, each saved on change.
import { MARKDOWN_CHOICES } from '../utils/pure/choices';
import type { MarkdownStyle } from '../utils/pure/types';
import { CODE_LABELS, HEADING_LABELS, LINK_LABELS } from './choice-labels';
import { useI18n } from './i18n-context';
import { Choice } from './option-fields';

interface MarkdownSectionProps {
  markdown: MarkdownStyle;
  onChange: <K extends keyof MarkdownStyle>(key: K, value: MarkdownStyle[K]) => void;
}

export function MarkdownSection({ markdown, onChange }: MarkdownSectionProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sec-md">
      <h2 id="sec-md">{t('sectionMarkdown')}</h2>
      <p class="hint">{t('editorMarkdownAppliesToNew')}</p>
      <Choice
        id="md-heading"
        label={t('headingStyle')}
        value={markdown.headingStyle}
        values={MARKDOWN_CHOICES.headingStyle}
        labels={HEADING_LABELS}
        onChange={(v) => onChange('headingStyle', v)}
      />
      <Choice
        id="md-bullet"
        label={t('bulletMarker')}
        value={markdown.bulletListMarker}
        values={MARKDOWN_CHOICES.bulletListMarker}
        onChange={(v) => onChange('bulletListMarker', v)}
      />
      <Choice
        id="md-em"
        label={t('emphasis')}
        value={markdown.emDelimiter}
        values={MARKDOWN_CHOICES.emDelimiter}
        onChange={(v) => onChange('emDelimiter', v)}
      />
      <Choice
        id="md-strong"
        label={t('strong')}
        value={markdown.strongDelimiter}
        values={MARKDOWN_CHOICES.strongDelimiter}
        onChange={(v) => onChange('strongDelimiter', v)}
      />
      <Choice
        id="md-code"
        label={t('codeBlockStyle')}
        value={markdown.codeBlockStyle}
        values={MARKDOWN_CHOICES.codeBlockStyle}
        labels={CODE_LABELS}
        onChange={(v) => onChange('codeBlockStyle', v)}
      />
      <Choice
        id="md-fence"
        label={t('fence')}
        value={markdown.fence}
        values={MARKDOWN_CHOICES.fence}
        onChange={(v) => onChange('fence', v)}
      />
      <Choice
        id="md-link"
        label={t('linkStyle')}
        value={markdown.linkStyle}
        values={MARKDOWN_CHOICES.linkStyle}
        labels={LINK_LABELS}
        onChange={(v) => onChange('linkStyle', v)}
      />
    </section>
  );
}
