import { describe, expect, it } from 'vitest';
import { timeStage } from '../../utils/pure/stage-timings';

describe('timeStage', () => {
  it('runs the work and returns its value when nobody measures', () => {
    expect(timeStage(undefined, 'clone', () => 42)).toBe(42);
  });

  it('adds each run of a stage to its total, by the given clock', () => {
    let now = 0;
    const timer = { timings: {}, clock: () => now };
    timeStage(timer, 'readability', () => {
      now += 5;
    });
    timeStage(timer, 'readability', () => {
      now += 2;
    });
    timeStage(timer, 'turndown', () => {
      now += 1;
    });
    expect(timer.timings).toEqual({ readability: 7, turndown: 1 });
  });

  it('still records the stage when the work throws', () => {
    let now = 0;
    const timer = { timings: {}, clock: () => now };
    expect(() =>
      timeStage(timer, 'dates', () => {
        now += 3;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(timer.timings).toEqual({ dates: 3 });
  });
});
