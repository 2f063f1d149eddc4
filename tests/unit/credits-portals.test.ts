// Credit lines as Chinese portals print them: label forms without a colon or glued to the value before, slash and
// pipe labels, reporter credits inside a label, and what is not a writer (photo credits, offices, topics, phrases).
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../utils/pure/byline-text';
import { findBylineLine } from '../../utils/pure/credits';

describe('credit lines on portal pages', () => {
  it('reads an author label glued to the value before it, or with no colon before a name', () => {
    expect(findBylineLine(['2026-09-26 12:11来源：海港时报网作者：胡文川'])).toBe('胡文川');
    expect(findBylineLine(['发表于2026-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者孟星'])).toBe('孟星');
    expect(findBylineLine(['《观潮》作者 程纯'])).toBe('程纯');
    expect(findBylineLine(['作者最新文章'])).toBeNull();
    expect(findBylineLine(['新书的合作者：出版社编辑部'])).toBeNull();
  });

  it('reads slash and pipe labels, `&` between names, and a reporter credit inside a label', () => {
    expect(findBylineLine(['执笔/阿飞姐、钱一刀&马小飞刀'])).toBe('阿飞姐, 钱一刀, 马小飞刀');
    expect(findBylineLine(['采写：海都见习记者 林之远'])).toBe('林之远');
    expect(findBylineLine(['采写：海都记者 余青 向晚'])).toBe('余青, 向晚');
    expect(findBylineLine(['编辑|罗志成'])).toBe('罗志成');
    expect(findBylineLine(['石磊/海湾青年报'])).toBe('石磊');
    expect(findBylineLine(['北京/上海'])).toBeNull();
  });

  it('does not take a photo credit for the writer', () => {
    expect(findBylineLine(['▲海城日报全媒体图片记者王一鸣、李洁摄'])).toBeNull();
    expect(findBylineLine(['图为启动仪式现场。（刘远摄）'])).toBeNull();
    expect(findBylineLine(['资料图：市民在寒风中出行。新华社记者 贾明 摄'])).toBeNull();
    expect(findBylineLine(['本报记者 张明 摄影报道'])).toBe('张明');
    // A photographer and an editor on one line: the editor is the credit left.
    expect(findBylineLine(['党支部、药剂科供稿 摄影/张雪 编辑/苏青'])).toBe('苏青');
  });

  it('does not take an office or a credit word after 作者 for a person', () => {
    expect(findBylineLine(['来源：本站原创 作者：检验科党支部'])).toBeNull();
    expect(findBylineLine(['时间：2026-09-25 作者：网络整理 阅读：1644'])).toBeNull();
    expect(findBylineLine(['长江网10月4日讯（记者陈明 整合） 国庆长假过半，外媒关注的热情不减。'])).toBe(
      '陈明',
    );
  });

  it('reads a closing credit with a 文/图 label, not a name the sentence itself is about', () => {
    expect(findBylineLine(['让金融更好地服务市民。(文/图 刘子东 易思南)'])).toBe('刘子东, 易思南');
    expect(findBylineLine(['网友提问：老师好，蓝海控股，成本10元，后市如何，谢谢。(蓝海控股)'])).toBeNull();
  });

  it('does not read a phrase longer than a name after 记者', () => {
    expect(findBylineLine(['东南亚媒体行圆满收官 外国记者盛赞湾区活力'])).toBeNull();
  });

  it("keeps an editor's Latin name, not a login", () => {
    expect(findBylineLine(['责编：Demi Xu'])).toBe('Demi Xu');
    expect(findBylineLine(['责任编辑：alonliu'])).toBeNull();
  });
});

describe('cleanByline on portal values', () => {
  it('refuses placeholders and the words for unknown', () => {
    expect(cleanByline('name, email@gmail.com')).toBeNull();
    expect(cleanByline('Your Name')).toBeNull();
    expect(cleanByline('未知')).toBeNull();
    expect(cleanByline('Jane Doe (jane@example.com)')).toBe('Jane Doe');
  });

  it('cuts a staff code, a bracket pair and a glued date label', () => {
    expect(cleanByline('[责任编辑：韩立新 PK155]')).toBe('韩立新');
    expect(cleanByline('林雪_NF1234')).toBe('林雪');
    expect(cleanByline('穿搭课代表发布时间：18-03-0823:16')).toBe('穿搭课代表');
    expect(cleanByline('旅行家发表于 2026-01-14')).toBe('旅行家');
  });

  it('reads the author label inside a longer line', () => {
    expect(cleanByline('版权声明 来源：湖畔商报 作者：王晓')).toBe('王晓');
    expect(cleanByline('版权声明 来源：湖畔商报 时间：2026-09-23 作者： 转载请注明：')).toBeNull();
  });
});
