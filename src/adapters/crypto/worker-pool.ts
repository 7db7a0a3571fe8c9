/**
 * A pool of worker threads that splits a list across all cores and gives the answers back in
 * input order. A worker receives `{ id, ...message }` and answers `{ id, out }`, `out` being one
 * answer per item of its part. Idle workers do not keep the process alive; busy ones do.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface WorkerPool {
  /** `message(part, worker)` is what worker number `worker` is sent for its part of the items. */
  map<T, R>(items: readonly T[], message: (part: readonly T[], worker: number) => object, wire?: Wire<T, R>): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A packed exchange with the workers: the buffers of a part's message moved rather than copied,
 * and a worker's packed answer unpacked into one answer per item of its part.
 */
export interface Wire<T, R> {
  transfer(body: object): ArrayBuffer[];
  decode(out: unknown, part: readonly T[]): ArrayLike<R>;
}

interface Pending {
  resolve(out: ArrayLike<unknown>): void;
  reject(error: Error): void;
}

/** `spawn(i)` starts worker number i (again, after a worker died: per-worker state starts over). */
export function createWorkerPool(spawn: (index: number) => Worker, threads = availableParallelism()): WorkerPool {
  const workers: Worker[] = [];
  const pending = new Map<number, Pending & { worker: Worker }>();
  let nextId = 0;
  const pool = (): Worker[] => {
    if (workers.length === 0) {
      for (let i = 0; i < Math.max(1, threads); i++) {
        const worker = spawn(i);
        worker.on('message', ({ id, out }: { id: number; out: ArrayLike<unknown> }) => {
          pending.get(id)?.resolve(out);
          pending.delete(id);
          if (pending.size === 0) workers.forEach((w) => w.unref());
        });
        // A worker that dies fails what it had in hand; the next call starts a fresh pool.
        worker.on('error', (error) => {
          for (const [id, p] of pending) if (p.worker === worker) { p.reject(error); pending.delete(id); }
          void Promise.all(workers.splice(0).map((w) => w.terminate()));
        });
        worker.unref();
        workers.push(worker);
      }
    }
    return workers;
  };
  return {
    async map<T, R>(items: readonly T[], message: (part: readonly T[], worker: number) => object, wire?: Wire<T, R>): Promise<R[]> {
      if (items.length === 0) return [];
      const ws = pool();
      const slice = Math.ceil(items.length / ws.length);
      const parts = await Promise.all(ws.map((worker, w) => {
        const part = items.slice(w * slice, (w + 1) * slice);
        if (part.length === 0) return Promise.resolve([] as ArrayLike<unknown>);
        const body = message(part, w);
        const id = nextId++;
        return new Promise<ArrayLike<unknown>>((resolve, reject) => {
          pending.set(id, { resolve, reject, worker });
          worker.ref();
          worker.postMessage({ ...body, id }, wire?.transfer(body) ?? []);
        }).then((out) => (wire ? wire.decode(out, part) : out));
      }));
      return parts.flatMap((part) => Array.from(part) as R[]);
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
