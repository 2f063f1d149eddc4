// Node: a clip worker thread: clips the pages the pool sends, one at a time, and posts each page's JSON line back.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerSettings, WorkerTask } from './pool';
import { clipEntry } from './clip-page';

const settings = workerData as WorkerSettings;
const port = parentPort;
if (!port) throw new Error('cli/worker.ts runs only as a worker thread (see runBatch in cli/pool.ts)');

port.on('message', (task: WorkerTask) => {
  const clipSettings = settings.now
    ? { timeZone: settings.timeZone, now: new Date(settings.now) }
    : { timeZone: settings.timeZone };
  void clipEntry(task.entry, clipSettings).then((line) => {
    const reply: WorkerReply = { kind: 'line', index: task.index, line };
    port.postMessage(reply);
  });
});

const ready: WorkerReply = { kind: 'ready' };
port.postMessage(ready);
