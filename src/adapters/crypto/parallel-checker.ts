/**
 * Entry checks spread over all cores: a pool of worker threads running the same pure check as
 * the in-process one (src/app/entry-check.ts). Results come back in input order.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { EntryCheck, EntryChecker, EntryKey } from '../../app/entry-check.js';

export interface ParallelChecker {
  readonly check: EntryChecker;
  close(): Promise<void>;
}

export function createParallelChecker(threads = availableParallelism()): ParallelChecker {
  const workers: Worker[] = [];
  const pending = new Map<number, (results: EntryCheck[]) => void>();
  let nextId = 0;
  const pool = (): Worker[] => {
    if (workers.length === 0) {
      for (let i = 0; i < Math.max(1, threads); i++) {
        // The worker is TypeScript: a small boot file registers the loader first.
        const worker = new Worker(new URL('./check-worker-boot.mjs', import.meta.url));
        worker.on('message', ({ id, results }: { id: number; results: EntryCheck[] }) => {
          pending.get(id)?.(results);
          pending.delete(id);
          if (pending.size === 0) workers.forEach((w) => w.unref());
        });
        worker.unref();
        workers.push(worker);
      }
    }
    return workers;
  };
  return {
    async check(world, rows, keys) {
      if (rows.length === 0) return [];
      const ws = pool();
      const keyList: [string, EntryKey][] = [...keys];
      const slice = Math.ceil(rows.length / ws.length);
      const parts = await Promise.all(ws.map((worker, w) => {
        const part = rows.slice(w * slice, (w + 1) * slice).map((r) => ({ seq: r.seq, bytes: r.bytes }));
        if (part.length === 0) return Promise.resolve([] as EntryCheck[]);
        const id = nextId++;
        return new Promise<EntryCheck[]>((resolve) => {
          pending.set(id, resolve);
          worker.ref();
          worker.postMessage({ id, world, rows: part, keys: keyList });
        });
      }));
      return parts.flat();
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
