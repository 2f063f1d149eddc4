import { describe, expect, it } from 'vitest';
import { findByLines, readAndLine, readByLine } from '../../utils/pure/byline-lines';
import { findBylineLine } from '../../utils/pure/credits';

describe('readByLine', () => {
  it.each([
    ['Von Jana Keller', ['Jana Keller']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Par Marie Dupont et Luc Martin', ['Marie Dupont', 'Luc Martin']],
    ['Door Pieter van der Berg', ['Pieter van der Berg']],
    ['Por Ana García, Luis Pérez', ['Ana García', 'Luis Pérez']],
  ])('%s', (line, names) => {
    expect(readByLine(line)).toEqual(names);
  });

  it.each([
    'Von der Leyen said on Tuesday that the plan would go ahead',
    'by the river',
    'Von 2030 an',
    'By clicking Submit you agree to our terms',
    'Jana Keller',
  ])('is not a by-line: %s', (line) => {
    expect(readByLine(line)).toEqual([]);
  });
});

describe('readAndLine and findByLines', () => {
  it('reads the names on the lines after a by-line', () => {
    expect(readAndLine('und Tobias Brandt')).toEqual(['Tobias Brandt']);
    expect(readAndLine('und dann kam der Regen')).toEqual([]);
    expect(
      findByLines(['Energie', 'Von Jana Keller', 'und Tobias Brandt', 'Die Stadtwerke wollen …']),
    ).toEqual({
      names: ['Jana Keller', 'Tobias Brandt'],
      start: 1,
      end: 3,
    });
    expect(findByLines(['Die Stadtwerke wollen das Netz ausbauen.'])).toBeNull();
  });

  it('gives the credit search both names, in order', () => {
    expect(findBylineLine(['Von Jana Keller', 'und Tobias Brandt', '07.10.2026, 16:05 Uhr'])).toBe(
      'Jana Keller, Tobias Brandt',
    );
  });
});

describe('reporter credits among other dateline fields', () => {
  it('reads 记者 after a time and a 来源 field, never the outlet', () => {
    expect(findBylineLine(['昨天 21:05 来源：江城晚报 记者 马骁'])).toBe('马骁');
  });

  it('still refuses 记者 inside running text', () => {
    expect(findBylineLine(['6月30日，本报记者在广汽 看到了新车。'])).toBeNull();
  });

  it('does not read a reporter out of a breadcrumb, and keeps a name with its Latin form', () => {
    expect(findBylineLine(['当前位置： 首页 ｜ 新华社记者看东北 ｜ 人物专访'])).toBeNull();
    expect(findBylineLine(['作者：周思博 (Joel Spolsky)'])).toBe('周思博 (Joel Spolsky)');
  });

  it('reads a slashed writer and leaves the account beside it', () => {
    expect(findBylineLine(['文/林晓 江城生活圈'])).toBe('林晓');
  });
});
