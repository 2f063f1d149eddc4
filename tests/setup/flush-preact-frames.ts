// Test setup: preact/hooks runs effects after the next frame, or after a 35 ms timer when no frame comes. Under load
// that timer could outlive a jsdom test file, fire after the environment was torn down, and throw
// "cancelAnimationFrame is not defined" as an unhandled error. Each jsdom file waits for such timers before teardown.
import { afterAll } from 'vitest';

/** Longer than preact's RAF_TIMEOUT (35 ms): Node fires timers in expiry order, so every pending one runs first. */
const AFTER_PREACT_FRAME_TIMEOUT_MS = 50;

afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise<void>((resolve) => setTimeout(resolve, AFTER_PREACT_FRAME_TIMEOUT_MS));
});
