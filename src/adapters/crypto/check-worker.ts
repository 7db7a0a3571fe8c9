/** A worker thread that checks entries (src/app/entry-check.ts) with node:crypto. */
import { parentPort } from 'node:worker_threads';
import { checkEntry, type EntryKey } from '../../app/entry-check.js';
import { nodeCrypto } from './node-crypto.js';

interface Task {
  readonly id: number;
  readonly world: string;
  readonly rows: { seq: number; bytes: Uint8Array }[];
  readonly keys: [string, EntryKey][];
}

parentPort!.on('message', (task: Task) => {
  const keys = new Map(task.keys);
  const results = task.rows.map((r) => checkEntry(nodeCrypto, task.world, r.seq, r.bytes, keys));
  parentPort!.postMessage({ id: task.id, out: results });
});
