import { describe, expect, it } from 'vitest';
import { findSourceLine, isEditorCredit } from '../../utils/pure/credits';

describe('findSourceLine', () => {
  it('keeps a Latin source name and drops what follows', () => {
    expect(findSourceLine(['Source: The Associated Press | Updated 3 hours ago'])).toBe(
      'The Associated Press',
    );
    expect(findSourceLine(['来源：网络'])).toBe('网络');
    expect(findSourceLine(['No source here'])).toBeNull();
  });
});

describe('isEditorCredit', () => {
  it("knows a text that opens with an editor's label, in either script", () => {
    expect(isEditorCredit('[责任编辑：韩保林 PK155]')).toBe(true);
    expect(isEditorCredit('（編輯／王小明）')).toBe(true);
    expect(isEditorCredit('作者：张三')).toBe(false);
    expect(isEditorCredit('本报记者 张三 编辑：李四')).toBe(false);
  });
});
