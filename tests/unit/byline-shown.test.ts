import { describe, expect, it } from 'vitest';
import { isShownAsWriter, readAccountPerson } from '../../utils/pure/byline-shown';

describe('isShownAsWriter', () => {
  it("is true for a name the page shows anywhere but after an editor's label", () => {
    expect(isShownAsWriter(['标题', '作者：张倩 来源：光明日报'], '张倩')).toBe(true);
    expect(isShownAsWriter(['[ 责编：张倩 ]'], '张倩')).toBe(false);
    expect(isShownAsWriter(['编辑：倪仕轩  责任编辑：杨格'], '倪仕轩')).toBe(false);
    expect(isShownAsWriter(['（编辑：严玉洁 王辉）'], '严玉洁')).toBe(false);
    expect(isShownAsWriter(['正文'], '张倩')).toBe(false);
  });

  it('is true when one of several mentions is not an editor credit', () => {
    expect(isShownAsWriter(['责编：张倩', '张倩 2024-05-20'], '张倩')).toBe(true);
  });
});

describe('readAccountPerson', () => {
  it('reads the person a CMS account names, alone or after the site name', () => {
    expect(readAccountPerson('张倩')).toBe('张倩');
    expect(readAccountPerson('青网新闻杨逸凡')).toBe('杨逸凡');
    expect(readAccountPerson('青网新闻张毅')).toBe('张毅');
  });

  it('is null for a pen name, an outlet or a Latin name', () => {
    expect(readAccountPerson('月落长安')).toBeNull();
    expect(readAccountPerson('中国新闻网')).toBeNull();
    expect(readAccountPerson('Jane Doe')).toBeNull();
  });
});
