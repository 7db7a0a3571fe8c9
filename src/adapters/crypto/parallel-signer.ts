/**
 * Ed25519 signing spread over all cores, for large appends (an import of the record, a batch of
 * acts): worker threads, each holding the private keys it was handed (KeyObjects are cloned into
 * the worker; they never leave the process). Results come back in input order.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { KeyObject } from 'node:crypto';
import type { SignMany } from '../../app/ledger-service.js';
import { createWorkerPool } from './worker-pool.js';

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

/** `privateKey` finds a principal's key (the key store's); signing fails if it has none. */
export function createParallelSigner(privateKey: (world: string, id: string) => KeyObject | undefined, threads = availableParallelism()): ParallelSigner {
  // Which keys each worker already holds: a key is sent to a worker once (again to a new worker).
  const known = Array.from({ length: Math.max(1, threads) }, () => new Set<string>());
  const pool = createWorkerPool((index) => {
    known[index]!.clear();
    return new Worker(WORKER_SOURCE, { eval: true });
  }, threads);
  return {
    async signMany(world, jobs) {
      return pool.map<(typeof jobs)[number], Uint8Array>(jobs, (part, w) => {
        const newKeys: [string, KeyObject][] = [];
        for (const job of part) {
          const name = `${world}/${job.actor}`;
          if (known[w]!.has(name)) continue;
          const key = privateKey(world, job.actor);
          if (!key) throw new Error(`no private key for ${name}`);
          newKeys.push([name, key]);
          known[w]!.add(name);
        }
        return { newKeys, jobs: part.map((j) => ({ key: `${world}/${j.actor}`, message: j.message })) };
      });
    },
    async close() {
      known.forEach((k) => k.clear());
      await pool.close();
    },
  };
}
