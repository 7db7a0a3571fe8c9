import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testLedger, draft } from '../support/ledger.js';
import { fromBase64 } from '../../src/ledger/bytes.js';
import { storeContract } from './store-contract.js';
import { openMemoryStore } from '../../src/adapters/memory/memory-store.js';
import { openMemoryAccounts } from '../../src/adapters/memory/memory-accounts.js';
import { accountStoreContract } from './account-contract.js';

storeContract({ name: 'memory', open: async () => openMemoryStore() });

accountStoreContract({
  name: 'memory',
  fresh: async () => {
    const store = openMemoryAccounts();
    return { handle: async () => store };
  },
});

test('every entry of a batch carries its own 16-byte salt', async () => {
  const ledger = testLedger(openMemoryStore());
  await ledger.createWorld('salts');
  const entries = await ledger.append('salts', Array.from({ length: 50 }, (_, i) => draft(i)));
  const salts = entries.map((e) => fromBase64(e.salt));
  assert.ok(salts.every((s) => s.length === 16));
  assert.equal(new Set(entries.map((e) => e.salt)).size, 50);
  assert.equal((await ledger.verify('salts')).ok, true);
});

test('proofs keep the upper tree nodes once read: the same hashes, and the store is asked only for the nodes below', async () => {
  const { UPPER_NODE_LEVEL } = await import('../../src/app/ledger-service.js');
  const store = openMemoryStore();
  const ledger = testLedger(store);
  await ledger.createWorld('tree');
  const size = 3 * 2 ** UPPER_NODE_LEVEL + 17;
  for (let start = 0; start < size; start += 2000) {
    await ledger.append('tree', Array.from({ length: Math.min(2000, size - start) }, (_, i) => draft(start + i)));
  }
  const levels: number[][] = [];
  const counting = { ...store, nodes: (world: string, ids: readonly { level: number; index: number }[]) => { levels.push(ids.map((id) => id.level)); return store.nodes(world, ids); } };
  const cached = testLedger(counting as typeof store);
  const first = await cached.inclusionHashes('tree', 5, size);
  const second = await cached.inclusionHashes('tree', 6, size);
  assert.ok(levels[0]!.some((l) => l >= UPPER_NODE_LEVEL), 'the first proof reads upper nodes from the store');
  assert.deepEqual(levels[1]!.filter((l) => l >= UPPER_NODE_LEVEL), [], 'the second reads none of them again');
  // The same answers as a ledger that has kept nothing, for inclusion and consistency proofs.
  const fresh = () => testLedger(store);
  assert.deepEqual(first, await fresh().inclusionHashes('tree', 5, size));
  assert.deepEqual(second, await fresh().inclusionHashes('tree', 6, size));
  for (const [a, b] of [[5, size], [2 ** UPPER_NODE_LEVEL, size], [size - 20, size], [2 ** (UPPER_NODE_LEVEL + 1) + 3, 2 ** (UPPER_NODE_LEVEL + 1) + 9]] as const) {
    assert.deepEqual(await cached.consistencyHashes('tree', a, b), await fresh().consistencyHashes('tree', a, b), `consistency ${a} → ${b}`);
  }
  for (const seq of [0, 4095, 4096, 8191, 8192, size - 1]) {
    assert.deepEqual(await cached.inclusionHashes('tree', seq, size), await fresh().inclusionHashes('tree', seq, size), `inclusion of ${seq}`);
  }
});
