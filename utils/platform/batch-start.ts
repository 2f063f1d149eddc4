// Platform: starting a batch, from the popup (through a message) or a context menu: the host permission first,
// then the runner. The popup asks for the permission itself, in the click, with the reason shown beside the button.
import type { BatchScope, BatchStartRequest, BatchState } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail } from '../pure/result';
import { BATCH_NO_PERMISSION, hasBatchPermission } from './batch-permission';
import type { BatchRunner } from './batch-runner';
import { loadSettings } from './settings';

export async function startBatchIfAllowed(
  runner: BatchRunner,
  request: BatchStartRequest,
  isAllowed: () => Promise<boolean> = hasBatchPermission,
): Promise<Result<BatchState>> {
  if (!(await isAllowed())) return fail('injection-failed', BATCH_NO_PERMISSION);
  return runner.start(request);
}

/** A batch from the context menu: the remembered choice for unloaded tabs; the badge reports the outcome. */
export async function startBatchFromMenu(
  runner: BatchRunner,
  scope: BatchScope,
  windowId: number | undefined,
  asking: Promise<boolean>,
): Promise<Result<BatchState>> {
  if (!(await asking)) return fail('injection-failed', BATCH_NO_PERMISSION);
  const { batchDiscarded = 'reload' } = await loadSettings();
  const request: BatchStartRequest = { scope, discarded: batchDiscarded };
  if (windowId !== undefined && windowId >= 0) request.windowId = windowId;
  const started = await startBatchIfAllowed(runner, request, () => Promise.resolve(true));
  if (!started.ok) return started;
  await runner.finished;
  const done = runner.status();
  return done ? { ok: true, value: done } : started;
}
