// Injected on demand into the active tab's isolated world (never a content script): extracts and converts the page,
// returns plain data. It must never touch the store: IndexedDB here would belong to the news site.
import { defineUnlistedScript } from '#imports';
import type { ClipStartedMessage, PostclipGlobal } from '../../utils/pure/protocol';
import { PAGE_MESSAGE } from '../../utils/pure/protocol';
import { createInjectedApi } from './injected-api';

interface RuntimeHost {
  runtime?: { sendMessage?: (message: unknown) => unknown };
}

/**
 * Tells the background, beside the running call, that the toolbar click's clip has started (utils/pure/toolbar-phase.ts).
 * The extension API directly, not wxt/browser: its polyfill would grow this script for one call. Nobody answers:
 * the rejection that says so is dropped.
 */
function tellClipStarted(message: ClipStartedMessage): void {
  const host = globalThis as { browser?: RuntimeHost; chrome?: RuntimeHost };
  try {
    // Promise.resolve adopts the browser's promise (or a callback API's undefined) and drops its rejection.
    Promise.resolve((host.browser ?? host.chrome)?.runtime?.sendMessage?.(message)).catch(() => undefined);
  } catch {
    // No way to tell: the popup says "Looking at the page…" until the call answers, as before.
  }
}

export default defineUnlistedScript(() => {
  (globalThis as PostclipGlobal).__postclip = createInjectedApi(
    document,
    () => location.href,
    (probe, callId) => tellClipStarted({ type: PAGE_MESSAGE.clipStarted, probe, callId }),
  );
});
