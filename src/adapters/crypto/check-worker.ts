/** A worker thread that checks entries (src/app/entry-check.ts) with node:crypto. */
import { parentPort } from 'node:worker_threads';
import { checkEntry } from '../../app/entry-check.js';
import { nodeCrypto } from './node-crypto.js';
import { checksBuffers, packChecks, unpackRows, type CheckTask } from './check-wire.js';

parentPort!.on('message', (task: CheckTask & { id: number }) => {
  const keys = new Map(task.keys);
  const out = packChecks(unpackRows(task).map((r) => checkEntry(nodeCrypto, task.world, r.seq, r.bytes, keys)));
  parentPort!.postMessage({ id: task.id, out }, checksBuffers(out));
});
