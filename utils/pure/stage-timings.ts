// Pure: an optional stage clock for the clip pipeline. Production passes none (one `undefined` check per stage);
// bench:clip passes one and reads the last run's numbers from the injected API.

/** The stages of one clip, in the order they run. */
export const CLIP_STAGES = [
  'clone',
  'shadow',
  'flatten',
  'preclean',
  'readability',
  'metadata',
  'dates',
  'trim',
  'serialize',
  'pages',
  'images',
  'markdownPrepare',
  'turndown',
] as const;

export type ClipStage = (typeof CLIP_STAGES)[number];

/** Milliseconds per stage; a stage run twice (the iframe retry) adds up. */
export type StageTimings = Partial<Record<ClipStage, number>>;

export interface StageClock {
  timings: StageTimings;
  /** Milliseconds from any origin; `performance.now` in a page. */
  clock: () => number;
}

/** Runs `work`, adding its duration to `stage` when a clock is given. */
export function timeStage<T>(timer: StageClock | undefined, stage: ClipStage, work: () => T): T {
  if (!timer) return work();
  const start = timer.clock();
  try {
    return work();
  } finally {
    timer.timings[stage] = (timer.timings[stage] ?? 0) + (timer.clock() - start);
  }
}
