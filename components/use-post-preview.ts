// The options page's live preview: the post the current settings make, following an unsaved template as the
// user types (a moment after the last key), and never showing an answer older than the latest request.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditableSettings, OptionsServices, PostPreview } from '../utils/pure/page-api';
import type { Template } from '../utils/pure/template';

/** How long the preview waits after the last keystroke in a template before it renders. */
export const PREVIEW_DELAY_MS = 250;

/** The settings with an unsaved template in place of its stored version, for the preview. */
export function withDraft(settings: EditableSettings, draft: Template | null): EditableSettings {
  if (!draft) return settings;
  return { ...settings, templates: settings.templates.map((tpl) => (tpl.id === draft.id ? draft : tpl)) };
}

export interface PostPreviewState {
  /** undefined while the first preview loads; null when there is nothing to show. */
  preview: PostPreview | null | undefined;
  isDraft: boolean;
  refresh: (settings: EditableSettings) => Promise<void>;
  followDraft: (draft: Template | null) => void;
}

/** `latestSettings` reads the settings of the latest render, so a save within the delay is not undone. */
export function usePostPreview(
  services: OptionsServices,
  latestSettings: () => EditableSettings | null,
): PostPreviewState {
  const [preview, setPreview] = useState<PostPreview | null | undefined>(undefined);
  const [isDraft, setIsDraft] = useState(false);
  const request = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draft = useRef<Template | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Every preview shows the unsaved template being edited, if any: a settings change must not hide it.
  async function refresh(settings: EditableSettings) {
    const id = ++request.current;
    const result = await services.preview(withDraft(settings, draft.current));
    if (id === request.current) setPreview(result.ok ? result.value : null);
  }

  function followDraft(next: Template | null) {
    if (draft.current === next) return;
    draft.current = next;
    setIsDraft(next !== null);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const settings = latestSettings();
      if (settings) void refresh(settings);
    }, PREVIEW_DELAY_MS);
  }

  return { preview, isDraft, refresh, followDraft };
}
