import { describe, expect, it } from 'vitest';
import { BREAK_MARK, CODE_MARK } from '../../utils/dom/markdown-prepare';
import { restoreCode, tidyWhitespace } from '../../utils/dom/markdown-tidy';

describe('tidyWhitespace', () => {
  it('keeps a break as a hard break only before a line, and collapses blank lines', () => {
    expect(tidyWhitespace(`a${BREAK_MARK}\nb${BREAK_MARK}\n\n\n\nc  `)).toBe('a  \nb\n\nc');
  });
});

describe('restoreCode', () => {
  it('puts code back under its fence, with the line prefix of its token', () => {
    const md = `> \`\`\`\n> ${CODE_MARK}0${CODE_MARK}\n> \`\`\``;
    expect(restoreCode(md, ['x = 1\ny = 2'])).toBe('> ```\n> x = 1\n> y = 2\n> ```');
  });

  it('escapes code whose fence did not open', () => {
    expect(restoreCode(`text ${CODE_MARK}0${CODE_MARK}`, ['<b>*x*</b>'])).toBe('text &lt;b>\\*x\\*&lt;/b>');
  });
});
