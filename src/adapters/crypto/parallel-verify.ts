/**
 * Ed25519 verification spread over all cores: a pool of worker threads, each verifying a slice
 * of a batch. Used by `evere verify`; results come back in the order of the input.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { SignatureCheck } from '../../app/ledger-service.js';

// Plain CommonJS so that the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const keys = new Map();
function keyOf(raw) {
  const x = Buffer.from(raw).toString('base64url');
  let key = keys.get(x);
  if (!key) { key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }); keys.set(x, key); }
  return key;
}
parentPort.on('message', ({ id, items }) => {
  const results = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    try {
      results[i] = it.publicKey.length === 32 && it.signature.length === 64 && verify(null, it.message, keyOf(it.publicKey), it.signature) ? 1 : 0;
    } catch { results[i] = 0; }
  }
  parentPort.postMessage({ id, results }, [results.buffer]);
});
`;

export interface ParallelVerifier {
  verifyMany(items: readonly SignatureCheck[]): Promise<boolean[]>;
  close(): Promise<void>;
}

export function createParallelVerifier(threads = availableParallelism()): ParallelVerifier {
  const workers: Worker[] = [];
  const pending = new Map<number, (results: Uint8Array) => void>();
  let nextId = 0;
  const pool = (): Worker[] => {
    if (workers.length === 0) {
      for (let i = 0; i < Math.max(1, threads); i++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true });
        worker.on('message', ({ id, results }: { id: number; results: Uint8Array }) => {
          pending.get(id)?.(results);
          pending.delete(id);
          // Idle workers must not keep the process alive; busy ones must.
          if (pending.size === 0) workers.forEach((w) => w.unref());
        });
        worker.unref();
        workers.push(worker);
      }
    }
    return workers;
  };
  return {
    async verifyMany(items) {
      if (items.length === 0) return [];
      const ws = pool();
      const slice = Math.ceil(items.length / ws.length);
      const parts = await Promise.all(ws.map((worker, w) => {
        const part = items.slice(w * slice, (w + 1) * slice);
        if (part.length === 0) return Promise.resolve(new Uint8Array(0));
        const id = nextId++;
        return new Promise<Uint8Array>((resolve) => {
          pending.set(id, resolve);
          worker.ref();
          worker.postMessage({ id, items: part });
        });
      }));
      const out: boolean[] = [];
      for (const part of parts) for (const r of part) out.push(r === 1);
      return out;
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
