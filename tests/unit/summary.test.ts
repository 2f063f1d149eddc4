import { describe, expect, it } from 'vitest';
import { chooseSummary } from '../../utils/pure/summary';

const ctx = {
  title: 'Stadtwerke wollen Fernwärme massiv ausbauen',
  byline: 'Jana Keller, Tobias Brandt',
  lines: [
    'Energie',
    'Stadtwerke wollen Fernwärme massiv ausbauen',
    'Bis 2030 soll das Netz fast doppelt so groß sein. Die Opposition hält den Plan für zu optimistisch.',
    'Von Jana Keller',
  ],
};

describe('chooseSummary', () => {
  it('takes the first declared description that does not repeat the title or byline', () => {
    expect(chooseSummary([null, ctx.title, 'Ein Plan für 12.000 Haushalte.'], null, ctx)).toBe(
      'Ein Plan für 12.000 Haushalte.',
    );
    expect(chooseSummary(['By Jana Keller, Tobias Brandt'], null, ctx)).toBe(ctx.lines[2]);
  });

  it("takes Readability's excerpt when it is a sentence, never a kicker, and else the standfirst", () => {
    expect(chooseSummary([], 'Kurz und klar.', ctx)).toBe('Kurz und klar.');
    expect(chooseSummary([], 'Energie', ctx)).toBe(ctx.lines[2]);
    expect(chooseSummary([], 'Von Jana Keller', ctx)).toBe(ctx.lines[2]);
  });

  it('skips credit lines and gives null when nothing reads as a summary', () => {
    const cjk = {
      title: '标题',
      byline: '马骁',
      lines: [
        '来源：江城晚报 记者 马骁',
        '经过三个月的升级改造，城东菜市场于本周重新开业，摊位统一明码标价。',
      ],
    };
    expect(chooseSummary([], null, cjk)).toBe(cjk.lines[1]);
    expect(chooseSummary([], null, { title: 'T', byline: null, lines: ['Energie', 'Mehr'] })).toBeNull();
  });
});
