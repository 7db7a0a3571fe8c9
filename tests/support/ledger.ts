/** Test wiring: a ledger service over any store, with a fixed clock and in-memory keys. */
import { randomBytes } from 'node:crypto';
import { LedgerService, type Draft } from '../../src/app/ledger-service.js';
import type { LedgerStore } from '../../src/app/ports.js';
import type { WorldModel } from '../../src/app/world-model.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { memoryKeyStore } from '../../src/adapters/keystore/file-keystore.js';
import { createParallelSigner } from '../../src/adapters/crypto/parallel-signer.js';

export function testLedger(store: LedgerStore, model?: WorldModel<unknown>, options: { parallelSigning?: boolean } = {}): LedgerService {
  let tick = Date.parse('2026-01-01T00:00:00Z');
  const keys = memoryKeyStore();
  return new LedgerService({
    store,
    keys,
    ...(options.parallelSigning ? { signMany: createParallelSigner(keys.privateKey, 2).signMany } : {}),
    crypto: nodeCrypto,
    clock: { now: () => new Date((tick += 1000)) },
    random: (n) => new Uint8Array(randomBytes(n)),
    ...(model ? { model } : {}),
  });
}

export const draft = (i: number, extra: Partial<Draft> = {}): Draft => ({
  type: i % 3 === 0 ? 'NoteRecorded' : 'FactRecorded',
  validTime: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
  actor: 'archive',
  actingFor: 'ARCHIVE',
  payload: { i, text: `entry ${i}` },
  ...extra,
});
