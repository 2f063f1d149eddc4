// The port of the Scrapinghub benchmark's evaluate.py metric, on texts written for the test.
import { describe, expect, it } from 'vitest';
import { zyteCounts, zyteScore, zyteTokenize } from '../bench/body-zyte';

const TRUE = 'The night bus network will reach the northern districts from March, the office said.';

describe('zyteTokenize', () => {
  it("reads Python's \\w+: case kept, underscores and digits in words, punctuation out, CJK not split", () => {
    expect(zyteTokenize('Night_bus 24h, café! 夜间公交')).toEqual(['Night_bus', '24h', 'café', '夜间公交']);
  });
});

describe('zyteCounts and zyteScore', () => {
  it('normalises one page to TP+FP+FN = 1', () => {
    const c = zyteCounts(TRUE, `${TRUE} Share this story on social media now please`);
    expect(c.tp + c.fp + c.fn).toBeCloseTo(1, 12);
    expect(c.fn).toBe(0);
    expect(c.fp).toBeGreaterThan(0);
  });

  it('counts an empty extraction as recall 0 and leaves it out of precision', () => {
    const empty = zyteCounts(TRUE, '');
    expect(empty).toEqual({ tp: 0, fp: 0, fn: 1 });
    const perfect = zyteCounts(TRUE, TRUE);
    const s = zyteScore([perfect, empty]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * 1 * 0.5) / 1.5, 12);
  });

  it('takes F1 from the mean precision and recall, not the mean of per-page F1s', () => {
    const a = zyteCounts('one two three four five', 'one two three four five six seven eight');
    const b = zyteCounts('alpha beta gamma delta epsilon zeta', 'alpha beta gamma delta');
    const s = zyteScore([a, b]);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 12);
    expect(s.precision).toBeCloseTo((2 / 5 + 1) / 2, 12);
    expect(s.recall).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });
});
