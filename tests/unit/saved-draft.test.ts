import { describe, expect, it } from 'vitest';
import { isClipDraft } from '../../utils/pure/backup-format';
import { toSavedDraft } from '../../utils/pure/saved-draft';
import { makeDraft } from '../kit/builders';

describe('toSavedDraft', () => {
  it('drops the article HTML and plain text and keeps every other field', () => {
    const draft = makeDraft({ pagesJoined: 2, keywords: ['energy'] });
    const saved = toSavedDraft(draft);
    expect(saved).not.toHaveProperty('contentHtml');
    expect(saved).not.toHaveProperty('textContent');
    const { contentHtml: _html, textContent: _text, ...rest } = draft;
    expect(saved).toEqual(rest);
    expect(isClipDraft(saved)).toBe(true);
  });

  it('leaves the extractor’s draft as it was', () => {
    const draft = makeDraft();
    toSavedDraft(draft);
    expect(draft.contentHtml).toContain('turbines');
    expect(draft.textContent).toContain('turbines');
  });
});
