// Platform: the popup's side of a batch: the permission prompt in the click, the remembered choice for unloaded
// tabs, and the start/cancel/status messages to the background that owns the batch.
import { browser } from 'wxt/browser';
import type { BatchServices } from '../pure/page-api';
import type { BatchStartRequest } from '../pure/protocol';
import { fail } from '../pure/result';
import { BATCH_NO_PERMISSION, requestBatchPermission } from './batch-permission';
import { sendMessage } from './messages';
import { loadSettings, saveSettings } from './settings';

export function createBatchServices(): BatchServices {
  return {
    start(scope, discarded) {
      // Not after an await: browsers open the prompt only while the click is still being handled.
      const asking = requestBatchPermission();
      return (async () => {
        if (!(await asking)) return fail('injection-failed', BATCH_NO_PERMISSION);
        await saveSettings({ ...(await loadSettings()), batchDiscarded: discarded }).catch(() => undefined);
        const window = await browser.windows.getCurrent().catch(() => null);
        const request: BatchStartRequest = { scope, discarded };
        if (window?.id !== undefined) request.windowId = window.id;
        return sendMessage('batch-start', request);
      })();
    },
    cancel: () => sendMessage('batch-cancel', {}),
    status: () => sendMessage('batch-status', {}),
    async discardedChoice() {
      return (await loadSettings()).batchDiscarded ?? 'reload';
    },
  };
}
