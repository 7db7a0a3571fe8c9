/**
 * Ed25519 signing spread over all cores, for large appends (an import of the record, a batch of
 * acts): a pool of worker threads, each holding the private keys it was handed (KeyObjects are
 * cloned into the worker; they never leave the process). Results come back in input order.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { KeyObject } from 'node:crypto';
import type { SignMany } from '../../app/ledger-service.js';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
const keys = new Map();
parentPort.on('message', ({ id, newKeys, jobs }) => {
  for (const [name, key] of newKeys) keys.set(name, key);
  const out = jobs.map((j) => new Uint8Array(sign(null, j.message, keys.get(j.key))));
  parentPort.postMessage({ id, out });
});
`;

export interface ParallelSigner {
  readonly signMany: SignMany;
  close(): Promise<void>;
}

/** `privateKey` finds a principal's key (the file key store's); signing fails if it has none. */
export function createParallelSigner(privateKey: (world: string, id: string) => KeyObject | undefined, threads = availableParallelism()): ParallelSigner {
  const workers: { worker: Worker; known: Set<string> }[] = [];
  const pending = new Map<number, (out: Uint8Array[]) => void>();
  let nextId = 0;
  const pool = () => {
    if (workers.length === 0) {
      for (let i = 0; i < Math.max(1, threads); i++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true });
        worker.on('message', ({ id, out }: { id: number; out: Uint8Array[] }) => {
          pending.get(id)?.(out);
          pending.delete(id);
          if (pending.size === 0) workers.forEach((w) => w.worker.unref());
        });
        worker.unref();
        workers.push({ worker, known: new Set() });
      }
    }
    return workers;
  };
  return {
    async signMany(world, jobs) {
      if (jobs.length === 0) return [];
      const ws = pool();
      const slice = Math.ceil(jobs.length / ws.length);
      const parts = await Promise.all(ws.map((w, i) => {
        const part = jobs.slice(i * slice, (i + 1) * slice);
        if (part.length === 0) return Promise.resolve([] as Uint8Array[]);
        const newKeys: [string, KeyObject][] = [];
        for (const job of part) {
          const name = `${world}/${job.actor}`;
          if (!w.known.has(name)) {
            const key = privateKey(world, job.actor);
            if (!key) throw new Error(`no private key for ${name}`);
            newKeys.push([name, key]);
            w.known.add(name);
          }
        }
        const id = nextId++;
        return new Promise<Uint8Array[]>((resolve) => {
          pending.set(id, resolve);
          w.worker.ref();
          w.worker.postMessage({ id, newKeys, jobs: part.map((j) => ({ key: `${world}/${j.actor}`, message: j.message })) });
        });
      }));
      return parts.flat();
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
    },
  };
}
