// The user's existing tags, most used first, for the tag box's autocomplete: read again each time a clip opens, so
// tags saved on another clip a moment ago are offered too. Without the service (older pages, fakes) none are offered.
import { useEffect, useState } from 'preact/hooks';
import type { PopupServices } from '../utils/pure/page-api';

export function useTagSuggestions(
  services: Pick<PopupServices, 'listTags'>,
  openedId: string | null,
): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    if (openedId === null || !services.listTags) return;
    let isCurrent = true;
    void services.listTags().then((result) => {
      // A failed read only loses the suggestions; the tags themselves are still typed and saved.
      if (isCurrent && result.ok) setTags(result.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [openedId]);
  return tags;
}
