/**
 * Bare Ed25519 verification spread over all cores: the floor `npm run bench` measures
 * `evere verify` against.
 */
import { Worker } from 'node:worker_threads';
import type { SignatureCheck } from '../../app/ledger-service.js';
import { createWorkerPool } from './worker-pool.js';

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
  const out = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    try {
      out[i] = it.publicKey.length === 32 && it.signature.length === 64 && verify(null, it.message, keyOf(it.publicKey), it.signature) ? 1 : 0;
    } catch { out[i] = 0; }
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

export interface ParallelVerifier {
  verifyMany(items: readonly SignatureCheck[]): Promise<boolean[]>;
  close(): Promise<void>;
}

export function createParallelVerifier(threads?: number): ParallelVerifier {
  const pool = createWorkerPool(() => new Worker(WORKER_SOURCE, { eval: true }), threads);
  return {
    async verifyMany(items) {
      return (await pool.map<SignatureCheck, number>(items, (part) => ({ items: part }))).map((r) => r === 1);
    },
    close: () => pool.close(),
  };
}
