// Platform: retries an injection the page's renderer refused just after a toolbar click. Chromium grants activeTab
// in the browser process before it dispatches the click, but tells the page's renderer on another channel than the
// injection's: a clip started at once in the click's handler can reach the renderer first and be refused with the
// URL-free "Cannot access contents of the page" (the browser's own check, which passed, names the URL). Seen in
// about 1 clip in 40 in the E2E runs; a short wait lets the grant arrive.

import { errorMessage } from '../pure/error-message';

/** Chromium's renderer-side refusal (no URL in it): the grant may not have reached the page yet. */
const NOT_YET_GRANTED = /^Cannot access contents of the page\. Extension manifest must request permission/;
/** Waits between tries: at most 350 ms more for a page that really is not granted. */
export const GRANT_RETRY_DELAYS_MS = [50, 100, 200] as const;

export async function retryUntilGranted<T>(
  inject: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (const delay of GRANT_RETRY_DELAYS_MS) {
    try {
      return await inject();
    } catch (error) {
      if (!NOT_YET_GRANTED.test(errorMessage(error))) throw error;
      await sleep(delay);
    }
  }
  return inject();
}
