import { describe, expect, it } from 'vitest';
import {
  findCredit,
  findSourceLine,
  isEditorCredit,
  RANK_EDITOR,
  RANK_LABELLED,
} from '../../utils/pure/credits';

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

describe('findCredit on Chinese credit lines', () => {
  const namesOf = (lines: string[]): string[] | undefined => findCredit(lines, RANK_EDITOR)?.names;

  it('reads a two-character name padded with a space in a list of reporters', () => {
    expect(namesOf(['本报记者 王乐文 方 敏'])).toEqual(['王乐文', '方敏']);
    expect(namesOf(['本报记者 方 敏 王乐文'])).toEqual(['方敏', '王乐文']);
    expect(namesOf(['本报记者 王 李 张'])).toBeUndefined();
  });

  it("reads the reporters an agency's dateline names in brackets without a role word", () => {
    const credit = findCredit(
      ['新华社北京5月19日电（刘艺、杨吉）中国科学院专家19日在北京介绍进展。'],
      RANK_EDITOR,
    );
    expect(credit).toEqual({ names: ['刘艺', '杨吉'], rank: RANK_LABELLED });
    // A column's name in the same place is no reporter.
    expect(namesOf(['新华社北京5月19日电（国际观察）各方在会上讨论。'])).toBeUndefined();
  });

  it('leaves an empty author label empty when the next line is a heading, not names', () => {
    const lines = ['来源：新华社', '作者：', '主持召开深入推进区域一体化发展座谈会强调', '编辑：毛梦囡'];
    expect(findCredit(lines, RANK_EDITOR)).toEqual({ names: ['毛梦囡'], rank: RANK_EDITOR });
    // A label in one table cell and the names in the next are still one credit.
    expect(namesOf(['作者：', '张三 李四'])).toEqual(['张三', '李四']);
  });

  it('ends a labelled name at the next label on the line', () => {
    expect(
      namesOf(['时间：2024.05.11 来源：光明日报 作者：南帆 分享到：', '【短视频文化现象观察】']),
    ).toEqual(['南帆']);
  });
});

describe('findCredit: bare names closing a paragraph', () => {
  it('reads two- and three-character names, and four only under a compound surname', () => {
    expect(findCredit(['会议将持续三天。（王芳 李建国）'], RANK_EDITOR)?.names).toEqual(['王芳', '李建国']);
    expect(findCredit(['会议将持续三天。（欧阳建国）'], RANK_EDITOR)?.names).toEqual(['欧阳建国']);
    // An advertisement's `(查看價格)` after an exclamation is no credit.
    expect(findCredit(['新一代步入式浴缸實惠！(查看價格)'], RANK_EDITOR)).toBeNull();
  });
});
