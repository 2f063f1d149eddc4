// Pure: the draft as the clip message carries it and the library keeps it (types.ts SavedDraft).
import type { SavedDraft } from './types';

/**
 * `draft` (a ClipDraft, or one already without them) without its article HTML and plain text: the clip sends and saves the Markdown made from them instead,
 * which is what every post, search and export reads. On a long page this is most of the message.
 */
export function toSavedDraft(draft: SavedDraft): SavedDraft {
  const { contentHtml: _html, textContent: _text, ...saved } = draft;
  return saved;
}
