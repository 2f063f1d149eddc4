// The kit's builders give what the real code gives: a stored clip is what the store keeps for the same draft.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../utils/platform/store';
import { toMarkdownKey } from '../../utils/pure/markdown-key';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';
import { KIT_NOW, makeDraft, makeStoredClip } from '../kit/builders';

describe('test kit builders', () => {
  it('makeStoredClip has the shape saveDraft stores for the same draft', async () => {
    const library = await openLibrary(new IDBFactory());
    const draft = makeDraft({ canonical: 'https://news.example/tidal#top' });
    const key = toMarkdownKey(DEFAULT_MARKDOWN_STYLE);
    const { clip } = await library.saveDraft(draft, draft.textContent, KIT_NOW, key);
    library.close();
    expect(makeStoredClip({ id: clip.id, draft: { canonical: 'https://news.example/tidal#top' } })).toEqual(
      clip,
    );
    expect(clip.url).toBe('https://news.example/tidal');
  });

  it('overrides win, nested draft fields included, and other defaults stay', () => {
    const clip = makeStoredClip({ edits: { tags: ['a'] }, draft: { siteName: null } });
    expect(clip.edits).toEqual({ tags: ['a'] });
    expect(clip.draft.siteName).toBeNull();
    expect(clip.draft.title).toBe(makeDraft().title);
    expect(makeDraft({ published: null }).published).toBeNull();
  });
});
