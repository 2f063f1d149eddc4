import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, UNSEEN_TAGS, withBlockTags } from '../../utils/dom/html-blocks';

describe('block tags', () => {
  it('lists the flow blocks in upper case, inline elements not among them', () => {
    for (const tag of ['P', 'DIV', 'H1', 'LI', 'TABLE', 'PRE']) expect(BLOCK_TAGS.has(tag)).toBe(true);
    for (const tag of ['A', 'SPAN', 'EM', 'STRONG', 'IMG', 'p']) expect(BLOCK_TAGS.has(tag)).toBe(false);
  });

  it('extends the shared set without changing it', () => {
    const lines = withBlockTags('BR', 'TD');
    expect(lines.has('BR') && lines.has('TD') && lines.has('P')).toBe(true);
    expect(BLOCK_TAGS.has('BR')).toBe(false);
  });

  it('lists the elements whose text no reader sees, apart from the blocks', () => {
    for (const tag of ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']) {
      expect(UNSEEN_TAGS.has(tag)).toBe(true);
      expect(BLOCK_TAGS.has(tag)).toBe(false);
    }
    expect(UNSEEN_TAGS.has('P')).toBe(false);
  });
});
